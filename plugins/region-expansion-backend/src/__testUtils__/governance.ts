import { Knex } from 'knex';
import { createEvidenceSnapshots } from '../governance/evidenceSnapshot';
import { GovernanceService } from '../governance/GovernanceService';
import {
  createGovernanceStores,
  GovernanceStores,
} from '../governance/governanceStores';

/**
 * The governance stores and the read service over a migrated client, wired
 * as `plugin.ts` wires them.
 */
export function createGovernance(client: Knex): {
  stores: GovernanceStores;
  service: GovernanceService;
} {
  const stores = createGovernanceStores(client);
  return {
    stores,
    service: GovernanceService.create({
      stores,
      evidence: createEvidenceSnapshots(client),
    }),
  };
}
