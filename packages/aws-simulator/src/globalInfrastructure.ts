/**
 * Data behind the SSM public parameters `/aws/service/global-infrastructure/...`
 * and the Price List locations, passed in (e.g. from the location and
 * availability snapshots); the simulator has none built in.
 *
 * @public
 */
export interface GlobalInfrastructureSnapshot {
  /** Regions with their partition and long name. */
  regions: Array<{ id: string; partition: string; longName?: string }>;
  /** Services by SSM service code, with the Regions offering them. */
  services: Array<{ code: string; longName?: string; regions: string[] }>;
}
