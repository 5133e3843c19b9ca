import {
  compareLocationsSchema,
  describeZodError,
  footprintSchema,
  type Footprint,
  type LocationComparison,
  type PriceSnapshot,
  type RankedLocation,
} from '@region-expansion/plugin-region-expansion-common';
import {
  AvailabilityIndex,
  checkComparisonInput,
  compareLocations,
  comparisonCostRequests,
  CostInputError,
  LocationCatalog,
  PRICE_CATALOG_KEYS,
  priceComparison,
  pricesFromSnapshot,
  readPriceSnapshotFile,
} from '@region-expansion/plugin-region-expansion-node';
import { CliInputError } from '../errors';
import { parseResidency } from './assess';
import { footprintOfPaths, type FootprintCommandOptions } from './footprint';
import { readDataFile } from './place';

/** Options of the compare command. */
export interface CompareCommandOptions extends FootprintCommandOptions {
  /** A footprint JSON (`yarn region-expansion footprint --json`). */
  footprint?: string;
  /** A YAML or JSON list of tenant classes. */
  classes?: string;
  name?: string;
  residency?: string;
  classification?: string;
  tier?: string;
  tenants?: string;
  load?: string;
  countries?: string;
  /** Comma-separated location ids. */
  candidates?: string;
  /** A price snapshot (`yarn region-expansion prices refresh`). */
  prices?: string;
  /** `key=quantity` overrides of bill-of-materials lines. */
  override?: string[];
  cellTenants?: string;
  cellLoad?: string;
}

function parseOrFail<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: any };
  },
  value: unknown,
  where: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CliInputError(`${where}: ${describeZodError(result.error)}`);
  }
  return result.data;
}

/** A number flag, kept as given when it is not one, so the schema names it. */
const numberOf = (value: string | undefined) =>
  value === undefined || !/^-?\d+(\.\d+)?$/.test(value.trim())
    ? value
    : Number(value);

async function tenantClassesOf(
  options: CompareCommandOptions,
  catalog: LocationCatalog,
): Promise<unknown> {
  if (options.classes) {
    if (options.name || options.residency || options.countries) {
      throw new CliInputError(
        '--classes: give tenant classes either in a file or with --name, --residency, --countries..., not both',
      );
    }
    return readDataFile(options.classes);
  }
  return [
    {
      name: options.name ?? 'default',
      residency: options.residency
        ? parseResidency(options.residency, catalog)
        : {},
      classification: options.classification ?? 'internal',
      tier: options.tier ?? 'pool',
      expectedTenants: numberOf(options.tenants ?? '1'),
      loadUnits: numberOf(options.load ?? '1'),
      countries: (options.countries ?? '')
        .split(',')
        .map(c => c.trim())
        .filter(Boolean),
    },
  ];
}

function overridesOf(pairs: string[] | undefined) {
  if (!pairs?.length) return undefined;
  const overrides: Record<string, unknown> = {};
  for (const pair of pairs) {
    const match = /^([^=\s]+)=(.+)$/.exec(pair);
    if (!match) {
      throw new CliInputError(
        `--override: '${pair}' must be <line key>=<monthly quantity>, e.g. storage.s3=500`,
      );
    }
    overrides[match[1]] = numberOf(match[2]);
  }
  return overrides;
}

async function footprintOf(
  paths: string[],
  options: CompareCommandOptions,
): Promise<Footprint> {
  if (options.footprint && paths.length) {
    throw new CliInputError(
      '--footprint: give a footprint file or infrastructure paths, not both',
    );
  }
  if (options.footprint) {
    return parseOrFail(
      footprintSchema,
      await readDataFile(options.footprint),
      options.footprint,
    );
  }
  if (!paths.length) {
    throw new CliInputError(
      '--footprint: is required: give a footprint file or infrastructure paths',
    );
  }
  return (await footprintOfPaths(paths, options)).footprint;
}

/** A positive whole number flag. */
function countFlag(value: string | undefined, flag: string, fallback: number) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000_000) {
    throw new CliInputError(
      `${flag}: '${value}' must be a whole number from 1 to 1000000000`,
    );
  }
  return n;
}

/**
 * Ranks candidate locations for a footprint and tenant classes, offline:
 * the bundled catalog and availability, prices from a snapshot file.
 * Readiness is `unknown` (the CLI reads no stored evaluations).
 */
export async function compareFromCli(
  paths: string[],
  options: CompareCommandOptions,
): Promise<LocationComparison> {
  const catalog = LocationCatalog.fromSnapshot();
  const body = parseOrFail(
    compareLocationsSchema,
    {
      tenantClasses: await tenantClassesOf(options, catalog),
      ...(options.candidates
        ? {
            candidates: options.candidates
              .split(',')
              .map(c => c.trim())
              .filter(Boolean),
          }
        : {}),
      ...(options.override
        ? { bomOverrides: overridesOf(options.override) }
        : {}),
    },
    'input',
  );
  const candidates = checkComparisonInput(catalog, body);
  const snapshot: PriceSnapshot | undefined = options.prices
    ? await readPriceSnapshotFile(options.prices).catch(error => {
        throw new CliInputError(`--prices: ${(error as Error).message}`);
      })
    : undefined;
  const footprint = await footprintOf(paths, options);
  if (!footprint.services.length) {
    throw new CliInputError(
      'footprint.services: must name at least one service',
    );
  }
  const input = {
    footprint,
    footprintSource: 'request' as const,
    tenantClasses: body.tenantClasses,
    candidates,
    catalog,
    availability: AvailabilityIndex.fromSnapshot(),
    cellSpec: {
      version: 'cli',
      capacity: {
        tenants: countFlag(options.cellTenants, '--cell-tenants', 80),
        loadUnits: countFlag(options.cellLoad, '--cell-load', 600),
        quotas: { dedicatedDataStores: 12 },
      },
    },
    bomOverrides: body.bomOverrides,
  };
  try {
    const estimates = priceComparison({
      requests: comparisonCostRequests(input),
      footprint,
      catalog,
      books: regionCode =>
        snapshot
          ? pricesFromSnapshot(snapshot, regionCode, PRICE_CATALOG_KEYS)
          : {
              unavailable:
                'no price source: pass --prices <snapshot> (yarn region-expansion prices refresh)',
            },
    });
    return compareLocations({ ...input, readiness: new Map(), estimates });
  } catch (error) {
    if (error instanceof CostInputError) {
      throw new CliInputError(
        `${error.field.replace(/^overrides/, '--override')}: ${error.reason}`,
      );
    }
    throw error;
  }
}

function costText(r: RankedLocation): string {
  if (r.cost.status !== 'priced') return 'no price';
  return `${r.cost.monthlyPerTenant} ${r.cost.currency}/tenant`;
}

/** The comparison as text: one table per class, then each rank's reasons. */
export function formatComparison(result: LocationComparison): string {
  const lines: string[] = [
    `footprint: ${result.footprint.services} services; availability of ${result.availabilityDate}`,
  ];
  if (result.synthetic) {
    lines.push('prices: SYNTHETIC (not read from AWS) - not real prices');
  }
  for (const c of result.classes) {
    lines.push(
      '',
      `class ${c.name}: ${c.qualifying} of ${c.ranked.length} locations qualify`,
    );
    const rows = c.ranked.map(r => [
      String(r.rank),
      r.locationId,
      r.qualifies ? 'yes' : `no (${r.gaps[0]?.rule})`,
      r.readiness.level,
      `${r.advice.isolation.choice}/${r.advice.encryption.choice}`,
      costText(r),
      r.latency.class,
    ]);
    const header = [
      'rank',
      'location',
      'qualifies',
      'readiness',
      'isolation/keys',
      'cost',
      'latency',
    ];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map(row => row[i].length)),
    );
    for (const row of [header, ...rows]) {
      lines.push(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
    }
    for (const r of c.ranked) {
      lines.push(`  ${r.rank}. ${r.locationId}`);
      lines.push(...r.why.map(w => `     - ${w}`));
    }
  }
  return lines.join('\n');
}
