import { DragEvent, FormEvent, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import {
  DATA_CLASSIFICATIONS,
  readinessReadPermission,
  type AssessedFileKind,
  type CrossRegionDependency,
  type DataClassification,
  type FootprintAssessment,
} from '@region-expansion/plugin-region-expansion-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { ReadinessChip } from '../shared/ReadinessChip';
import { formatTime } from '../shared/charts';
import { serverMessage } from '../shared/EmptyOrError';
import { usePermissionGate } from '../shared/MissingPermissionNote';
import { BlockerList } from './ReadinessPanel';

/**
 * Largest file the portal sends: base64 makes it a third larger, and the
 * route's body limit is 10mb. Larger inputs go through the CLI, which reads
 * files of any size from disk.
 */
export const MAX_UPLOAD_BYTES = 7 * 1024 * 1024;

/** Rows of long lists shown before "and N more". */
const LIST_LIMIT = 20;

const KIND_LABELS: Record<AssessedFileKind, string> = {
  cloudformation: 'CloudFormation template',
  'terraform-plan': 'Terraform plan',
  cloudtrail: 'CloudTrail log',
};

/** The file's bytes as base64, so binary inputs (`.json.gz`) arrive intact. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () =>
      reject(reader.error ?? new Error(`Cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Where a cross-Region finding was seen: its path, or, for a finding folded
 * from many places, the example paths and how many more there are.
 */
function foldedPaths(finding: CrossRegionDependency): string {
  const paths = finding.paths?.length ? finding.paths : [finding.path];
  const more = (finding.occurrences ?? paths.length) - paths.length;
  return `${paths.join(', ')}${more > 0 ? ` and ${count(more)} more` : ''}`;
}

function Truncated(props: { shown: number; total: number }) {
  if (props.total <= props.shown) return null;
  return (
    <Typography variant="caption" color="text.secondary">
      …and {props.total - props.shown} more (the CLI's `--json` lists all)
    </Typography>
  );
}

/** What one assessment found, most decisive first. */
function AssessmentResultView(props: {
  result: FootprintAssessment;
  classification?: DataClassification;
}) {
  const { result, classification } = props;
  const { evaluation, footprint, locationId } = result;
  const gaps = new Set(result.availabilityGaps.map(g => g.service));
  const availabilityUnknown =
    evaluation.signals.availability.status === 'unknown';
  const otherBlockers = evaluation.blockers.filter(
    b => b.check !== 'availability' && b.check !== 'sovereignty',
  );
  const waiverNote = (check: 'availability' | 'sovereignty') => {
    const signal = evaluation.signals[check];
    return signal.waived ? (
      <Alert severity="info" role="note">
        The {check} check is waived for {locationId}
        {signal.waiver ? ` until ${formatTime(signal.waiver.expiresAt)}` : ''}:
        the findings below do not block the level.
      </Alert>
    ) : null;
  };

  return (
    <Stack
      useFlexGap
      spacing={2}
      component="section"
      aria-label="Assessment result"
    >
      <Stack useFlexGap direction="row" spacing={2} alignItems="center">
        <ReadinessChip level={evaluation.level} />
        <Typography variant="body2">
          {result.fileName} · {KIND_LABELS[result.kind]} · judged against{' '}
          {locationId} with its governance signals and active waivers; nothing
          was stored.
        </Typography>
      </Stack>

      <Typography variant="subtitle1" component="h3">
        Services used ({footprint.services.length})
      </Typography>
      {footprint.services.length === 0 ? (
        <Typography variant="body2">
          No AWS service found in the file.
        </Typography>
      ) : (
        <Table size="small" aria-label="Services used">
          <TableHead>
            <TableRow>
              <TableCell>Service</TableCell>
              <TableCell>Seen in</TableCell>
              <TableCell>Actions</TableCell>
              <TableCell>Offered in {locationId}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {footprint.services.map(service => {
              let offered = 'yes';
              if (gaps.has(service.code)) offered = 'no';
              else if (availabilityUnknown) offered = 'unknown';
              return (
                <TableRow key={service.code}>
                  <TableCell>{service.code}</TableCell>
                  <TableCell>
                    {service.sources
                      .map(s => (s === 'iac' ? 'code' : 'CloudTrail'))
                      .join(', ')}
                  </TableCell>
                  <TableCell>
                    {service.actions.length
                      ? service.actions.slice(0, 5).join(', ') +
                        (service.actions.length > 5 ? ', …' : '')
                      : '—'}
                  </TableCell>
                  <TableCell>
                    {offered === 'no' ? <strong>no</strong> : offered}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {availabilityUnknown && (
        <Typography variant="body2">
          {evaluation.signals.availability.detail}
        </Typography>
      )}

      {waiverNote('availability')}
      {result.availabilityGaps.length === 0 ? (
        !availabilityUnknown && (
          <Typography variant="body2">
            {locationId} offers every service the file uses.
          </Typography>
        )
      ) : (
        <BlockerList
          label={`Not offered in ${locationId}`}
          blockers={result.availabilityGaps}
        />
      )}

      {waiverNote('sovereignty')}
      {result.sovereigntyBlockers.length === 0 ? (
        <Typography variant="body2">
          No residency, partition or control-plane rule broken (judged for{' '}
          {classification ?? 'internal'} data).
        </Typography>
      ) : (
        <BlockerList
          label="Residency and partition blockers"
          blockers={result.sovereigntyBlockers}
        />
      )}

      <BlockerList
        label={`Other blockers at ${locationId}`}
        blockers={otherBlockers}
      />
      <BlockerList label="Open checks" blockers={evaluation.openChecks} />

      {footprint.crossRegion.length > 0 && (
        <Box>
          <Typography variant="subtitle1" component="h3">
            Cross-Region dependencies ({footprint.crossRegion.length})
          </Typography>
          <List dense aria-label="Cross-Region dependencies">
            {footprint.crossRegion.slice(0, LIST_LIMIT).map((d, index) => (
              <ListItem key={`${d.path}-${index}`} disableGutters>
                <ListItemText
                  primary={`${d.kind}: ${d.detail}${
                    d.occurrences && d.occurrences > 1
                      ? ` (${count(d.occurrences)} places)`
                      : ''
                  }`}
                  secondary={foldedPaths(d)}
                />
              </ListItem>
            ))}
          </List>
          <Truncated shown={LIST_LIMIT} total={footprint.crossRegion.length} />
        </Box>
      )}
      {footprint.unknown.length > 0 && (
        <Box>
          <Typography variant="subtitle1" component="h3">
            Not classified ({footprint.unknown.length})
          </Typography>
          <Typography variant="body2" color="text.secondary">
            These could not be mapped to a service, so their availability was
            not checked.
          </Typography>
          <List dense aria-label="Not classified">
            {footprint.unknown.slice(0, LIST_LIMIT).map((u, index) => (
              <ListItem key={`${u.value}-${index}`} disableGutters>
                <ListItemText
                  primary={`${u.kind}: ${u.value}`}
                  secondary={u.path}
                />
              </ListItem>
            ))}
          </List>
          <Truncated shown={LIST_LIMIT} total={footprint.unknown.length} />
        </Box>
      )}
    </Stack>
  );
}

/**
 * Picks one file (button or drag and drop), with whose data it carries,
 * and sends it to `POST /readiness/:locationId/assess`.
 */
function AssessInfrastructureForm(props: { locationId: string }) {
  const { locationId } = props;
  const api = useRegionExpansionApi();
  const inputRef = useRef<HTMLInputElement>(null);
  // One panel per page; useId would need React 18 (the peer range starts at 16).
  const hintId = `assess-hint-${locationId}`;
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const [classification, setClassification] = useState<DataClassification | ''>(
    '',
  );
  const [homeCountry, setHomeCountry] = useState('');

  const [state, assess] = useAsyncFn(
    async (chosen: File) => {
      if (chosen.size > MAX_UPLOAD_BYTES) {
        throw new Error(
          `${chosen.name} is ${megabytes(
            chosen.size,
          )}; the portal sends files up to ${megabytes(
            MAX_UPLOAD_BYTES,
          )}. Assess larger inputs with \`yarn region-expansion assess --target ${locationId}\`.`,
        );
      }
      const result = await api.assessFootprint({
        path: { locationId },
        body: {
          fileName: chosen.name,
          content: await readAsBase64(chosen),
          encoding: 'base64',
          ...(classification ? { classification } : {}),
          ...(homeCountry.trim() ? { homeCountry: homeCountry.trim() } : {}),
        },
      });
      return { result, classification: classification || undefined };
    },
    [api, locationId, classification, homeCountry],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (file) assess(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <Stack useFlexGap spacing={3}>
      <Stack
        useFlexGap
        component="form"
        aria-label={`Assess infrastructure code against ${locationId}`}
        spacing={2}
        onSubmit={onSubmit}
        sx={{ maxWidth: 640 }}
      >
        <Box
          onDragOver={(event: DragEvent) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="assess-drop-zone"
          sx={{
            border: 2,
            borderStyle: 'dashed',
            borderColor: dragging ? 'primary.main' : 'divider',
            borderRadius: 1,
            p: 3,
            textAlign: 'center',
          }}
        >
          <Stack useFlexGap spacing={1} alignItems="center">
            <Typography variant="body2">Drop a file here, or</Typography>
            <Button
              variant="outlined"
              onClick={() => inputRef.current?.click()}
              aria-describedby={hintId}
            >
              Choose a file
            </Button>
            <input
              ref={inputRef}
              type="file"
              hidden
              accept=".json,.yaml,.yml,.template,.gz"
              aria-label="Infrastructure code file"
              onChange={event => {
                const chosen = event.target.files?.[0];
                if (chosen) setFile(chosen);
                // Lets the same file be chosen again after an edit.
                event.target.value = '';
              }}
            />
            <Typography id={hintId} variant="caption" color="text.secondary">
              A CloudFormation template (JSON or YAML; for CDK, a stack template
              from cdk.out), a Terraform plan JSON (terraform show -json) or a
              CloudTrail log file (.json or .json.gz), up to{' '}
              {megabytes(MAX_UPLOAD_BYTES)}.
            </Typography>
            <Typography variant="body2" role="status">
              {file
                ? `Selected: ${file.name} (${megabytes(file.size)})`
                : 'No file selected'}
            </Typography>
          </Stack>
        </Box>
        <TextField
          select
          size="small"
          label="Data classification"
          value={classification}
          // Shows "internal (default)" instead of an empty box.
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
          onChange={event =>
            setClassification(event.target.value as DataClassification | '')
          }
          helperText="The highest classification of the data the code handles"
        >
          <MenuItem value="">internal (default)</MenuItem>
          {DATA_CLASSIFICATIONS.map(option => (
            <MenuItem key={option} value={option}>
              {option}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label="Data subjects' country"
          value={homeCountry}
          onChange={event => setHomeCountry(event.target.value)}
          helperText={`ISO 3166-1 code such as DE; default: the country of ${locationId}`}
        />
        <div>
          <Button
            type="submit"
            variant="contained"
            disabled={!file || state.loading}
          >
            Assess
          </Button>
        </div>
      </Stack>
      {state.loading && <Progress />}
      {state.error && !state.loading && (
        <Alert severity="error" role="alert">
          {serverMessage(state.error)}
        </Alert>
      )}
      {state.value && !state.loading && !state.error && (
        <AssessmentResultView
          result={state.value.result}
          classification={state.value.classification}
        />
      )}
    </Stack>
  );
}

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
