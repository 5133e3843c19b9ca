/* eslint-disable no-console */
// Shared by `yarn bench governance-sync` and `yarn bench dashboard-api`:
// the simulated organization, argument parsing, memory sampling and a quiet
// logger (PostgreSQL: ../lib/postgres.ts).
import os from 'node:os';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  createSyntheticOrganization,
  SimulatedPartition,
  SyntheticOrganization,
} from '@region-expansion/aws-simulator';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';

export const MIGRATIONS_DIR = path.resolve(
  __dirname,
  '../../plugins/region-expansion-backend/migrations',
);

/** `--name value` / `--name=value` flags as numbers, with defaults. */
export function numberFlag(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let raw: string | undefined;
    if (arg === `--${name}`) raw = argv[i + 1];
    else if (arg.startsWith(`--${name}=`)) raw = arg.slice(name.length + 3);
    if (raw !== undefined) {
      const value = Number(raw.replace(/_/g, ''));
      if (!Number.isFinite(value) || value < 0)
        throw new Error(`--${name} must be a non-negative number, got ${raw}`);
      return value;
    }
  }
  return fallback;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

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
 * (the same number per account and Region).
 */
export function awsOrganization(
  seed: number,
  size: { findings: number; accounts: number; regions: number },
): {
  org: SyntheticOrganization;
  partition: SimulatedPartition;
  perAccountRegion: number;
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
  });
  return { org, partition, perAccountRegion };
}

/** Samples RSS every 100 ms; `peakMb` also takes the kernel's maxRSS into account. */
export function memorySampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  timer.unref();
  return {
    peakMb(): number {
      const maxRssBytes = process.resourceUsage().maxRSS * 1024;
      return Math.round(Math.max(peak, maxRssBytes) / 1024 / 1024);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

export function quietLogger(): LoggerService {
  const logger: LoggerService = {
    info: () => {},
    debug: () => {},
    warn: (message: string) => console.warn(`  warn: ${message}`),
    error: (message: string) => console.error(`  error: ${message}`),
    child: () => logger,
  };
  return logger;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

export const round = (n: number, digits = 1) =>
  Math.round(n * 10 ** digits) / 10 ** digits;
