import { useState } from 'react';
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useCellIds } from '../../hooks/useCellIds';

/** Options the list shows at once; typing narrows the rest. */
const SHOWN_OPTIONS = 100;
const filterOptions = createFilterOptions<string>({ limit: SHOWN_OPTIONS });

/**
 * The cell filter: an autocomplete whose cell ids load only when it opens,
 * narrowed by the page's location and partition filters, so the tenants
 * table never waits for the full cell list (5,000 cells are 2.6 MB). The
 * value from the URL shows before any list has loaded.
 */
export function CellFilter(props: {
  value: string;
  locationId?: string;
  partition?: string;
  onChange: (value: string) => void;
}) {
  const { value, locationId, partition, onChange } = props;
  const scope = JSON.stringify([locationId, partition]);
  const [loadedScope, setLoadedScope] = useState<string>();
  const [state, load] = useCellIds({ locationId, partition });
  const onOpen = () => {
    if (loadedScope !== scope || state.error) {
      setLoadedScope(scope);
      load();
    }
  };
  const ids = loadedScope === scope && !state.loading ? state.value ?? [] : [];
  const options = value && !ids.includes(value) ? [value, ...ids] : ids;

  return (
    <Autocomplete
      size="small"
      sx={{ minWidth: 220 }}
      options={options}
      value={value || null}
      onChange={(_event, next) => onChange(next ?? '')}
      onOpen={onOpen}
      loading={state.loading}
      filterOptions={filterOptions}
      noOptionsText={state.error ? state.error.message : 'No cells'}
      renderInput={params => (
        <TextField {...params} label="Cell" placeholder="Any" />
      )}
    />
  );
}
