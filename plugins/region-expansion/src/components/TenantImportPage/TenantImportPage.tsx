import { ChangeEvent, useId, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  MAX_IMPORT_ROWS,
  tenantManagePermission,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { ServerErrorAlert } from '../shared/ServerErrorAlert';
import { usePermissionGate } from '../shared/usePermissionGate';
import {
  MAX_LISTED_PROBLEMS,
  parseTenantImport,
  type ParsedImport,
  type TenantImportFormat,
} from './parseTenantImport';

/** The JSON form of an import request (the YAML form sends text). */
type JsonImportRequest = Exclude<
  Parameters<ReturnType<typeof useRegionExpansionApi>['importTenants']>[0],
  { contentType: string }
>;

/** What a CSV file starts with: the columns the import reads. */
const CSV_EXAMPLE =
  'id,name,tier,classification,loadUnits,residencyCountries,residencyJurisdictions,residencyPartition,cellId';

/** A file's text (FileReader: `Blob.text()` is missing from older engines and jsdom). */
function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** The format a file's name suggests. */
function formatOfFile(name: string): TenantImportFormat | undefined {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return undefined;
}

/**
 * Tenant import: a CSV or YAML file, uploaded or pasted, is checked in the
 * browser row by row (each problem naming its line) before anything is
 * sent; then `POST /tenants/import` writes every row or none. Shows
 * progress while the import runs and what it wrote.
 */
export function TenantImportPage(props: {
  /** Called after a successful import, for example to reload a list. */
  onImported?: (result: { imported: number; placed: number }) => void;
}) {
  const { onImported } = props;
  const api = useRegionExpansionApi();
  const problemsId = useId();
  const [format, setFormat] = useState<TenantImportFormat>('csv');
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<ParsedImport>();
  // The check whose rows were sent: sending them twice would only conflict.
  const [sent, setSent] = useState<ParsedImport>();
  const [state, runImport] = useAsyncFn(
    async (parsed: ParsedImport) => {
      setSent(parsed);
      const result = await api.importTenants({
        // Checked against the row schema above; the server checks again.
        body: parsed.rows as JsonImportRequest['body'],
      });
      onImported?.(result);
      return result;
    },
    [api, onImported],
  );
  const gate = usePermissionGate(tenantManagePermission, 'Importing tenants');
  if (gate !== undefined) return gate;

  const edit = (nextText: string, nextFormat = format) => {
    setText(nextText);
    setFormat(nextFormat);
    setChecked(undefined);
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) edit(await readAsText(file), formatOfFile(file.name) ?? format);
  };
  const problems = checked?.problems ?? [];
  const ready = checked && problems.length === 0 ? checked.rows : undefined;

  return (
    <Stack
      spacing={2}
      useFlexGap
      component="section"
      aria-label="Import tenants"
    >
      <Typography variant="body2">
        One tenant per row (CSV, with a header row) or per list item (YAML), at
        most {MAX_IMPORT_ROWS.toLocaleString('en')}. Columns:{' '}
        <code>{CSV_EXAMPLE}</code>. Lists (countries, jurisdictions) are
        separated by <code>;</code>. Every row is written, or none.
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap alignItems="center">
        <TextField
          select
          size="small"
          label="Format"
          value={format}
          onChange={event =>
            edit(text, event.target.value as TenantImportFormat)
          }
          sx={{ minWidth: 120 }}
        >
          <MenuItem value="csv">CSV</MenuItem>
          <MenuItem value="yaml">YAML</MenuItem>
        </TextField>
        <Button variant="outlined" component="label">
          Choose file
          <input
            type="file"
            hidden
            accept=".csv,.yaml,.yml,text/csv,application/yaml,text/yaml"
            aria-label="Import file"
            onChange={onFile}
          />
        </Button>
      </Stack>
      <TextField
        label="Tenants to import"
        multiline
        minRows={6}
        maxRows={16}
        value={text}
        onChange={event => edit(event.target.value)}
        placeholder={
          format === 'csv'
            ? CSV_EXAMPLE
            : '- id: acme\n  name: Acme\n  tier: pool\n  classification: internal\n  loadUnits: 1'
        }
        inputProps={{ spellCheck: false, 'aria-describedby': problemsId }}
        InputProps={{ sx: { fontFamily: 'monospace' } }}
      />
      <Stack direction="row" spacing={2} useFlexGap>
        <Button
          variant="outlined"
          disabled={!text.trim() || state.loading}
          onClick={() => setChecked(parseTenantImport(text, format))}
        >
          Check
        </Button>
        <Button
          variant="contained"
          disabled={!ready || state.loading || sent === checked}
          onClick={() => checked && runImport(checked)}
        >
          {ready ? `Import ${ready.length} tenants` : 'Import'}
        </Button>
      </Stack>
      <div id={problemsId}>
        {problems.length > 0 && (
          <Alert severity="error">
            {problems.length} problems; nothing was sent. Fix the file and check
            again.
            <ul aria-label="Import problems">
              {problems.slice(0, MAX_LISTED_PROBLEMS).map((problem, index) => (
                <li key={index}>
                  Line {problem.line}: {problem.message}
                </li>
              ))}
              {problems.length > MAX_LISTED_PROBLEMS && (
                <li>…and {problems.length - MAX_LISTED_PROBLEMS} more</li>
              )}
            </ul>
          </Alert>
        )}
        {ready && sent !== checked && (
          <Alert severity="info">
            {ready.length} tenants are ready to import.
          </Alert>
        )}
      </div>
      {state.loading && (
        <Stack spacing={1} role="status" aria-label="Import progress">
          <Typography variant="body2">
            Importing {ready?.length} tenants in one transaction…
          </Typography>
          <LinearProgress />
        </Stack>
      )}
      {state.error && (
        <>
          <ServerErrorAlert error={state.error} />
          <Typography variant="body2" color="text.secondary">
            Nothing was stored: an import writes every row or none.
          </Typography>
        </>
      )}
      {state.value && !state.loading && (
        <Alert severity="success" role="status" aria-label="Import result">
          Imported {state.value.imported} tenants; {state.value.placed} pinned
          to a cell.
        </Alert>
      )}
    </Stack>
  );
}
