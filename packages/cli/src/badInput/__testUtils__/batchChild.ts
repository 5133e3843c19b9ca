/**
 * Entry of the long-lived child process that runs the CLI corpus's batch
 * cases: it loads the CLI's program through the same TypeScript transform
 * as `bin/region-expansion`, then runs `runCli` once per message from the
 * parent, with both streams captured, and answers with the exit code,
 * output, wall time and heap growth. One start-up for every case instead
 * of one per case.
 */
import { measureRun } from '@region-expansion/plugin-region-expansion-node/testUtils';
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
  const run = await measureRun(() =>
    runCli(message.args, {
      stdout: text => {
        stdout = keep(stdout, text, 'stdout');
      },
      stderr: text => {
        stderr = keep(stderr, text, 'stderr');
      },
    }),
  );
  if (!run.ok) {
    // What bin/region-expansion reports as an internal error.
    stderr += `region-expansion: internal error: ${
      (run.error as Error)?.stack ?? run.error
    }\n`;
  }
  process.send!({
    id: message.id,
    code: run.ok ? run.value : 3,
    stdout,
    stderr,
    ms: run.ms,
    heapGrowthMb: run.heapGrowthMb,
    overflow,
  });
});
process.send!({ ready: true });
