import {
  casesByCategory,
  recordOverTimeBudget,
  writeCorpusFigures,
} from '@region-expansion/plugin-region-expansion-node/testUtils';
import { CliCase } from './cases';
import { CLI_BUDGET, CliRun } from './runner';

/** What one case measured, and every promise it broke. */
export interface CliFigures {
  name: string;
  category: string;
  spawned: boolean;
  code: number | null;
  ms: number;
  rssMb?: number;
  heapGrowthMb?: number;
  problems: string[];
  overTimeBudget?: string[];
}

/**
 * Every promise of the corpus that `run` broke, one line each, and its
 * time over the budget (a broken promise only when time budgets are
 * enforced).
 */
export function problemsOf(
  c: CliCase,
  run: CliRun,
  spawned: boolean,
): Pick<CliFigures, 'problems' | 'overTimeBudget'> {
  const problems: string[] = [];
  const result: Pick<CliFigures, 'problems' | 'overTimeBudget'> = {
    problems,
  };
  const bounded =
    c.boundedOk &&
    (run.code === 0 || run.code === 1) &&
    !run.overflow &&
    run.stdout.length <= c.boundedOk.maxBytes;
  if (run.overflow) {
    problems.push(
      `wrote over ${CLI_BUDGET.outputBytes} bytes to ${run.overflow}`,
    );
  }
  if (!bounded) {
    const lines = run.stderr.trim().split('\n');
    if (run.code !== 2) {
      problems.push(
        `exit ${run.code}, expected 2${
          c.boundedOk
            ? ` or a success printing at most ${c.boundedOk.maxBytes} bytes`
            : ''
        }: ${run.stderr.slice(0, 300).trim()}`,
      );
    } else {
      if (run.stdout !== '')
        problems.push(`stdout not empty: ${run.stdout.slice(0, 200)}`);
      if (lines.length !== 1) {
        problems.push(
          `stderr has ${lines.length} lines, expected one: ${run.stderr.slice(
            0,
            300,
          )}`,
        );
      }
      if (!c.names.some(n => run.stderr.includes(n))) {
        problems.push(
          `stderr names none of ${c.names
            .map(n => `'${n.slice(0, 80)}'`)
            .join(', ')}: ${run.stderr.slice(0, 300).trim()}`,
        );
      }
      if (!c.reason.test(run.stderr)) {
        problems.push(
          `stderr does not give the reason ${c.reason}: ${run.stderr
            .slice(0, 300)
            .trim()}`,
        );
      }
    }
  }
  const budget = spawned ? CLI_BUDGET.spawnedMs : CLI_BUDGET.batchMs;
  if (run.ms > budget) {
    recordOverTimeBudget(
      result,
      `took ${Math.round(run.ms)} ms, over the ${budget} ms budget`,
    );
  }
  if (spawned && run.rssMb === undefined) {
    problems.push('the process did not exit normally (no RSS figure)');
  }
  if (run.rssMb !== undefined && run.rssMb > CLI_BUDGET.spawnedRssMb) {
    problems.push(
      `peak RSS ${Math.round(run.rssMb)} MB, over ${
        CLI_BUDGET.spawnedRssMb
      } MB`,
    );
  }
  return result;
}

/** Writes `cli.json` and prints the summary docs/reliability.md quotes. */
export function writeCliFigures(figures: CliFigures[]): void {
  const slowest = (list: CliFigures[]) =>
    [...list].sort((a, b) => b.ms - a.ms)[0];
  const batch = figures.filter(f => !f.spawned);
  const spawned = figures.filter(f => f.spawned);
  writeCorpusFigures(
    'cli',
    {
      surface: 'cli',
      cases: figures.length,
      spawned: spawned.length,
      failing: figures.filter(f => f.problems.length).length,
      byCategory: casesByCategory(figures),
      slowestBatch: slowest(batch) && {
        name: slowest(batch).name,
        ms: Math.round(slowest(batch).ms),
      },
      slowestSpawned: slowest(spawned) && {
        name: slowest(spawned).name,
        ms: Math.round(slowest(spawned).ms),
      },
      peakRssMb: Math.round(Math.max(0, ...spawned.map(f => f.rssMb ?? 0))),
      worstBatchHeapGrowthMb: Math.round(
        Math.max(0, ...batch.map(f => f.heapGrowthMb ?? 0)),
      ),
    },
    figures,
    f => ({ name: f.name, spawned: f.spawned, problems: f.problems }),
  );
}
