import {
  jurisdictionsFor,
  type Location,
  type Partition,
} from '@region-expansion/plugin-region-expansion-common';
import {
  PARTITION_NAMES,
  REGION_FACTS,
  partitionRequiresOwnControlPlane,
  type RegionFact,
} from './regionFacts';

/**
 * The bundled, dated list of partitions and Regions.
 *
 * @public
 */
export interface LocationsSnapshot {
  /** When the snapshot was derived (ISO 8601). */
  generatedAt: string;
  /** Where the partitions and Regions come from. */
  source: string;
  /** Every partition. */
  partitions: Partition[];
  /** Every Region (kind `region`). */
  regions: Location[];
}

/**
 * The parts of botocore's partitions.json the derivation reads.
 *
 * @public
 */
export interface BotocorePartitionsFile {
  /**
   * One entry per partition: `id`, `regionRegex` (entries of `regions` that
   * do not match, such as `aws-global`, are left out), `outputs.dnsSuffix`,
   * `outputs.implicitGlobalRegion` (the home Region) and `regions`, whose
   * descriptions become the Region names.
   */
  partitions: {
    id: string;
    regionRegex: string;
    outputs: { dnsSuffix: string; implicitGlobalRegion: string };
    regions: Record<string, { description?: string }>;
  }[];
}

/**
 * Provenance named in every snapshot.
 *
 * @public
 */
export const LOCATIONS_SNAPSHOT_SOURCE = 'botocore 1.43.107 partitions.json';

/**
 * Builds the locations snapshot from botocore's partitions.json and the
 * project's Region facts. Throws, naming every gap at once, when a partition
 * or Region in the source has no stated fact.
 *
 * Pseudo-Regions such as `aws-global` are endpoint aliases for global
 * services, not places; they do not match the partition's `regionRegex` and
 * are left out.
 *
 * @public
 */
export function deriveLocationsSnapshot(
  source: BotocorePartitionsFile,
  options: {
    generatedAt: string;
    facts?: Readonly<Record<string, RegionFact>>;
    partitionNames?: Readonly<Record<string, string>>;
  },
): LocationsSnapshot {
  const facts = options.facts ?? REGION_FACTS;
  const names = options.partitionNames ?? PARTITION_NAMES;
  const missing: string[] = [];
  const partitions: Partition[] = [];
  const regions: Location[] = [];

  for (const p of source.partitions) {
    const name = names[p.id];
    if (!name) missing.push(`partition ${p.id} has no name`);
    partitions.push({
      id: p.id,
      name: name ?? p.id,
      dnsSuffix: p.outputs.dnsSuffix,
      homeRegion: p.outputs.implicitGlobalRegion,
      requiresOwnControlPlane: partitionRequiresOwnControlPlane(p.id),
    });
    const regionPattern = new RegExp(p.regionRegex);
    for (const [id, region] of Object.entries(p.regions)) {
      if (!regionPattern.test(id)) continue;
      const fact = facts[id];
      if (!fact) {
        missing.push(`Region ${id} (${p.id}) has no country and geography`);
        continue;
      }
      regions.push({
        id,
        kind: 'region',
        partition: p.id,
        name: region.description ?? id,
        country: fact.country,
        jurisdictions: jurisdictionsFor(fact.country, fact.geography),
        geography: fact.geography,
      });
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `Location facts are incomplete; add them to regionFacts.ts:\n  ${missing.join(
        '\n  ',
      )}`,
    );
  }
  partitions.sort((a, b) => a.id.localeCompare(b.id));
  regions.sort((a, b) => a.id.localeCompare(b.id));
  return {
    generatedAt: options.generatedAt,
    source: LOCATIONS_SNAPSHOT_SOURCE,
    partitions,
    regions,
  };
}
