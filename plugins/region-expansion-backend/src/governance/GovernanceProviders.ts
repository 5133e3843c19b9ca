import {
  GovernanceProvider,
  RegionExpansionGovernanceExtensionPoint,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * The governance providers backend modules register through the
 * governance extension point, in registration order (each becomes its own
 * scheduled sync).
 */
export class GovernanceProviders
  implements RegionExpansionGovernanceExtensionPoint
{
  readonly #providers: GovernanceProvider[] = [];

  addProvider(provider: GovernanceProvider): void {
    this.#providers.push(provider);
  }

  /** The providers registered so far. */
  list(): GovernanceProvider[] {
    return [...this.#providers];
  }
}
