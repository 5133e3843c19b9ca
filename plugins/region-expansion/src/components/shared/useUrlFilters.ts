import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Reads and writes one filter in the URL query, so every filtered view is a
 * link that can be shared. Setting the empty string removes the parameter.
 */
export function useUrlFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const setFilter = useCallback(
    (name: string, value: string) =>
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  return { searchParams, setFilter };
}

/**
 * Reads a yes/no filter from the URL: `yes` is true, `no` is false and
 * anything else (including absence) means "no filter".
 */
export function parseYesNo(
  value: string,
  yes: string,
  no: string,
): boolean | undefined {
  if (value === yes) return true;
  if (value === no) return false;
  return undefined;
}

/**
 * A yes/no filter of the URL as the API's query flag: `'true'`, `'false'`,
 * or absent for "no filter".
 */
export function yesNoFlag(
  value: string,
  yes: string,
  no: string,
): 'true' | 'false' | undefined {
  const flag = parseYesNo(value, yes, no);
  if (flag === undefined) return undefined;
  return flag ? 'true' : 'false';
}
