/*
 * Backstage's SWC transform for Jest, cached per file instead of per package.
 *
 * Jest keys a transformed file by the whole project config (its rootDir,
 * displayName, setup files...), so a dependency that 18 workspace packages
 * import is transformed and written to the cache 18 times in one run, every
 * time in a fresh clone. The transform's output depends only on the source,
 * its absolute path, the SWC options (in the inner key) and the ESM and
 * coverage flags Jest passes (also in the inner key); keying by those lets
 * every package of the repo reuse one transformed copy. The output keeps the
 * absolute path, so the key does too: clones never share entries.
 */
const path = require('node:path');
const {
  createTransformer: createBackstageTransformer,
} = require('@backstage/cli-module-test-jest/config/jestSwcTransform');

function createTransformer(swcOptions) {
  const inner = createBackstageTransformer(swcOptions);
  return {
    process: inner.process,
    getCacheKey(source, filename, options) {
      return inner.getCacheKey(source, filename, {
        ...options,
        configString: '',
        config: { ...options.config, rootDir: path.parse(filename).root },
      });
    },
  };
}

module.exports = { createTransformer };
