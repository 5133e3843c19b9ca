import type {
  ControlPlane,
  Location,
  Partition,
  ReadinessBlocker,
  ReadinessSignal,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * The control-plane half of the sovereignty signal: does a suitable control
 * plane manage the location? Suitable means in the location's partition,
 * managing the location (or the parent Region of a Local Zone or Outpost),
 * and, in a partition that requires its own control plane, of mode
 * `partition`.
 *
 * @remarks
 *
 * Without one: `fail` in a partition that requires its own control plane
 * (tenant metadata would have to leave the partition), `warn` elsewhere (no
 * tenant can be placed yet). Whether the control plane's own location may
 * hold the tenant metadata is judged by the residency rules of the node
 * library; this function only finds the control plane.
 *
 * @public
 */
export function findControlPlane(
  location: Location,
  partition: Partition | undefined,
  controlPlanes: readonly ControlPlane[],
): {
  controlPlane?: ControlPlane;
  signal?: ReadinessSignal;
  blockers: ReadinessBlocker[];
} {
  const managed = [location.id, location.parentRegion].filter(
    (id): id is string => Boolean(id),
  );
  const candidates = controlPlanes.filter(
    cp =>
      cp.partition === location.partition &&
      (managed.includes(cp.homeLocation) ||
        cp.managedLocations.some(id => managed.includes(id))),
  );
  const suitable = partition?.requiresOwnControlPlane
    ? candidates.filter(cp => cp.mode === 'partition')
    : candidates;
  if (suitable.length) return { controlPlane: suitable[0], blockers: [] };
  if (partition?.requiresOwnControlPlane) {
    const detail = `partition ${location.partition} requires its own control plane inside it; none of mode 'partition' manages ${location.id}`;
    return {
      signal: { status: 'fail', detail, blockers: [detail] },
      blockers: [
        {
          check: 'sovereignty',
          detail,
          remediation: `run a control plane of mode 'partition' in ${partition.homeRegion} with the partition's own credentials and let it manage ${location.id}`,
        },
      ],
    };
  }
  return {
    signal: {
      status: 'warn',
      detail: `no control plane manages ${location.id} yet, so no tenant can be placed there; add it to a control plane of partition ${location.partition}`,
      blockers: [],
    },
    blockers: [],
  };
}
