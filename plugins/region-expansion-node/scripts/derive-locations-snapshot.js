#!/usr/bin/env node
/* eslint-disable no-console */
// Derives src/data/locations-snapshot.json from botocore's partitions.json and
// the project's Region facts (src/locations/regionFacts.ts).
//
//   node scripts/derive-locations-snapshot.js [--source DIR] [--out FILE]
//
// --source  folder holding partitions.json; by default the first
//           `shared/data/aws-partitions` found walking up from this script.
// --out     output file; by default ../src/data/locations-snapshot.json.
// Fails (exit 1) when the source has a partition or Region without a fact.
const fs = require('node:fs');
const path = require('node:path');

function argValue(name) {
  const index = process.argv.indexOf(name);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith('--')) {
    throw new Error(`${name} needs a value`);
  }
  return value;
}

function findDefaultSource() {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'shared', 'data', 'aws-partitions');
    if (fs.existsSync(path.join(candidate, 'partitions.json')))
      return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function main() {
  const sourceDir = argValue('--source') ?? findDefaultSource();
  if (!sourceDir) {
    throw new Error(
      'No shared/data/aws-partitions folder above this script; pass --source DIR',
    );
  }
  const sourceFile = path.resolve(sourceDir, 'partitions.json');
  const outFile = path.resolve(
    argValue('--out') ??
      path.join(__dirname, '..', 'src', 'data', 'locations-snapshot.json'),
  );

  // The derivation is TypeScript shared with the tests; load it through the
  // Backstage CLI's node transform so there is one implementation.
  require('@backstage/cli/config/nodeTransform.cjs');
  const {
    deriveLocationsSnapshot,
  } = require('../src/locations/deriveLocationsSnapshot.ts');

  const source = JSON.parse(fs.readFileSync(sourceFile, 'utf8'));
  const snapshot = deriveLocationsSnapshot(source, {
    generatedAt: new Date().toISOString(),
  });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(
    `Wrote ${snapshot.partitions.length} partitions and ${snapshot.regions.length} Regions from ${sourceFile} to ${outFile}`,
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
