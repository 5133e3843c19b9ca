module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // The spawned tests state the CLI's bad-input promise through one helper.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expectOneLineError'] },
    ],
  },
});
