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
});
