import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  Cell,
  ControlPlane,
  CreateCampaignInput,
  CreateCellInput,
  CreateControlPlaneInput,
  Footprint,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * What an estate seeder may do to the region-expansion backend's estate.
 * Control planes and cells go through the backend's own rules, as if
 * requested over its API; tenants are placed by its placement engine.
 *
 * @public
 */
export interface RegionExpansionEstateSeedContext {
  /** Number of cells stored: a seeder that finds any should leave the estate alone. */
  countCells(): Promise<number>;
  /** Adds a control plane, refused (with the field and the reason) as over the API. */
  addControlPlane(controlPlane: CreateControlPlaneInput): Promise<ControlPlane>;
  /** Adds a cell, refused (with the field and the reason) as over the API. */
  addCell(cell: CreateCellInput): Promise<Cell>;
  /**
   * Places tenants one after the other into `cells` as the placement
   * engine decides, in memory only: returns the tenants with the cell each
   * was given (unplaceable ones without) and the engine's reason per placed
   * tenant. Nothing is written.
   */
  placeTenants(
    tenants: Tenant[],
    cells: Cell[],
  ): Promise<{ tenants: Tenant[]; reasons: Map<string, string> }>;
  /**
   * Writes tenants in one transaction; a tenant with a cell is counted in
   * that cell's usage (guarded by capacity) and gets a history row with its
   * reason. Any failure writes nothing.
   */
  importTenants(
    tenants: Tenant[],
    options: { actor: string; reasons?: ReadonlyMap<string, string> },
  ): Promise<{ imported: number; placed: number }>;
  /**
   * Stores the application plane's footprint, which readiness judges
   * availability against, unless one is stored already; true when it did.
   */
  seedFootprint(footprint: Footprint, source: string): Promise<boolean>;
  /**
   * Creates a launch campaign through the campaign service's checks (as
   * `POST /campaigns` would, by `actor`) unless one with its id exists;
   * true when it did. Its gates are evaluated again once the first
   * readiness evaluation is stored.
   */
  seedCampaign(campaign: CreateCampaignInput, actor: string): Promise<boolean>;
}

/**
 * Writes a starting estate into the region-expansion backend (a demo, or
 * an operator's own fixtures).
 *
 * @public
 */
export interface RegionExpansionEstateSeeder {
  /** Names the seeder in the backend's log. */
  id: string;
  /** Seeds the estate; runs once per start, before the first readiness evaluation. */
  seed(context: RegionExpansionEstateSeedContext): Promise<void>;
}

/**
 * Lets backend modules seed the region-expansion backend's estate.
 *
 * @public
 */
export interface RegionExpansionEstateSeedExtensionPoint {
  /**
   * Registers a seeder; the backend runs every seeder, in registration
   * order, after its migrations and before its first readiness evaluation.
   */
  addSeeder(seeder: RegionExpansionEstateSeeder): void;
}

/**
 * Extension point for estate seeders (the demo module's synthetic estate).
 *
 * @public
 */
export const regionExpansionEstateSeedExtensionPoint =
  createExtensionPoint<RegionExpansionEstateSeedExtensionPoint>({
    id: 'region-expansion.estate-seed',
  });
