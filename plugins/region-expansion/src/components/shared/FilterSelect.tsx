import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/** Option value meaning "no filter". */
export const ANY = '';

/**
 * A labelled single-choice filter; the empty value means "any". Used by
 * every page whose filters live in the URL.
 */
export function FilterSelect(props: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const { label, value, options, onChange } = props;
  // A value from the URL stays selectable while its options still load (or
  // when it names something the list lacks), instead of showing as blank.
  const shown =
    value && !options.some(option => option.value === value)
      ? [...options, { value, label: value }]
      : options;
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      sx={{ minWidth: 160 }}
    >
      <MenuItem value={ANY}>Any</MenuItem>
      {shown.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
