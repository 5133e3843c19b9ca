import type { CliCase } from './cliCase';
import type { CliFixtures } from './fixtures';

/** Category, label, file under the fixtures, reason, also spawned. */
type FileCase = [string, string, string, RegExp, boolean?];

/** `place` over every kind of bad cells file and tenants file. */
export function placeCases(f: CliFixtures): CliCase[] {
  const at = (...p: string[]) => f.at(...p);
  const cells = at('cells.yaml');
  const tenants = at('tenants.yaml');
  const cellsFiles: FileCase[] = [
    [
      'wrong-type',
      'capacity.tenants a string',
      'cells-wrong-type.yaml',
      /spec\.capacity\.tenants/,
    ],
    [
      'unknown-location',
      'unknown location',
      'cells-unknown-location.yaml',
      /cells\.0\.locationId/,
    ],
    ['wrong-type', 'cells not a list', 'cells-not-list.yaml', /field cells/],
    [
      'wrong-type',
      'unknown readiness level',
      'cells-bad-readiness.yaml',
      /readiness\.eu-west-2/,
    ],
    [
      'unknown-field',
      'unknown field in a cell',
      'cells-unknown-field.yaml',
      /colour/,
    ],
    [
      'path-traversal',
      'cell id ../../etc/passwd',
      'cells-traversal-id.yaml',
      /cells\.0\.id/,
    ],
    [
      'huge-count',
      'capacity.tenants 1e400',
      'cells-huge-capacity.yaml',
      /cells\.0\.capacity\.tenants/,
    ],
    ['deep-nesting', '10,000-deep JSON spec', 'cells-deep.json', /spec/],
    ['amplification', 'YAML billion laughs', 'cells-alias-bomb.yaml', /alias/i],
    ['malformed', 'malformed JSON', 'cells-malformed.json', /malformed JSON/],
    ['binary-junk', 'random bytes', 'junk.yaml', /UTF-8|malformed|mapping/],
    ['empty', 'empty file', 'empty.yaml', /mapping|empty/],
    [
      'enormous-line',
      '50 MB single-line YAML',
      'line50.yaml',
      /limit|malformed YAML/,
      true,
    ],
    [
      'symlink',
      'symlink loop',
      'loop/a.yaml',
      /loop|ELOOP|symbolic link|symlink/i,
    ],
    [
      'symlink',
      'dangling symlink',
      'dangling.yaml',
      /ENOENT|no such file|dangling/i,
    ],
    ['wrong-kind', 'a folder', 'loop', /EISDIR|folder|directory/i],
    ['wrong-kind', 'a CloudFormation template', 'template.yaml', /spec/],
    ['wrong-kind', 'a tenants file', 'tenants.yaml', /mapping/],
  ];
  const tenantsFiles: FileCase[] = [
    [
      'huge-count',
      'one profile of 1,000,000 tenants',
      'tenants-million.yaml',
      /count|profiles/,
      true,
    ],
    [
      'huge-count',
      'one profile of 1,000,000,000 tenants',
      'tenants-billion.yaml',
      /count|profiles/,
    ],
    ['wrong-type', 'count a word', 'tenants-wrong-type.yaml', /count/],
    [
      'unknown-field',
      'unknown profile field',
      'tenants-unknown-field.yaml',
      /colour/,
    ],
    ['empty', 'empty list', 'tenants-empty-list.yaml', /profiles/],
    [
      'deep-nesting',
      '10,000-deep YAML list',
      'tenants-deep.yaml',
      /profiles|deep|nest|mapping|object/i,
    ],
    [
      'amplification',
      'YAML billion laughs',
      'tenants-alias-bomb.yaml',
      /alias/i,
    ],
    [
      'wrong-type',
      'residency country Narnia',
      'tenants-bad-residency.yaml',
      /countries/,
    ],
    [
      'binary-junk',
      'random bytes',
      'junk.yaml',
      /UTF-8|malformed|mapping|profiles/,
    ],
    ['empty', 'empty file', 'empty.yaml', /mapping|profiles|empty/],
    [
      'enormous-line',
      '50 MB single line',
      'line50-tenants.yaml',
      /mapping|profiles|too large|limit/,
    ],
    ['wrong-kind', 'a cells file', 'cells.yaml', /profiles/],
    [
      'symlink',
      'symlink loop',
      'loop/a.yaml',
      /loop|ELOOP|symbolic link|symlink/i,
    ],
  ];
  const casesOf = (
    flag: '--cells' | '--tenants',
    files: FileCase[],
  ): CliCase[] =>
    files.map(([category, label, file, reason, spawn]) => ({
      name: `place ${flag} ${category}: ${label}`,
      category,
      args: [
        'place',
        ...(flag === '--cells'
          ? ['--cells', at(file), '--tenants', tenants]
          : ['--cells', cells, '--tenants', at(file)]),
        '--json',
      ],
      names: [at(file)],
      reason,
      spawn,
    }));
  return [
    ...casesOf('--cells', cellsFiles),
    ...casesOf('--tenants', tenantsFiles),
  ];
}
