import { SelectField } from './SelectField';

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
  const labels = new Map(shown.map(option => [option.value, option.label]));
  return (
    <SelectField
      label={label}
      value={value}
      options={shown.map(option => option.value)}
      optionLabel={option => labels.get(option) ?? option}
      emptyLabel="Any"
      displayEmpty={false}
      onChange={onChange}
      minWidth={160}
    />
  );
}
