import fs from 'node:fs';
import zlib from 'node:zlib';
import {
  binaryJunk,
  cloudTrailGzip,
} from '@region-expansion/plugin-region-expansion-node/testUtils';
import { cdkManifest, SECRET } from '../__testUtils__/cliInputs';
import { expectOneLineError, spawnCli } from '../__testUtils__/spawnCli';
import { TempFolder } from '../__testUtils__/TempFolder';

const folder = new TempFolder('region-expansion-cli-hostile-');
const { at } = folder;
afterAll(() => folder.remove());

/**
 * Inputs built to hurt: junk bytes, links that loop, deep nesting, enormous
 * lines, YAML alias bombs, a cdk.out that points outside itself, gzip
 * bombs.
 */
beforeAll(() => {
  const w = (name: string, content: string | Buffer) =>
    folder.write(name, content);
  w('junk.yaml', binaryJunk(4096));
  w('junk.json.gz', binaryJunk(4096));
  fs.symlinkSync('loop-b.yaml', at('loop-a.yaml'));
  fs.symlinkSync('loop-a.yaml', at('loop-b.yaml'));
  fs.mkdirSync(at('loops'));
  fs.symlinkSync('b.yaml', at('loops', 'a.yaml'));
  fs.symlinkSync('a.yaml', at('loops', 'b.yaml'));
  w(
    'trail-loop/AWSLogs/a.json.gz',
    zlib.gzipSync(JSON.stringify({ Records: [] })),
  );
  fs.symlinkSync('..', at('trail-loop', 'AWSLogs', 'up'));
  w('deep.yaml', `Resources: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  w('long-key.yaml', `Resources:\n  ${'k'.repeat(8 * 1024 * 1024)}: 1\n`);
  w('long-line.yaml', `Resources: "${'a'.repeat(50 * 1024 * 1024)}`);
  w(
    'long-line.json',
    `{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"X": "${'a'.repeat(
      20 * 1024 * 1024,
    )}`,
  );
  w(
    'aliases.yaml',
    `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      A: &a [x]\n      L: [${Array(
      10_001,
    )
      .fill('*a')
      .join(',')}]\n`,
  );
  w('secret.json', `${SECRET}\n`);
  w('secret-template.json', `{"Resources": ${SECRET}}`);
  w('cdk-out-escape/manifest.json', cdkManifest('../../etc/passwd'));
  w('cdk-out-link/manifest.json', cdkManifest('S.template.json'));
  fs.symlinkSync(at('secret.json'), at('cdk-out-link', 'S.template.json'));
  // Valid CloudTrail JSON past the 256 MiB cap: at about 1000:1 (300 KB),
  // and at about 50:1 (5 MB), which only the size cap stops.
  w('bomb.json.gz', cloudTrailGzip(300, 'bomb'));
  w('big.json.gz', cloudTrailGzip(257, 'low'));
});

describe('region-expansion footprint of hostile input (spawned)', () => {
  it.each([
    [
      'binary junk named .yaml',
      'junk.yaml',
      /junk\.yaml: not valid UTF-8 text/,
    ],
    [
      'binary junk named .json.gz',
      'junk.json.gz',
      /junk\.json\.gz: truncated or corrupt gzip/,
    ],
    ['a symbolic link loop', 'loop-a.yaml', /loop-a\.yaml: symbolic link loop/],
    [
      'a folder of looping links',
      'loops',
      /loops[\\/]a\.yaml: symbolic link loop/,
    ],
    [
      'a CloudTrail folder with a link back up',
      'trail-loop',
      /trail-loop[\\/]AWSLogs[\\/]up: symbolic link loop/,
    ],
    ['100,000-deep YAML', 'deep.yaml', /deep\.yaml: .*nesting too deep/],
    [
      'an 8 MB line as a YAML key',
      'long-key.yaml',
      /long-key\.yaml: line 2: malformed YAML: line over the 1048576-character limit/,
    ],
    [
      'a 50 MB unterminated quoted line of YAML',
      'long-line.yaml',
      /long-line\.yaml: line 1: malformed YAML: line over the 1048576-character limit/,
    ],
    [
      'a 20 MB unterminated line of JSON',
      'long-line.json',
      /long-line\.json: line 1: malformed JSON: unterminated string/,
    ],
    [
      'more than 10,000 YAML alias expansions',
      'aliases.yaml',
      /aliases\.yaml: too many YAML alias expansions \(over 10000\)/,
    ],
    [
      'a cdk.out manifest pointing at ../../etc/passwd',
      'cdk-out-escape',
      /manifest\.json: field artifacts\.S\.properties\.templateFile: points outside the cloud assembly/,
    ],
    [
      'a cdk.out template that links outside the assembly',
      'cdk-out-link',
      /manifest\.json: field artifacts\.S\.properties\.templateFile: points outside the cloud assembly/,
    ],
    [
      'a template whose JSON error would quote the file',
      'secret-template.json',
      /secret-template\.json: line 1: malformed JSON: unexpected character/,
    ],
    [
      'a .json.gz inflating to 300 MiB at about 1000:1',
      'bomb.json.gz',
      /bomb\.json\.gz: compression ratio over 200:1 after \d+ decompressed bytes/,
    ],
    [
      'a .json.gz inflating to 257 MiB at about 50:1',
      'big.json.gz',
      /big\.json\.gz: decompressed size exceeds the 268435456-byte limit/,
    ],
  ])(
    '%s: exit 2, one line naming the file and the reason, no file contents',
    (_name, file, message) => {
      const result = spawnCli('footprint', at(file), '--json');
      expectOneLineError(result, message);
      expect(result.stderr).not.toContain('s3cr3t');
      expect(result.stderr).not.toContain('internal error');
    },
  );

  it('refuses a 300 MiB gzip bomb by its ratio within the first 4 MiB inflated', () => {
    const { code, stderr } = spawnCli('footprint', at('bomb.json.gz'));
    expect(code).toBe(2);
    const inflated = /after (\d+) decompressed bytes/.exec(stderr);
    expect(Number(inflated?.[1])).toBeGreaterThanOrEqual(1 << 20);
    expect(Number(inflated?.[1])).toBeLessThanOrEqual(4 << 20);
  });
});
