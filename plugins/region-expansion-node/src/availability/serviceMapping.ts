import mappingDocument from '../data/service-mapping.json';

/**
 * One row of the service mapping table: the names one AWS service goes by in
 * endpoints, SSM, CloudFormation, Terraform, CloudTrail and IAM.
 *
 * @public
 */
export interface ServiceMappingEntry {
  /** SSM global-infrastructure service code, e.g. `stepfunctions`. */
  code: string;
  /** Display name, e.g. `AWS Step Functions`; used in blocker and footprint details. */
  name: string;
  /** botocore endpoint prefixes, e.g. `states`. */
  endpointPrefixes: string[];
  /** CloudFormation namespaces (`AWS::S3`) or full resource types. */
  cloudFormation: string[];
  /** Terraform AWS provider resource type prefixes (`aws_s3_`). */
  terraform: string[];
  /** CloudTrail `eventSource` values (`s3.amazonaws.com`). */
  eventSources: string[];
  /** IAM action prefixes (`s3` in `s3:PutObject`). */
  iamPrefixes: string[];
  /** True for services that are global within a partition. */
  global?: boolean;
  /** True when every partition has the service even if no endpoint is listed. */
  inEveryPartition?: boolean;
  /**
   * Free-text caveat, e.g. where a global service is managed; appended to the
   * detail of CloudFormation global-service dependencies.
   */
  note?: string;
}

let defaultMapping: ServiceMapping | undefined;

function longestMatch<T>(
  candidates: Array<[string, T]>,
  value: string,
  matches: (prefix: string, value: string) => boolean,
): T | undefined {
  let best: [string, T] | undefined;
  for (const candidate of candidates) {
    if (
      matches(candidate[0], value) &&
      (!best || candidate[0].length > best[0].length)
    ) {
      best = candidate;
    }
  }
  return best?.[1];
}

function cloudFormationMatches(prefix: string, type: string): boolean {
  return type === prefix || type.startsWith(`${prefix}::`);
}

function terraformMatches(prefix: string, type: string): boolean {
  if (prefix.endsWith('_')) {
    return type.startsWith(prefix) || type === prefix.slice(0, -1);
  }
  return type === prefix || type.startsWith(`${prefix}_`);
}

/**
 * The one mapping table relating endpoint prefixes, SSM service codes,
 * CloudFormation namespaces, Terraform resource types, CloudTrail event
 * sources and IAM action prefixes. Loaded once from
 * `src/data/service-mapping.json`.
 *
 * @public
 */
export class ServiceMapping {
  readonly #entries: ServiceMappingEntry[];
  readonly #byCode: Map<string, ServiceMappingEntry>;
  readonly #byEventSource: Map<string, ServiceMappingEntry>;
  readonly #byIamPrefix: Map<string, ServiceMappingEntry>;
  readonly #byEndpointPrefix: Map<string, ServiceMappingEntry>;
  readonly #cloudFormation: Array<[string, ServiceMappingEntry]>;
  readonly #terraform: Array<[string, ServiceMappingEntry]>;
  readonly #cloudFormationCache = new Map<
    string,
    ServiceMappingEntry | undefined
  >();

  /** The bundled mapping table. */
  static default(): ServiceMapping {
    if (!defaultMapping) {
      defaultMapping = new ServiceMapping(
        mappingDocument.services as ServiceMappingEntry[],
      );
    }
    return defaultMapping;
  }

  constructor(entries: ServiceMappingEntry[]) {
    this.#entries = entries;
    this.#byCode = new Map(entries.map(e => [e.code, e]));
    this.#byEventSource = new Map(
      entries.flatMap(e => e.eventSources.map(s => [s, e] as const)),
    );
    this.#byIamPrefix = new Map(
      entries.flatMap(e => e.iamPrefixes.map(p => [p, e] as const)),
    );
    this.#byEndpointPrefix = new Map(
      entries.flatMap(e => e.endpointPrefixes.map(p => [p, e] as const)),
    );
    this.#cloudFormation = entries.flatMap(e =>
      e.cloudFormation.map(n => [n, e] as [string, ServiceMappingEntry]),
    );
    this.#terraform = entries.flatMap(e =>
      e.terraform.map(p => [p, e] as [string, ServiceMappingEntry]),
    );
  }

  /** Every row of the table. */
  entries(): readonly ServiceMappingEntry[] {
    return this.#entries;
  }

  /** The row for an SSM service code. */
  byCode(code: string): ServiceMappingEntry | undefined {
    return this.#byCode.get(code);
  }

  /** The row for a CloudTrail eventSource such as `s3.amazonaws.com`. */
  byEventSource(eventSource: string): ServiceMappingEntry | undefined {
    return this.#byEventSource.get(eventSource);
  }

  /** The row for an IAM action prefix such as `states`. */
  byIamPrefix(prefix: string): ServiceMappingEntry | undefined {
    return this.#byIamPrefix.get(prefix.toLowerCase());
  }

  /** The row for a botocore endpoint prefix such as `monitoring`. */
  byEndpointPrefix(prefix: string): ServiceMappingEntry | undefined {
    return this.#byEndpointPrefix.get(prefix);
  }

  /** The row for a CloudFormation resource type such as `AWS::S3::Bucket`. */
  byCloudFormationType(type: string): ServiceMappingEntry | undefined {
    if (!this.#cloudFormationCache.has(type)) {
      this.#cloudFormationCache.set(
        type,
        longestMatch(this.#cloudFormation, type, cloudFormationMatches),
      );
    }
    return this.#cloudFormationCache.get(type);
  }

  /** The row for a Terraform resource type such as `aws_s3_bucket`. */
  byTerraformType(type: string): ServiceMappingEntry | undefined {
    return longestMatch(this.#terraform, type, terraformMatches);
  }
}
