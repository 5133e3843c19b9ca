import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { GovernanceProvider } from './types';

/**
 * Lets backend modules add governance providers to the region-expansion
 * backend.
 *
 * @public
 */
export interface RegionExpansionGovernanceExtensionPoint {
  /** Registers a provider; the backend runs each one as its own scheduled sync task. */
  addProvider(provider: GovernanceProvider): void;
}

/**
 * Extension point for governance providers (Security Hub, Resilience Hub,
 * Audit Manager, AWS Config).
 *
 * @public
 */
export const regionExpansionGovernanceExtensionPoint =
  createExtensionPoint<RegionExpansionGovernanceExtensionPoint>({
    id: 'region-expansion.governance',
  });
