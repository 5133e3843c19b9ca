import { createGovernanceProviderModule } from '@region-expansion/plugin-region-expansion-node';
import { AuditManagerGovernanceProvider } from './AuditManagerGovernanceProvider';

/**
 * Adds the Audit Manager governance provider to the region-expansion backend.
 *
 * @public
 */
export const regionExpansionModuleAuditManager = createGovernanceProviderModule(
  {
    moduleId: 'audit-manager',
    fromConfig: config => AuditManagerGovernanceProvider.fromConfig(config),
  },
);
