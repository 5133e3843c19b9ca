import { FilterSelect } from './FilterSelect';
import { useUrlFilters } from './useUrlFilters';

/** A {@link FilterSelect} whose value is the URL query parameter `param`. */
export function UrlFilterSelect(props: {
  label: string;
  param: string;
  options: { value: string; label: string }[];
}) {
  const { label, param, options } = props;
  const { searchParams, setFilter } = useUrlFilters();
  return (
    <FilterSelect
      label={label}
      value={searchParams.get(param) ?? ''}
      options={options}
      onChange={value => setFilter(param, value)}
    />
  );
}
