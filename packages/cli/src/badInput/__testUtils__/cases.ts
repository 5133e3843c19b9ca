import type { CliCase } from './cliCase';
import type { CliFixtures } from './fixtures';
import { flagCases } from './flagCases';
import { footprintCases } from './footprintCases';
import { placeCases } from './placeCases';

export type { CliCase } from './cliCase';

/**
 * The CLI corpus: every command (footprint, assess, availability, place)
 * with every kind of bad input the CLI reads (gzip, junk, empty, symlink
 * loops, deep nesting, 50 MB lines, wrong kinds, amplification, bombs) and
 * every kind of bad flag (unknown, missing, bad value, extra argument).
 * Every case must exit 2 with one line on stderr naming the file or flag
 * and the reason, and nothing on stdout.
 */
export function cliCases(f: CliFixtures): CliCase[] {
  return [...footprintCases(f), ...flagCases(f), ...placeCases(f)];
}
