import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import TextField from '@mui/material/TextField';
import InputAdornment from '@mui/material/InputAdornment';
import SearchIcon from '@mui/icons-material/Search';
import { MAX_TENANT_SEARCH_LENGTH } from '@region-expansion/plugin-region-expansion-common';

/** Quiet time after the last keystroke before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The tenants search box: what is typed goes to `onChange` (and so to the
 * server) once typing pauses, not per keystroke. Starts from `value` (the
 * URL's `q`).
 */
export function TenantSearchField(props: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { value, onChange } = props;
  const [text, setText] = useState(value);
  useDebounce(
    () => {
      const term = text.trim();
      if (term !== value) onChange(term);
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );
  return (
    <TextField
      size="small"
      label="Search name or id"
      value={text}
      onChange={event => setText(event.target.value)}
      inputProps={{ maxLength: MAX_TENANT_SEARCH_LENGTH }}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        ),
      }}
      sx={{ minWidth: 220 }}
    />
  );
}
