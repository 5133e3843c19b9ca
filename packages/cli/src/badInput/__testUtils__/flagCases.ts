import type { CliCase } from './cliCase';
import type { CliFixtures } from './fixtures';

/** Category, label, arguments, the names the error must hold, its reason, spawn. */
type FlagRow = [string, string, string[], string[], RegExp, boolean?];

/**
 * Every command with every kind of bad flag or argument: unknown, missing,
 * a bad value, one too many.
 */
export function flagCases(f: CliFixtures): CliCase[] {
  const at = (...p: string[]) => f.at(...p);
  const cases: CliCase[] = [];
  const tpl = at('template.yaml');
  const cells = at('cells.yaml');
  const tenants = at('tenants.yaml');
  /** `id` is no location to `assess --target` or `availability`: refused naming it, quoted. */
  const unknownLocation = (
    label: string,
    command: 'assess' | 'availability',
    id: string,
  ): FlagRow => [
    'option-value',
    `${command} ${label}`,
    command === 'assess'
      ? ['assess', '--target', id, tpl]
      : ['availability', id],
    [`'${id}'`],
    /[Uu]nknown location/,
  ];
  const flags: FlagRow[] = [
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
    unknownLocation('--target unknown location', 'assess', 'mars-1'),
    unknownLocation('--target path traversal', 'assess', '../../etc/passwd'),
    unknownLocation('--target upper case', 'assess', 'EU-WEST-2'),
    unknownLocation('path traversal', 'availability', '../../etc/passwd'),
    [
      'option-value',
      'availability 10 KB id',
      ['availability', 'a'.repeat(10 * 1024)],
      ['aaaaaaaaaaaaaaaa'],
      /[Uu]nknown location/,
    ],
    unknownLocation('unicode id', 'availability', 'eu-wést-2-😀'),
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
  return cases;
}
