import { CliFixtures } from './fixtures';

/** One bad invocation of the CLI and what must come of it. */
export interface CliCase {
  name: string;
  category: string;
  args: string[];
  /** Also run as a real process (`bin/region-expansion`), RSS measured. */
  spawn?: boolean;
  /** stderr must name one of these: the file, the flag or the value. */
  names: string[];
  /** stderr must give this reason. */
  reason: RegExp;
  /**
   * Amplification and deep nesting of valid content: a run that succeeds
   * (exit 0 or 1) with at most this much output is bounded too.
   */
  boundedOk?: { maxBytes: number };
}

const BOUNDED = { maxBytes: 1024 * 1024 };

/**
 * The CLI corpus: every command (footprint, assess, availability, place)
 * with every kind of bad input the CLI reads (gzip, junk, empty, symlink
 * loops, deep nesting, 50 MB lines, wrong kinds, amplification, bombs) and
 * every kind of bad flag (unknown, missing, bad value, extra argument).
 * Every case must exit 2 with one line on stderr naming the file or flag
 * and the reason, and nothing on stdout.
 */
export function cliCases(f: CliFixtures): CliCase[] {
  const at = (...p: string[]) => f.at(...p);
  const cases: CliCase[] = [];

  // ------------------------------------------- files footprint and assess read
  const inputs: Array<
    [
      category: string,
      label: string,
      file: string,
      reason: RegExp,
      extra?: Partial<CliCase>,
    ]
  > = [
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
      /decompressed|limit|exceeds/i,
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
    ['wrong-kind', 'plain text', at('notes.txt'), /cannot tell the kind/],
    [
      'wrong-kind',
      'JSON that is no template',
      at('not-cfn.json'),
      /cannot tell the kind/,
    ],
    [
      'wrong-kind',
      'a YAML string',
      at('scalar.yaml'),
      /Resources|mapping|template/i,
    ],
    [
      'wrong-kind',
      'a YAML list',
      at('list.yaml'),
      /Resources|mapping|template/i,
    ],
    [
      'wrong-kind',
      'Resources as a list',
      at('resources-list.yaml'),
      /Resources/,
    ],
    [
      'wrong-kind',
      'Terraform plan with resource_changes not a list',
      at('plan-bad.json'),
      /resource_changes/,
    ],
    [
      'wrong-kind',
      'CloudTrail JSON with Records not a list',
      at('trail-bad.json'),
      /Records/,
    ],
    [
      'wrong-kind',
      'cdk.out manifest naming a missing template',
      at('cdk-missing'),
      /templateFile|S\.template\.json/,
    ],
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

  // ------------------------------------------------------- flags and values
  const tpl = at('template.yaml');
  const cells = at('cells.yaml');
  const tenants = at('tenants.yaml');
  const flags: Array<[string, string, string[], string[], RegExp, boolean?]> = [
    [
      'unknown-flag',
      'unknown command',
      ['frobnicate'],
      ['frobnicate'],
      /unknown command/,
      true,
    ],
    [
      'unknown-flag',
      'unknown top-level option',
      ['--bogus'],
      ['--bogus'],
      /unknown option/,
    ],
    [
      'unknown-flag',
      'footprint --bogus',
      ['footprint', '--bogus', tpl],
      ['--bogus'],
      /unknown option/,
    ],
    [
      'unknown-flag',
      'assess --frobnicate',
      ['assess', '--target', 'eu-west-2', '--frobnicate', tpl],
      ['--frobnicate'],
      /unknown option/,
    ],
    [
      'unknown-flag',
      'availability --nope',
      ['availability', 'eu-west-2', '--nope'],
      ['--nope'],
      /unknown option/,
    ],
    [
      'unknown-flag',
      'place --what',
      ['place', '--cells', cells, '--tenants', tenants, '--what'],
      ['--what'],
      /unknown option/,
    ],
    [
      'unknown-flag',
      'footprint --json=yes',
      ['footprint', '--json=yes', tpl],
      ['--json'],
      /unknown option|argument/i,
    ],
    [
      'missing-argument',
      'footprint without paths',
      ['footprint'],
      ['paths'],
      /missing/,
    ],
    [
      'missing-argument',
      'availability without a location',
      ['availability'],
      ['location'],
      /missing/,
    ],
    [
      'missing-argument',
      'assess without --target',
      ['assess', tpl],
      ['--target'],
      /not specified|required/,
    ],
    [
      'missing-argument',
      'assess --target without a value',
      ['assess', tpl, '--target'],
      ['--target'],
      /missing/,
    ],
    [
      'missing-argument',
      'place without --tenants',
      ['place', '--cells', cells],
      ['--tenants'],
      /not specified|required/,
    ],
    [
      'missing-argument',
      'place --cells without a value',
      ['place', '--tenants', tenants, '--cells'],
      ['--cells'],
      /missing/,
    ],
    [
      'option-value',
      'availability: extra argument',
      ['availability', 'eu-west-2', 'extra'],
      ["'availability'", 'extra'],
      /too many arguments/,
    ],
    [
      'option-value',
      'assess --classification secret',
      ['assess', '--target', 'eu-west-2', '--classification', 'secret', tpl],
      ['--classification'],
      /secret/,
      true,
    ],
    [
      'option-value',
      'assess --residency Europe!',
      ['assess', '--target', 'eu-west-2', '--residency', 'Europe!', tpl],
      ['--residency'],
      /Europe!/,
    ],
    [
      'option-value',
      'assess --residency with two partitions',
      ['assess', '--target', 'eu-west-2', '--residency', 'aws,aws-eusc', tpl],
      ['--residency'],
      /more than one partition/,
    ],
    [
      'option-value',
      'assess --account not-an-account',
      ['assess', '--target', 'eu-west-2', '--account', 'not-an-account', tpl],
      ['--account'],
      /12-digit|account id/i,
    ],
    [
      'option-value',
      'footprint --account 12345',
      ['footprint', '--account', '12345', tpl],
      ['--account'],
      /12-digit|account id/i,
    ],
    [
      'option-value',
      'footprint --region ../../etc',
      ['footprint', '--region', '../../etc', tpl],
      ['--region'],
      /Region|region/,
    ],
    [
      'option-value',
      'footprint --principal not an ARN',
      ['footprint', '--principal', 'not an arn', tpl],
      ['--principal'],
      /ARN|arn/,
    ],
    [
      'option-value',
      'place --strategy random',
      ['place', '--cells', cells, '--tenants', tenants, '--strategy', 'random'],
      ['--strategy'],
      /random/,
    ],
    [
      'option-value',
      'assess --target unknown location',
      ['assess', '--target', 'mars-1', tpl],
      ["'mars-1'"],
      /[Uu]nknown location/,
    ],
    [
      'option-value',
      'assess --target path traversal',
      ['assess', '--target', '../../etc/passwd', tpl],
      ["'../../etc/passwd'"],
      /[Uu]nknown location/,
    ],
    [
      'option-value',
      'assess --target upper case',
      ['assess', '--target', 'EU-WEST-2', tpl],
      ["'EU-WEST-2'"],
      /[Uu]nknown location/,
    ],
    [
      'option-value',
      'availability path traversal',
      ['availability', '../../etc/passwd'],
      ["'../../etc/passwd'"],
      /[Uu]nknown location/,
    ],
    [
      'option-value',
      'availability 10 KB id',
      ['availability', 'a'.repeat(10 * 1024)],
      ['aaaaaaaaaaaaaaaa'],
      /[Uu]nknown location/,
    ],
    [
      'option-value',
      'availability unicode id',
      ['availability', 'eu-wést-2-😀'],
      ["'eu-wést-2-😀'"],
      /[Uu]nknown location/,
    ],
    [
      'option-value',
      'availability empty id',
      ['availability', ''],
      ["''", 'location'],
      /[Uu]nknown location|empty/,
    ],
    [
      'missing-argument',
      'footprint of a missing file',
      ['footprint', at('nope.yaml')],
      [at('nope.yaml')],
      /no such file/,
    ],
  ];
  for (const [category, label, args, names, reason, spawn] of flags) {
    cases.push({
      name: `${category}: ${label}`,
      category,
      args,
      names,
      reason,
      spawn,
    });
  }

  // ------------------------------------------------------------- place files
  const cellsFiles: Array<[string, string, string, RegExp, boolean?]> = [
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
  for (const [category, label, file, reason, spawn] of cellsFiles) {
    cases.push({
      name: `place --cells ${category}: ${label}`,
      category,
      args: ['place', '--cells', at(file), '--tenants', tenants, '--json'],
      names: [at(file)],
      reason,
      spawn,
    });
  }
  const tenantsFiles: Array<[string, string, string, RegExp, boolean?]> = [
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
  for (const [category, label, file, reason, spawn] of tenantsFiles) {
    cases.push({
      name: `place --tenants ${category}: ${label}`,
      category,
      args: ['place', '--cells', cells, '--tenants', at(file), '--json'],
      names: [at(file)],
      reason,
      spawn,
    });
  }
  return cases;
}
