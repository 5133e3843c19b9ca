import { FormEvent, useState } from 'react';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  cellReadPermission,
  DATA_CLASSIFICATIONS,
  JURISDICTIONS,
  TENANT_TIERS,
  TIER_CELL_ISOLATION,
  WHAT_IF_LIMITS,
  type Cell,
  type DataClassification,
  type Jurisdiction,
  type Partition,
  type TenantTier,
  type WhatIfResult,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { useTemplateCell } from '../../hooks/useTemplateCell';
import { MissingPermissionNote } from '../shared/MissingPermissionNote';

interface WhatIfFormState {
  count: string;
  tier: TenantTier;
  classification: DataClassification;
  partition: string;
  jurisdiction: string;
  loadUnits: string;
  specVersion: string;
  tenantsPerCell: string;
  loadUnitsPerCell: string;
  serviceCode: string;
  quotaCode: string;
  quotaName: string;
  quotaPerCell: string;
}

/**
 * Starts the cell spec fields from an existing cell of the same isolation,
 * because new cells are built like the ones already running; the user can
 * change every value.
 */
function initialState(template: Cell | undefined): WhatIfFormState {
  return {
    count: '10',
    tier: 'pool',
    classification: 'confidential',
    partition: '',
    jurisdiction: '',
    loadUnits: '10',
    specVersion: template?.specVersion ?? '',
    tenantsPerCell: template ? String(template.capacity.tenants) : '',
    loadUnitsPerCell: template ? String(template.capacity.loadUnits) : '',
    serviceCode: '',
    quotaCode: '',
    quotaName: '',
    quotaPerCell: '',
  };
}

function WhatIfResultView(props: { result: WhatIfResult }) {
  const { result } = props;
  return (
    <Stack
      useFlexGap
      spacing={2}
      aria-label="What-if result"
      component="section"
    >
      <Typography>
        {result.requested} tenants: {result.placedInExistingCells} fit existing
        cells, {result.placedInNewCells} need new cells,{' '}
        {result.unplaceable.count} fit nowhere.
      </Typography>
      {result.unplaceable.reasons.map(reason => (
        <Typography key={reason} color="error">
          {reason}
        </Typography>
      ))}
      <Table size="small" aria-label="Cells to create">
        <TableHead>
          <TableRow>
            <TableCell>Location</TableCell>
            <TableCell>Isolation</TableCell>
            <TableCell align="right">Cells to create</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.cellsToCreate.map(row => (
            <TableRow key={`${row.locationId}-${row.isolation}`}>
              <TableCell>{row.locationId}</TableCell>
              <TableCell>{row.isolation}</TableCell>
              <TableCell align="right">{row.count}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="small" aria-label="Quotas to request">
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Quota</TableCell>
            <TableCell align="right">Per cell</TableCell>
            <TableCell align="right">Cells</TableCell>
            <TableCell align="right">Total to request</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.quotaRequests.map(row => (
            <TableRow key={`${row.serviceCode}-${row.quotaCode}`}>
              <TableCell>{row.serviceCode}</TableCell>
              <TableCell>
                {row.quotaName} ({row.quotaCode})
              </TableCell>
              <TableCell align="right">{row.perCell}</TableCell>
              <TableCell align="right">{row.cellCount}</TableCell>
              <TableCell align="right">{row.total}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}

/**
 * "What if N tenants of this profile arrived?": runs the placement engine
 * without writing (POST /placements/what-if) and lists the cells to create
 * and the quota increases to request.
 *
 * A section that opens on demand (`whatIf=open` in the URL, so it can be
 * linked): the tenants table is what most visits are for, so the form, its
 * permission check and its template cell load only once it is opened and
 * do not compete with the table for the first second of the page.
 */
export function WhatIfSection(props: {
  partitions: Partition[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { partitions, open, onOpenChange } = props;
  return (
    <Accordion
      expanded={open}
      onChange={(_event, expanded) => onOpenChange(expanded)}
      TransitionProps={{ unmountOnExit: true }}
      variant="outlined"
      disableGutters
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="what-if-content"
        id="what-if-header"
      >
        <Typography variant="h6" component="h2">
          What if new tenants arrive?
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="what-if-content">
        <WhatIfForm partitions={partitions} />
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * The what-if form once the section is open. The backend requires
 * `region-expansion.cell.read` for a run, so without it the form says so
 * instead.
 */
function WhatIfForm(props: { partitions: Partition[] }) {
  const { partitions } = props;
  const permission = usePermission({ permission: cellReadPermission });
  const template = useTemplateCell(permission.allowed);

  if (permission.loading || (permission.allowed && template.loading)) {
    return <Progress />;
  }
  if (!permission.allowed) {
    return (
      <MissingPermissionNote
        action="A what-if run"
        permission={cellReadPermission.name}
      />
    );
  }
  return <WhatIfFormBody partitions={partitions} template={template.value} />;
}

/** The form itself, started from the template cell once that is known. */
function WhatIfFormBody(props: {
  partitions: Partition[];
  template: Cell | undefined;
}) {
  const { partitions, template } = props;
  const api = useRegionExpansionApi();
  const [form, setForm] = useState(() => initialState(template));
  const [state, submit] = useAsyncFn(
    async () =>
      api.whatIf({
        body: {
          profiles: [
            {
              count: Number(form.count),
              tier: form.tier,
              classification: form.classification,
              loadUnits: Number(form.loadUnits),
              residency: {
                ...(form.partition ? { partition: form.partition } : {}),
                ...(form.jurisdiction
                  ? { jurisdictions: [form.jurisdiction as Jurisdiction] }
                  : {}),
              },
            },
          ],
          spec: {
            version: form.specVersion,
            isolation: TIER_CELL_ISOLATION[form.tier],
            capacity: {
              tenants: Number(form.tenantsPerCell),
              loadUnits: Number(form.loadUnitsPerCell),
              quotas: {},
            },
            serviceQuotas: form.serviceCode
              ? [
                  {
                    serviceCode: form.serviceCode,
                    quotaCode: form.quotaCode,
                    quotaName: form.quotaName,
                    perCell: Number(form.quotaPerCell),
                  },
                ]
              : [],
          },
        },
      }),
    [api, form],
  );

  const field = (name: keyof WhatIfFormState, label: string, extra = {}) => (
    <TextField
      size="small"
      fullWidth
      label={label}
      value={form[name]}
      onChange={e => setForm({ ...form, [name]: e.target.value })}
      {...extra}
    />
  );
  // The server's bound, shown before submitting instead of as a 400 after.
  const maxTenants = WHAT_IF_LIMITS.tenants;
  const countTooLarge = Number(form.count) > maxTenants;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (countTooLarge) return;
    submit();
  };

  return (
    <Stack useFlexGap spacing={2} component="section" aria-label="What-if">
      <form onSubmit={onSubmit} aria-label="What-if profile">
        <Grid container spacing={2}>
          <Grid item xs={6} md={2}>
            {field('count', 'Number of tenants', {
              type: 'number',
              inputProps: { min: 1, max: maxTenants, step: 1 },
              error: countTooLarge,
              helperText: countTooLarge
                ? `At most ${maxTenants.toLocaleString(
                    'en-US',
                  )} tenants in one what-if`
                : `1 to ${maxTenants.toLocaleString('en-US')} per what-if`,
            })}
          </Grid>
          <Grid item xs={6} md={2}>
            {field('tier', 'Tier', {
              select: true,
              children: TENANT_TIERS.map(t => (
                <MenuItem key={t} value={t}>
                  {t}
                </MenuItem>
              )),
            })}
          </Grid>
          <Grid item xs={6} md={2}>
            {field('classification', 'Classification', {
              select: true,
              children: DATA_CLASSIFICATIONS.map(c => (
                <MenuItem key={c} value={c}>
                  {c}
                </MenuItem>
              )),
            })}
          </Grid>
          <Grid item xs={6} md={2}>
            {field('loadUnits', 'Load units per tenant', {
              type: 'number',
            })}
          </Grid>
          <Grid item xs={6} md={2}>
            {field('partition', 'Residency partition', {
              select: true,
              children: [
                <MenuItem key="" value="">
                  default (aws)
                </MenuItem>,
                ...partitions.map(p => (
                  <MenuItem key={p.id} value={p.id}>
                    {p.id}
                  </MenuItem>
                )),
              ],
            })}
          </Grid>
          <Grid item xs={6} md={2}>
            {field('jurisdiction', 'Residency jurisdiction', {
              select: true,
              children: [
                <MenuItem key="" value="">
                  any
                </MenuItem>,
                ...Object.entries(JURISDICTIONS).map(([id, text]) => (
                  <MenuItem key={id} value={id} title={text}>
                    {id}
                  </MenuItem>
                )),
              ],
            })}
          </Grid>
          <Grid item xs={4} md={2}>
            {field('specVersion', 'Cell spec version')}
          </Grid>
          <Grid item xs={4} md={2}>
            {field('tenantsPerCell', 'Tenants per cell', {
              type: 'number',
            })}
          </Grid>
          <Grid item xs={4} md={2}>
            {field('loadUnitsPerCell', 'Load units per cell', {
              type: 'number',
            })}
          </Grid>
          <Grid item xs={6} md={2}>
            {field('serviceCode', 'Quota service code (optional)')}
          </Grid>
          <Grid item xs={6} md={2}>
            {field('quotaCode', 'Quota code')}
          </Grid>
          <Grid item xs={6} md={1}>
            {field('quotaName', 'Quota name')}
          </Grid>
          <Grid item xs={6} md={1}>
            {field('quotaPerCell', 'Per cell', { type: 'number' })}
          </Grid>
        </Grid>
        <Button
          type="submit"
          variant="contained"
          sx={{ mt: 2 }}
          disabled={state.loading || countTooLarge}
        >
          Run what-if
        </Button>
      </form>
      {state.error && <ResponseErrorPanel error={state.error} />}
      {state.value && <WhatIfResultView result={state.value} />}
    </Stack>
  );
}
