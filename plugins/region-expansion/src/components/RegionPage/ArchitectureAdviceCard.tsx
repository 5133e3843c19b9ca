import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { readinessReadPermission } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionTranslationRef } from '../../translation';
import { usePermissionGate } from '../shared/usePermissionGate';
import { ArchitectureAdvicePanel } from './ArchitectureAdvicePanel';

/**
 * "Architecture advice" on a Region page: control-plane mode, tenant
 * isolation and encryption tier for a data classification and tier here,
 * each with the rule that decides it. Shown with
 * `region-expansion.readiness.read`, the permission the route checks.
 */
export function ArchitectureAdviceCard(props: { locationId: string }) {
  const { locationId } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const gate = usePermissionGate(
    readinessReadPermission,
    t('adviceCard.permissionAction'),
  );
  return (
    <InfoCard
      title={t('adviceCard.title')}
      subheader={t('adviceCard.subheader', { locationId })}
    >
      {gate === undefined ? (
        <ArchitectureAdvicePanel locationId={locationId} />
      ) : (
        gate
      )}
    </InfoCard>
  );
}
