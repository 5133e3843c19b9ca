import { LoggerService } from '@backstage/backend-plugin-api';
import {
  RegionExpansionEstateSeedContext,
  RegionExpansionEstateSeeder,
  RegionExpansionEstateSeedExtensionPoint,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * The estate seeders backend modules register (the demo module's synthetic
 * estate), run once per start in registration order. A production backend
 * installs none, so nothing is seeded there.
 */
export class EstateSeeders implements RegionExpansionEstateSeedExtensionPoint {
  readonly #seeders: RegionExpansionEstateSeeder[] = [];

  addSeeder(seeder: RegionExpansionEstateSeeder): void {
    this.#seeders.push(seeder);
  }

  /** Runs every seeder; a failing one stops the start, naming it. */
  async run(
    context: RegionExpansionEstateSeedContext,
    logger: LoggerService,
  ): Promise<void> {
    for (const seeder of this.#seeders) {
      logger.info(`region-expansion: seeding the estate with ${seeder.id}`);
      try {
        await seeder.seed(context);
      } catch (error) {
        throw new Error(
          `Estate seeder ${seeder.id} failed: ${(error as Error).message}`,
          { cause: error },
        );
      }
    }
  }
}
