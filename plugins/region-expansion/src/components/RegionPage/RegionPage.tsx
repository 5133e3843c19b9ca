import { useParams } from 'react-router-dom';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Content, EmptyState, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useLocationCells } from '../../hooks/useLocationCells';
import { tenantsRouteRef } from '../../routes';
import { AsyncContent } from '../shared/AsyncContent';
import { ReadinessPanel } from './ReadinessPanel';
import { CellCapacityCard } from '../CellPage/CellCapacityCard';
import { AssessInfrastructurePanel } from './AssessInfrastructurePanel';
import { ArchitectureAdviceCard } from './ArchitectureAdviceCard';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { regionExpansionTranslationRef } from '../../translation';

/**
 * One Region, Local Zone or Outpost: readiness, architecture advice for a
 * tenant profile there, an assessment of uploaded infrastructure code
 * against it, and every cell in it (for a Region, also
 * the cells of its Local Zones and Outposts). The location comes from the
 * route, or from `locationId` where an entity page embeds it.
 */
export function RegionPage(props: { locationId?: string }) {
  const params = useParams();
  const locationId = props.locationId ?? params.locationId ?? '';
  const { loading, error, value } = useLocationCells(locationId);
  const tenantsLink = useRouteRef(tenantsRouteRef);
  const { t } = useTranslationRef(regionExpansionTranslationRef);

  return (
    <Content>
      <AsyncContent loading={loading} error={error} value={value}>
        {({ locations, cells }) => {
          const location = locations.find(l => l.id === locationId);
          if (!location) {
            return (
              <EmptyState
                missing="data"
                title={t('regionPage.unknownLocationTitle', { locationId })}
                description={t('regionPage.unknownLocationDescription')}
              />
            );
          }
          const attached = locations.filter(
            l => l.parentRegion === location.id,
          );
          const locationIds = new Set([
            location.id,
            ...attached.map(l => l.id),
          ]);
          const localCells = cells.filter(c => locationIds.has(c.locationId));
          return (
            <Stack useFlexGap spacing={3}>
              <div>
                <Typography variant="h4" component="h1">
                  {location.name}
                </Typography>
                <Typography color="text.secondary">
                  {location.id} · {location.kind} ·{' '}
                  {t('regionPage.partition', {
                    partition: location.partition,
                  })}{' '}
                  · {location.country} · {location.jurisdictions.join(', ')}
                  {location.parentRegion &&
                    ` · ${t('regionPage.attachedTo', {
                      parentRegion: location.parentRegion,
                    })}`}
                </Typography>
                <Link
                  to={`${tenantsLink()}?location=${encodeURIComponent(
                    location.id,
                  )}`}
                >
                  {t('regionPage.tenantsLink', { locationId: location.id })}
                </Link>
              </div>
              <ReadinessPanel locationId={location.id} />
              <ArchitectureAdviceCard locationId={location.id} />
              <AssessInfrastructurePanel locationId={location.id} />
              <Typography variant="h5" component="h2">
                {t('regionPage.cellsHeading', {
                  count: localCells.length,
                })}
              </Typography>
              {localCells.length === 0 ? (
                <EmptyState
                  missing="content"
                  title={t('regionPage.noCellsTitle')}
                  description={t('regionPage.noCellsDescription')}
                />
              ) : (
                <Grid container spacing={2}>
                  {localCells.map(cell => (
                    <Grid item xs={12} md={6} key={cell.id}>
                      <CellCapacityCard cell={cell} />
                    </Grid>
                  ))}
                </Grid>
              )}
            </Stack>
          );
        }}
      </AsyncContent>
    </Content>
  );
}
