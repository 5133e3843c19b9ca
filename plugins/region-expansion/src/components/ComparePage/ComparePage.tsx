import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Content, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { readinessReadPermission } from '@region-expansion/plugin-region-expansion-common';
import { useLocationComparison } from '../../hooks/useLocationComparison';
import { usePartitions } from '../../hooks/usePartitions';
import { regionExpansionTranslationRef } from '../../translation';
import { AsyncContent } from '../shared/AsyncContent';
import { ServerErrorAlert } from '../shared/ServerErrorAlert';
import { usePermissionGate } from '../shared/usePermissionGate';
import { ComparisonForm } from './ComparisonForm';
import { ComparisonResult } from './ComparisonResult';

/**
 * "Compare Regions": a workload and tenant classes in, every candidate
 * location ranked out (`POST /comparisons`, nothing stored). Needs
 * `region-expansion.readiness.read`, the permission the route checks;
 * without it the page says so instead of showing a form that would fail.
 */
export function ComparePage() {
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const gate = usePermissionGate(
    readinessReadPermission,
    t('comparePage.permissionAction'),
  );
  return (
    <Content>
      <Stack useFlexGap spacing={3}>
        <div>
          <Typography variant="h4" component="h1">
            {t('comparePage.title')}
          </Typography>
          <Typography color="text.secondary">
            {t('comparePage.intro')}
          </Typography>
        </div>
        {gate === undefined ? <AllowedComparison /> : gate}
      </Stack>
    </Content>
  );
}

/** The form and its answer, once the permission is granted. */
function AllowedComparison() {
  const partitions = usePartitions();
  const [state, compare] = useLocationComparison();
  return (
    <AsyncContent {...partitions}>
      {items => (
        <Stack useFlexGap spacing={3}>
          <ComparisonForm
            partitions={items}
            busy={state.loading}
            onCompare={compare}
          />
          {state.loading && <Progress />}
          <ServerErrorAlert error={!state.loading ? state.error : undefined} />
          {state.value && !state.loading && !state.error && (
            <ComparisonResult comparison={state.value} />
          )}
        </Stack>
      )}
    </AsyncContent>
  );
}
