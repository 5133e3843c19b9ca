import { useMemo } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { combineAsync } from '../../hooks/combineAsync';
import { useCells } from '../../hooks/useCells';
import { useLocations } from '../../hooks/useLocations';
import { useReadinessSummaries } from '../../hooks/useReadinessSummaries';
import { regionRouteRef } from '../../routes';
import { AsyncContent } from '../shared/AsyncContent';
import { ReadinessChip } from '../shared/ReadinessChip';
import { ReadinessUnavailableNote } from '../shared/ReadinessUnavailableNote';
import { LOCATION_ANNOTATION } from './conditions';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { regionExpansionTranslationRef } from '../../translation';

/**
 * A Region, Local Zone or Outpost with its latest readiness (level,
 * blockers, open checks) and how many cells it holds.
 */
export function LocationReadinessCard(props: { locationId: string }) {
  const { locationId } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const regionLink = useRouteRef(regionRouteRef);
  const locations = useLocations();
  const cells = useCells({ locationId });
  const readiness = useReadinessSummaries();
  const data = useMemo(
    () => combineAsync({ locations, cells, readiness }),
    [locations, cells, readiness],
  );

  return (
    <AsyncContent {...data}>
      {value => {
        const location = value.locations.find(l => l.id === locationId);
        const summary = value.readiness.byLocation.get(locationId);
        return (
          <InfoCard title={t('readinessCard.title')}>
            <Stack useFlexGap spacing={1}>
              {location ? (
                <Link to={regionLink({ locationId: location.id })}>
                  {location.name} ({location.id})
                </Link>
              ) : (
                <Typography>
                  {t('readinessCard.unknownLocation', {
                    locationId,
                    annotation: LOCATION_ANNOTATION,
                  })}
                </Typography>
              )}
              <ReadinessChip level={summary?.level ?? 'unknown'} />
              {summary ? (
                <Typography variant="body2" color="text.secondary">
                  {t('readinessCard.evaluated', {
                    when: new Date(summary.evaluatedAt).toLocaleString(),
                    blockers: String(summary.blockers.length),
                    openChecks: String(summary.openChecks.length),
                  })}
                  {summary.blockers.length > 0 &&
                    ` (${summary.blockers.map(b => b.detail).join('; ')})`}
                </Typography>
              ) : (
                !value.readiness.error && (
                  <Typography variant="body2" color="text.secondary">
                    {t('readinessCard.notEvaluated')}
                  </Typography>
                )
              )}
              <ReadinessUnavailableNote error={value.readiness.error} />
              <Typography variant="body2">
                {t('readinessCard.cellCount', {
                  count: value.cells.length,
                })}
              </Typography>
            </Stack>
          </InfoCard>
        );
      }}
    </AsyncContent>
  );
}
