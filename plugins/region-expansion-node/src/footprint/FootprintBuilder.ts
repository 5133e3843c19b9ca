import type {
  CloudTrailSummary,
  CrossRegionDependency,
  Footprint,
  FootprintSource,
  UnknownFootprintItem,
} from '@region-expansion/plugin-region-expansion-common';
import {
  ServiceMapping,
  type ServiceMappingEntry,
} from '../availability/serviceMapping';
import { FootprintInputError } from './InputError';
import { isRegionCode } from './walk';

/**
 * Bounds of the work of one footprint, so that a small input cannot make the
 * readers work or answer without end (a YAML alias bomb, a list shared by
 * thousands of resources). Past a bound the build stops with a
 * {@link FootprintInputError} naming the file.
 *
 * @public
 */
export interface FootprintLimits {
  /**
   * Most values (objects, lists, strings, numbers) the readers visit and
   * findings they record for one footprint. Default 20,000,000: about a
   * 256 MiB Terraform plan. A value reached through many YAML aliases is
   * visited once.
   */
  maxNodes?: number;
  /**
   * Most distinct findings (cross-Region dependencies plus unknown items)
   * of one footprint. Default 10,000, as many as
   * `PUT /application-plane/footprint` accepts of each.
   */
  maxFindings?: number;
}

/**
 * The default {@link FootprintLimits}.
 *
 * @public
 */
export const DEFAULT_FOOTPRINT_LIMITS: Readonly<Required<FootprintLimits>> = {
  maxNodes: 20_000_000,
  maxFindings: 10_000,
};

/** Example paths kept per folded cross-Region finding. */
const MAX_EXAMPLE_PATHS = 10;

interface FoldedDependency {
  first: CrossRegionDependency;
  occurrences: number;
  paths: string[];
}

/**
 * Accumulates services, actions, cross-Region dependencies and unknown items
 * from any number of inputs into one {@link @region-expansion/plugin-region-expansion-common#Footprint}.
 *
 * @public
 */
export class FootprintBuilder {
  /**
   * Mapping the input readers resolve CloudFormation and Terraform types, IAM
   * actions and event sources with; default: the bundled table.
   */
  readonly mapping: ServiceMapping;
  readonly #services = new Map<
    string,
    { sources: Set<FootprintSource>; actions: Set<string> }
  >();
  readonly #crossRegion = new Map<string, FoldedDependency>();
  readonly #unknown = new Map<string, UnknownFootprintItem>();
  readonly #limits: Required<FootprintLimits>;
  #visits = 0;
  #cloudTrail?: CloudTrailSummary;

  constructor(
    mapping: ServiceMapping = ServiceMapping.default(),
    limits: FootprintLimits = {},
  ) {
    this.mapping = mapping;
    this.#limits = { ...DEFAULT_FOOTPRINT_LIMITS, ...limits };
  }

  /**
   * Counts values a reader visits in `file`; throws a
   * {@link FootprintInputError} naming the file past `maxNodes`.
   */
  countVisits(file: string, count = 1): void {
    this.#visits += count;
    if (this.#visits > this.#limits.maxNodes) {
      throw new FootprintInputError({
        file,
        problem: `more than ${
          this.#limits.maxNodes
        } values to read (bound of one footprint); is a YAML anchor aliased many times? Split the input`,
      });
    }
  }

  #checkFindings(file: string): void {
    if (
      this.#crossRegion.size + this.#unknown.size >=
      this.#limits.maxFindings
    ) {
      throw new FootprintInputError({
        file,
        problem: `more than ${
          this.#limits.maxFindings
        } distinct findings (bound of one footprint); split the input`,
      });
    }
  }

  /** Records that a service (SSM code) is used, optionally with an action. */
  addService(code: string, source: FootprintSource, action?: string): void {
    let usage = this.#services.get(code);
    if (!usage) {
      usage = { sources: new Set(), actions: new Set() };
      this.#services.set(code, usage);
    }
    usage.sources.add(source);
    if (action) usage.actions.add(action);
  }

  /**
   * Records an IAM action such as `s3:PutObject`; an unmapped prefix is
   * reported as unknown. Returns the service code when mapped.
   */
  addIamAction(
    action: string,
    source: FootprintSource,
    where: { file: string; path: string },
  ): string | undefined {
    const separator = action.indexOf(':');
    if (separator <= 0) {
      if (action !== '*') {
        this.addUnknown({ kind: 'iam-action', value: action, ...where });
      }
      return undefined;
    }
    const entry = this.mapping.byIamPrefix(action.slice(0, separator));
    if (!entry) {
      this.addUnknown({ kind: 'iam-action', value: action, ...where });
      return undefined;
    }
    this.addService(entry.code, source, action.slice(separator + 1));
    return entry.code;
  }

  /**
   * Records a resource of infrastructure code whose `type` (CloudFormation
   * or Terraform) maps to `entry`: an unknown item when nothing maps it,
   * else its service and, for a service global within the partition, a
   * `global-service` dependency. Returns the entry.
   */
  addResource(
    type: string,
    entry: ServiceMappingEntry | undefined,
    where: { file: string; path: string },
  ): ServiceMappingEntry | undefined {
    if (!entry) {
      this.addUnknown({ kind: 'resource-type', value: type, ...where });
      return undefined;
    }
    this.addService(entry.code, 'iac');
    if (entry.global) {
      this.addCrossRegion({
        kind: 'global-service',
        service: entry.code,
        ...where,
        detail: `${type} belongs to ${entry.name}, global within the partition${
          entry.note ? `: ${entry.note}` : ''
        }`,
      });
    }
    return entry;
  }

  /**
   * Records a cross-Region or cross-partition dependency. Findings that say
   * the same thing (kind, service and Region, in one file) are folded into
   * one, counted, with up to 10 example paths. A `region` that is not a
   * Region code is dropped: the field holds a Region code or nothing.
   */
  addCrossRegion(dependency: CrossRegionDependency): void {
    this.countVisits(dependency.file);
    const { region, ...rest } = dependency;
    const clean: CrossRegionDependency = isRegionCode(region)
      ? { ...rest, region }
      : rest;
    const key = [clean.kind, clean.service, clean.region, clean.file].join(
      '\u0000',
    );
    const folded = this.#crossRegion.get(key);
    if (folded) {
      folded.occurrences++;
      if (
        folded.paths.length < MAX_EXAMPLE_PATHS &&
        !folded.paths.includes(clean.path)
      ) {
        folded.paths.push(clean.path);
      }
      return;
    }
    this.#checkFindings(clean.file);
    this.#crossRegion.set(key, {
      first: clean,
      occurrences: 1,
      paths: [clean.path],
    });
  }

  /** Records something that could not be mapped (deduplicated by value and file). */
  addUnknown(item: UnknownFootprintItem): void {
    this.countVisits(item.file);
    const key = [item.kind, item.value, item.file].join('\u0000');
    if (this.#unknown.has(key)) return;
    this.#checkFindings(item.file);
    this.#unknown.set(key, item);
  }

  /** Sets the CloudTrail summary. */
  setCloudTrailSummary(summary: CloudTrailSummary): void {
    this.#cloudTrail = summary;
  }

  /** The footprint, sorted for stable output. */
  build(): Footprint {
    const services = [...this.#services.entries()]
      .map(([code, usage]) => ({
        code,
        sources: (['iac', 'cloudtrail'] as const).filter(s =>
          usage.sources.has(s),
        ),
        actions: [...usage.actions].sort(),
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const byFileAndPath = (
      a: { file: string; path?: string },
      b: { file: string; path?: string },
    ) =>
      a.file.localeCompare(b.file) ||
      (a.path ?? '').localeCompare(b.path ?? '');
    return {
      services,
      crossRegion: [...this.#crossRegion.values()]
        .map(({ first, occurrences, paths }) =>
          occurrences > 1 ? { ...first, occurrences, paths } : first,
        )
        .sort(byFileAndPath),
      unknown: [...this.#unknown.values()].sort(byFileAndPath),
      ...(this.#cloudTrail ? { cloudTrail: this.#cloudTrail } : {}),
    };
  }
}
