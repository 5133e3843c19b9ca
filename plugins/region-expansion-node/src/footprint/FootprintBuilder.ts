import type {
  CloudTrailSummary,
  CrossRegionDependency,
  Footprint,
  FootprintSource,
  UnknownFootprintItem,
} from '@region-expansion/plugin-region-expansion-common';
import { ServiceMapping } from '../availability/serviceMapping';

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
  readonly #crossRegion = new Map<string, CrossRegionDependency>();
  readonly #unknown = new Map<string, UnknownFootprintItem>();
  #cloudTrail?: CloudTrailSummary;

  constructor(mapping: ServiceMapping = ServiceMapping.default()) {
    this.mapping = mapping;
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

  /** Records a cross-Region or cross-partition dependency (deduplicated). */
  addCrossRegion(dependency: CrossRegionDependency): void {
    const key = [
      dependency.kind,
      dependency.service,
      dependency.region,
      dependency.file,
      dependency.path,
    ].join('\u0000');
    if (!this.#crossRegion.has(key)) this.#crossRegion.set(key, dependency);
  }

  /** Records something that could not be mapped (deduplicated by value and file). */
  addUnknown(item: UnknownFootprintItem): void {
    const key = [item.kind, item.value, item.file].join('\u0000');
    if (!this.#unknown.has(key)) this.#unknown.set(key, item);
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
      crossRegion: [...this.#crossRegion.values()].sort(byFileAndPath),
      unknown: [...this.#unknown.values()].sort(byFileAndPath),
      ...(this.#cloudTrail ? { cloudTrail: this.#cloudTrail } : {}),
    };
  }
}
