import { FormEvent, useState } from 'react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { ResponseErrorPanel } from '@backstage/core-components';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  DATA_CLASSIFICATIONS,
  JURISDICTIONS,
  TENANT_TIERS,
  WHAT_IF_LIMITS,
  type Cell,
  type Partition,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import {
  initialState,
  whatIfBody,
  type WhatIfFormState,
} from './whatIfRequest';
import { WhatIfResult } from './WhatIfResult';

/** One choice of a drop-down field. */
interface Choice {
  value: string;
  label: string;
  title?: string;
}

/** One field of the form: its label, grid width and kind of input. */
interface FieldSpec {
  name: keyof WhatIfFormState;
  label: string;
  /** Grid columns on narrow and wide screens (default 6 and 2). */
  xs?: number;
  md?: number;
  number?: boolean;
  choices?: Choice[];
}

const sameLabel = (value: string): Choice => ({ value, label: value });

/** The fields in the order the form shows them. */
function fieldSpecs(partitions: Partition[]): FieldSpec[] {
  return [
    { name: 'tier', label: 'Tier', choices: TENANT_TIERS.map(sameLabel) },
    {
      name: 'classification',
      label: 'Classification',
      choices: DATA_CLASSIFICATIONS.map(sameLabel),
    },
    { name: 'loadUnits', label: 'Load units per tenant', number: true },
    {
      name: 'partition',
      label: 'Residency partition',
      choices: [
        { value: '', label: 'default (aws)' },
        ...partitions.map(p => sameLabel(p.id)),
      ],
    },
    {
      name: 'jurisdiction',
      label: 'Residency jurisdiction',
      choices: [
        { value: '', label: 'any' },
        ...Object.entries(JURISDICTIONS).map(([id, text]) => ({
          value: id,
          label: id,
          title: text,
        })),
      ],
    },
    { name: 'specVersion', label: 'Cell spec version', xs: 4 },
    { name: 'tenantsPerCell', label: 'Tenants per cell', xs: 4, number: true },
    {
      name: 'loadUnitsPerCell',
      label: 'Load units per cell',
      xs: 4,
      number: true,
    },
    { name: 'serviceCode', label: 'Quota service code (optional)' },
    { name: 'quotaCode', label: 'Quota code' },
    { name: 'quotaName', label: 'Quota name', md: 1 },
    { name: 'quotaPerCell', label: 'Per cell', md: 1, number: true },
  ];
}

/**
 * The profile of the tenants that might arrive and the spec of the cells
 * they would need, started from the template cell; runs
 * `POST /placements/what-if` and shows its answer.
 */
export function WhatIfProfileForm(props: {
  partitions: Partition[];
  template: Cell | undefined;
}) {
  const { partitions, template } = props;
  const api = useRegionExpansionApi();
  const [form, setForm] = useState(() => initialState(template));
  const [state, submit] = useAsyncFn(
    async () => api.whatIf({ body: whatIfBody(form) }),
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
  const specField = (spec: FieldSpec) => {
    const extra: Partial<TextFieldProps> = spec.choices
      ? {
          select: true,
          children: spec.choices.map(choice => (
            <MenuItem
              key={choice.value}
              value={choice.value}
              title={choice.title}
            >
              {choice.label}
            </MenuItem>
          )),
        }
      : { type: spec.number ? 'number' : undefined };
    return (
      <Grid item key={spec.name} xs={spec.xs ?? 6} md={spec.md ?? 2}>
        {field(spec.name, spec.label, extra)}
      </Grid>
    );
  };
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
          {fieldSpecs(partitions).map(specField)}
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
      {state.value && <WhatIfResult result={state.value} />}
    </Stack>
  );
}
