import { createServer } from '@mswjs/http-middleware';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AwsSimulatorFaults, FaultInjector } from './faults';
import {
  AwsSimulatorHandlerOptions,
  createAwsSimulatorHandlers,
} from './handlers';
import {
  createSyntheticOrganization,
  SyntheticOrganization,
  SyntheticOrganizationSize,
} from './organization';

/**
 * Options of {@link startAwsSimulator}.
 *
 * @public
 */
export interface StartAwsSimulatorOptions extends AwsSimulatorHandlerOptions {
  /** Port; 0 picks a free one. */
  port?: number;
  /** Interface to listen on; default loopback `127.0.0.1`. */
  host?: string;
  /** An organization, or a seed and size to generate one. */
  organization?: SyntheticOrganization;
  /** Seed of the generated organization; default 1. Ignored when `organization` is given. */
  seed?: number;
  /** Size of the generated organization; required unless `organization` is given. */
  size?: SyntheticOrganizationSize;
  /**
   * Initial fault knobs; default none. Change them later through
   * `faults.faults` of the running simulator.
   */
  faults?: AwsSimulatorFaults;
}

/**
 * A running simulator.
 *
 * @public
 */
export interface RunningAwsSimulator {
  /** Base URL to use as the SDK `endpoint`, e.g. `http://127.0.0.1:4566`. */
  url: string;
  /** Port the server listens on (the one picked when 0 was asked for). */
  port: number;
  /** The organization being served; changes to it (e.g. `advance`) show in later responses. */
  organization: SyntheticOrganization;
  /** Fault injector of the server: its knobs can be changed while it runs; it counts requests. */
  faults: FaultInjector;
  /** Closes open connections and stops the server. */
  stop(): Promise<void>;
}

/**
 * Starts the simulator as an HTTP server (default on loopback only).
 *
 * @public
 */
export async function startAwsSimulator(
  options: StartAwsSimulatorOptions,
): Promise<RunningAwsSimulator> {
  const organization =
    options.organization ??
    (options.size
      ? createSyntheticOrganization(options.seed ?? 1, options.size)
      : undefined);
  if (!organization)
    throw new Error('startAwsSimulator needs an organization or a size');
  const faults = new FaultInjector(options.faults ?? {});
  const app = createServer(
    ...createAwsSimulatorHandlers(organization, faults, options),
  );
  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    organization,
    faults,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close(err => (err ? reject(err) : resolve()));
      }),
  };
}
