import { stringify } from 'csv-stringify/sync';
import {
  EVIDENCE_CHUNK_ROWS,
  findingsCsv,
  findingsCsvLines,
  jsonArray,
} from './evidenceFiles';
import { EvidenceFinding, FINDING_COLUMNS } from './evidenceFindings';

const finding = (fields: Partial<EvidenceFinding>): EvidenceFinding => ({
  source: 'securityhub',
  findingId: 'arn:aws:securityhub:eu-west-1:111111111111:finding/1',
  partition: 'aws',
  accountId: '111111111111',
  region: 'eu-west-1',
  severity: 'HIGH',
  recordState: 'ACTIVE',
  title: 'S3 buckets should block public access',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-02T00:00:00.000Z',
  ...fields,
});

/** What csv-stringify writes for the same rows, the old rendering. */
const csvStringify = (batch: EvidenceFinding[]) =>
  stringify(batch.map(f => FINDING_COLUMNS.map(c => f[c] ?? '')));

async function* pages<T>(...batches: T[][]) {
  yield* batches;
}

async function text(chunks: AsyncIterable<string>) {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function chunksOf(chunks: AsyncIterable<string>) {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe('evidence files', () => {
  it.each([
    ['plain fields and absent optional ones', {}],
    ['a comma', { resourceId: 'bucket,with,commas' }],
    ['double quotes', { controlId: 'say "hi"', productName: '"' }],
    [
      'line feeds and carriage returns',
      { resourceId: 'a\nb', controlId: 'c\rd' },
    ],
    ['CRLF', { generatorId: 'x\r\ny' }],
    ['empty text', { controlId: '', workflowStatus: '' }],
    [
      'formula-like and padded text',
      { controlId: '=1+2', resourceType: ' a ' },
    ],
    ['non-ASCII text', { resourceId: 'bücket-日本-🚀' }],
    ['a number (not text)', { controlId: 7 as unknown as string }],
    ['null (not absent)', { controlId: null as unknown as string }],
  ])(
    'writes findings CSV lines exactly as csv-stringify does, with %s',
    (_name, fields) => {
      const batch = [finding(fields), finding({}), finding(fields)];
      expect(findingsCsvLines(batch)).toBe(csvStringify(batch));
    },
  );

  it('writes batches as the JSON array JSON.stringify writes of all their elements', async () => {
    const a = [finding({}), finding({ controlId: 'q"\n' })];
    const b = [finding({ resourceId: 'r' })];
    expect(await text(jsonArray(pages(a, [], b)))).toBe(
      JSON.stringify([...a, ...b]),
    );
    expect(await text(jsonArray(pages<object>()))).toBe('[]');
    const counted = { rows: 0 };
    await text(jsonArray(pages([], a, b), counted));
    expect(counted.rows).toBe(3);
  });

  it('yields a 500-row page as strings of at most EVIDENCE_CHUNK_ROWS rows, the same CSV and JSON text', async () => {
    const page = Array.from({ length: 500 }, (_, i) =>
      finding({ findingId: `finding/${i}`, resourceId: 'x'.repeat(900) }),
    );
    const counted = { rows: 0 };
    const csv = await chunksOf(findingsCsv(pages(page), counted));
    const json = await chunksOf(jsonArray(pages(page)));
    expect(counted.rows).toBe(500);
    expect(csv.join('')).toBe(
      stringify([FINDING_COLUMNS as unknown as string[]]) + csvStringify(page),
    );
    expect(json.join('')).toBe(JSON.stringify(page));
    // Each chunk under V8's large-object size (128 KB), so it dies young.
    const chunks = Math.ceil(500 / EVIDENCE_CHUNK_ROWS);
    expect(csv).toHaveLength(1 + chunks);
    expect(json).toHaveLength(2 + chunks);
    for (const chunk of [...csv, ...json])
      expect(chunk.length).toBeLessThan(128 * 1024);
  });
});
