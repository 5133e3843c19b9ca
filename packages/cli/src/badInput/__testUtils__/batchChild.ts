/**
 * Entry of the long-lived child process that runs the CLI corpus's batch
 * cases: it loads the CLI's program through the same TypeScript transform
 * as `bin/region-expansion`, then runs `runCli` once per message from the
 * parent, with both streams captured, and answers with the exit code,
 * output, wall time and heap growth. One start-up for every case instead
 * of one per case.
 */
import { performance } from 'node:perf_hooks';
import { runCli } from '../../program';

const OUTPUT_LIMIT = 1024 * 1024;

process.on('message', async (message: { id: number; args: string[] }) => {
  let stdout = '';
  let stderr = '';
  let overflow: string | undefined;
  const keep = (current: string, text: string, stream: string) => {
    if (current.length + text.length > OUTPUT_LIMIT) {
      overflow = stream;
      return current;
    }
    return current + text;
  };
  const heapStart = process.memoryUsage().heapUsed;
  let heapPeak = heapStart;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 10);
  const started = performance.now();
  let code: number;
  try {
    code = await runCli(message.args, {
      stdout: text => {
        stdout = keep(stdout, text, 'stdout');
      },
      stderr: text => {
        stderr = keep(stderr, text, 'stderr');
      },
    });
  } catch (error) {
    // What bin/region-expansion reports as an internal error.
    code = 3;
    stderr += `region-expansion: internal error: ${
      (error as Error)?.stack ?? error
    }\n`;
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  process.send!({
    id: message.id,
    code,
    stdout,
    stderr,
    ms,
    heapGrowthMb: (heapPeak - heapStart) / 2 ** 20,
    overflow,
  });
});
process.send!({ ready: true });
