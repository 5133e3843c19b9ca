import { useCliInputs } from '../__testUtils__/cliInputs';
import { expectOneLineError, spawnCli } from '../__testUtils__/spawnCli';

const { at } = useCliInputs('region-expansion-cli-assess-');

describe('region-expansion assess (spawned)', () => {
  it.each([
    {
      target: 'eu-west-2',
      args: [],
      code: 0,
      level: 'pilot',
      blockedServices: [],
    },
    {
      target: 'eusc-de-east-1',
      args: [],
      code: 1,
      level: 'blocked',
      blockedServices: ['cloudfront'],
    },
    {
      target: 'cn-north-1',
      args: [],
      code: 1,
      level: 'blocked',
      blockedServices: ['bedrock'],
    },
    {
      target: 'us-east-1',
      args: ['--residency', 'EU', '--classification', 'confidential'],
      code: 1,
      level: 'blocked',
      blockedServices: [],
    },
  ])(
    '--target $target $args exits $code',
    ({ target, args, code, level, blockedServices }) => {
      const result = spawnCli(
        'assess',
        '--target',
        target,
        at('template.yaml'),
        at('cdk.out'),
        ...args,
        '--json',
      );
      expect(result.code).toBe(code);
      const assessment = JSON.parse(result.stdout);
      expect(assessment).toEqual(expect.objectContaining({ target, level }));
      expect(
        assessment.blockers
          .filter((b: { check: string }) => b.check === 'availability')
          .map((b: { service: string }) => b.service),
      ).toEqual(blockedServices);
      expect(assessment.signals.security.status).toBe('unknown');
    },
  );

  it.each([
    ['an unknown location', ['--target', 'mars-1'], /mars-1/],
    [
      'a bad classification',
      ['--target', 'eu-west-2', '--classification', 'secret'],
      /classification/,
    ],
    [
      'a residency no location can meet',
      ['--target', 'eu-west-2', '--residency', 'US,aws-eusc'],
      /^region-expansion: --residency: no location can hold data that must stay in US: partition aws-eusc has locations only in DE/,
    ],
    [
      'a bad home country',
      ['--target', 'eu-west-2', '--home-country', 'Germany'],
      /--home-country: 'Germany' is not a two-letter country code/,
    ],
    ['a bad tier', ['--target', 'eu-west-2', '--tier', 'gold'], /--tier/],
    [
      'a bad residency token',
      ['--target', 'eu-west-2', '--residency', 'Europe!'],
      /--residency: 'Europe!'/,
    ],
  ])(
    'with %s: one-line error, exit 2, nothing on stdout',
    (_, args, message) => {
      expectOneLineError(
        spawnCli('assess', ...args, at('template.yaml'), '--json'),
        message,
      );
    },
  );

  it('prints the architecture advice with the rule of each part, in JSON', () => {
    const result = spawnCli(
      'assess',
      '--target',
      'eusc-de-east-1',
      at('template.yaml'),
      '--classification',
      'restricted',
      '--home-country',
      'de',
      '--json',
    );
    const { advice, homeCountry } = JSON.parse(result.stdout);
    expect(homeCountry).toBe('DE');
    expect(
      [advice.controlPlane, advice.isolation, advice.encryption].map(p => [
        p.choice,
        p.rule,
      ]),
    ).toEqual([
      ['partition', 'partition-requires-own-control-plane'],
      ['silo', 'classification-restricted'],
      ['external-key-store', 'restricted-key-custody'],
    ]);
  });

  it('prints the architecture advice with the rule of each part, as text', () => {
    const result = spawnCli(
      'assess',
      '--target',
      'eu-west-1',
      at('template.yaml'),
      '--tier',
      'silo',
    );
    expect(result.stdout).toContain(
      'architecture advice (data subjects in IE):',
    );
    expect(result.stdout).toMatch(
      /^ {2}isolation {5}silo {2}\[rule tenant-tier\]$/m,
    );
    expect(result.stdout).toMatch(
      /^ {6}tenant-tier: the tenant tier asks for silo$/m,
    );
    expect(result.stdout).toMatch(
      /^ {2}control plane global {2}\[rule privacy-transfers-allowed\]$/m,
    );
  });
});
