import { expectOneLineError, spawnCli } from '../__testUtils__/spawnCli';

describe('region-expansion (spawned)', () => {
  it('availability --json lists services of a location', () => {
    const { code, stdout } = spawnCli(
      'availability',
      'eusc-de-east-1',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toEqual(
      expect.objectContaining({
        location: 'eusc-de-east-1',
        partition: 'aws-eusc',
      }),
    );
    expect(report.services).toContain('s3');
  });

  it('an unknown command: one-line error, exit 2, nothing on stdout', () => {
    expectOneLineError(spawnCli('frobnicate', '--json'), /unknown command/);
  });
});
