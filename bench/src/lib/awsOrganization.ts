import {
  createSyntheticOrganization,
  SimulatedPartition,
  SyntheticOrganization,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';

/** Partition `aws` from the location catalog, first `regions` Regions (home first). */
export function awsPartition(regions: number): SimulatedPartition {
  const catalog = LocationCatalog.fromSnapshot();
  const p = catalog.partition('aws')!;
  const all = catalog
    .regions()
    .filter(r => r.partition === 'aws')
    .map(r => r.id);
  const ordered = [p.homeRegion, ...all.filter(r => r !== p.homeRegion)];
  if (ordered.length < regions)
    throw new Error(`partition aws has only ${ordered.length} Regions`);
  return {
    id: 'aws',
    dnsSuffix: p.dnsSuffix,
    homeRegion: p.homeRegion,
    regions: ordered.slice(0, regions),
  };
}

/**
 * The benches' synthetic organization: `accounts` accounts of partition aws
 * with findings in its first `regions` Regions, about `findings` in all
 * (the same number per account and Region). Its history ends in the past
 * (the simulator's default, or a week ago if that is earlier), so a sync
 * that reads up to the real clock reads every finding.
 */
export function awsOrganization(
  seed: number,
  size: { findings: number; accounts: number; regions: number },
): {
  org: SyntheticOrganization;
  partition: SimulatedPartition;
  perAccountRegion: number;
  /** For the log: findings, and how they spread over accounts and Regions. */
  summary: string;
} {
  const partition = awsPartition(size.regions);
  const perAccountRegion = Math.max(
    1,
    Math.round(size.findings / (size.accounts * size.regions)),
  );
  const org = createSyntheticOrganization(seed, {
    partitions: [partition],
    accountsPerPartition: size.accounts,
    findingsPerAccountRegion: perAccountRegion,
    baseTime: Math.min(Date.UTC(2026, 9, 1), Date.now() - 7 * 86_400_000),
  });
  const summary = `${org.findingCount.toLocaleString('en')} findings (${
    size.accounts
  } accounts × ${size.regions} Regions × ${perAccountRegion})`;
  return { org, partition, perAccountRegion, summary };
}
