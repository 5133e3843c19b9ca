import { useMemo } from 'react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Content, EmptyState, InfoCard } from '@backstage/core-components';
import { useGovernanceDashboard } from '../../hooks/useGovernanceDashboard';
import { useGovernancePageLoaders } from '../../hooks/useGovernancePageLoaders';
import { useGovernanceSyncProgress } from '../../hooks/useGovernanceSyncProgress';
import { FilterBar } from '../shared/FilterBar';
import { FilterSelect } from '../shared/FilterSelect';
import { useUrlFilters } from '../shared/useUrlFilters';
import { AsyncContent } from '../shared/AsyncContent';
import { hasStatus } from '../shared/responseErrors';
import { docsLink } from '../shared/docsLinks';
import { filterFromSearchParams, GOVERNANCE_FACETS } from './governanceFilters';
import { FreshnessPanel } from './FreshnessPanel';
import { SecurityHubPanel } from './SecurityHubPanel';
import { ResiliencePanel } from './ResiliencePanel';
import { AuditPanel } from './AuditPanel';
import { TrendCharts } from './TrendCharts';
import { EvidenceBundleDownload } from './EvidenceBundleDownload';
import { SyncNowButton } from './SyncNowButton';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { regionExpansionTranslationRef } from '../../translation';

/**
 * Who sets governance up works on the backend, not in the portal: the
 * empty states link the guide they follow.
 */
function SetupGuideButton() {
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  return (
    <Button
      variant="contained"
      href={docsLink(
        'install.md',
        '4-governance-providers-optional-needs-aws-accounts',
      )}
      target="_blank"
      rel="noopener"
    >
      {t('governancePage.setupGuideLink')}
    </Button>
  );
}

/** Shown when the backend serves no governance routes at all. */
function GovernanceNotInstalled() {
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  return (
    <EmptyState
      missing="info"
      title={t('governancePage.notEnabledTitle')}
      description={t('governancePage.notEnabledDescription')}
      action={<SetupGuideButton />}
    />
  );
}

/** Shown when governance is installed but no source has reported yet. */
function NoGovernanceData() {
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  return (
    <EmptyState
      missing="data"
      title={t('governancePage.noDataTitle')}
      description={t('governancePage.noDataDescription')}
      action={<SetupGuideButton />}
    />
  );
}

/**
 * The auditors' dashboard: facets by partition, Region, account, severity,
 * control and status (kept in the URL), Security Hub, Resilience Hub and
 * audit panels, trends, freshness and sync progress, and the evidence
 * bundle for the current filters.
 */
export function GovernancePage() {
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const { searchParams, setFilter } = useUrlFilters();
  const filterKey = searchParams.toString();
  // Recomputed only when the query string changes, so requests follow the URL.
  const filter = useMemo(
    () => filterFromSearchParams(new URLSearchParams(filterKey)),
    [filterKey],
  );

  const data = useGovernanceDashboard(filter);
  // The panels read further pages of the same scope on request.
  const loadPage = useGovernancePageLoaders(filter);
  // Sync progress follows the backend's signals while a sync runs.
  const liveFreshness = useGovernanceSyncProgress(filter.partition, data.retry);

  if (hasStatus(data.error, 404)) {
    return (
      <Content>
        <GovernanceNotInstalled />
      </Content>
    );
  }

  return (
    <Content>
      <AsyncContent
        loading={data.loading && !data.value}
        error={data.error}
        value={data.value}
      >
        {value => {
          const filtered = Object.keys(filter).length > 0;
          const empty =
            !filtered &&
            value.freshness.length === 0 &&
            value.severities.length === 0 &&
            value.resilience.items.length === 0 &&
            value.audit.items.length === 0 &&
            value.conformance.items.length === 0;
          if (empty) {
            return (
              <Stack useFlexGap spacing={3}>
                <NoGovernanceData />
                <SyncNowButton onTriggered={data.retry} />
              </Stack>
            );
          }
          return (
            <Stack useFlexGap spacing={3}>
              <FilterBar label={t('governancePage.filtersLabel')}>
                {GOVERNANCE_FACETS.map((facet, index) => {
                  const current = searchParams.get(facet.param) ?? '';
                  const options = value.facetOptions[index];
                  // Keep a value from the URL selectable even when no finding has it.
                  const withCurrent =
                    current && !options.some(o => o.value === current)
                      ? [
                          ...options,
                          { value: current, label: `${current} (0)` },
                        ]
                      : options;
                  return (
                    <FilterSelect
                      key={facet.param}
                      label={facet.label}
                      value={current}
                      options={withCurrent}
                      onChange={v => setFilter(facet.param, v)}
                    />
                  );
                })}
              </FilterBar>
              <Grid container spacing={2}>
                <Grid item xs={12} md={8}>
                  <InfoCard title={t('governancePage.syncTitle')}>
                    <Stack useFlexGap spacing={2}>
                      <Typography variant="body2">
                        {value.freshness.length} targets ·{' '}
                        {
                          value.freshness.filter(f => f.status === 'stale')
                            .length
                        }{' '}
                        stale
                      </Typography>
                      <SyncNowButton onTriggered={data.retry} />
                    </Stack>
                  </InfoCard>
                </Grid>
                <Grid item xs={12} md={4}>
                  <InfoCard title={t('governancePage.evidenceTitle')}>
                    <EvidenceBundleDownload filter={filter} />
                  </InfoCard>
                </Grid>
              </Grid>
              <SecurityHubPanel
                severities={value.severities}
                controls={value.controls}
              />
              <ResiliencePanel
                apps={value.resilience}
                loadPage={loadPage.resilience}
              />
              <AuditPanel
                controls={value.audit}
                conformance={value.conformance}
                loadControls={loadPage.audit}
                loadConformance={loadPage.conformance}
              />
              <TrendCharts history={value.history} />
              <FreshnessPanel freshness={liveFreshness ?? value.freshness} />
            </Stack>
          );
        }}
      </AsyncContent>
    </Content>
  );
}
