import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Bounds of the CLI corpus. Generous on purpose (a loaded 2-core machine);
 * a spawned CLI starts through the TypeScript transform, which alone takes
 * a few seconds there.
 */
export const CLI_BUDGET = {
  /** One run of the CLI's program in the long-lived batch process. */
  batchMs: 5_000,
  /** One spawned run of `bin/region-expansion`, start-up included. */
  spawnedMs: 20_000,
  /** Peak resident memory of a spawned CLI. */
  spawnedRssMb: 768,
  /** Output kept per stream; more is itself a failure. */
  outputBytes: 1024 * 1024,
} as const;

/** What one run of the CLI did. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak RSS of a spawned run, in MiB. */
  rssMb?: number;
  /** Peak heap growth of a batch run, in MiB. */
  heapGrowthMb?: number;
  /** Set when an output stream passed {@link CLI_BUDGET.outputBytes}. */
  overflow?: string;
}

const CHILD = path.resolve(__dirname, 'batchChild.ts');

/**
 * The CLI's real program (`runCli`, which `bin/region-expansion` calls
 * with `process.argv`) in one long-lived child process started through the
 * same TypeScript transform as the bin. Jest cannot run the program's lazy
 * `import()` of each command in its own sandbox, and a process per case
 * would spend seconds on start-up each; the spawned cases cover the
 * process boundary. A case that hangs past twice its budget kills the
 * child; the next case starts a fresh one.
 */
export class BatchCli {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private nextId = 0;

  private start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require('@backstage/cli/config/nodeTransform.cjs'); require(${JSON.stringify(
          CHILD,
        )});`,
      ],
      {
        cwd: path.resolve(__dirname, '../../..'),
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, FORCE_COLOR: '0' },
      },
    );
    this.child = child;
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', code =>
        reject(
          new Error(`CLI batch process exited (${code}) before it was ready`),
        ),
      );
    });
  }

  async run(args: string[]): Promise<CliRun> {
    this.ready ??= this.start();
    await this.ready;
    const child = this.child!;
    const id = this.nextId++;
    return new Promise(resolve => {
      const started = performance.now();
      const listeners: {
        message?: (message: CliRun & { id: number }) => void;
        exit?: (code: number | null, signal: string | null) => void;
      } = {};
      const killer = setTimeout(() => {
        child.kill('SIGKILL');
      }, CLI_BUDGET.batchMs + 2_500);
      const done = (run: CliRun) => {
        clearTimeout(killer);
        child.off('message', listeners.message!);
        child.off('exit', listeners.exit!);
        resolve(run);
      };
      listeners.message = message => {
        if (message.id === id) done(message);
      };
      listeners.exit = (code, signal) => {
        this.ready = undefined;
        done({
          code: null,
          stdout: '',
          stderr: `the CLI process died (exit ${code}, signal ${signal})`,
          ms: performance.now() - started,
        });
      };
      child.on('message', listeners.message);
      child.once('exit', listeners.exit);
      child.send({ id, args });
    });
  }

  stop() {
    this.child?.kill();
  }
}

const BIN = path.resolve(__dirname, '../../../bin/region-expansion');

/**
 * A preload that records the process's peak RSS when it exits, so a
 * spawned CLI's memory is measured by the OS's own counter.
 */
function rssPreload(): string {
  const file = path.join(os.tmpdir(), 'region-expansion-cli-rss-preload.js');
  fs.writeFileSync(
    file,
    `process.on('exit', () => require('node:fs').writeFileSync(process.env.BAD_INPUT_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`,
  );
  return file;
}

let preload: string | undefined;

/** Spawns `bin/region-expansion` with `args`; kills it past the budget. */
export function runSpawned(args: string[]): Promise<CliRun> {
  preload ??= rssPreload();
  const rssFile = path.join(
    os.tmpdir(),
    `region-expansion-cli-rss-${process.pid}-${Date.now()}`,
  );
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--require', preload!, BIN, ...args],
      {
        env: { ...process.env, BAD_INPUT_RSS_FILE: rssFile, FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let overflow: string | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length + chunk.length > CLI_BUDGET.outputBytes) {
        overflow = 'stdout';
      } else stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length + chunk.length > CLI_BUDGET.outputBytes) {
        overflow = 'stderr';
      } else stderr += chunk.toString('utf8');
    });
    const killer = setTimeout(
      () => child.kill('SIGKILL'),
      CLI_BUDGET.spawnedMs + 5_000,
    );
    child.on('error', reject);
    child.on('close', code => {
      clearTimeout(killer);
      let rssMb: number | undefined;
      try {
        rssMb = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
        fs.rmSync(rssFile, { force: true });
      } catch {
        // killed before exit: no figure
      }
      resolve({
        code,
        stdout,
        stderr,
        ms: performance.now() - started,
        rssMb,
        overflow,
      });
    });
  });
}
