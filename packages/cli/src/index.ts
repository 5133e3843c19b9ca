/**
 * The `region-expansion` CLI: footprint, assess, availability and place.
 *
 * @packageDocumentation
 */
import { runCli } from './program';

runCli(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(
      `region-expansion: internal error: ${error?.stack ?? error}\n`,
    );
    process.exitCode = 3;
  },
);
