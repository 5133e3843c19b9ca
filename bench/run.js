#!/usr/bin/env node
/* eslint-disable */
// `yarn bench <name>`: runs bench/<name>/index.ts from TypeScript sources
// through the Backstage CLI's node transform.
const path = require('node:path');
const fs = require('node:fs');

const name = process.argv[2];
const available = fs
  .readdirSync(__dirname, { withFileTypes: true })
  .filter(
    d =>
      d.isDirectory() &&
      fs.existsSync(path.join(__dirname, d.name, 'index.ts')),
  )
  .map(d => d.name);
if (!name || !available.includes(name)) {
  console.error(
    `usage: yarn bench <name>; available: ${available.join(', ') || '(none)'}`,
  );
  process.exit(2);
}
require('@backstage/cli/config/nodeTransform.cjs');
require(path.join(__dirname, name, 'index.ts'));
