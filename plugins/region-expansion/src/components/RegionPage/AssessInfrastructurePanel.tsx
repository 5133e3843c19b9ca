import { InfoCard } from '@backstage/core-components';
import { readinessReadPermission } from '@region-expansion/plugin-region-expansion-common';
import { usePermissionGate } from '../shared/usePermissionGate';
import { AssessInfrastructureForm } from './AssessInfrastructureForm';

/**
 * "Assess infrastructure code" on a Region page: would this code run here?
 * The file's footprint is judged against the location as its stored
 * readiness judges the application plane, and nothing is stored. Shown
 * with `region-expansion.readiness.read`, the permission the route checks.
 */
export function AssessInfrastructurePanel(props: { locationId: string }) {
  const { locationId } = props;
  const gate = usePermissionGate(
    readinessReadPermission,
    'Assessing infrastructure code',
  );
  return (
    <InfoCard
      title="Assess infrastructure code"
      subheader={`Check a template, Terraform plan or CloudTrail log against ${locationId}`}
    >
      {gate === undefined ? (
        <AssessInfrastructureForm locationId={locationId} />
      ) : (
        gate
      )}
    </InfoCard>
  );
}
