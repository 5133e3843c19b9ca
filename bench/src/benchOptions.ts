/**
 * The options of every bench and their defaults, in one place: the CLI
 * declares its flags from these tables and each runner takes its defaults
 * from its own, so a default cannot differ between the two.
 */

/** A number option: `--<kebab-case key> <unit>`, with its default. */
export interface NumberOptionSpec {
  description: string;
  default: number;
  /** Placeholder of the value in the flag; default `n`. */
  unit?: string;
}

/** One of a few words: `--<kebab-case key> <unit>`, with its default. */
export interface ChoiceOptionSpec {
  description: string;
  choices: readonly string[];
  default: string;
  /** Placeholder of the value in the flag. */
  unit: string;
}

/** A switch: `--<kebab-case key>`, off unless given. */
export interface SwitchOptionSpec {
  description: string;
  switch: true;
}

/** Choice options of a table: always set once defaults are applied. */
type ChoiceKeys<T extends OptionTable> = {
  [K in keyof T]: T[K] extends ChoiceOptionSpec ? K : never;
}[keyof T];

/** The words a choice option takes. */
type ChoiceOf<S> = S extends { choices: readonly (infer C)[] } ? C : never;

/** A bench's options by the camelCase key its runner reads (as commander names it). */
export type OptionTable = Record<
  string,
  NumberOptionSpec | ChoiceOptionSpec | SwitchOptionSpec
>;

/** Number options of a table: always set once defaults are applied. */
type NumberKeys<T extends OptionTable> = {
  [K in keyof T]: T[K] extends NumberOptionSpec ? K : never;
}[keyof T];

/** The options a bench's runner takes from a table: every one optional. */
export type OptionsOf<T extends OptionTable> = {
  [K in keyof T]?: T[K] extends NumberOptionSpec
    ? number
    : T[K] extends ChoiceOptionSpec
    ? ChoiceOf<T[K]>
    : boolean;
};

/** The flags of an option as commander takes them, e.g. `--naive-budget-ms <ms>`. */
export function flagsOf(
  key: string,
  spec: NumberOptionSpec | ChoiceOptionSpec | SwitchOptionSpec,
): string {
  const flag = `--${key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;
  return 'switch' in spec ? flag : `${flag} <${spec.unit ?? 'n'}>`;
}

/** The value of a choice option, or an error naming the option and its words. */
export function parseChoice(
  key: string,
  spec: ChoiceOptionSpec,
  value: string,
): string {
  if (!spec.choices.includes(value))
    throw new Error(
      `${flagsOf(key, spec).split(' ')[0]}: must be one of ${spec.choices.join(
        ', ',
      )}, got ${JSON.stringify(value)}`,
    );
  return value;
}

/** `options` with every number option the caller left out at its default. */
export function withDefaults<T extends OptionTable, O extends object>(
  table: T,
  options: O,
): O & { [K in NumberKeys<T>]: number } & {
  [K in ChoiceKeys<T>]: ChoiceOf<T[K]>;
} {
  const resolved: Record<string, unknown> = Object.fromEntries(
    Object.entries(options),
  );
  for (const [key, spec] of Object.entries(table)) {
    if ('default' in spec && resolved[key] === undefined)
      resolved[key] = spec.default;
  }
  return resolved as O & { [K in NumberKeys<T>]: number } & {
    [K in ChoiceKeys<T>]: ChoiceOf<T[K]>;
  };
}

export const placementOptions = {
  cells: { description: 'cells in the world', default: 10_000 },
  tenants: { description: 'tenants placed', default: 100_000 },
  naiveBudgetMs: {
    description: 'time the naive baseline runs before it is extrapolated',
    default: 30_000,
    unit: 'ms',
  },
} satisfies OptionTable;

export const bulkImportOptions = {
  tenants: { description: 'tenants imported', default: 100_000 },
  baselineSample: {
    description: 'tenants created one by one for the baseline (extrapolated)',
    default: 5_000,
  },
} satisfies OptionTable;

export const governanceSyncOptions = {
  findings: { description: 'findings of the organization', default: 1_000_000 },
  accounts: { description: 'accounts (one target each)', default: 100 },
  regions: { description: 'Regions of partition aws used', default: 10 },
  concurrency: { description: 'targets read at once', default: 8 },
  limitedFindings: {
    description: 'findings of the rate-limited run',
    default: 100_000,
  },
  limitedAccounts: {
    description: 'accounts of the rate-limited run',
    default: 10,
  },
  replicas: {
    description:
      'backends on one PostgreSQL syncing the rate-limited run at once (1: the single instance only)',
    default: 1,
  },
} satisfies OptionTable;

/** Most replicas the governance-sync bench starts (2 cores, one process). */
const MAX_REPLICAS = 4;

/** `--replicas` of governance-sync: a whole number from 1 to 4. */
export function parseReplicas(value: number): number {
  if (!(Number.isInteger(value) && value >= 1 && value <= MAX_REPLICAS))
    throw new Error(
      `--replicas: must be a whole number from 1 to ${MAX_REPLICAS}, got ${value}`,
    );
  return value;
}

export const dashboardApiOptions = {
  findings: { description: 'findings loaded', default: 1_000_000 },
  accounts: { description: 'accounts', default: 500 },
  regions: { description: 'Regions of partition aws used', default: 30 },
  requests: { description: 'summary requests timed', default: 600 },
  baselineRequests: {
    description: 'requests answered from the simulator for the baseline',
    default: 12,
  },
} satisfies OptionTable;

export const regionsPageOptions = {
  cells: { description: 'cells loaded through the API', default: 5_000 },
  tenants: { description: 'tenants loaded through the API', default: 100_000 },
  runs: { description: 'measured page loads of each page', default: 5 },
  port: { description: 'port of the bench backend', default: 7300 },
  keep: { description: 'keep the temp folder', switch: true },
} satisfies OptionTable;

export const cloudTrailOptions = {
  sizeGb: { description: 'uncompressed size of the corpus', default: 2 },
  fileMb: { description: 'uncompressed size of each file', default: 8 },
  corpus: {
    description:
      'varied: record sizes, fields and nesting as real logs vary (about 10:1 gzipped); uniform: one record shape (about 20:1)',
    choices: ['varied', 'uniform'] as const,
    default: 'varied',
    unit: 'kind',
  },
  cli: {
    description:
      "dist: the built packages as published (needs a prior build of the CLI, -node and -common); source: the repo's TypeScript through the node transform",
    choices: ['dist', 'source'] as const,
    default: 'dist',
    unit: 'from',
  },
} satisfies OptionTable;

export const driftOptions = {
  accounts: { description: 'accounts of the organization', default: 500 },
  ous: { description: 'organizational units', default: 50 },
  scps: { description: 'customer-managed SCPs', default: 200 },
  plans: { description: 'guardrail plans checked', default: 24 },
  ratePerSecond: {
    description:
      'Organizations requests per second (the simulator throttles at it, the checker paces at it)',
    default: 10,
  },
  concurrency: { description: 'parents or policies read at once', default: 4 },
} satisfies OptionTable;

export const compareOptions = {
  locations: { description: 'candidate locations ranked', default: 40 },
  services: { description: 'services in the footprint', default: 200 },
  requests: { description: 'warm comparison requests timed', default: 60 },
  baselineRequests: {
    description: 'comparisons priced per Region without the cache',
    default: 2,
  },
} satisfies OptionTable;

export const evidenceExportOptions = {
  findings: { description: 'findings loaded and exported', default: 1_000_000 },
  accounts: { description: 'accounts', default: 100 },
  regions: { description: 'Regions of partition aws used', default: 10 },
  serverHeapMb: {
    description:
      "the export server's --max-old-space-size (0: Node's default, on PostgreSQL only)",
    default: 0,
    unit: 'mb',
  },
  server: {
    description:
      "the export server's code on PostgreSQL: dist: the plugin packages as published (needs a prior build of -common, -node, the backend and its demo module), what users run; source: the repo's TypeScript through the node transform",
    choices: ['dist', 'source'] as const,
    default: 'dist',
    unit: 'from',
  },
} satisfies OptionTable;

/** `yarn bench bad-input` runs the whole corpora: nothing to size. */
export const badInputOptions = {} satisfies OptionTable;
