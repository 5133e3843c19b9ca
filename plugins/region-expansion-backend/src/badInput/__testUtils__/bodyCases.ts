import zlib from 'node:zlib';
import { RestCase } from './corpus';
import { casesOf, importRow, json } from './caseBuilders';
import { billionLaughsYaml, gzipBomb } from './payloads';
import { VALID_BODIES } from './validRequests';

const YAML = { 'content-type': 'text/yaml' };
const GZIP = { 'content-encoding': 'gzip' };
/** Past a body limit: 413 naming the body. */
const tooLarge = { status: 413, fields: ['(root)', 'body'] };

/**
 * Request bodies of POST /tenants and POST /tenants/import as sent: gzip
 * bombs, encodings and charsets the routes do not read, YAML that expands
 * or nests without end, bodies past the limit without a Content-Length.
 */
export function bodyCases(): RestCase[] {
  return [
    ...casesOf('POST', '/tenants/import', [
      {
        label:
          'gzip Content-Encoding inflating to 60 MiB, past the 50 MB limit',
        category: 'bomb',
        headers: GZIP,
        body: () => gzipBomb(60 * 2 ** 20),
        expect: tooLarge,
      },
      {
        label: 'YAML billion laughs',
        category: 'amplification',
        headers: YAML,
        body: () => billionLaughsYaml(),
        expect: { status: 400, fields: ['(root)'] },
      },
      {
        label: 'one row anchored and aliased 2,000 times',
        category: 'amplification',
        headers: YAML,
        body: () =>
          `- &r { id: amp, name: Amp, tier: pool, classification: public, loadUnits: 1 }\n${'- *r\n'.repeat(
            2000,
          )}`,
        expect: { status: 400, fields: ['(root)', 'rows'] },
      },
      {
        label: '10,000-deep YAML',
        category: 'deep-nesting',
        headers: YAML,
        body: () => `- ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
        expect: { status: 400, fields: ['(root)', 'rows'] },
      },
      {
        label: '60 MB sent chunked, no Content-Length',
        category: 'oversized',
        chunked: true,
        body: () =>
          Buffer.concat([
            Buffer.from('[{"padding":"'),
            Buffer.alloc(60 * 2 ** 20, 'a'),
            Buffer.from('"}]'),
          ]),
        expect: tooLarge,
      },
      {
        label: 'gzip bytes sent as JSON',
        category: 'binary-junk',
        body: () => zlib.gzipSync(JSON.stringify([importRow])),
        expect: { status: 400, fields: ['(root)', 'body'] },
      },
    ]),
    ...casesOf('POST', '/tenants', [
      {
        label:
          'gzip Content-Encoding inflating to 10 MiB, past the 100 KB limit',
        category: 'bomb',
        headers: GZIP,
        body: () => gzipBomb(10 * 2 ** 20),
        expect: tooLarge,
      },
      ...(
        [
          [
            'unsupported Content-Encoding',
            'content-encoding',
            'compress',
            'Content-Encoding',
          ],
          [
            'unsupported charset',
            'content-type',
            'application/json; charset=iso-8859-1',
            'Content-Type',
          ],
        ] as const
      ).map(([label, header, value, headerName]) => ({
        label,
        category: 'content-type' as const,
        headers: { [header]: value },
        body: json(VALID_BODIES['POST /tenants']),
        expect: {
          status: 415,
          fields: ['(root)', 'body', header, headerName],
        },
      })),
    ]),
  ];
}
