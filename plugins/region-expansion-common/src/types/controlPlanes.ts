// The mode type is declared once, next to the architecture advice that
// recommends it; control planes record the chosen mode:
// - `global`: one control plane manages application planes in many Regions
//   of its partition.
// - `regional`: a control plane per Region (or group of Regions), for latency
//   or residency of tenant metadata.
// - `partition`: a control plane inside a separate partition (for example the
//   AWS European Sovereign Cloud), because nothing crosses a partition.
import type { z } from 'zod';
import type { controlPlaneSchema } from '../schemas/controlPlanes';
import type { ControlPlaneMode } from './assessment';

/**
 * All control-plane modes, in a stable order.
 *
 * @public
 */
export const CONTROL_PLANE_MODES: readonly ControlPlaneMode[] = [
  'global',
  'regional',
  'partition',
];

/**
 * A control plane: tenant management and metadata for a set of locations.
 *
 * @public
 */
export type ControlPlane = z.output<typeof controlPlaneSchema>;
