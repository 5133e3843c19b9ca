import path from 'node:path';

/** The bench package's folder (resolved from this file, so a linked checkout finds its own). */
export const BENCH_DIR = path.dirname(require.resolve('../../package.json'));

/** The repository: the regions-page bench runs the demo portal's backend and app build. */
export const REPOSITORY_DIR = path.dirname(BENCH_DIR);
