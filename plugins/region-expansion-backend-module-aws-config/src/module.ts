import { createGovernanceProviderModule } from '@region-expansion/plugin-region-expansion-node';
import { AwsConfigGovernanceProvider } from './AwsConfigGovernanceProvider';

/**
 * Adds the AWS Config conformance pack provider to the region-expansion
 * backend.
 *
 * @public
 */
export const regionExpansionModuleAwsConfig = createGovernanceProviderModule({
  moduleId: 'aws-config',
  fromConfig: config => AwsConfigGovernanceProvider.fromConfig(config),
});
