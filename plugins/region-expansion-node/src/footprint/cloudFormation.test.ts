import type { CrossRegionDependency } from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../locations/LocationCatalog';
import { FootprintBuilder } from './FootprintBuilder';
import { addCloudFormationTemplate } from './cloudFormation';
import { parseYamlText } from './readInput';
import { isRegionCode } from './walk';

function crossRegionOf(yaml: string): CrossRegionDependency[] {
  const builder = new FootprintBuilder();
  addCloudFormationTemplate(
    builder,
    parseYamlText(yaml, 'stack.yaml'),
    'stack.yaml',
  );
  return builder
    .build()
    .crossRegion.filter(d => d.kind !== 'hardcoded-partition');
}

const table = (replicas: string, parameters = '') =>
  `${parameters}Resources:
  Table:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      Replicas: ${replicas}
`;

const backup = (vault: string, parameters = '') =>
  `${parameters}Resources:
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanRule:
          - CopyActions:
              - DestinationBackupVaultArn: ${vault}
`;

const replication = (bucket: string) =>
  `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      ReplicationConfiguration:
        Rules:
          - Destination:
              Bucket: ${bucket}
`;

const REPLICA_PARAMETER = `Parameters:
  ReplicaRegion:
    Type: String
    Default: eu-central-1
  Unset:
    Type: String
`;

describe('CloudFormation values as engineers write them', () => {
  it.each<[string, string, Array<Partial<CrossRegionDependency>>]>([
    [
      'a replica in the Region of a parameter default is cross-Region, and says it can be overridden',
      table('[{ Region: !Ref ReplicaRegion }]', REPLICA_PARAMETER),
      [
        {
          kind: 'replication',
          service: 'dynamodb',
          region: 'eu-central-1',
          detail: expect.stringMatching(
            /eu-central-1 \(default of parameter ReplicaRegion; a deployment can override it\)/,
          ),
        },
      ],
    ],
    [
      'a replica in !Ref AWS::Region is the stack’s own Region, not cross-Region',
      table('[{ Region: !Ref AWS::Region }, { Region: us-west-2 }]'),
      [{ kind: 'replication', region: 'us-west-2' }],
    ],
    [
      'a replica in !Sub ${AWS::Region} is the stack’s own Region too',
      table(`[{ Region: !Sub '\${AWS::Region}' }]`),
      [],
    ],
    [
      'a replica in a parameter without a default has no Region',
      table('[{ Region: !Ref Unset }]', REPLICA_PARAMETER),
      [
        {
          kind: 'replication',
          region: undefined,
          detail: expect.stringContaining('${Unset}'),
        },
      ],
    ],
    [
      'an S3 destination built with ${AWS::Partition} has no Region, not "Partition}"',
      replication(`!Sub 'arn:\${AWS::Partition}:s3:::bucket-us-east-1'`),
      [
        {
          kind: 'replication',
          service: 's3',
          region: undefined,
          detail: expect.stringContaining(
            'arn:${AWS::Partition}:s3:::bucket-us-east-1',
          ),
        },
      ],
    ],
    [
      'a backup vault ARN with ${AWS::Partition} keeps its literal Region',
      backup(
        `!Sub 'arn:\${AWS::Partition}:backup:us-east-1:\${AWS::AccountId}:backup-vault:dr'`,
      ),
      [{ kind: 'backup-copy', region: 'us-east-1' }],
    ],
    [
      'a backup vault in the stack’s own Region crosses nothing',
      backup(
        `!Sub 'arn:\${AWS::Partition}:backup:\${AWS::Region}:\${AWS::AccountId}:backup-vault:local'`,
      ),
      [],
    ],
    [
      'a backup vault joined from a parameter default names its Region and the override',
      backup(
        `!Join [':', ['arn', !Ref AWS::Partition, backup, !Ref ReplicaRegion, '1', 'backup-vault:dr']]`,
        REPLICA_PARAMETER,
      ),
      [
        {
          kind: 'backup-copy',
          region: 'eu-central-1',
          detail: expect.stringContaining('default of parameter ReplicaRegion'),
        },
      ],
    ],
    [
      'a Region field never holds what is not a Region code',
      table('[{ Region: "${AWS::Partition}" }, { Region: not-a-region }]'),
      [{ kind: 'replication', region: undefined }],
    ],
  ])('%s', (_name, yaml, expected) => {
    const found = crossRegionOf(yaml);
    expect(found).toEqual(
      expected.map(({ region: _region, ...e }) => expect.objectContaining(e)),
    );
    // The Region field holds a Region code or is absent.
    expect(found.map(d => d.region)).toEqual(expected.map(e => e.region));
    expect(found.filter(d => 'region' in d && !isRegionCode(d.region))).toEqual(
      [],
    );
  });

  it('every Region of the location snapshot has the Region code shape; partitions do not', () => {
    const catalog = LocationCatalog.fromSnapshot();
    const regions = catalog.locations().filter(l => l.kind === 'region');
    expect(regions.length).toBeGreaterThan(30);
    expect(regions.filter(r => !isRegionCode(r.id))).toEqual([]);
    expect(catalog.partitions().filter(p => isRegionCode(p.id))).toEqual([]);
  });
});
