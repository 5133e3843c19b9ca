import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type {
  Location,
  Partition,
  ReadinessSummary,
} from '@region-expansion/plugin-region-expansion-common';
import useAsync from 'react-use/esm/useAsync';
import { regionExpansionApiRef } from '../../api';

/** One option of the picker: a location with its partition and readiness. */
export interface RegionOption {
  location: Location;
  partitionName: string;
  readiness?: ReadinessSummary;
  /** Services of the footprint the location lacks (availability blockers). */
  missingServices: string[];
}

/** Joins locations, partitions and the latest readiness into options, grouped by partition. */
export function regionOptions(
  locations: Location[],
  partitions: Partition[],
  readiness: ReadinessSummary[],
): RegionOption[] {
  const names = new Map(partitions.map(p => [p.id, p.name]));
  const byLocation = new Map(readiness.map(r => [r.locationId, r]));
  return locations
    .map(location => {
      const summary = byLocation.get(location.id);
      return {
        location,
        partitionName: names.get(location.partition) ?? location.partition,
        readiness: summary,
        missingServices: (summary?.blockers ?? [])
          .filter(b => b.check === 'availability')
          .map(b => b.service ?? b.detail),
      };
    })
    .sort(
      (a, b) =>
        a.partitionName.localeCompare(b.partitionName) ||
        a.location.id.localeCompare(b.location.id),
    );
}

/** Availability coverage of the footprint, in words. */
export function coverageText(option: RegionOption): string {
  if (!option.readiness) return 'availability not evaluated';
  if (option.missingServices.length)
    return `footprint not covered: ${option.missingServices.join(
      ', ',
    )} missing`;
  return 'footprint covered';
}

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
  const api = useApi(regionExpansionApiRef);
  const {
    value: options,
    loading,
    error,
  } = useAsync(async () => {
    const [locations, partitions, readiness] = await Promise.all([
      api.listLocations().then(r => r.items),
      api.listPartitions().then(r => r.items),
      api.listReadiness().then(r => r.items),
    ]);
    return regionOptions(locations, partitions, readiness);
  }, [api]);
  const selected = options?.find(o => o.location.id === formData) ?? null;
  let helperText = schema?.description;
  if (error) helperText = `Could not load locations: ${error.message}`;
  else if (selected) {
    helperText = `${selected.partitionName}: ${coverageText(
      selected,
    )}; readiness ${selected.readiness?.level ?? 'unknown'}`;
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
              label={o.readiness?.level ?? 'unknown'}
              color={o.readiness ? LEVEL_COLOR[o.readiness.level] : 'default'}
            />
          </Box>
        </li>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={schema?.title ?? 'Target location'}
          required={required}
          error={Boolean(error) || Boolean(rawErrors?.length)}
          helperText={helperText}
        />
      )}
    />
  );
};
