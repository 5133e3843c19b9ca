import { RestCase } from './corpus';
import { ASSESS, BOUNDED, casesOf, json, upload } from './caseBuilders';
import { binaryJunk } from '@region-expansion/plugin-region-expansion-node/testUtils';
import {
  aliasAmplificationTemplate,
  billionLaughsYaml,
  deepJsonObject,
  deepYaml,
  gzipBomb,
  truncatedGzip,
} from './payloads';

/** Past the 256 MiB decompressed-size cap of the footprint readers. */
const BOMB_INFLATED = 300 * 2 ** 20;

/** A file the assess route cannot read: 400 naming `content`. */
const unreadable = { status: 400, fields: ['content'] };
/** Refused naming `content`, or answered small. */
const bounded = { fields: ['content'], boundedOk: BOUNDED };

/**
 * Uploaded files of POST /readiness/{locationId}/assess: amplification and
 * bombs, junk, deep nesting and file names that leave the folder.
 */
export function assessCases(): RestCase[] {
  return casesOf(
    'POST',
    '/readiness/{locationId}/assess',
    [
      {
        label:
          '12 KB CloudFormation YAML, one anchor of 200 arn:aws: strings aliased 2,000 times',
        category: 'amplification' as const,
        body: upload('stack.yaml', aliasAmplificationTemplate()),
        expect: bounded,
      },
      {
        label: 'billion laughs YAML (10 levels of 10 aliases)',
        category: 'amplification' as const,
        body: upload('stack.yaml', billionLaughsYaml()),
        expect: bounded,
      },
      {
        label: '.json.gz inflating to 300 MiB, past the cap',
        category: 'bomb' as const,
        body: () => upload('trail.json.gz', gzipBomb(BOMB_INFLATED))(),
        expect: { fields: ['content'] },
      },
      {
        label: 'truncated gzip',
        category: 'bomb' as const,
        body: upload('trail.json.gz', truncatedGzip('{"Records":[]}')),
        expect: unreadable,
      },
      {
        label: '64 KB of random bytes as a template',
        category: 'binary-junk' as const,
        body: upload('stack.template.json', binaryJunk(64 * 1024)),
        expect: unreadable,
      },
      {
        label: 'random bytes named .json.gz',
        category: 'binary-junk' as const,
        body: upload('trail.json.gz', binaryJunk(64 * 1024)),
        expect: unreadable,
      },
      {
        label: '10,000-deep JSON template',
        category: 'deep-nesting' as const,
        body: upload(
          'stack.template.json',
          `{"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":${deepJsonObject()}}}}`,
        ),
        expect: bounded,
      },
      {
        label: '10,000-deep YAML template',
        category: 'deep-nesting' as const,
        body: upload('stack.yaml', deepYaml()),
        expect: bounded,
      },
      {
        label: 'empty template',
        category: 'binary-junk' as const,
        body: upload('stack.template.json', ' '),
        expect: unreadable,
      },
      {
        label: 'content not base64 with encoding base64',
        category: 'binary-junk' as const,
        body: json({
          fileName: 'x.json',
          content: '%%%not base64',
          encoding: 'base64',
        }),
        expect: unreadable,
      },
      {
        label: 'a cdk.out manifest on its own',
        category: 'binary-junk' as const,
        body: upload('manifest.json', '{"version":"36.0.0","artifacts":{}}'),
        expect: unreadable,
      },
      ...(
        [
          ['traversal', '../../etc/passwd'],
          ['absolute path', '/etc/passwd'],
          ['Windows traversal', '..\\..\\boot.ini'],
          ['dot-dot', '..'],
          ['NUL byte', 'stack\u0000.yaml'],
          ['10 KB name', `${'a'.repeat(10 * 1024)}.yaml`],
        ] as Array<[string, string]>
      ).map(([label, fileName]) => ({
        label: `fileName ${label}`,
        category: 'path-id' as const,
        body: upload(fileName, '{"Resources":{}}'),
        expect: { status: 400, fields: ['fileName'] },
      })),
    ].map(c => ({ ...c, path: ASSESS })),
  );
}
