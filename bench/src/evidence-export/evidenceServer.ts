import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { packBuiltWorkspace, transpileBenchFiles } from '../lib/builtWorkspace';
import { BENCH_DIR } from '../lib/paths';
import { READY } from './evidenceServerChild';

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

/** The child's side, see {@link startEvidenceServer}. */
const CHILD = path.join(
  BENCH_DIR,
  'src',
  'evidence-export',
  'evidenceServerChild.ts',
);

/** Where the export server's code comes from. */
export type EvidenceServerFrom = 'dist' | 'source';

/** The packages the export server runs, as published. */
export const SERVER_PACKAGES = [
  'plugins/region-expansion-common',
  'plugins/region-expansion-node',
  'plugins/region-expansion-backend',
  'plugins/region-expansion-backend-module-demo',
] as const;

/**
 * The child's program as a deployed backend runs it: the plugin packages'
 * built dist/ packed as published into `bench/.corpus/evidence-server`,
 * and the child's side and the bench backend it starts transpiled to
 * JavaScript next to them (so the packed packages are the ones they
 * require), run without the node transform. Returns the `-e` code.
 */
function builtServerProgram(): string {
  const target = path.join(BENCH_DIR, '.corpus', 'evidence-server');
  packBuiltWorkspace(
    target,
    [
      '@region-expansion/plugin-region-expansion-backend',
      '@region-expansion/plugin-region-expansion-backend-module-demo',
    ],
    SERVER_PACKAGES,
    '--server source',
  );
  const out = path.join(target, 'bench');
  transpileBenchFiles(
    [CHILD, path.join(BENCH_DIR, 'src', 'lib', 'benchBackend.ts')],
    out,
  );
  const entry = path.join(out, 'evidence-export', 'evidenceServerChild.js');
  return `require(${JSON.stringify(entry)}).serveEvidenceExport()`;
}

/**
 * The program of the export server's process, `node -e` code that runs
 * `serveEvidenceExport` (./evidenceServerChild): from `dist` (the packages
 * as published, no node transform in the process; what users run), packed
 * now, so edits to the sources during the run change nothing; or from
 * `source` (the repo's TypeScript through the Backstage CLI's node
 * transform, as `yarn bench` runs, whose SWC and source maps the server
 * then holds too).
 */
export function evidenceServerProgram(from: EvidenceServerFrom): string {
  return from === 'dist'
    ? builtServerProgram()
    : `require('@backstage/cli/config/nodeTransform.cjs');require(${JSON.stringify(
        CHILD,
      )}).serveEvidenceExport()`;
}

/**
 * Starts an {@link evidenceServerProgram} in a child Node process, so the
 * server's memory is its own and not the loader's. `heapMb` (when not 0)
 * bounds its V8 old space.
 */
export function startEvidenceServer(
  connection: Knex.StaticConnectionConfig,
  program: string,
  heapMb = 0,
): Promise<EvidenceServer> {
  const child = spawn(
    process.execPath,
    [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), '-e', program],
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
