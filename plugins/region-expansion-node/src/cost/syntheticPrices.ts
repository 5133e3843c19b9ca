/** Host name suffixes of AWS's own Price List endpoints. */
const AWS_HOST_SUFFIXES = ['.amazonaws.com', '.amazonaws.com.cn', '.api.aws'];

/**
 * Whether prices read from `endpoint` are synthetic. The project ships no
 * invented prices: prices come from AWS's Price List API (no endpoint
 * configured, or an AWS host), and everything else (the simulator, any
 * endpoint set in config or on the command line that is not AWS's) is
 * labelled synthetic wherever it is shown.
 *
 * @public
 */
export function isSyntheticPriceEndpoint(
  endpoint: string | undefined,
): boolean {
  if (endpoint === undefined) return false;
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return true;
  }
  return !AWS_HOST_SUFFIXES.some(suffix => host.endsWith(suffix));
}
