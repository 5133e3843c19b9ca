/*
 * `yarn test`'s Jest config: the Backstage CLI's own repo config (one Jest
 * project per workspace package), with its SWC transforms cached per file
 * instead of per package (see jest/sharedCacheSwcTransform.js), and Node's
 * compile cache for the processes it starts. Nothing else changes: the same
 * projects, test files, environments and setup files.
 */
const path = require('node:path');

// Node's own compile cache for the Jest workers and every process a test
// starts (the CLI's spawned runs, the benches' servers): each of them
// otherwise compiles the same dependencies again (CLI spawn 2.17 s CPU,
// 1.99 s with the cache). Inside the clone, so a fresh clone starts empty.
process.env.NODE_COMPILE_CACHE ??= path.resolve(
  __dirname,
  'node_modules/.cache/node-compile-cache',
);

const backstageSwcTransform = require.resolve(
  '@backstage/cli-module-test-jest/config/jestSwcTransform',
);
const sharedCacheSwcTransform = require.resolve(
  './jest/sharedCacheSwcTransform',
);

function withSharedCache(transform) {
  return Object.fromEntries(
    Object.entries(transform ?? {}).map(([pattern, entry]) => [
      pattern,
      Array.isArray(entry) && entry[0] === backstageSwcTransform
        ? [sharedCacheSwcTransform, entry[1]]
        : entry,
    ]),
  );
}

module.exports = require('@backstage/cli/config/jest').then(config => ({
  ...config,
  projects: config.projects.map(project => ({
    ...project,
    transform: withSharedCache(project.transform),
  })),
}));
