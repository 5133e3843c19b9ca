import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { knex as createKnex, type Knex } from 'knex';
import { startBenchBackend } from '../lib/benchBackend';

const READY = 'evidence-server ready ';

/**
 * The child's side: a bench backend over the PostgreSQL database whose
 * connection settings `BENCH_EVIDENCE_PG` holds as JSON (already loaded),
 * serving until stdin closes. It prints its API's URL once it listens.
 */
export async function serveEvidenceExport(): Promise<void> {
  const knex = createKnex({
    client: 'pg',
    connection: JSON.parse(process.env.BENCH_EVIDENCE_PG!),
    pool: { min: 1, max: 10 },
  });
  let backend;
  try {
    backend = await startBenchBackend({ knex });
  } catch (error) {
    // A backend that failed to start keeps its handles open: exit, so the
    // bench sees it rather than waiting for a server that never listens.
    process.stderr.write(`${error}\n`);
    process.exit(1);
  }
  process.stdout.write(`${READY}${backend.api}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await backend.stop();
    await knex.destroy();
    process.exit(0);
  });
}

/** A line of /proc/<pid>/status in MB, e.g. `VmHWM` (peak RSS). */
async function statusMb(pid: number, field: 'VmRSS' | 'VmHWM') {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(
    new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1],
  );
  return Math.round(kb / 1024);
}

/** A backend serving the export in a process of its own, measured from outside. */
export interface EvidenceServer {
  api: string;
  /** Its RSS now, MB. */
  rssMb(): Promise<number>;
  /** The kernel's peak RSS of its whole life (start included), MB. */
  peakRssMb(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts {@link serveEvidenceExport} in a child Node process (TypeScript
 * through the Backstage CLI's node transform, as `yarn bench` runs), so
 * the server's memory is its own and not the loader's; `heapMb` (when
 * not 0) bounds its V8 old space.
 */
export function startEvidenceServer(
  connection: Knex.StaticConnectionConfig,
  heapMb = 0,
): Promise<EvidenceServer> {
  const child = spawn(
    process.execPath,
    [
      ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      '-e',
      `require('@backstage/cli/config/nodeTransform.cjs');require(${JSON.stringify(
        __filename,
      )}).serveEvidenceExport()`,
    ],
    {
      env: { ...process.env, BENCH_EVIDENCE_PG: JSON.stringify(connection) },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', code =>
      reject(new Error(`the evidence server exited with ${code}: ${out}`)),
    );
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find(l => l.startsWith(READY));
      if (!line) return;
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve({
        api: line.slice(READY.length).trim(),
        rssMb: () => statusMb(child.pid!, 'VmRSS'),
        peakRssMb: () => statusMb(child.pid!, 'VmHWM'),
        stop: async () => {
          child.stdin!.end();
          await exited;
        },
      });
    });
  });
}
