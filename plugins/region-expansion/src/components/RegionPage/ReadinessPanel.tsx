import { useCallback } from 'react';
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { waiverManagePermission } from '@region-expansion/plugin-region-expansion-common';
import { useReadiness } from '../../hooks/useReadiness';
import { ReadinessChip } from '../shared/ReadinessChip';
import { formatTime } from '../shared/time';
import { AsyncContent } from '../shared/AsyncContent';
import { MissingPermissionNote } from '../shared/MissingPermissionNote';
import { AvailabilityGaps } from './AvailabilityGaps';
import { BlockerList } from './BlockerList';
import { EvaluateNowButton } from './EvaluateNowButton';
import { ReadinessHistoryChart } from './ReadinessHistoryChart';
import { SignalList } from './SignalList';
import { WaiversCard } from './WaiversCard';

/**
 * Readiness of one location from its latest stored evaluation: level, each
 * signal with status and freshness, blockers with remediation, waivers,
 * availability gaps and the history of levels. "Evaluate now", "Add
 * waiver" and revoking a waiver appear only with
 * `region-expansion.waiver.manage`; without it each says so.
 */
export function ReadinessPanel(props: { locationId: string }) {
  const { locationId } = props;
  const { allowed: canManage, loading: permissionLoading } = usePermission({
    permission: waiverManagePermission,
  });
  const details = useReadiness(locationId);
  const reload = details.retry;
  // A granted or revoked waiver re-evaluated the location: reload the
  // list, the level and the history together.
  const onWaiverChanged = useCallback(() => reload(), [reload]);

  return (
    <AsyncContent
      loading={details.loading && !details.value}
      error={details.error}
      value={details.value}
    >
      {({
        evaluation,
        history,
        waivers,
        footprintSource,
        footprintServices,
      }) => (
        <Stack useFlexGap spacing={3}>
          <InfoCard
            title="Readiness"
            subheader={
              evaluation
                ? `${locationId} · evaluated ${formatTime(
                    evaluation.evaluatedAt,
                  )} (${evaluation.trigger})`
                : locationId
            }
          >
            <Stack useFlexGap spacing={2}>
              <Stack useFlexGap direction="row" spacing={2} alignItems="center">
                <ReadinessChip level={evaluation?.level ?? 'unknown'} />
                <Typography variant="body2">
                  Became ready at:{' '}
                  {history.becameReadyAt
                    ? formatTime(history.becameReadyAt)
                    : 'never'}
                </Typography>
              </Stack>
              {!evaluation && (
                <Alert severity="info" role="note">
                  This location has no readiness evaluation yet, so readiness is
                  unknown (never treated as ready).{' '}
                  {canManage
                    ? 'Evaluate now, or wait for the scheduled evaluation.'
                    : 'It is evaluated on schedule; to evaluate it now, ask someone who may evaluate readiness.'}
                </Alert>
              )}
              {evaluation && (
                <>
                  <SignalList evaluation={evaluation} />
                  <BlockerList
                    label="Blockers"
                    blockers={evaluation.blockers}
                  />
                  <BlockerList
                    label="Open checks"
                    blockers={evaluation.openChecks}
                  />
                </>
              )}
              {permissionLoading && <Progress />}
              {!permissionLoading &&
                (canManage ? (
                  <EvaluateNowButton
                    locationId={locationId}
                    onEvaluated={reload}
                  />
                ) : (
                  <MissingPermissionNote
                    action="Evaluating readiness now"
                    permission={waiverManagePermission.name}
                  />
                ))}
            </Stack>
          </InfoCard>
          <Grid container spacing={2}>
            <Grid item xs={12} lg={6}>
              {evaluation ? (
                <AvailabilityGaps
                  evaluation={evaluation}
                  footprintSource={footprintSource}
                  footprintServices={footprintServices}
                />
              ) : (
                <InfoCard title="Availability gaps for the application plane">
                  <Typography variant="body2">
                    Unknown until the location is evaluated.
                  </Typography>
                </InfoCard>
              )}
            </Grid>
            <Grid item xs={12} lg={6}>
              <InfoCard title="Readiness history">
                {history.items.length === 0 ? (
                  <Typography variant="body2">
                    No evaluations stored for this location yet.
                  </Typography>
                ) : (
                  <ReadinessHistoryChart
                    locationId={locationId}
                    items={history.items}
                    becameReadyAt={history.becameReadyAt}
                  />
                )}
              </InfoCard>
            </Grid>
          </Grid>
          <WaiversCard
            locationId={locationId}
            waivers={waivers}
            canManage={permissionLoading ? undefined : canManage}
            onChanged={onWaiverChanged}
          />
        </Stack>
      )}
    </AsyncContent>
  );
}
