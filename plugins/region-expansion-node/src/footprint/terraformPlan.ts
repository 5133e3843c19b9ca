import { FootprintBuilder } from './FootprintBuilder';
import { FootprintInputError } from './InputError';
import {
  HARDCODED_PARTITION,
  childPath,
  forEachPolicyStatement,
  forEachString,
  isRecord,
  literalStrings,
  regionOfArn,
  type Json,
} from './walk';

interface PlannedResource {
  address: string;
  type: string;
  providerName: string;
  values: Record<string, Json>;
  path: string;
}

const AWS_PROVIDER = /(^|\/)aws$/;

function plannedResources(plan: Record<string, Json>): PlannedResource[] {
  if (Array.isArray(plan.resource_changes) && plan.resource_changes.length) {
    return plan.resource_changes.filter(isRecord).flatMap((change, i) => {
      const actions = isRecord(change.change)
        ? change.change.actions
        : undefined;
      if (
        Array.isArray(actions) &&
        actions.length === 1 &&
        actions[0] === 'delete'
      ) {
        return [];
      }
      const after = isRecord(change.change) ? change.change.after : undefined;
      return [
        {
          address: String(change.address),
          type: String(change.type),
          providerName: String(change.provider_name ?? ''),
          values: isRecord(after) ? after : {},
          path: `resource_changes[${i}].change.after`,
        },
      ];
    });
  }
  const out: PlannedResource[] = [];
  const planned = isRecord(plan.planned_values) ? plan.planned_values : {};
  const stack: Array<[Json, string]> = [
    [planned.root_module, 'planned_values.root_module'],
  ];
  while (stack.length) {
    const [module, path] = stack.pop()!;
    if (!isRecord(module)) continue;
    (Array.isArray(module.resources) ? module.resources : []).forEach(
      (r: Json, i: number) => {
        if (!isRecord(r)) return;
        out.push({
          address: String(r.address),
          type: String(r.type),
          providerName: String(r.provider_name ?? ''),
          values: isRecord(r.values) ? r.values : {},
          path: `${path}.resources[${i}].values`,
        });
      },
    );
    (Array.isArray(module.child_modules) ? module.child_modules : []).forEach(
      (m: Json, i: number) => stack.push([m, `${path}.child_modules[${i}]`]),
    );
  }
  return out;
}

function constantRegion(providerConfig: Json): string | undefined {
  if (!isRecord(providerConfig) || !isRecord(providerConfig.expressions))
    return undefined;
  const region = providerConfig.expressions.region;
  return isRecord(region) && typeof region.constant_value === 'string'
    ? region.constant_value
    : undefined;
}

/** Maps resource address → provider config key, from the plan's configuration. */
function providerKeysByAddress(configuration: Json): Map<string, string> {
  const out = new Map<string, string>();
  const stack: Array<[Json, string]> = [
    [isRecord(configuration) ? configuration.root_module : undefined, ''],
  ];
  while (stack.length) {
    const [module, prefix] = stack.pop()!;
    if (!isRecord(module)) continue;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (isRecord(r) && typeof r.provider_config_key === 'string') {
        out.set(`${prefix}${r.address}`, r.provider_config_key);
      }
    }
    if (isRecord(module.module_calls)) {
      for (const [name, call] of Object.entries(module.module_calls)) {
        if (isRecord(call))
          stack.push([call.module, `${prefix}module.${name}.`]);
      }
    }
  }
  return out;
}

/** Strips instance keys: `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`. */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/**
 * Adds the services, IAM actions and cross-Region dependencies of a Terraform
 * plan (`terraform show -json`) to a footprint. Resources of provider aliases
 * whose `region` differs from the default AWS provider's are cross-Region.
 *
 * @public
 */
export function addTerraformPlan(
  builder: FootprintBuilder,
  plan: unknown,
  file: string,
): void {
  if (!isRecord(plan) || (!plan.planned_values && !plan.resource_changes)) {
    throw new FootprintInputError({
      file,
      field: 'planned_values',
      problem: 'not a Terraform plan (no planned_values or resource_changes)',
    });
  }
  // A plan whose resources are not where Terraform puts them would read as
  // an empty footprint: refuse it instead.
  if (
    plan.resource_changes !== undefined &&
    !Array.isArray(plan.resource_changes)
  ) {
    throw new FootprintInputError({
      file,
      field: 'resource_changes',
      problem: 'must be a list',
    });
  }
  if (plan.planned_values !== undefined && !isRecord(plan.planned_values)) {
    throw new FootprintInputError({
      file,
      field: 'planned_values',
      problem: 'must be a mapping',
    });
  }
  const configuration = isRecord(plan.configuration) ? plan.configuration : {};
  const providers = isRecord(configuration.provider_config)
    ? configuration.provider_config
    : {};
  const defaultRegion = constantRegion(providers.aws);
  const providerKeys = providerKeysByAddress(configuration);

  for (const resource of plannedResources(plan)) {
    const isAws =
      resource.type.startsWith('aws_') ||
      AWS_PROVIDER.test(resource.providerName);
    const entry = isAws
      ? builder.mapping.byTerraformType(resource.type)
      : undefined;
    const mapped = builder.addResource(resource.type, entry, {
      file,
      path: resource.address,
    });
    if (!mapped) continue;
    const key = providerKeys.get(configAddress(resource.address));
    if (key && key !== 'aws' && key.includes('.')) {
      const region = constantRegion(providers[key]);
      if (region && region !== defaultRegion) {
        builder.addCrossRegion({
          kind: 'provider-region',
          service: mapped.code,
          region,
          file,
          path: resource.address,
          detail: `provider ${key} pins ${
            resource.type
          } to ${region}, not the default ${defaultRegion ?? '(unset)'}`,
        });
      }
    }
    addResourceSpecifics(builder, resource, file);
    addPolicies(builder, resource, file);
    forEachString(
      resource.values,
      resource.path,
      (value, path) => {
        if (HARDCODED_PARTITION.test(value)) {
          builder.addCrossRegion({
            kind: 'hardcoded-partition',
            file,
            path: path.replace(resource.path, resource.address),
            detail:
              "hard-coded 'arn:aws:' breaks in other partitions; use data.aws_partition.current.partition",
          });
        }
      },
      () => builder.countVisits(file),
    );
  }
}

function addPolicies(
  builder: FootprintBuilder,
  resource: PlannedResource,
  file: string,
): void {
  for (const key of ['policy', 'json', 'assume_role_policy', 'inline_policy']) {
    const raw = resource.values[key];
    const documents = Array.isArray(raw)
      ? raw.map(r => (isRecord(r) ? r.policy : r))
      : [raw];
    for (const document of documents) {
      if (typeof document !== 'string' || !document.trim().startsWith('{'))
        continue;
      let parsed: Json;
      try {
        parsed = JSON.parse(document);
      } catch {
        continue;
      }
      const count = () => builder.countVisits(file);
      forEachPolicyStatement(
        parsed,
        `${resource.address}.${key}`,
        (statement, path) => {
          for (const field of ['Action', 'NotAction']) {
            for (const action of literalStrings(statement[field], count)) {
              builder.addIamAction(action, 'iac', {
                file,
                path: childPath(path, field),
              });
            }
          }
        },
        count,
      );
    }
  }
}

function blocks(value: Json): Array<Record<string, Json>> {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

function addResourceSpecifics(
  builder: FootprintBuilder,
  resource: PlannedResource,
  file: string,
): void {
  const v = resource.values;
  const at = (suffix: string) => `${resource.address}.${suffix}`;
  switch (resource.type) {
    case 'aws_dynamodb_table':
      blocks(v.replica).forEach((replica, i) =>
        builder.addCrossRegion({
          kind: 'replication',
          service: 'dynamodb',
          region:
            typeof replica.region_name === 'string'
              ? replica.region_name
              : undefined,
          file,
          path: at(`replica[${i}]`),
          detail: `DynamoDB global table replica in ${
            replica.region_name ?? 'an unknown Region'
          }`,
        }),
      );
      break;
    case 'aws_s3_bucket_replication_configuration':
      blocks(v.rule).forEach((rule, i) =>
        blocks(rule.destination).forEach(destination => {
          const bucket =
            typeof destination.bucket === 'string' ? destination.bucket : '';
          builder.addCrossRegion({
            kind: 'replication',
            service: 's3',
            region: regionOfArn(bucket),
            file,
            path: at(`rule[${i}].destination`),
            detail: `S3 replication to ${
              bucket || 'a bucket known after apply'
            }; check the destination's Region and partition`,
          });
        }),
      );
      break;
    case 'aws_backup_plan':
      blocks(v.rule).forEach((rule, i) =>
        blocks(rule.copy_action).forEach((copy, j) => {
          const vault =
            typeof copy.destination_vault_arn === 'string'
              ? copy.destination_vault_arn
              : '';
          builder.addCrossRegion({
            kind: 'backup-copy',
            service: 'backup',
            region: regionOfArn(vault),
            file,
            path: at(`rule[${i}].copy_action[${j}]`),
            detail: `AWS Backup copies recovery points to ${
              vault || 'a vault known after apply'
            }`,
          });
        }),
      );
      break;
    case 'aws_cloudfront_distribution':
      blocks(v.viewer_certificate).forEach(certificate => {
        if (certificate.acm_certificate_arn) {
          builder.addService('acm', 'iac');
          builder.addCrossRegion({
            kind: 'region-pinned',
            service: 'acm',
            region: 'us-east-1',
            file,
            path: at('viewer_certificate.acm_certificate_arn'),
            detail:
              'an ACM certificate used by CloudFront must be issued in us-east-1',
          });
        }
      });
      [
        ...blocks(v.default_cache_behavior),
        ...blocks(v.ordered_cache_behavior),
      ].forEach(behaviour => {
        if (blocks(behaviour.lambda_function_association).length) {
          builder.addService('lambda', 'iac');
          builder.addCrossRegion({
            kind: 'region-pinned',
            service: 'lambda',
            region: 'us-east-1',
            file,
            path: at('lambda_function_association'),
            detail: 'Lambda@Edge functions must be created in us-east-1',
          });
        }
      });
      break;
    case 'aws_wafv2_web_acl':
      if (v.scope === 'CLOUDFRONT') {
        builder.addCrossRegion({
          kind: 'region-pinned',
          service: 'wafv2',
          region: 'us-east-1',
          file,
          path: at('scope'),
          detail:
            'a WAF web ACL with scope CLOUDFRONT must be created in us-east-1',
        });
      }
      break;
    default:
  }
}
