import type { ReadinessLevel } from '../types/readiness';

/**
 * The readiness levels from worst to best: `blocked` (a failing check),
 * `pilot` (a check warns or is unknown), `ready`. A location never
 * evaluated has no level (placement and the UI show it as `unknown`).
 *
 * @public
 */
export const READINESS_LEVELS: readonly ReadinessLevel[] = [
  'blocked',
  'pilot',
  'ready',
];
