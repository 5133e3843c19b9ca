/* eslint-disable no-console */
/**
 * `yarn bench <name> [options]`: one command per benchmark. Each prints
 * human lines and, last, one JSON line with its figures.
 *
 * @packageDocumentation
 */
import { Command, InvalidArgumentError } from 'commander';
import { benchCommands } from './benchCommands';

function numberOption(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('must be a non-negative number');
  return n;
}

/** The CLI: parses `argv` (without node and script), runs one bench. */
export async function runBenchCli(argv: string[]): Promise<void> {
  const program = new Command('region-expansion-bench')
    .description(
      'Benchmarks of Region Expansion; run one with `yarn bench <name>`',
    )
    .exitOverride();
  for (const bench of benchCommands) {
    const command = program.command(bench.name).description(bench.description);
    for (const option of bench.options) {
      if (option.kind === 'flag') {
        command.option(option.flags, option.description);
      } else if (option.kind === 'choice') {
        command.option(
          option.flags,
          option.description,
          (value: string) => {
            try {
              return option.parse(value);
            } catch (error) {
              throw new InvalidArgumentError((error as Error).message);
            }
          },
          option.default,
        );
      } else {
        command.option(
          option.flags,
          option.description,
          numberOption,
          option.default,
        );
      }
    }
    command.action(async (options: Record<string, unknown>) => {
      const result = await bench.run(options, line => console.log(line));
      console.log(JSON.stringify(result));
      const failure = bench.failure?.(result);
      if (failure) {
        console.error(`${bench.name}: ${failure}`);
        process.exitCode = 1;
      }
    });
  }
  await program.parseAsync(argv, { from: 'user' });
}

/** Entry of `bin/region-expansion-bench`: runs the CLI and sets the exit code. */
export function main(): void {
  runBenchCli(process.argv.slice(2)).catch(error => {
    if (String(error?.code).startsWith('commander.')) {
      // Commander printed the help or the usage error already.
      process.exitCode = error.exitCode ?? 2;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  });
}
