import {
  capacitySchema,
  cellSpecSchema,
  createCellSchema,
  createControlPlaneSchema,
  READINESS_LEVELS,
  whatIfRequestSchema,
  type Cell,
  type CellSpec,
  type ControlPlane,
  type PlacementReadinessLevel,
  type PlacementStrategy,
  type TenantProfile,
  type WhatIfResult,
} from '@region-expansion/plugin-region-expansion-common';
import {
  assertControlPlaneAllowed,
  DomainRuleError,
  LocationCatalog,
  parseJsonText,
  parseYamlText,
  PlacementEngine,
  readinessFromMap,
  readTextFile,
} from '@region-expansion/plugin-region-expansion-node';
import { CliInputError } from '../errors';

interface Issue {
  path: PropertyKey[];
  message: string;
}
interface Schema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: Issue[] } };
}

/**
 * Largest cells or tenants file: far above any real estate, and small
 * enough that a YAML parser cannot spend minutes on one.
 */
const MAX_DATA_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Reads a YAML or JSON data file with the footprint readers' checks: size,
 * UTF-8, folders and link loops, line length, alias and nesting bounds;
 * errors name the file, line and reason and never quote the file.
 */
export async function readDataFile(file: string): Promise<unknown> {
  const text = await readTextFile(file, MAX_DATA_FILE_BYTES);
  return file.endsWith('.json')
    ? parseJsonText(text, file)
    : parseYamlText(text, file);
}

function validate<T>(
  schema: Schema<T>,
  value: unknown,
  file: string,
  prefix: string,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field =
    [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
  throw new CliInputError(`${file}: field ${field}: ${issue.message}`);
}

function record(
  value: unknown,
  file: string,
  field: string,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliInputError(`${file}: field ${field}: must be a mapping`);
  }
  return value as Record<string, unknown>;
}

/** Levels a cells file may give a location: an evaluated one, or `unknown`. */
const PLACEMENT_LEVELS: readonly string[] = [...READINESS_LEVELS, 'unknown'];

/** What a cells file holds: spec, control planes, cells and readiness levels. */
export interface CellsFile {
  spec: CellSpec;
  controlPlanes: ControlPlane[];
  cells: Cell[];
  readiness: Record<string, PlacementReadinessLevel>;
}

/** Reads and validates a cells file (YAML or JSON). */
export async function readCellsFile(
  file: string,
  catalog: LocationCatalog,
): Promise<CellsFile> {
  const data = record(await readDataFile(file), file, '(root)');
  const spec = validate(
    cellSpecSchema as Schema<CellSpec>,
    data.spec,
    file,
    'spec',
  );
  const controlPlanes = (
    Array.isArray(data.controlPlanes) ? data.controlPlanes : []
  ).map((c, i) => {
    const controlPlane = validate(
      createControlPlaneSchema as Schema<ControlPlane>,
      c,
      file,
      `controlPlanes.${i}`,
    );
    // The rules the backend applies before it stores a control plane, so a
    // what-if never plans with one the backend would refuse.
    try {
      assertControlPlaneAllowed(controlPlane, catalog);
    } catch (error) {
      if (!(error instanceof DomainRuleError)) throw error;
      throw new CliInputError(
        `${file}: field controlPlanes.${i}.${error.field}: ${error.reason}`,
      );
    }
    return controlPlane;
  });
  if (!Array.isArray(data.cells))
    throw new CliInputError(`${file}: field cells: must be a list`);
  const cells = data.cells.map((raw, i) => {
    const { usage, ...rest } = record(raw, file, `cells.${i}`);
    const cell = validate(
      createCellSchema as Schema<Omit<Cell, 'partition' | 'usage'>>,
      rest,
      file,
      `cells.${i}`,
    );
    const location = catalog.get(cell.locationId);
    if (!location)
      throw new CliInputError(
        `${file}: field cells.${i}.locationId: unknown location '${cell.locationId}'`,
      );
    return {
      ...cell,
      partition: location.partition,
      usage:
        usage === undefined
          ? { tenants: 0, loadUnits: 0, quotas: {} }
          : validate(
              capacitySchema as Schema<Cell['usage']>,
              usage,
              file,
              `cells.${i}.usage`,
            ),
    };
  });
  const readiness =
    data.readiness === undefined
      ? {}
      : record(data.readiness, file, 'readiness');
  for (const [id, level] of Object.entries(readiness)) {
    if (!PLACEMENT_LEVELS.includes(String(level))) {
      throw new CliInputError(
        `${file}: field readiness.${id}: must be one of ${PLACEMENT_LEVELS.join(
          ', ',
        )}`,
      );
    }
  }
  return {
    spec,
    controlPlanes,
    cells,
    readiness: readiness as Record<string, PlacementReadinessLevel>,
  };
}

/** Reads and validates a tenants file: a list of tenant profiles, or `{profiles: [...]}`. */
export async function readTenantsFile(
  file: string,
  spec: CellSpec,
): Promise<TenantProfile[]> {
  const data = await readDataFile(file);
  const profiles = Array.isArray(data)
    ? data
    : record(data, file, '(root)').profiles;
  const parsed = validate(
    whatIfRequestSchema as unknown as Schema<{ profiles: TenantProfile[] }>,
    { profiles, spec },
    file,
    '',
  );
  return parsed.profiles;
}

/** Options of the place command. */
export interface PlaceCommandOptions {
  cells: string;
  tenants: string;
  strategy: string;
}

/** Runs a what-if placement of the tenant profiles over the cells. */
export async function placeWhatIf(
  options: PlaceCommandOptions,
): Promise<WhatIfResult & { strategy: PlacementStrategy }> {
  if (options.strategy !== 'pack' && options.strategy !== 'spread') {
    throw new CliInputError(
      `--strategy: '${options.strategy}' is not pack or spread`,
    );
  }
  const catalog = LocationCatalog.fromSnapshot();
  const cellsFile = await readCellsFile(options.cells, catalog);
  const profiles = await readTenantsFile(options.tenants, cellsFile.spec);
  const engine = PlacementEngine.create({
    cells: cellsFile.cells,
    catalog,
    controlPlanes: cellsFile.controlPlanes,
    cellSpec: cellsFile.spec,
    readiness: readinessFromMap(cellsFile.readiness),
  });
  return {
    strategy: options.strategy,
    ...engine.whatIf(profiles, cellsFile.spec, { strategy: options.strategy }),
  };
}

/** Human-readable what-if result. */
export function formatWhatIf(
  result: WhatIfResult & { strategy: PlacementStrategy },
): string {
  const lines = [
    `what-if (${result.strategy}): ${result.requested} tenants requested, ${result.placedInExistingCells} in existing cells, ${result.placedInNewCells} in new cells, ${result.unplaceable.count} unplaceable`,
    ...result.cellsToCreate.map(
      c => `  create ${c.count} ${c.isolation} cell(s) in ${c.locationId}`,
    ),
    ...result.quotaRequests.map(
      q =>
        `  quota ${q.serviceCode} ${q.quotaCode} (${q.quotaName}): ${q.total}`,
    ),
    ...result.unplaceable.reasons.map(r => `  unplaceable: ${r}`),
  ];
  return lines.join('\n');
}
