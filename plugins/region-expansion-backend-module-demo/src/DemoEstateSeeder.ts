import { LoggerService } from '@backstage/backend-plugin-api';
import {
  RegionExpansionEstateSeedContext,
  RegionExpansionEstateSeeder,
} from '@region-expansion/plugin-region-expansion-node';
import { demoCampaign } from './demoCampaign';
import { DEMO_FOOTPRINT, DEMO_FOOTPRINT_SOURCE } from './demoFootprint';
import { DEMO_CONTROL_PLANES, demoCells, demoTenants } from './syntheticEstate';

const DEMO_ACTOR = 'region-expansion:demo-data';

/**
 * Seeds the deterministic synthetic estate (control planes in four
 * partitions including aws-eusc, 53 cells in nine Regions, tenants
 * placed by the placement engine) and the demo application plane's
 * footprint, and one launch campaign. Idempotent: leaves the estate alone
 * when any cell exists, a stored footprint and a stored campaign as they are.
 *
 * @public
 */
export class DemoEstateSeeder implements RegionExpansionEstateSeeder {
  /** Names the seeder in the backend's log lines. */
  readonly id = 'demo';
  readonly #tenants: number;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  /** A seeder placing `tenants` synthetic tenants. */
  static create(options: {
    tenants: number;
    logger: LoggerService;
    /** The clock the campaign's target date counts from. */
    now?: () => Date;
  }): DemoEstateSeeder {
    return new DemoEstateSeeder(
      options.tenants,
      options.logger,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(tenants: number, logger: LoggerService, now: () => Date) {
    this.#tenants = tenants;
    this.#logger = logger;
    this.#now = now;
  }

  /** Seeds the demo estate into an empty estate, and its footprint. */
  async seed(context: RegionExpansionEstateSeedContext): Promise<void> {
    await this.#seedEstate(context);
    await context.seedFootprint(DEMO_FOOTPRINT, DEMO_FOOTPRINT_SOURCE);
    const campaign = demoCampaign(this.#now());
    if (await context.seedCampaign(campaign, DEMO_ACTOR)) {
      this.#logger.info(
        `Region expansion demo data: launch campaign ${campaign.id}`,
      );
    }
  }

  async #seedEstate(context: RegionExpansionEstateSeedContext): Promise<void> {
    if ((await context.countCells()) > 0) {
      this.#logger.info('Region expansion demo data: cells exist, not seeding');
      return;
    }
    for (const controlPlane of DEMO_CONTROL_PLANES) {
      await context.addControlPlane(controlPlane);
    }
    const cells = demoCells();
    for (const { partition: _p, usage: _u, ...cell } of cells) {
      await context.addCell(cell);
    }
    const { tenants, reasons } = await context.placeTenants(
      demoTenants(this.#tenants),
      cells,
    );
    const result = await context.importTenants(tenants, {
      actor: DEMO_ACTOR,
      reasons,
    });
    this.#logger.info(
      `Region expansion demo data: ${cells.length} cells, ${result.imported} tenants (${result.placed} placed)`,
    );
  }
}
