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

const CLOUDFRONT_PINNED_REGION = 'us-east-1';

/**
 * Adds the services, IAM actions, cross-Region dependencies and unknown
 * resource types of one CloudFormation template (already parsed) to a
 * footprint.
 *
 * @public
 */
export function addCloudFormationTemplate(
  builder: FootprintBuilder,
  template: unknown,
  file: string,
): void {
  if (!isRecord(template) || !isRecord(template.Resources)) {
    throw new FootprintInputError({
      file,
      field: 'Resources',
      problem: 'not a CloudFormation template (no Resources mapping)',
    });
  }
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const path = `Resources.${logicalId}`;
    if (!isRecord(resource) || typeof resource.Type !== 'string') {
      throw new FootprintInputError({
        file,
        field: `${path}.Type`,
        problem: 'resource has no Type string',
      });
    }
    addResource(builder, resource.Type, resource.Properties, file, path);
  }
  forEachPolicyStatement(template, '', (statement, path) => {
    for (const key of ['Action', 'NotAction']) {
      for (const action of literalStrings(statement[key])) {
        builder.addIamAction(action, 'iac', {
          file,
          path: childPath(path, key),
        });
      }
    }
  });
  forEachString(template, '', (value, path) => {
    if (HARDCODED_PARTITION.test(value)) {
      builder.addCrossRegion({
        kind: 'hardcoded-partition',
        file,
        path,
        detail: `hard-coded 'arn:aws:' breaks in other partitions (aws-eusc, aws-cn, aws-us-gov); use \${AWS::Partition}`,
      });
    }
  });
}

function addResource(
  builder: FootprintBuilder,
  type: string,
  properties: Json,
  file: string,
  path: string,
): void {
  const entry = type.startsWith('Custom::')
    ? builder.mapping.byCode('cloudformation')
    : builder.mapping.byCloudFormationType(type);
  if (!entry) {
    builder.addUnknown({ kind: 'resource-type', value: type, file, path });
    return;
  }
  builder.addService(entry.code, 'iac');
  if (entry.global) {
    builder.addCrossRegion({
      kind: 'global-service',
      service: entry.code,
      file,
      path,
      detail: `${type} belongs to ${entry.name}, global within the partition${
        entry.note ? `: ${entry.note}` : ''
      }`,
    });
  }
  if (!isRecord(properties)) return;
  const props = properties;
  switch (type) {
    case 'AWS::CloudFront::Distribution':
      addCloudFrontPins(
        builder,
        props.DistributionConfig,
        file,
        `${path}.Properties.DistributionConfig`,
      );
      break;
    case 'AWS::WAFv2::WebACL':
      if (props.Scope === 'CLOUDFRONT') {
        builder.addCrossRegion({
          kind: 'region-pinned',
          service: 'wafv2',
          region: CLOUDFRONT_PINNED_REGION,
          file,
          path: `${path}.Properties.Scope`,
          detail:
            'a WAF web ACL with Scope CLOUDFRONT must be created in us-east-1',
        });
      }
      break;
    case 'AWS::DynamoDB::GlobalTable':
      (Array.isArray(props.Replicas) ? props.Replicas : []).forEach(
        (replica: Json, i: number) => {
          const region = isRecord(replica) ? replica.Region : undefined;
          builder.addCrossRegion({
            kind: 'replication',
            service: 'dynamodb',
            region: typeof region === 'string' ? region : undefined,
            file,
            path: `${path}.Properties.Replicas[${i}].Region`,
            detail: `DynamoDB global table replica in ${
              typeof region === 'string'
                ? region
                : 'a Region set by an intrinsic function'
            }`,
          });
        },
      );
      break;
    case 'AWS::S3::Bucket': {
      const replication = props.ReplicationConfiguration;
      const rules =
        isRecord(replication) && Array.isArray(replication.Rules)
          ? replication.Rules
          : [];
      rules.forEach((rule: Json, i: number) => {
        const destination =
          isRecord(rule) && isRecord(rule.Destination) ? rule.Destination : {};
        const bucket = literalStrings(destination.Bucket).join('');
        builder.addCrossRegion({
          kind: 'replication',
          service: 's3',
          region: regionOfArn(bucket),
          file,
          path: `${path}.Properties.ReplicationConfiguration.Rules[${i}].Destination`,
          detail: `S3 replication to ${
            bucket || 'a bucket set by an intrinsic function'
          }; check the destination's Region and partition`,
        });
      });
      break;
    }
    case 'AWS::Backup::BackupPlan': {
      const plan = isRecord(props.BackupPlan) ? props.BackupPlan : {};
      const rules = Array.isArray(plan.BackupPlanRule)
        ? plan.BackupPlanRule
        : [];
      rules.forEach((rule: Json, i: number) => {
        const copies =
          isRecord(rule) && Array.isArray(rule.CopyActions)
            ? rule.CopyActions
            : [];
        copies.forEach((copy: Json, j: number) => {
          const vault = isRecord(copy)
            ? literalStrings(copy.DestinationBackupVaultArn).join('')
            : '';
          builder.addCrossRegion({
            kind: 'backup-copy',
            service: 'backup',
            region: regionOfArn(vault),
            file,
            path: `${path}.Properties.BackupPlan.BackupPlanRule[${i}].CopyActions[${j}]`,
            detail: `AWS Backup copies recovery points to ${
              vault || 'a vault set by an intrinsic function'
            }`,
          });
        });
      });
      break;
    }
    default:
  }
}

function addCloudFrontPins(
  builder: FootprintBuilder,
  config: Json,
  file: string,
  path: string,
): void {
  if (!isRecord(config)) return;
  const certificate = isRecord(config.ViewerCertificate)
    ? config.ViewerCertificate
    : undefined;
  if (certificate?.AcmCertificateArn !== undefined) {
    builder.addService('acm', 'iac');
    builder.addCrossRegion({
      kind: 'region-pinned',
      service: 'acm',
      region: CLOUDFRONT_PINNED_REGION,
      file,
      path: `${path}.ViewerCertificate.AcmCertificateArn`,
      detail:
        'an ACM certificate used by CloudFront must be issued in us-east-1',
    });
  }
  const behaviours: Array<[Json, string]> = [
    [config.DefaultCacheBehavior, `${path}.DefaultCacheBehavior`],
    ...(Array.isArray(config.CacheBehaviors) ? config.CacheBehaviors : []).map(
      (b: Json, i: number): [Json, string] => [
        b,
        `${path}.CacheBehaviors[${i}]`,
      ],
    ),
  ];
  for (const [behaviour, behaviourPath] of behaviours) {
    if (
      isRecord(behaviour) &&
      Array.isArray(behaviour.LambdaFunctionAssociations) &&
      behaviour.LambdaFunctionAssociations.length
    ) {
      builder.addService('lambda', 'iac');
      builder.addCrossRegion({
        kind: 'region-pinned',
        service: 'lambda',
        region: CLOUDFRONT_PINNED_REGION,
        file,
        path: `${behaviourPath}.LambdaFunctionAssociations`,
        detail: 'Lambda@Edge functions must be created in us-east-1',
      });
    }
  }
}
