import type { ReactNode } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/**
 * A small drop-down of options, each shown as its value unless
 * `optionLabel` names it. With `emptyLabel`, a first option for "none
 * chosen" (value `''`), shown in the box while selected unless
 * `displayEmpty` is false.
 */
export function SelectField<T extends string>(props: {
  label: string;
  value: T | '';
  options: readonly T[];
  onChange: (value: T | '') => void;
  optionLabel?: (option: T) => string;
  emptyLabel?: string;
  displayEmpty?: boolean;
  helperText?: ReactNode;
  minWidth?: number;
}) {
  const { label, value, options, onChange, optionLabel, emptyLabel } = props;
  const displayEmpty = emptyLabel !== undefined && props.displayEmpty !== false;
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={event => onChange(event.target.value as T | '')}
      helperText={props.helperText}
      {...(displayEmpty
        ? {
            SelectProps: { displayEmpty: true },
            InputLabelProps: { shrink: true },
          }
        : {})}
      sx={props.minWidth ? { minWidth: props.minWidth } : undefined}
    >
      {emptyLabel !== undefined && <MenuItem value="">{emptyLabel}</MenuItem>}
      {options.map(option => (
        <MenuItem key={option} value={option}>
          {optionLabel ? optionLabel(option) : option}
        </MenuItem>
      ))}
    </TextField>
  );
}
