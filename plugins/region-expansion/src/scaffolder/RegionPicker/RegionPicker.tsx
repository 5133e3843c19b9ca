import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useRegionOptions } from '../../hooks/useRegionOptions';
import { coverageText } from './regionOptions';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { regionExpansionTranslationRef } from '../../translation';

const LEVEL_COLOR = {
  ready: 'success',
  pilot: 'warning',
  blocked: 'error',
} as const;

/**
 * Scaffolder field `RegionPicker`: every location grouped by partition, with
 * the availability coverage of the footprint and the readiness level.
 *
 * @public
 */
export const RegionPicker = (props: FieldExtensionComponentProps<string>) => {
  const { onChange, formData, rawErrors, required, schema, idSchema } = props;
  const { value: options, loading, error } = useRegionOptions();
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const selected = options?.find(o => o.location.id === formData) ?? null;
  let helperText = schema?.description;
  if (error)
    helperText = t('regionPicker.loadError', { message: error.message });
  else if (selected) {
    helperText = t('regionPicker.selected', {
      partition: selected.partitionName,
      coverage: coverageText(selected),
      level: selected.readiness?.level ?? t('regionPicker.unknownLevel'),
    });
  }
  return (
    <Autocomplete
      id={idSchema?.$id}
      options={options ?? []}
      loading={loading}
      value={selected}
      groupBy={o => o.partitionName}
      getOptionLabel={o => `${o.location.id} (${o.location.name})`}
      isOptionEqualToValue={(a, b) => a.location.id === b.location.id}
      onChange={(_, option) => onChange(option?.location.id ?? undefined)}
      renderOption={(optionProps, o) => (
        <li {...optionProps} key={o.location.id}>
          <Box
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 1,
              width: '100%',
            }}
          >
            <Box sx={{ flexGrow: 1 }}>
              <Typography variant="body2">
                {o.location.id} · {o.location.name} ({o.location.country})
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {coverageText(o)}
              </Typography>
            </Box>
            <Chip
              size="small"
              label={o.readiness?.level ?? t('regionPicker.unknownLevel')}
              color={o.readiness ? LEVEL_COLOR[o.readiness.level] : 'default'}
            />
          </Box>
        </li>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={schema?.title ?? t('regionPicker.label')}
          required={required}
          error={Boolean(error) || Boolean(rawErrors?.length)}
          helperText={helperText}
        />
      )}
    />
  );
};
