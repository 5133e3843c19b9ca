import { clientOptions } from './simulatorTestServer';

/**
 * A real SDK client (`Client` is its class) of `accountId` in `region`,
 * sent to the simulator's test endpoint: what every service's handler
 * tests talk to.
 */
export function sdkClient<C>(
  Client: new (config: ReturnType<typeof clientOptions>) => C,
  region: string,
  accountId: string,
  options?: Parameters<typeof clientOptions>[2],
): C {
  return new Client(clientOptions(region, accountId, options));
}
