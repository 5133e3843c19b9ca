import { aliasedTemplate } from '@region-expansion/plugin-region-expansion-node/testUtils';
import { useCliInputs } from '../__testUtils__/cliInputs';
import { expectOneLineError, spawnCli } from '../__testUtils__/spawnCli';

const folder = useCliInputs('region-expansion-cli-footprint-');
const { at } = folder;

describe('region-expansion footprint (spawned)', () => {
  it('--json merges CloudFormation YAML, cdk.out, a Terraform plan and gzipped CloudTrail', () => {
    const { code, stdout } = spawnCli(
      'footprint',
      at('template.yaml'),
      at('cdk.out'),
      at('plan.json'),
      at('logs'),
      '--json',
    );
    expect(code).toBe(0);
    const footprint = JSON.parse(stdout);
    expect(footprint.services.map((s: { code: string }) => s.code)).toEqual([
      'acm',
      'bedrock',
      'cloudfront',
      'iam',
      'lambda',
      's3',
      'sqs',
    ]);
    expect(
      footprint.services.find((s: { code: string }) => s.code === 's3'),
    ).toEqual({
      code: 's3',
      sources: ['iac', 'cloudtrail'],
      actions: ['GetObject', 'PutObject'],
    });
    expect(footprint.crossRegion).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'region-pinned',
          service: 'acm',
          region: 'us-east-1',
        }),
      ]),
    );
    expect(footprint.unknown).toEqual([]);
    expect(footprint.cloudTrail).toEqual(
      expect.objectContaining({
        apiCalls: 1,
        serviceEvents: { 'kms.amazonaws.com': 1 },
      }),
    );
  });

  it('filters CloudTrail by account', () => {
    const { code, stdout } = spawnCli(
      'footprint',
      at('logs'),
      '--account',
      '222222222222',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).services).toEqual([]);
  });

  it('folds a 12 KB template of 2,000 aliases into one bounded finding', () => {
    folder.write('amplified.yaml', aliasedTemplate(200, 2000));
    const { code, stdout } = spawnCli(
      'footprint',
      at('amplified.yaml'),
      '--json',
    );
    expect(code).toBe(0);
    expect(stdout.length).toBeLessThan(20_000);
    const hardcoded = JSON.parse(stdout).crossRegion.filter(
      (d: { kind: string }) => d.kind === 'hardcoded-partition',
    );
    expect(hardcoded).toHaveLength(1);
    expect(hardcoded[0].occurrences).toBe(200);
  });

  it.each([
    [
      'a truncated gzip',
      'truncated.json.gz',
      /truncated\.json\.gz: truncated or corrupt gzip/,
    ],
    ['malformed YAML', 'bad.yaml', /bad\.yaml: line \d+: malformed YAML/],
    ['a missing file', 'nope.yaml', /nope\.yaml: no such file/],
  ])('of %s: one-line error, exit 2, nothing on stdout', (_, file, message) => {
    expectOneLineError(spawnCli('footprint', at(file), '--json'), message);
  });
});
