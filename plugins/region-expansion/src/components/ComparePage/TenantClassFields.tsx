import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  DATA_CLASSIFICATIONS,
  JURISDICTIONS,
  TENANT_TIERS,
  type Partition,
} from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionTranslationRef } from '../../translation';
import type { TenantClassForm } from './compareRequest';

/** A drop-down's choices: value, label and an optional tooltip. */
type Choice = [value: string, label: string, title?: string];

const same = (value: string): Choice => [value, value];

/**
 * The fields of one tenant class: name, residency, classification, tier,
 * expected tenants, load and the tenants' countries; removable while
 * another class remains.
 */
export function TenantClassFields(props: {
  value: TenantClassForm;
  partitions: Partition[];
  onChange: (value: TenantClassForm) => void;
  onRemove?: () => void;
}) {
  const { value, partitions, onChange, onRemove } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const field = (
    name: keyof TenantClassForm,
    label: string,
    extra: { choices?: Choice[]; number?: boolean; helperText?: string } = {},
  ) => (
    <Grid item xs={6} md={name === 'countries' ? 4 : 2}>
      <TextField
        size="small"
        fullWidth
        label={`${label} (${value.name || '…'})`}
        value={value[name]}
        select={!!extra.choices}
        type={extra.number ? 'number' : undefined}
        helperText={extra.helperText}
        onChange={event => onChange({ ...value, [name]: event.target.value })}
      >
        {extra.choices?.map(([choice, text, title]) => (
          <MenuItem key={choice} value={choice} title={title}>
            {text}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
  );
  return (
    <Grid container spacing={2} role="group" aria-label={value.name}>
      {field('name', t('comparePage.className'))}
      {field('classification', t('adviceCard.classification'), {
        choices: DATA_CLASSIFICATIONS.map(same),
      })}
      {field('tier', t('adviceCard.tier'), { choices: TENANT_TIERS.map(same) })}
      {field('partition', t('comparePage.residencyPartition'), {
        choices: [
          ['', t('comparePage.anyPartition')],
          ...partitions.map(p => same(p.id)),
        ],
      })}
      {field('jurisdiction', t('comparePage.residencyJurisdiction'), {
        choices: [
          ['', t('comparePage.anyJurisdiction')],
          ...Object.entries(JURISDICTIONS).map(
            ([id, text]): Choice => [id, id, text],
          ),
        ],
      })}
      {field('expectedTenants', t('comparePage.expectedTenants'), {
        number: true,
      })}
      {field('loadUnits', t('comparePage.loadUnits'), { number: true })}
      {field('countries', t('comparePage.countries'), {
        helperText: t('comparePage.countriesHint'),
      })}
      {onRemove && (
        <Grid item xs={12}>
          <Button size="small" onClick={onRemove}>
            {t('comparePage.removeClass', { name: value.name })}
          </Button>
        </Grid>
      )}
    </Grid>
  );
}
