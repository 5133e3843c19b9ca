import { DragEvent, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Progress } from '@backstage/core-components';
import {
  DATA_CLASSIFICATIONS,
  type DataClassification,
} from '@region-expansion/plugin-region-expansion-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { ServerErrorAlert } from '../shared/ServerErrorAlert';
import { SelectField } from '../shared/SelectField';
import { StackedForm } from '../shared/StackedForm';
import { AssessmentResult } from './AssessmentResult';
import { MAX_UPLOAD_BYTES, megabytes, readAsBase64 } from './uploadFile';

/**
 * Picks one file (button or drag and drop), with whose data it carries,
 * and sends it to `POST /readiness/:locationId/assess`.
 */
export function AssessInfrastructureForm(props: { locationId: string }) {
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

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <Stack useFlexGap spacing={3}>
      <StackedForm
        label={`Assess infrastructure code against ${locationId}`}
        maxWidth={640}
        onSubmit={() => file && assess(file)}
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
        <SelectField
          label="Data classification"
          value={classification}
          options={DATA_CLASSIFICATIONS}
          // Shows "internal (default)" instead of an empty box.
          emptyLabel="internal (default)"
          onChange={setClassification}
          helperText="The highest classification of the data the code handles"
        />
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
      </StackedForm>
      {state.loading && <Progress />}
      <ServerErrorAlert error={!state.loading ? state.error : undefined} />
      {state.value && !state.loading && !state.error && (
        <AssessmentResult
          result={state.value.result}
          classification={state.value.classification}
        />
      )}
    </Stack>
  );
}
