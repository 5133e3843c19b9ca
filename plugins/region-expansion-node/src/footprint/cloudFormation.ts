import { FootprintBuilder } from './FootprintBuilder';
import { FootprintInputError } from './InputError';
import {
  displayText,
  overrideNote,
  regionOfResolvedArn,
  regionOfValue,
  resolveText,
} from './cloudFormationValues';
import {
  HARDCODED_PARTITION,
  childPath,
  forEachPolicyStatement,
  forEachString,
  isRecord,
  literalStrings,
  type Json,
} from './walk';

const CLOUDFRONT_PINNED_REGION = 'us-east-1';

/** What the readers of one template share. */
interface TemplateContext {
  builder: FootprintBuilder;
  file: string;
  /** The template's `Parameters`, for `Ref` to a parameter's `Default`. */
  parameters: Record<string, Json>;
  /** Counts one visited value against the footprint's bound. */
  count: () => void;
  /**
   * True the first time an object or list is met: a resource body or list
   * shared through YAML aliases is read once.
   */
  first: (value: Json) => boolean;
}

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
  const seen = new WeakSet<object>();
  const count = () => builder.countVisits(file);
  const context: TemplateContext = {
    builder,
    file,
    parameters: isRecord(template.Parameters) ? template.Parameters : {},
    count,
    first: value => {
      count();
      if (typeof value !== 'object' || value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      return true;
    },
  };
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const path = `Resources.${logicalId}`;
    if (!isRecord(resource) || typeof resource.Type !== 'string') {
      throw new FootprintInputError({
        file,
        field: `${path}.Type`,
        problem: 'resource has no Type string',
      });
    }
    if (!context.first(resource)) continue;
    addResource(context, resource.Type, resource.Properties, path);
  }
  const actionLists = new WeakSet<object>();
  forEachPolicyStatement(
    template,
    '',
    (statement, path) => {
      for (const key of ['Action', 'NotAction']) {
        const actions = statement[key];
        if (typeof actions === 'object' && actions !== null) {
          // A list of actions shared by many statements is read once.
          if (actionLists.has(actions)) continue;
          actionLists.add(actions);
        }
        for (const action of literalStrings(actions, count)) {
          builder.addIamAction(action, 'iac', {
            file,
            path: childPath(path, key),
          });
        }
      }
    },
    count,
  );
  forEachString(
    template,
    '',
    (value, path) => {
      if (HARDCODED_PARTITION.test(value)) {
        builder.addCrossRegion({
          kind: 'hardcoded-partition',
          file,
          path,
          detail: `hard-coded 'arn:aws:' breaks in other partitions (aws-eusc, aws-cn, aws-us-gov); use \${AWS::Partition}`,
        });
      }
    },
    count,
  );
}

/** The items of a list met for the first time; none for a shared list read before. */
function firstItems(context: TemplateContext, value: Json): Json[] {
  return Array.isArray(value) && context.first(value) ? value : [];
}

function addResource(
  context: TemplateContext,
  type: string,
  properties: Json,
  path: string,
): void {
  const { builder, file } = context;
  const entry = type.startsWith('Custom::')
    ? builder.mapping.byCode('cloudformation')
    : builder.mapping.byCloudFormationType(type);
  if (!builder.addResource(type, entry, { file, path })) return;
  if (!isRecord(properties)) return;
  const props = properties;
  switch (type) {
    case 'AWS::CloudFront::Distribution':
      addCloudFrontPins(
        context,
        props.DistributionConfig,
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
      firstItems(context, props.Replicas).forEach((replica, i) => {
        const value = resolveText(
          isRecord(replica) ? replica.Region : undefined,
          context.parameters,
        );
        const region = regionOfValue(value);
        // A replica in the stack's own Region crosses nothing.
        if (region.kind === 'own') return;
        const where =
          region.kind === 'region'
            ? `${region.region}${overrideNote(region.parameters)}`
            : `a Region set at deployment (${
                displayText(value) ?? 'an intrinsic function'
              })`;
        builder.addCrossRegion({
          kind: 'replication',
          service: 'dynamodb',
          region: region.kind === 'region' ? region.region : undefined,
          file,
          path: `${path}.Properties.Replicas[${i}].Region`,
          detail: `DynamoDB global table replica in ${where}`,
        });
      });
      break;
    case 'AWS::S3::Bucket': {
      const replication = props.ReplicationConfiguration;
      const rules = isRecord(replication)
        ? firstItems(context, replication.Rules)
        : [];
      rules.forEach((rule: Json, i: number) => {
        const destination =
          isRecord(rule) && isRecord(rule.Destination) ? rule.Destination : {};
        const bucket = resolveText(destination.Bucket, context.parameters);
        const region = regionOfResolvedArn(bucket);
        builder.addCrossRegion({
          kind: 'replication',
          service: 's3',
          region: region.kind === 'region' ? region.region : undefined,
          file,
          path: `${path}.Properties.ReplicationConfiguration.Rules[${i}].Destination`,
          detail: `S3 replication to ${
            displayText(bucket) ?? 'a bucket set by an intrinsic function'
          }${overrideNote(
            bucket.parameters,
          )}; check the destination's Region and partition`,
        });
      });
      break;
    }
    case 'AWS::Backup::BackupPlan': {
      const plan = isRecord(props.BackupPlan) ? props.BackupPlan : {};
      firstItems(context, plan.BackupPlanRule).forEach((rule, i) => {
        const copies = isRecord(rule)
          ? firstItems(context, rule.CopyActions)
          : [];
        copies.forEach((copy: Json, j: number) => {
          const vault = resolveText(
            isRecord(copy) ? copy.DestinationBackupVaultArn : undefined,
            context.parameters,
          );
          const region = regionOfResolvedArn(vault);
          // A copy to a vault in the stack's own Region crosses nothing.
          if (region.kind === 'own') return;
          builder.addCrossRegion({
            kind: 'backup-copy',
            service: 'backup',
            region: region.kind === 'region' ? region.region : undefined,
            file,
            path: `${path}.Properties.BackupPlan.BackupPlanRule[${i}].CopyActions[${j}]`,
            detail: `AWS Backup copies recovery points to ${
              displayText(vault) ?? 'a vault set by an intrinsic function'
            }${overrideNote(vault.parameters)}`,
          });
        });
      });
      break;
    }
    default:
  }
}

function addCloudFrontPins(
  context: TemplateContext,
  config: Json,
  path: string,
): void {
  const { builder, file } = context;
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
    ...firstItems(context, config.CacheBehaviors).map(
      (b: Json, i: number): [Json, string] => [
        b,
        `${path}.CacheBehaviors[${i}]`,
      ],
    ),
  ];
  for (const [behaviour, behaviourPath] of behaviours) {
    context.count();
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
