import { BOUNDED, type CliCase } from './cliCase';
import type { CliFixtures } from './fixtures';

/** A bad file `footprint` reads, and how it must be refused. */
type FootprintRow = [
  category: string,
  label: string,
  file: string,
  reason: RegExp,
  extra?: Partial<CliCase>,
];

/**
 * `footprint` and `assess` over every kind of bad file they read: gzip,
 * junk, empty, wrong kinds, symlink loops, deep nesting, 50 MB lines,
 * amplification and bombs.
 */
export function footprintCases(f: CliFixtures): CliCase[] {
  const at = (...p: string[]) => f.at(...p);
  const cases: CliCase[] = [];
  /** Files of a kind `footprint` does not read, each refused for `reason`. */
  const wrongKind = (
    files: Array<[label: string, file: string, reason: RegExp]>,
  ) =>
    files.map(
      ([label, file, reason]): FootprintRow => [
        'wrong-kind',
        label,
        at(file),
        reason,
      ],
    );
  const inputs: FootprintRow[] = [
    [
      'truncated-gzip',
      'truncated gzip',
      at('truncated.json.gz'),
      /truncated or corrupt gzip/,
      { spawn: true },
    ],
    [
      'truncated-gzip',
      'truncated gzip inside a CloudTrail folder',
      at('trail-in-dir'),
      /truncated or corrupt gzip/,
    ],
    ['binary-junk', 'random bytes named .json.gz', at('junk.json.gz'), /gzip/i],
    ['empty', 'empty .json.gz', at('empty.json.gz'), /gzip|empty|end of file/i],
    [
      'bomb',
      '.json.gz inflating to 300 MiB',
      at('bomb.json.gz'),
      /compression ratio over 200:1/,
      { spawn: true },
    ],
    ['binary-junk', 'random bytes named .yaml', at('junk.yaml'), /UTF-8/],
    [
      'binary-junk',
      'random bytes named .template.json',
      at('junk.template.json'),
      /UTF-8|malformed|cannot tell/,
    ],
    [
      'binary-junk',
      'random bytes named .json',
      at('junk.json'),
      /UTF-8|malformed|cannot tell/,
    ],
    ['empty', 'empty YAML', at('empty.yaml'), /empty|Resources|template/i],
    ['empty', 'empty JSON', at('empty.json'), /empty|malformed|cannot tell/i],
    [
      'empty',
      'whitespace-only YAML',
      at('blank.yaml'),
      /empty|Resources|template/i,
    ],
    ...wrongKind([
      ['plain text', 'notes.txt', /cannot tell the kind/],
      ['JSON that is no template', 'not-cfn.json', /cannot tell the kind/],
      ['a YAML string', 'scalar.yaml', /Resources|mapping|template/i],
      ['a YAML list', 'list.yaml', /Resources|mapping|template/i],
      ['Resources as a list', 'resources-list.yaml', /Resources/],
      [
        'Terraform plan with resource_changes not a list',
        'plan-bad.json',
        /resource_changes/,
      ],
      ['CloudTrail JSON with Records not a list', 'trail-bad.json', /Records/],
      [
        'cdk.out manifest naming a missing template',
        'cdk-missing',
        /templateFile|S\.template\.json/,
      ],
    ]),
    [
      'path-traversal',
      'cdk.out manifest pointing outside the folder',
      at('cdk-traversal'),
      /outside|escapes|inside/i,
    ],
    [
      'deep-nesting',
      '10,000-deep YAML',
      at('deep.yaml'),
      /Resources|deep|nest/i,
    ],
    [
      'enormous-line',
      '50 MB single-line JSON',
      at('line50.json'),
      /malformed JSON/,
      { spawn: true },
    ],
    [
      'enormous-line',
      '50 MB single-line YAML',
      at('line50.yaml'),
      /malformed YAML/,
    ],
    [
      'symlink',
      'symlink loop',
      at('loop', 'a.yaml'),
      /loop|ELOOP|symbolic link|symlink/i,
      { spawn: true },
    ],
    [
      'symlink',
      'folder of looping symlinks',
      at('loop'),
      /loop|ELOOP|symbolic link|symlink/i,
    ],
    [
      'symlink',
      'dangling symlink',
      at('dangling.yaml'),
      /no such file|ENOENT|dangling|symlink/i,
    ],
    ['amplification', 'YAML billion laughs', at('alias-bomb.yaml'), /alias/i],
  ];
  for (const [category, label, file, reason, extra] of inputs) {
    cases.push({
      name: `footprint ${category}: ${label}`,
      category,
      args: ['footprint', file, '--json'],
      names: [file],
      reason,
      ...extra,
    });
  }
  // Valid content built to cost: bounded output or a refusal.
  const costly: Array<[string, string, string]> = [
    [
      'amplification',
      '12 KB template, 200 arn:aws: strings aliased 2,000 times',
      at('alias-amplification.yaml'),
    ],
    ['deep-nesting', '10,000-deep JSON properties', at('deep.json')],
    ['symlink', 'folder holding a symlink to itself', at('self-loop')],
  ];
  for (const [category, label, file] of costly) {
    cases.push({
      name: `footprint ${category}: ${label}`,
      category,
      args: ['footprint', file, '--json'],
      spawn: category === 'amplification',
      names: [file],
      reason: /\S/,
      boundedOk: BOUNDED,
    });
  }
  const assessed = [
    'truncated gzip',
    'random bytes named .yaml',
    '.json.gz inflating to 300 MiB',
    'empty YAML',
    'plain text',
    'symlink loop',
    '50 MB single-line YAML',
    'cdk.out manifest pointing outside the folder',
  ];
  for (const [category, label, file, reason] of inputs.filter(i =>
    assessed.includes(i[1]),
  )) {
    cases.push({
      name: `assess ${category}: ${label}`,
      category,
      args: ['assess', '--target', 'eu-west-2', file, '--json'],
      names: [file],
      reason,
    });
  }
  return cases;
}
