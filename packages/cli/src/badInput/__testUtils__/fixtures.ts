import fs from 'node:fs';
import zlib from 'node:zlib';
import {
  aliasedTemplate,
  binaryJunk,
  cloudTrailGzip,
} from '@region-expansion/plugin-region-expansion-node/testUtils';
import { cdkManifest } from '../../__testUtils__/cliInputs';
import { TempFolder } from '../../__testUtils__/TempFolder';

/** Depth of every "deep nesting" file. */
export const DEEP = 10_000;

/** Ten levels of ten aliases each under `key`. */
export function billionLaughs(indent: string): string {
  const lines = [`${indent}l0: &l0 [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]`];
  for (let i = 1; i < 10; i++) {
    lines.push(
      `${indent}l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  }
  return lines.join('\n');
}

const CELL_SPEC =
  'spec: { version: "1", isolation: pooled, capacity: { tenants: 10, loadUnits: 100 }, serviceQuotas: [] }';
const CONTROL_PLANES = [
  'controlPlanes:',
  '  - { id: cp-eu, name: EU, mode: regional, partition: aws, homeLocation: eu-west-2, managedLocations: [eu-west-2] }',
];
const cell = (overrides = '') =>
  `  - { id: cell-1, name: Cell 1, locationId: eu-west-2, controlPlaneId: cp-eu, lifecycle: active, isolation: pooled, accountId: "123456789012", specVersion: "1", capacity: { tenants: 10, loadUnits: 100 }${overrides} }`;
const cellsFile = (cells: string[], extra: string[] = []) =>
  [CELL_SPEC, ...CONTROL_PLANES, 'cells:', ...cells, ...extra, ''].join('\n');
const tenant = (fields: string) =>
  `- { tier: pool, classification: internal, loadUnits: 1, ${fields} }\n`;

/**
 * The bad (and a few valid) input files of the CLI corpus, written once
 * into a private temporary folder. `at(name)` is the path a case passes.
 */
export class CliFixtures extends TempFolder {
  constructor() {
    super('region-expansion-cli-bad-');
  }

  /** Writes every fixture; the 50 MB lines and the bomb take a second. */
  create(): this {
    const w = (name: string, content: string | Buffer) =>
      this.write(name, content);
    // Valid inputs, so option cases fail only on the option.
    w('template.yaml', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    w('cells.yaml', cellsFile([cell()], ['readiness: { eu-west-2: ready }']));
    w('tenants.yaml', tenant('count: 5'));

    // Compressed input.
    w('truncated.json.gz', zlib.gzipSync('{"Records":[]}').subarray(0, 10));
    w('junk.json.gz', binaryJunk(64 * 1024));
    w('empty.json.gz', Buffer.alloc(0));
    w('bomb.json.gz', cloudTrailGzip(300, 'bomb'));
    w(
      'trail-in-dir/AWSLogs/111111111111/CloudTrail/eu-west-2/2026/01/01/t.json.gz',
      zlib.gzipSync('{"Records":[').subarray(0, 20),
    );

    // Junk and empty files of every kind.
    for (const name of ['junk.yaml', 'junk.template.json', 'junk.json']) {
      w(name, binaryJunk(64 * 1024));
    }
    w('empty.yaml', '');
    w('empty.json', '');
    w('blank.yaml', '   \n\n  \n');
    w('nul.yaml', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\u0000\n');
    w('notes.txt', 'These are not infrastructure code.\n');
    w('not-cfn.json', '{"name":"a package, not a template"}');
    w('scalar.yaml', 'just a string\n');
    w('list.yaml', '- a\n- b\n');

    // Deep nesting and enormous lines.
    w(
      'deep.json',
      `{"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":${'{"a":'.repeat(
        DEEP,
      )}1${'}'.repeat(DEEP)}}}}`,
    );
    w('deep.yaml', `Resources: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`);
    w(
      'line50.json',
      Buffer.concat([
        Buffer.from('{"Resources":"'),
        Buffer.alloc(50 * 2 ** 20, 'a'),
      ]),
    );
    w(
      'line50.yaml',
      Buffer.concat([
        Buffer.from('Resources: "'),
        Buffer.alloc(50 * 2 ** 20, 'a'),
      ]),
    );
    w('line50-tenants.yaml', Buffer.alloc(50 * 2 ** 20, 'x'));

    // Amplification.
    w('alias-amplification.yaml', aliasedTemplate(200, 2000));
    w(
      'alias-bomb.yaml',
      `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n${billionLaughs(
        '      ',
      )}\n`,
    );

    // Symlinks: a loop, a loop inside a folder, a dangling link.
    fs.mkdirSync(this.at('loop'), { recursive: true });
    fs.symlinkSync('b.yaml', this.at('loop', 'a.yaml'));
    fs.symlinkSync('a.yaml', this.at('loop', 'b.yaml'));
    fs.mkdirSync(this.at('self-loop'), { recursive: true });
    fs.symlinkSync('.', this.at('self-loop', 'again'));
    w('self-loop/stack.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    fs.symlinkSync('nowhere.yaml', this.at('dangling.yaml'));

    // Wrong kinds of structured input.
    w('plan-bad.json', '{"format_version":"1.2","resource_changes":"nope"}');
    w('trail-bad.json', '{"Records":"nope"}');
    w('cdk-missing/manifest.json', cdkManifest('S.template.json'));
    w(
      'cdk-traversal/manifest.json',
      cdkManifest('../../../../../../etc/passwd'),
    );
    w('resources-list.yaml', 'Resources:\n  - a\n  - b\n');

    // place: cells files.
    w(
      'cells-wrong-type.yaml',
      cellsFile([cell()]).replace(
        'tenants: 10, loadUnits: 100 }, serviceQuotas',
        'tenants: "ten", loadUnits: 100 }, serviceQuotas',
      ),
    );
    w(
      'cells-unknown-location.yaml',
      cellsFile([
        cell().replace('locationId: eu-west-2', 'locationId: mars-north-1'),
      ]),
    );
    w(
      'cells-not-list.yaml',
      cellsFile([]).replace('cells:\n', 'cells: many\n'),
    );
    w(
      'cells-bad-readiness.yaml',
      cellsFile([cell()], ['readiness: { eu-west-2: excellent }']),
    );
    w('cells-unknown-field.yaml', cellsFile([cell(', colour: red')]));
    w(
      'cells-traversal-id.yaml',
      cellsFile([cell().replace('id: cell-1', 'id: ../../etc/passwd')]),
    );
    w(
      'cells-huge-capacity.yaml',
      cellsFile([
        cell().replace('capacity: { tenants: 10', 'capacity: { tenants: 1e400'),
      ]),
    );
    w('cells-deep.json', `{"spec":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`);
    w('cells-alias-bomb.yaml', `${billionLaughs('')}\n${cellsFile([cell()])}`);
    w('cells-malformed.json', '{"spec": {');

    // place: tenants files.
    w('tenants-million.yaml', tenant('count: 1000000'));
    w('tenants-billion.yaml', tenant('count: 1000000000'));
    w('tenants-wrong-type.yaml', tenant('count: five'));
    w('tenants-unknown-field.yaml', tenant('count: 1, colour: red'));
    w('tenants-empty-list.yaml', '[]\n');
    w('tenants-deep.yaml', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`);
    w('tenants-alias-bomb.yaml', `profiles:\n${billionLaughs('  ')}\n`);
    w(
      'tenants-bad-residency.yaml',
      tenant('count: 1, residency: { countries: [Narnia] }'),
    );
    return this;
  }
}
