import { useCallback } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  READINESS_CHECKS,
  waiverManagePermission,
  type EvaluatedReadinessSignal,
  type CursorPage,
  type ReadinessBlocker,
  type ReadinessWaiverChange,
  type StoredReadinessEvaluation,
  type StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useReadiness } from '../../hooks/useReadiness';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { useWaivers } from '../../hooks/useWaivers';
import { ReadinessChip } from '../shared/ReadinessChip';
import { SIGNAL_STATUS_COLOURS } from '../shared/readiness';
import { ageOf, formatTime } from '../shared/charts';
import { AsyncContent, serverMessage } from '../shared/EmptyOrError';
import { MissingPermissionNote } from '../shared/MissingPermissionNote';
import { ShowMoreRows } from '../shared/ShowMoreRows';
import { ReadinessHistoryChart } from './ReadinessHistoryChart';
import { WaiverForm } from './WaiverForm';
import { WaiverTable } from './WaiverTable';

function SignalStatusChip(props: { signal: EvaluatedReadinessSignal }) {
  const { signal } = props;
  return (
    <Chip
      size="small"
      label={signal.status}
      sx={{
        bgcolor: SIGNAL_STATUS_COLOURS[signal.status],
        color: '#fff',
        minWidth: 64,
      }}
    />
  );
}

/** One line per typed signal: status, freshness, detail and a waiver mark. */
function SignalList(props: { evaluation: StoredReadinessEvaluation }) {
  const { evaluation } = props;
  return (
    <List dense aria-label="Readiness signals">
      {READINESS_CHECKS.map(check => {
        const signal = evaluation.signals[check];
        return (
          <ListItem
            key={check}
            disableGutters
            aria-label={`${check}: ${signal.status}${
              signal.waived ? ', waived' : ''
            }`}
          >
            <Stack
              useFlexGap
              direction="row"
              spacing={2}
              alignItems="flex-start"
              // Let long details wrap instead of widening the card.
              sx={{ minWidth: 0, flex: 1 }}
            >
              <SignalStatusChip signal={signal} />
              <ListItemText
                // The theme keeps list text on one line; details must wrap.
                sx={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
                primary={
                  <>
                    <strong>{check}</strong>
                    {signal.waived && (
                      <Chip
                        size="small"
                        variant="outlined"
                        label={`Waived until ${
                          signal.waiver
                            ? formatTime(signal.waiver.expiresAt)
                            : 'expiry unknown'
                        }`}
                        sx={{ ml: 1 }}
                      />
                    )}
                  </>
                }
                secondary={`${signal.detail} · observed ${
                  signal.observedAt
                    ? `${ageOf(signal.observedAt)} (${formatTime(
                        signal.observedAt,
                      )})`
                    : 'never: derived or missing signal'
                }`}
              />
            </Stack>
          </ListItem>
        );
      })}
    </List>
  );
}

/** Blockers or open checks, each with its remediation. */
export function BlockerList(props: {
  label: string;
  blockers: ReadinessBlocker[];
}) {
  const { label, blockers } = props;
  if (blockers.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">
        {label} ({blockers.length})
      </Typography>
      <List dense aria-label={label}>
        {blockers.map((blocker, index) => (
          <ListItem key={`${blocker.check}-${index}`} disableGutters>
            <ListItemText
              sx={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
              primary={`${blocker.check}${
                blocker.service ? ` · ${blocker.service}` : ''
              }: ${blocker.detail}`}
              secondary={`Remediation: ${blocker.remediation}`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/**
 * Services of the application-plane footprint this location lacks, read
 * from the availability signal's blockers and open checks.
 */
function AvailabilityGaps(props: {
  evaluation: StoredReadinessEvaluation;
  footprintSource?: string;
  footprintServices?: number;
}) {
  const { evaluation, footprintSource, footprintServices } = props;
  const gaps = [...evaluation.blockers, ...evaluation.openChecks].filter(
    blocker => blocker.check === 'availability',
  );
  const waived = evaluation.signals.availability.waived;
  return (
    <InfoCard
      title="Availability gaps for the application plane"
      subheader={
        footprintSource
          ? `Footprint of ${footprintServices} services from ${footprintSource}`
          : 'No application-plane footprint readable; gaps come from the availability signal'
      }
    >
      {gaps.length === 0 ? (
        <Typography variant="body2">
          {waived
            ? 'The availability check is waived here.'
            : `No availability gaps: the availability signal is ${evaluation.signals.availability.status}.`}
        </Typography>
      ) : (
        <Table size="small" aria-label="Availability gaps">
          <TableHead>
            <TableRow>
              <TableCell>Service</TableCell>
              <TableCell>Gap</TableCell>
              <TableCell>Remediation</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {gaps.map((gap, index) => (
              <TableRow key={`${gap.service}-${index}`}>
                <TableCell>{gap.service ?? '—'}</TableCell>
                <TableCell>{gap.detail}</TableCell>
                <TableCell>{gap.remediation}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

/** "Evaluate now", shown only with the permission the route checks. */
function EvaluateNowButton(props: {
  locationId: string;
  onEvaluated: () => void;
}) {
  const { locationId, onEvaluated } = props;
  const api = useRegionExpansionApi();
  const [state, evaluate] = useAsyncFn(async () => {
    const evaluation = await api.evaluateReadiness({ path: { locationId } });
    onEvaluated();
    return evaluation;
  }, [api, locationId, onEvaluated]);
  return (
    <Stack useFlexGap direction="row" spacing={2} alignItems="center">
      <Button
        variant="outlined"
        onClick={() => evaluate()}
        disabled={state.loading}
      >
        Evaluate now
      </Button>
      {state.error && (
        <Alert severity="error" role="alert">
          {serverMessage(state.error)}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * The location's waivers: the first page, more on request, the revoke
 * action and, with the permission, the form that adds one.
 */
function WaiversCard(props: {
  locationId: string;
  waivers: CursorPage<StoredReadinessWaiver>;
  canManage?: boolean;
  onChanged: (change: ReadinessWaiverChange) => void;
}) {
  const { locationId, canManage, onChanged } = props;
  const pages = useWaivers(locationId, props.waivers);
  return (
    <InfoCard
      title={`Waivers (${pages.items.length}${pages.hasMore ? '+' : ''})`}
    >
      <Stack useFlexGap spacing={3}>
        <WaiverTable
          waivers={pages.items}
          canManage={canManage}
          onRevoked={onChanged}
        />
        <ShowMoreRows pages={pages} what="waivers" />
        {canManage !== undefined &&
          (canManage ? (
            <WaiverForm locationId={locationId} onAdded={onChanged} />
          ) : (
            <MissingPermissionNote
              action="Adding and revoking waivers"
              permission={waiverManagePermission.name}
            />
          ))}
      </Stack>
    </InfoCard>
  );
}

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
        notEvaluatedReason,
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
                  No evaluation yet, so readiness is unknown (never treated as
                  ready). {notEvaluatedReason}
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
