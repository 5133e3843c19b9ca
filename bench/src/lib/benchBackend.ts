import type { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import regionExpansionPlugin from '@region-expansion/plugin-region-expansion-backend';
import regionExpansionModuleDemo from '@region-expansion/plugin-region-expansion-backend-module-demo';
import type { Knex } from 'knex';
import { Agent, request } from 'node:http';

/** A started backend with the region-expansion plugin. */
export interface BenchBackend {
  /** Base URL of the plugin's REST API, `http://localhost:<port>/api/region-expansion`. */
  api: string;
  stop(): Promise<void>;
}

/**
 * Starts a backend with the region-expansion plugin, its demo module (which
 * seeds only with `regionExpansion.demoData`), and `features`, e.g. a
 * governance module, on a free port, over the given database, as the
 * packages are installed: only their public exports. Every request is a
 * signed-in user whom every permission allows (the benches measure the
 * plugin, not the permission framework); scheduled tasks run only when
 * triggered (`POST /governance/sync` then waits for the run).
 */
export async function startBenchBackend(options: {
  knex: Knex;
  config?: JsonObject;
  features?: BackendFeature[];
  /** Log level of the backend's logger; default `warn`. */
  logLevel?: 'none' | 'error' | 'warn' | 'info' | 'debug';
}): Promise<BenchBackend> {
  const backend = await startTestBackend({
    features: [
      regionExpansionPlugin,
      regionExpansionModuleDemo,
      ...(options.features ?? []),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      mockServices.rootLogger.factory({ level: options.logLevel ?? 'warn' }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
  });
  return {
    api: `http://localhost:${backend.server.port()}/api/region-expansion`,
    stop: () => backend.stop(),
  };
}

/**
 * Connections of {@link callApi}: kept alive between requests, and without
 * fetch's 300 s headers timeout, which killed a governance sync of a million
 * findings (one request that answers when the sync ends) at 919k.
 */
const AGENT = new Agent({ keepAlive: true });

/**
 * One JSON request to the API, waiting as long as the server takes; throws
 * with the status and the start of the body when the answer is not 2xx.
 */
export async function callApi<T = any>(
  api: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const { status, text } = await new Promise<{ status: number; text: string }>(
    (resolve, reject) => {
      const req = request(
        `${api}${path}`,
        {
          method,
          agent: AGENT,
          headers: {
            ...headers,
            ...(payload === undefined
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }),
          },
        },
        res => {
          const parts: Buffer[] = [];
          res.on('data', part => parts.push(part));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(parts).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    },
  );
  if (status < 200 || status >= 300) {
    throw new Error(`${method} ${path}: ${status} ${text.slice(0, 300)}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}
