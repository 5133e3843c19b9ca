import { execFile } from 'node:child_process';
import path from 'node:path';
import type { CliResult } from './spawnCli';

const BIN = path.resolve(__dirname, '../../bin/region-expansion');

/**
 * Runs `bin/region-expansion` as a process of its own without blocking
 * this one, so a simulator served by the test process can answer it.
 * `env` is added to the test's environment.
 */
export function runCliProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { timeout: 60_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    );
  });
}
