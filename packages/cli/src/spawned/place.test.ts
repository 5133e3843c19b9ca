import { useCliInputs } from '../__testUtils__/cliInputs';
import { expectOneLineError, spawnCli } from '../__testUtils__/spawnCli';

const { at } = useCliInputs('region-expansion-cli-place-');

describe('region-expansion place (spawned)', () => {
  it('--json runs a what-if with the placement engine', () => {
    const { code, stdout, stderr } = spawnCli(
      'place',
      '--cells',
      at('cells.yaml'),
      '--tenants',
      at('tenants.yaml'),
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toEqual(
      expect.objectContaining({ requested: 5, strategy: 'pack' }),
    );
    expect(result.placedInExistingCells + result.placedInNewCells).toBe(5);
  });

  it.each([
    [
      'a malformed tenants file',
      ['--cells', 'cells.yaml', '--tenants', 'bad.yaml'],
      /bad\.yaml: line \d+: malformed YAML/,
    ],
    [
      'a cells file whose parse error would quote it',
      ['--cells', 'secret.json', '--tenants', 'tenants.yaml'],
      /secret\.json: line 1: malformed JSON/,
    ],
  ])(
    'reads %s with the same checks: one line, never the file',
    (_, args, message) => {
      const result = spawnCli(
        'place',
        ...args.map(a => (a.startsWith('--') ? a : at(a))),
        '--json',
      );
      expectOneLineError(result, message);
      expect(result.stderr).not.toContain('s3cr3t');
    },
  );
});
