import { useEffect, useRef, useState } from 'react';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useApplicationPlaneFootprint } from '../../hooks/useApplicationPlaneFootprint';
import { regionExpansionTranslationRef } from '../../translation';
import { ServerErrorAlert } from '../shared/ServerErrorAlert';
import {
  MAX_UPLOAD_BYTES,
  megabytes,
  readAsText,
} from '../RegionPage/uploadFile';
import { parseFootprintFile, type Workload } from './compareRequest';

/**
 * What to rank locations for: the stored application-plane footprint (when
 * one is stored), or a footprint file chosen here and read in the browser.
 * `onChange(undefined)` while no usable workload is chosen.
 */
export function WorkloadPicker(props: {
  onChange: (workload: Workload | undefined) => void;
}) {
  const { onChange } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const stored = useApplicationPlaneFootprint();
  const inputRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<'stored' | 'file'>('stored');
  const [file, setFile] = useState<Extract<Workload, { kind: 'file' }>>();
  const [fileError, setFileError] = useState<Error>();
  const storedMissing = !stored.loading && !stored.value;
  // Without a stored footprint (or when it cannot be read) a file is the
  // only workload there is.
  useEffect(() => {
    if (storedMissing) {
      setKind('file');
      onChange(undefined);
    }
  }, [storedMissing, onChange]);

  const choose = (next: 'stored' | 'file') => {
    setKind(next);
    onChange(next === 'stored' ? { kind: 'stored' } : file);
  };
  const read = async (chosen: File) => {
    setFileError(undefined);
    try {
      if (chosen.size > MAX_UPLOAD_BYTES) {
        throw new Error(
          `${chosen.name} is ${megabytes(
            chosen.size,
          )}; the portal sends footprints up to ${megabytes(MAX_UPLOAD_BYTES)}`,
        );
      }
      const workload = {
        kind: 'file' as const,
        fileName: chosen.name,
        footprint: parseFootprintFile(chosen.name, await readAsText(chosen)),
      };
      setFile(workload);
      setKind('file');
      onChange(workload);
    } catch (error) {
      setFile(undefined);
      setFileError(error as Error);
      onChange(undefined);
    }
  };

  return (
    <Stack
      useFlexGap
      spacing={1}
      role="group"
      aria-label={t('comparePage.workloadHeading')}
    >
      <Typography variant="h6" component="h2">
        {t('comparePage.workloadHeading')}
      </Typography>
      <RadioGroup
        value={kind}
        onChange={event => choose(event.target.value as 'stored' | 'file')}
      >
        <FormControlLabel
          value="stored"
          disabled={storedMissing}
          control={<Radio />}
          label={t('comparePage.storedFootprint')}
        />
        {stored.value && (
          <Typography variant="caption" color="text.secondary" sx={{ pl: 4 }}>
            {t('comparePage.storedFootprintDetail', {
              services: String(stored.value.footprint.services.length),
              source: stored.value.source,
            })}
          </Typography>
        )}
        {storedMissing && !stored.error && (
          <Typography variant="caption" color="text.secondary" sx={{ pl: 4 }}>
            {t('comparePage.noStoredFootprint')}
          </Typography>
        )}
        <FormControlLabel
          value="file"
          control={<Radio />}
          label={t('comparePage.uploadFootprint')}
        />
      </RadioGroup>
      <ServerErrorAlert error={stored.error} />
      {kind === 'file' && (
        <Stack useFlexGap spacing={1} sx={{ pl: 4 }} alignItems="flex-start">
          <Button variant="outlined" onClick={() => inputRef.current?.click()}>
            {t('comparePage.chooseFile')}
          </Button>
          <input
            ref={inputRef}
            type="file"
            hidden
            accept=".json"
            aria-label={t('comparePage.fileInput')}
            onChange={event => {
              const chosen = event.target.files?.[0];
              if (chosen) read(chosen);
              // Lets the same file be chosen again after an edit.
              event.target.value = '';
            }}
          />
          <Typography variant="caption" color="text.secondary">
            {t('comparePage.fileHint')}
          </Typography>
          <Typography variant="body2" role="status">
            {file
              ? t('comparePage.selectedFile', { name: file.fileName })
              : t('comparePage.noFile')}
          </Typography>
          <ServerErrorAlert error={fileError} />
        </Stack>
      )}
    </Stack>
  );
}
