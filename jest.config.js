/*
 * `yarn test`'s Jest config: the Backstage CLI's own repo config (one Jest
 * project per workspace package), with its SWC transforms cached per file
 * instead of per package (see jest/sharedCacheSwcTransform.js). Nothing else
 * changes: the same projects, test files, environments and setup files.
 */
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
