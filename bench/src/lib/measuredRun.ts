import { Cleanups } from './Cleanups';
import type { BenchLog } from './log';
import { loadAverages, machine, memorySampler } from './machine';

/**
 * What every bench reports around its work, and the cleanups of what it
 * starts: logs the machine and its load at the start, samples this
 * process's memory, and resolves with `bench`, `machine` (load averages at
 * the start and the end), the work's figures and this process's peak RSS.
 * The steps the work adds to `cleanups` run, newest first, when it ends,
 * even after a failure, so the process can exit.
 */
export async function measuredRun<F extends object>(
  bench: string,
  log: BenchLog,
  work: (cleanups: Cleanups) => Promise<F>,
): Promise<
  {
    bench: string;
    machine: ReturnType<typeof machine> & { loadAverageEnd: number[] };
  } & F & {
      peakRssMb: number;
    }
> {
  const memory = memorySampler();
  const cleanups = new Cleanups();
  const info = machine();
  log(
    `${bench} on ${info.cpus}× ${info.model} (${
      info.vectorExtensions.join(' ') || 'no vector extensions read'
    }), node ${info.node}, load ${info.loadAverageStart.join(
      ' ',
    )} (1/5/15 min)`,
  );
  try {
    const figures = await work(cleanups);
    const peakRssMb = memory.peakMb();
    const loadAverageEnd = loadAverages();
    log(
      `peak RSS of this process ${peakRssMb} MB; load at the end ${loadAverageEnd.join(
        ' ',
      )}`,
    );
    return {
      bench,
      machine: { ...info, loadAverageEnd },
      ...figures,
      peakRssMb,
    };
  } finally {
    await cleanups.run();
    memory.stop();
  }
}
