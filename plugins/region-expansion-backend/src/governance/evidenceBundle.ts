import archiver from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GovernanceFilter, GovernanceStore } from './GovernanceStore';

const FINDING_COLUMNS = [
  'source',
  'findingId',
  'partition',
  'accountId',
  'region',
  'severity',
  'complianceStatus',
  'controlId',
  'workflowStatus',
  'recordState',
  'resourceType',
  'resourceId',
  'productName',
  'generatorId',
  'createdAt',
  'updatedAt',
] as const;

function pdfSummary(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: 'Governance evidence summary', CreationDate: new Date(0) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', c => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text('Governance evidence summary');
    doc.moveDown();
    doc.fontSize(10);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

/** Size and SHA-256 of a file, known once its last byte went through. */
interface Digest {
  sha256: string;
  bytes: number;
}

/**
 * Feeds `source` through a hashing pass-through; the returned stream is the
 * archive entry, `digest` settles when the source ended (or failed).
 */
function hashing(
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
): {
  stream: Transform;
  digest: Promise<Digest>;
} {
  const hash = createHash('sha256');
  let bytes = 0;
  let settle!: (d: Digest) => void;
  let fail!: (e: unknown) => void;
  const digest = new Promise<Digest>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      settle({ sha256: hash.digest('hex'), bytes });
      callback();
    },
  });
  pipeline(Readable.from(source, { objectMode: false }), stream).catch(
    error => {
      fail(error);
      stream.destroy(error);
    },
  );
  // The caller awaits `digest`; this only keeps an early failure from being unhandled.
  digest.catch(() => undefined);
  return { stream, digest };
}

/** Findings as CSV, one csv-stringify call per page of the keyset cursor. */
async function* findingsCsv(
  store: GovernanceStore,
  filter: GovernanceFilter,
  counted: { rows: number },
): AsyncGenerator<string> {
  yield stringify([FINDING_COLUMNS as unknown as string[]]);
  for await (const batch of store.streamFindings(filter)) {
    counted.rows += batch.length;
    yield stringify(
      batch.map(f => FINDING_COLUMNS.map(c => (f as any)[c] ?? '')),
    );
  }
}

/** Findings as one JSON array, written element by element. */
async function* findingsJson(
  store: GovernanceStore,
  filter: GovernanceFilter,
): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const batch of store.streamFindings(filter)) {
    let chunk = '';
    for (const f of batch) {
      chunk += `${first ? '' : ','}${JSON.stringify(f)}`;
      first = false;
    }
    yield chunk;
  }
  yield ']';
}

/**
 * Writes a ZIP evidence bundle for the filter to `out`: per source a CSV and a
 * JSON file, a PDF summary and, last, `manifest.json` with the SHA-256 and
 * size of every file. Findings are streamed from the store page by page
 * (keyset cursor) through the archive and a hashing pass-through, so memory
 * stays flat however many findings the scope holds; each file's digest is
 * complete when its last byte went into the archive.
 *
 * @public
 */
export async function writeEvidenceBundle(options: {
  store: GovernanceStore;
  filter: GovernanceFilter;
  out: Writable;
  generatedAt: Date;
  requestedBy?: string;
}): Promise<void> {
  const { store, filter, out } = options;
  const archive = archiver('zip', { zlib: { level: 6 } });
  let failArchive!: (e: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    failArchive = reject;
    out.on('finish', resolve);
    out.on('close', resolve);
    out.on('error', reject);
    archive.on('error', reject);
  });
  done.catch(() => undefined);
  /** Waits for a file's digest unless the output closes (client gone) first. */
  const beforeClose = <T>(p: Promise<T>): Promise<T> =>
    Promise.race([
      p,
      done.then(() => {
        throw new Error('The evidence bundle output closed early');
      }),
    ]);
  archive.pipe(out);
  const entries: Array<{ path: string; digest: Promise<Digest> }> = [];
  const add = (
    path: string,
    source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  ): Promise<Digest> => {
    const { stream, digest } = hashing(source);
    digest.catch(error => {
      archive.abort();
      failArchive(error);
    });
    entries.push({ path, digest });
    archive.append(stream, { name: path, date: options.generatedAt });
    return digest;
  };
  const addText = (path: string, content: string | Buffer) =>
    add(path, [Buffer.isBuffer(content) ? content : Buffer.from(content)]);

  const counted = { rows: 0 };
  const csvDone = add(
    'securityhub/findings.csv',
    findingsCsv(store, filter, counted),
  );
  add('securityhub/findings.json', findingsJson(store, filter));

  const scope = {
    partition: filter.partition,
    region: filter.region,
    accountId: filter.accountId,
  };
  const apps = await store.listResilienceApps(scope);
  addText('resiliencehub/apps.json', JSON.stringify(apps, null, 2));
  addText(
    'resiliencehub/apps.csv',
    stringify(
      apps.flatMap(a =>
        (a.disruptions.length ? a.disruptions : [{ disruptionType: '' }]).map(
          d => [
            a.partition,
            a.accountId,
            a.region,
            a.appName,
            a.complianceStatus,
            a.resiliencyScore ?? '',
            d.disruptionType,
            (d as any).currentRtoInSecs ?? '',
            (d as any).targetRtoInSecs ?? '',
            (d as any).currentRpoInSecs ?? '',
            (d as any).targetRpoInSecs ?? '',
          ],
        ),
      ),
      {
        header: true,
        columns: [
          'partition',
          'accountId',
          'region',
          'app',
          'compliance',
          'score',
          'disruption',
          'currentRto',
          'targetRto',
          'currentRpo',
          'targetRpo',
        ],
      },
    ),
  );
  const controls = await store.listAuditControls(scope);
  addText('auditmanager/controls.json', JSON.stringify(controls, null, 2));
  addText(
    'auditmanager/controls.csv',
    stringify(
      controls.map(c => [
        c.partition,
        c.accountId,
        c.region,
        c.framework,
        c.assessmentName,
        c.controlSetId,
        c.controlName,
        c.controlStatus,
        c.evidenceCount,
      ]),
      {
        header: true,
        columns: [
          'partition',
          'accountId',
          'region',
          'framework',
          'assessment',
          'controlSet',
          'control',
          'status',
          'evidence',
        ],
      },
    ),
  );
  const scores = await store.listConformanceScores(scope);
  addText('config/conformance-packs.json', JSON.stringify(scores, null, 2));
  addText(
    'config/conformance-packs.csv',
    stringify(
      scores.map(s => [
        s.partition,
        s.accountId,
        s.region,
        s.packName,
        s.complianceType,
        s.score,
      ]),
      {
        header: true,
        columns: [
          'partition',
          'accountId',
          'region',
          'pack',
          'compliance',
          'score',
        ],
      },
    ),
  );

  const bySeverity = await store.summary('severity', filter);
  // The findings count in the summary is the one written to the CSV.
  await beforeClose(csvDone);
  const freshness = await store.freshness({ partition: filter.partition });
  const lines = [
    `Generated: ${options.generatedAt.toISOString()}${
      options.requestedBy ? ` for ${options.requestedBy}` : ''
    }`,
    `Scope: ${JSON.stringify(filter)}`,
    `Findings: ${counted.rows}`,
    ...bySeverity.map(g => `  ${g.key}: ${g.total} (${g.failed} failed)`),
    `Resilience Hub apps: ${apps.length}; Audit Manager controls: ${controls.length}; conformance packs: ${scores.length}`,
    `Stale targets: ${freshness.filter(f => f.status === 'stale').length}`,
    ...freshness
      .filter(f => f.status === 'stale')
      .map(
        f =>
          `  ${f.source} ${f.partition}/${f.accountId}/${f.region}: ${f.staleReason}`,
      ),
  ];
  addText('summary.pdf', await pdfSummary(lines));
  const files = [];
  for (const entry of entries) {
    files.push({ path: entry.path, ...(await beforeClose(entry.digest)) });
  }
  archive.append(
    JSON.stringify(
      {
        generatedAt: options.generatedAt.toISOString(),
        filter,
        files,
      },
      null,
      2,
    ),
    { name: 'manifest.json', date: options.generatedAt },
  );
  await archive.finalize();
  await done;
}
