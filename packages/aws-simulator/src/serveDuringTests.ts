import type { SetupServer } from 'msw/node';
import { FaultInjector, quietFaults } from './faults';

/**
 * Lets the msw server answer for the whole test file (an unhandled request
 * fails the test) and turns every fault off before each test, so a test's
 * knobs never leak into the next one. Call it at the top level of a Jest
 * test file.
 */
export function serveDuringTests(
  server: SetupServer,
  faults: FaultInjector,
): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    Object.assign(faults.faults, quietFaults());
  });
}
