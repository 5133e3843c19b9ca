import crypto from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { regionExpansionPlugin } from '../../plugin';
import {
  API,
  as,
  rolePermissionsFactory,
  TestRole,
} from '../../__testUtils__/rolePolicy';
import { recordOverTimeBudget } from '@region-expansion/plugin-region-expansion-node/testUtils';
import { BUDGET, CaseFigures, namesField, RestCase } from './corpus';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';

export const DIGEST_MS = { total: 0 };
/** One HTTP answer, read whole. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends one request over a fresh connection and reads the whole answer.
 * Big bodies are written in chunks and writing stops as soon as the server
 * answers (a 413 or 403 may come before the body is read).
 */
export function send(
  port: number,
  options: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer;
    chunked?: boolean;
    timeoutMs: number;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      connection: 'close',
      ...options.headers,
    };
    if (options.body && !options.chunked) {
      headers['content-length'] = String(options.body.length);
    }
    let answered = false;
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: options.method,
      path: options.path,
      headers,
      agent: false,
      timeout: options.timeoutMs,
    });
    req.on('response', res => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => {
      req.destroy(
        new Error(`no answer within ${options.timeoutMs} ms (case budget)`),
      );
    });
    req.on('error', error => {
      // A server that answers early and closes makes our write fail; the
      // answer already read is what counts.
      if (!answered) reject(error);
    });
    const body = options.body;
    if (!body) {
      req.end();
      return;
    }
    // Small chunks, yielding between them: the client shares the event
    // loop with the backend and its liveness probe, and must not hog it.
    const CHUNK = 256 * 1024;
    let offset = 0;
    const pump = () => {
      if (answered || req.destroyed) return;
      if (offset >= body.length) {
        req.end();
        return;
      }
      const next = body.subarray(offset, offset + CHUNK);
      offset += next.length;
      if (req.write(next)) setImmediate(pump);
      else req.once('drain', pump);
    };
    // A big body waits briefly for an early answer (as a client sending
    // `Expect: 100-continue` would): a server that decides before reading
    // answers at once, one that reads first gets the body after the wait.
    if (body.length > 1024 * 1024) setTimeout(pump, 100);
    else pump();
  });
}

/** Stable JSON of one row: keys sorted, buffers as hex, dates as ISO. */
function rowText(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map(key => {
        const value = row[key];
        if (Buffer.isBuffer(value)) return [key, value.toString('hex')];
        if (value instanceof Date) return [key, value.toISOString()];
        return [key, value];
      }),
  );
}

/** Row count and content hash of one table. */
export interface TableDigest {
  rows: number;
  hash: string;
}

/**
 * Row count and a hash of the rows of every table of the plugin's
 * database, read from the database's own table list. Each row is hashed
 * on its own and the hashes are sorted before hashing, which orders rows
 * by content the way ordering by primary key would, without knowing each
 * table's key.
 */
export async function digestDatabase(
  knex: Knex,
): Promise<Record<string, TableDigest>> {
  const client = String(knex.client.config.client);
  const tables: string[] = client.includes('sqlite')
    ? (
        await knex('sqlite_master')
          .where({ type: 'table' })
          .andWhereNot('name', 'like', 'sqlite_%')
          .select('name')
      ).map((r: { name: string }) => r.name)
    : (
        await knex('information_schema.tables')
          .whereRaw('table_schema = current_schema()')
          .andWhere({ table_type: 'BASE TABLE' })
          .select('table_name')
      ).map((r: { table_name: string }) => r.table_name);
  const digest: Record<string, TableDigest> = {};
  for (const table of tables.sort()) {
    const rows: Record<string, unknown>[] = await knex(table).select();
    const hashes = rows
      .map(row =>
        crypto.createHash('sha256').update(rowText(row)).digest('hex'),
      )
      .sort();
    digest[table] = {
      rows: rows.length,
      hash: crypto.createHash('sha256').update(hashes.join('\n')).digest('hex'),
    };
  }
  return digest;
}

/** What changed between two digests, one line per table. */
export function digestChanges(
  before: Record<string, TableDigest>,
  after: Record<string, TableDigest>,
): string[] {
  const tables = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return tables
    .filter(
      t =>
        before[t]?.rows !== after[t]?.rows ||
        before[t]?.hash !== after[t]?.hash,
    )
    .map(
      t =>
        `${t}: ${before[t]?.rows ?? 'absent'} → ${
          after[t]?.rows ?? 'absent'
        } rows${
          before[t]?.rows === after[t]?.rows ? ' (content changed)' : ''
        }`,
    );
}

/**
 * Probes `GET /.backstage/health/v1/liveness` back to back (one request in
 * flight at a time, 25 ms apart) and samples the heap, until stopped. The
 * backend answers in the same process as the case, so a case that blocks
 * the event loop shows up as a slow probe. A probe is timed from when it
 * was due, not from when it was sent: a block that starts while the probe
 * waits its 25 ms would otherwise delay only the sending, and go unseen.
 */
export function startLivenessProbe(port: number) {
  let stopped = false;
  let worst = 0;
  let probes = 0;
  let failures = 0;
  let heapPeak = process.memoryUsage().heapUsed;
  const probeOnce = (due = performance.now()) =>
    new Promise<void>(resolve => {
      const started = Math.min(due, performance.now());
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: '/.backstage/health/v1/liveness',
          agent: false,
          timeout: 10_000,
        },
        res => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) failures += 1;
            worst = Math.max(worst, performance.now() - started);
            probes += 1;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('probe timeout')));
      req.on('error', () => {
        failures += 1;
        worst = Math.max(worst, performance.now() - started);
        resolve();
      });
    });
  // A 25 ms pause between probes that `stop` cuts short.
  let wake: () => void = () => {};
  const pause = () =>
    new Promise<void>(resolve => {
      const timer = setTimeout(resolve, 25);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    // At least one probe, and one more after the case ended.
    let due = performance.now();
    do {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      await probeOnce(due);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      due = performance.now() + 25;
      if (!stopped) await pause();
    } while (!stopped);
    await probeOnce(due);
  })();
  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
      return { worstMs: worst, probes, failures, heapPeak };
    },
  };
}

/** The error message of a JSON error body, else the body's first 300 characters. */
export function messageOf(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed?.error?.message === 'string') return parsed.error.message;
  } catch {
    // not JSON: shown as text
  }
  return text.slice(0, 300);
}

/** Which database the corpus runs on: SQLite unless `BAD_INPUT_DATABASE` names another. */
export function corpusDatabaseId(): TestDatabaseId {
  return (process.env.BAD_INPUT_DATABASE as TestDatabaseId) ?? 'SQLITE_3';
}

/**
 * The real backend plugin (demo estate, role-based test policy) on a real
 * HTTP server, over a database the harness can read for digests.
 */
export class RestHarness {
  /** The digest after the previous case, and the write counter then. */
  private lastDigest?: Record<string, TableDigest>;
  private lastChanges?: number;

  private constructor(readonly port: number, readonly knex: Knex) {}

  static async start(databases: TestDatabases): Promise<RestHarness> {
    const knex = await databases.init(corpusDatabaseId());
    const backend = await startTestBackend({
      features: [
        regionExpansionPlugin,
        regionExpansionModuleDemo,
        rolePermissionsFactory,
        mockServices.database.factory({ knex, migrations: { skip: false } }),
        mockServices.rootConfig.factory({
          data: {
            regionExpansion: { demoData: { enabled: true, tenants: 300 } },
          },
        }),
      ],
    });
    return new RestHarness(backend.server.port(), knex);
  }

  /**
   * SQLite's count of rows written through the connection so far
   * (`total_changes()`), when the backend and the harness share its only
   * connection; otherwise undefined. While it stands still nothing was
   * written, so the previous digest still holds and hashing every table
   * again would only cost time.
   */
  private async totalChanges(): Promise<number | undefined> {
    const client = String(this.knex.client.config.client);
    if (!client.includes('sqlite') || this.knex.client.pool?.max !== 1) {
      return undefined;
    }
    const rows = await this.knex.raw('select total_changes() as n');
    return Number(rows[0].n);
  }

  /** Whether digests are skipped while SQLite's write counter stands still. */
  async usesWriteCounter(): Promise<boolean> {
    return (await this.totalChanges()) !== undefined;
  }

  /** The digest now, reusing the last one while nothing was written. */
  private async digest(): Promise<Record<string, TableDigest>> {
    const changes = await this.totalChanges();
    if (
      this.lastDigest === undefined ||
      changes === undefined ||
      changes !== this.lastChanges
    ) {
      const t0 = performance.now();
      this.lastDigest = await digestDatabase(this.knex);
      DIGEST_MS.total += performance.now() - t0;
      // The digest's own reads write nothing; the counter is read again
      // only to be safe against a write while it ran.
      this.lastChanges = await this.totalChanges();
    }
    return this.lastDigest;
  }

  /** Runs one case and returns its figures and every broken promise. */
  async run(declared: RestCase): Promise<CaseFigures> {
    const c: RestCase = {
      ...declared,
      ...(await declared.prepare?.(this.knex)),
    };
    const budgetMs = c.budgetMs ?? BUDGET.caseMs;
    const before = await this.digest();
    const body = c.body?.();
    const role: TestRole = c.role ?? 'platform-admin';
    const headers: Record<string, string> = {
      // The mock auth service takes a request without a token for a
      // signed-in user; `anonymous` sends its explicitly invalid token.
      authorization: as(role),
      ...(body && !c.headers?.['content-type']
        ? { 'content-type': 'application/json' }
        : {}),
      ...c.headers,
    };
    const heapStart = process.memoryUsage().heapUsed;
    const probe = startLivenessProbe(this.port);
    const started = performance.now();
    let response: RawResponse | undefined;
    let failure: string | undefined;
    try {
      response = await send(this.port, {
        method: c.method,
        path: `${API}${c.path}`,
        headers,
        body: body === undefined ? undefined : Buffer.from(body),
        chunked: c.chunked,
        timeoutMs: budgetMs * 3,
      });
    } catch (error) {
      failure = String(error);
    }
    const ms = performance.now() - started;
    const liveness = await probe.stop();
    const after = await this.digest();

    const problems: string[] = [];
    const status = response?.status ?? 0;
    const message = response ? messageOf(response.body) : '';
    if (failure) problems.push(`request failed: ${failure}`);
    const okAllowed =
      c.expect.boundedOk !== undefined &&
      status >= 200 &&
      status < 300 &&
      (response?.body.length ?? 0) <= c.expect.boundedOk.maxBytes;
    if (response && !okAllowed) {
      const wanted = c.expect.status;
      const statusOk =
        wanted === undefined
          ? status >= 400 && status < 500
          : ([] as number[]).concat(wanted).includes(status);
      if (!statusOk) {
        problems.push(
          `status ${status}, expected ${
            wanted === undefined ? '4xx' : [wanted].flat().join(' or ')
          }${
            c.expect.boundedOk
              ? ` or a 2xx of at most ${c.expect.boundedOk.maxBytes} bytes (got ${response.body.length})`
              : ''
          }: ${message.slice(0, 200)}`,
        );
      } else {
        if (c.expect.fields.length && !namesField(message, c.expect.fields)) {
          problems.push(
            `message does not name ${c.expect.fields
              .map(f => `'${f}: <reason>'`)
              .join(' or ')}: ${message.slice(0, 200)}`,
          );
        }
        if (c.expect.reason && !c.expect.reason.test(message)) {
          problems.push(
            `message does not give the reason ${
              c.expect.reason
            }: ${message.slice(0, 200)}`,
          );
        }
      }
    }
    const changes = digestChanges(before, after);
    if (changes.length)
      problems.push(`stored state changed: ${changes.join('; ')}`);
    if (liveness.failures) {
      problems.push(
        `${liveness.failures} liveness probe(s) failed while the case ran`,
      );
    }
    const heapGrowthMb = (liveness.heapPeak - heapStart) / 2 ** 20;
    const result: CaseFigures = {
      surface: 'rest',
      name: c.name,
      category: c.category,
      outcome: response ? `${status} ${message.slice(0, 120)}` : 'no answer',
      ms,
      livenessMs: liveness.worstMs,
      heapPeakMb: liveness.heapPeak / 2 ** 20,
      heapGrowthMb: Math.max(0, heapGrowthMb),
      problems,
    };
    if (ms > budgetMs) {
      recordOverTimeBudget(
        result,
        `took ${Math.round(ms)} ms, over the ${budgetMs} ms budget`,
      );
    }
    if (liveness.worstMs > BUDGET.livenessMs) {
      recordOverTimeBudget(
        result,
        `liveness probe took ${Math.round(
          liveness.worstMs,
        )} ms while the case ran; budget ${BUDGET.livenessMs} ms`,
      );
    }
    return result;
  }

  /**
   * The liveness probe's worst answer over `ms` with no case running: the
   * baseline the probe's figures during cases are read against.
   */
  async idleLivenessMs(ms = 1_000): Promise<number> {
    const probe = startLivenessProbe(this.port);
    await new Promise(resolve => setTimeout(resolve, ms));
    return (await probe.stop()).worstMs;
  }
}
