import archiver from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  READINESS_CHECKS,
  StoredReadinessEvaluation,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import {
  ReadinessStore,
  ReadinessWaiverFilter,
} from '../readiness/ReadinessStore';
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

/** Waivers read per page of the store's keyset, for the export. */
const WAIVER_BATCH = 500;

async function* waiverBatches(
  readiness: ReadinessStore,
  filter: ReadinessWaiverFilter,
  now: Date,
): AsyncGenerator<StoredReadinessWaiver[]> {
  let after: string[] | undefined;
  do {
    const page = await readiness.pageWaivers(filter, now, {
      limit: WAIVER_BATCH,
      after,
    });
    if (page.items.length) yield page.items;
    after = page.nextKey;
  } while (after);
}

const WAIVER_COLUMNS = [
  'id',
  'locationId',
  'check',
  'status',
  'reason',
  'approver',
  'createdBy',
  'createdAt',
  'expiresAt',
  'revokedAt',
  'revokedBy',
] as const;

/** Waivers as CSV, page by page. */
async function* waiversCsv(
  batches: AsyncIterable<StoredReadinessWaiver[]>,
): AsyncGenerator<string> {
  yield stringify([WAIVER_COLUMNS as unknown as string[]]);
  for await (const batch of batches) {
    yield stringify(batch.map(w => WAIVER_COLUMNS.map(c => w[c] ?? '')));
  }
}

/** Any batches as one JSON array, written element by element. */
async function* jsonArray<T>(
  batches: AsyncIterable<T[]>,
  counted?: { rows: number },
): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const batch of batches) {
    if (counted) counted.rows += batch.length;
    let chunk = '';
    for (const item of batch) {
      chunk += `${first ? '' : ','}${JSON.stringify(item)}`;
      first = false;
    }
    yield chunk;
  }
  yield ']';
}

/** The latest decision per location: level, trigger, each signal's status. */
function decisionsCsv(decisions: StoredReadinessEvaluation[]): string {
  const describe = (blockers: StoredReadinessEvaluation['blockers']) =>
    blockers.map(b => `${b.check}: ${b.detail}`).join(' | ');
  return stringify(
    decisions.map(d => [
      d.locationId,
      d.partition,
      d.level,
      d.trigger,
      d.evaluatedAt,
      ...READINESS_CHECKS.map(check => {
        const signal = d.signals[check];
        if (!signal) return 'unknown';
        return signal.waived ? `${signal.status} (waived)` : signal.status;
      }),
      describe(d.blockers),
      describe(d.openChecks),
    ]),
    {
      header: true,
      columns: [
        'locationId',
        'partition',
        'level',
        'trigger',
        'evaluatedAt',
        ...READINESS_CHECKS,
        'blockers',
        'openChecks',
      ],
    },
  );
}

/** Findings as one JSON array, each with its source. */
function findingsJson(
  store: GovernanceStore,
  filter: GovernanceFilter,
): AsyncGenerator<string> {
  return jsonArray(store.streamFindings(filter));
}

/**
 * Options of {@link writeEvidenceBundle}.
 *
 * @public
 */
export interface EvidenceBundleOptions {
  store: GovernanceStore;
  filter: GovernanceFilter;
  out: Writable;
  generatedAt: Date;
  requestedBy?: string;
  /**
   * Called once the bundle is complete, just before its first byte goes to
   * `out` (and never when building it failed): the moment to label the
   * response a ZIP attachment, so an error is not sent under that label.
   */
  beforeSend?: () => void;
}

/**
 * Writes a ZIP evidence bundle for the filter to `out`: per source a CSV and
 * a JSON file, the latest readiness decision of each location in scope (with
 * its signals) and the waivers in scope, `summary.json` and `summary.pdf`
 * and, last, `manifest.json` with the SHA-256 and size of every file and the
 * row counts. Every part is read from one snapshot of the database
 * ({@link GovernanceStore.readSnapshot}), so a sync running meanwhile
 * changes none of them and the CSV, the JSON and the summary agree.
 * Findings and waivers are streamed page by page (keyset) through the
 * archive and a hashing pass-through, so memory stays flat however many the
 * scope holds; each file's digest is complete when its last byte went into
 * the archive.
 *
 * The ZIP is written to a temporary file while the snapshot is open and
 * sent to `out` only after it closed, so a slow download never holds a
 * database connection; the file (as large as the download) is removed
 * when the download ends or fails. A failure while reading sends nothing
 * and does not call `beforeSend`.
 *
 * Readiness is scoped by `partition` and by `region` (the location id);
 * the finding filters do not apply to it.
 *
 * @public
 */
export async function writeEvidenceBundle(
  options: EvidenceBundleOptions,
): Promise<void> {
  const isolation = options.store.snapshotIsolation;
  const dir = await mkdtemp(join(tmpdir(), 'region-expansion-evidence-'));
  const file = join(dir, 'bundle.zip');
  try {
    await options.store.readSnapshot(async (snapshot, db) => {
      const temp = createWriteStream(file);
      try {
        await writeFromSnapshot(
          { ...options, store: snapshot, out: temp },
          ReadinessStore.fromKnex(db),
          isolation,
        );
      } finally {
        // Read the file back only once its descriptor is closed.
        if (!temp.closed) {
          temp.destroy();
          await once(temp, 'close');
        }
      }
    });
    options.beforeSend?.();
    await pipeline(createReadStream(file), options.out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeFromSnapshot(
  options: EvidenceBundleOptions,
  readiness: ReadinessStore,
  isolation: string,
): Promise<void> {
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

  const decisions = await readiness.listLatest({
    partition: filter.partition,
    locationId: filter.region,
  });
  addText('readiness/decisions.json', JSON.stringify(decisions, null, 2));
  addText('readiness/decisions.csv', decisionsCsv(decisions));
  const waiverScope: ReadinessWaiverFilter = {
    partition: filter.partition,
    locationId: filter.region,
  };
  const waiverCount = { rows: 0 };
  const activeWaivers = { rows: 0 };
  const waiversDone = add(
    'readiness/waivers.json',
    jsonArray(
      (async function* counting() {
        for await (const batch of waiverBatches(
          readiness,
          waiverScope,
          options.generatedAt,
        )) {
          activeWaivers.rows += batch.filter(w => w.status === 'active').length;
          yield batch;
        }
      })(),
      waiverCount,
    ),
  );
  add(
    'readiness/waivers.csv',
    waiversCsv(waiverBatches(readiness, waiverScope, options.generatedAt)),
  );

  const bySeverity = await store.summary('severity', filter);
  // The counts in the summary are the ones written to the CSV and JSON.
  await beforeClose(csvDone);
  await beforeClose(waiversDone);
  const freshness = await store.freshness({ partition: filter.partition });
  const stale = freshness.filter(f => f.status === 'stale');
  const byLevel = { blocked: 0, pilot: 0, ready: 0 };
  for (const d of decisions) byLevel[d.level] += 1;
  const summary = {
    generatedAt: options.generatedAt.toISOString(),
    ...(options.requestedBy ? { requestedBy: options.requestedBy } : {}),
    filter,
    findings: { total: counted.rows, bySeverity },
    resilienceApps: apps.length,
    auditControls: controls.length,
    conformancePacks: scores.length,
    readiness: {
      decisions: decisions.length,
      byLevel,
      waivers: waiverCount.rows,
      activeWaivers: activeWaivers.rows,
    },
    staleTargets: stale.map(f => ({
      source: f.source,
      partition: f.partition,
      accountId: f.accountId,
      region: f.region,
      reason: f.staleReason,
    })),
  };
  addText('summary.json', JSON.stringify(summary, null, 2));
  const lines = [
    `Generated: ${summary.generatedAt}${
      options.requestedBy ? ` for ${options.requestedBy}` : ''
    }`,
    `Scope: ${JSON.stringify(filter)}`,
    `Read from one snapshot: ${isolation}`,
    `Findings: ${summary.findings.total}`,
    ...bySeverity.map(g => `  ${g.key}: ${g.total} (${g.failed} failed)`),
    `Resilience Hub apps: ${apps.length}; Audit Manager controls: ${controls.length}; conformance packs: ${scores.length}`,
    `Readiness decisions: ${decisions.length} (ready ${byLevel.ready}, pilot ${byLevel.pilot}, blocked ${byLevel.blocked}); waivers: ${waiverCount.rows} (${activeWaivers.rows} active)`,
    `Stale targets: ${stale.length}`,
    ...stale.map(
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
        snapshot: isolation,
        counts: {
          findings: counted.rows,
          resilienceApps: apps.length,
          auditControls: controls.length,
          conformancePacks: scores.length,
          readinessDecisions: decisions.length,
          waivers: waiverCount.rows,
        },
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
