import { cliCases } from './__testUtils__/cases';
import {
  CliFigures,
  problemsOf,
  writeCliFigures,
} from './__testUtils__/figures';
import { CliFixtures } from './__testUtils__/fixtures';
import { BatchCli, runSpawned } from './__testUtils__/runner';

/**
 * The CLI half of the bad-input corpus (docs/reliability.md). Every case
 * runs the CLI's program in one long-lived child process; the cases marked
 * `spawn` also run `bin/region-expansion` as a process of their own, whose
 * peak RSS is measured.
 * Each must exit 2 with one stderr line naming the file or flag and the
 * reason, print nothing on stdout, and stay within its time and memory
 * budget.
 *
 * Figures: `CI=true yarn backstage-cli package test src/badInput` in this
 * package prints them and writes `cli.json` to `$BAD_INPUT_REPORT_DIR`
 * (default `<tmp>/region-expansion-bad-input`).
 */
jest.setTimeout(60_000);

const fixtures = new CliFixtures();
const cases = cliCases(fixtures);
const figures: CliFigures[] = [];
const batch = new BatchCli();

describe('CLI bad-input corpus', () => {
  beforeAll(() => {
    fixtures.create();
  });

  afterAll(() => {
    writeCliFigures(figures);
    batch.stop();
    fixtures.remove();
  });

  it('covers every command, and every case has a unique name', () => {
    const commands = new Set(cases.map(c => c.args[0]));
    expect([...commands].filter(Boolean)).toEqual(
      expect.arrayContaining(['footprint', 'assess', 'availability', 'place']),
    );
    expect(new Set(cases.map(c => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map(c => [c.name, c] as const))('%s', async (_, c) => {
    const run = await batch.run(c.args);
    const result: CliFigures = {
      name: c.name,
      category: c.category,
      spawned: false,
      code: run.code,
      ms: run.ms,
      heapGrowthMb: run.heapGrowthMb,
      ...problemsOf(c, run, false),
    };
    figures.push(result);
    expect(result.problems).toEqual([]);
  });

  it.each(cases.filter(c => c.spawn).map(c => [c.name, c] as const))(
    '%s (spawned)',
    async (_, c) => {
      const run = await runSpawned(c.args);
      const result: CliFigures = {
        name: `${c.name} (spawned)`,
        category: c.category,
        spawned: true,
        code: run.code,
        ms: run.ms,
        rssMb: run.rssMb,
        ...problemsOf(c, run, true),
      };
      figures.push(result);
      expect(result.problems).toEqual([]);
    },
  );
});
