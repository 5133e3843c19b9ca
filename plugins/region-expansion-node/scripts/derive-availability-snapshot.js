#!/usr/bin/env node
/*
 * Derives src/data/availability-snapshot.json (SSM service code per location,
 * every partition) from botocore's endpoints.json and partitions.json, through
 * the one mapping table src/data/service-mapping.json.
 *
 * usage: node scripts/derive-availability-snapshot.js \
 *   [--source ../shared/data/aws-partitions] [--date YYYY-MM-DD] [--out file]
 *
 * Rules:
 * - A Region offers a service when one of the service's endpoint prefixes has
 *   an endpoint for that Region (FIPS/variant pseudo-Regions are ignored).
 * - A service that is not regionalized (partitionEndpoint, e.g. IAM, Route 53,
 *   CloudFront) is offered in every Region of the partitions that list it.
 * - A service marked inEveryPartition (IAM) is offered in every Region.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

function parseArgs(argv) {
  const args = {
    source: path.resolve(__dirname, '../../../../shared/data/aws-partitions'),
    date: new Date().toISOString().slice(0, 10),
    out: path.resolve(__dirname, '../src/data/availability-snapshot.json'),
    mapping: path.resolve(__dirname, '../src/data/service-mapping.json'),
  };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option '${argv[i]}'`);
    }
    args[key] = argv[i + 1];
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(args.date)) {
    throw new Error(`--date must be YYYY-MM-DD, got '${args.date}'`);
  }
  return args;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function deriveSnapshot({
  partitionsDoc,
  endpointsDoc,
  mapping,
  date,
  source,
}) {
  const partitions = {};
  const locations = {};
  for (const partition of partitionsDoc.partitions) {
    const regex = new RegExp(partition.regionRegex);
    const regions = Object.keys(partition.regions)
      .filter(r => regex.test(r))
      .sort();
    partitions[partition.id] = { regions };
    for (const region of regions) locations[region] = new Set();
  }
  for (const endpointPartition of endpointsDoc.partitions) {
    const id = endpointPartition.partition;
    const regions = partitions[id] ? partitions[id].regions : [];
    for (const service of mapping.services) {
      const offered = new Set();
      if (service.inEveryPartition) regions.forEach(r => offered.add(r));
      for (const prefix of service.endpointPrefixes) {
        const entry = endpointPartition.services[prefix];
        if (!entry) continue;
        if (entry.isRegionalized === false || entry.partitionEndpoint) {
          if (entry.isRegionalized === false)
            regions.forEach(r => offered.add(r));
        }
        for (const key of Object.keys(entry.endpoints || {})) {
          if (regions.includes(key)) offered.add(key);
        }
      }
      for (const region of offered) locations[region].add(service.code);
    }
  }
  return {
    snapshotDate: date,
    source,
    partitions,
    locations: Object.fromEntries(
      Object.entries(locations)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([region, codes]) => [region, [...codes].sort()]),
    ),
  };
}

function main() {
  const args = parseArgs(process.argv);
  const snapshot = deriveSnapshot({
    partitionsDoc: readJson(path.join(args.source, 'partitions.json')),
    endpointsDoc: readJson(path.join(args.source, 'endpoints.json')),
    mapping: readJson(args.mapping),
    date: args.date,
    source:
      'botocore 1.43.107 data/endpoints.json and data/partitions.json (Apache-2.0), via src/data/service-mapping.json',
  });
  fs.writeFileSync(args.out, `${JSON.stringify(snapshot, null, 1)}\n`);
  const count = Object.keys(snapshot.locations).length;
  process.stdout.write(
    `wrote ${args.out}: ${count} locations, dated ${args.date}\n`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`derive-availability-snapshot: ${error.message}\n`);
    process.exit(2);
  }
}

module.exports = { deriveSnapshot };
