import type { GlobalInfrastructureSnapshot } from '../../globalInfrastructure';

const GLOBAL_INFRASTRUCTURE = '/aws/service/global-infrastructure';

/**
 * All public parameters of the global-infrastructure tree for a partition, sorted by name.
 *
 * @public
 */
export function globalInfrastructureParameters(
  snapshot: GlobalInfrastructureSnapshot,
  partition: string,
): Array<[string, string]> {
  const regions = snapshot.regions.filter(r => r.partition === partition);
  const regionIds = new Set(regions.map(r => r.id));
  const out: Array<[string, string]> = [];
  for (const r of regions) {
    out.push([`${GLOBAL_INFRASTRUCTURE}/regions/${r.id}`, r.id]);
    if (r.longName)
      out.push([
        `${GLOBAL_INFRASTRUCTURE}/regions/${r.id}/longName`,
        r.longName,
      ]);
    out.push([
      `${GLOBAL_INFRASTRUCTURE}/regions/${r.id}/partition`,
      r.partition,
    ]);
  }
  for (const s of snapshot.services) {
    const offered = s.regions.filter(r => regionIds.has(r));
    if (offered.length === 0) continue;
    out.push([`${GLOBAL_INFRASTRUCTURE}/services/${s.code}`, s.code]);
    if (s.longName)
      out.push([
        `${GLOBAL_INFRASTRUCTURE}/services/${s.code}/longName`,
        s.longName,
      ]);
    for (const r of offered) {
      out.push([`${GLOBAL_INFRASTRUCTURE}/services/${s.code}/regions/${r}`, r]);
      out.push([
        `${GLOBAL_INFRASTRUCTURE}/regions/${r}/services/${s.code}`,
        s.code,
      ]);
    }
  }
  return out.sort(([a], [b]) => a.localeCompare(b));
}
