import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  READINESS_CHECKS,
  StoredReadinessEvaluation,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import type {
  AuditControlRow,
  ConformanceScoreRow,
  ResilienceAppRow,
} from '@region-expansion/plugin-region-expansion-node';
import {
  ReadinessStore,
  ReadinessWaiverFilter,
} from '../readiness/ReadinessStore';
import { EvidenceFinding, FINDING_COLUMNS } from './evidenceFindings';

/*
 * The files of the evidence bundle, each rendered from plain rows (or
 * streamed page by page) so the bundle only decides what goes where.
 */

export function pdfSummary(lines: string[]): Promise<Buffer> {
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
export interface Digest {
  sha256: string;
  bytes: number;
}

/**
 * Feeds `source` through a hashing pass-through; the returned stream is the
 * archive entry, `digest` settles when the source ended (or failed).
 */
export function hashing(
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

/** A field csv-stringify (default options) quotes: `,`, `"`, CR or LF. */
const NEEDS_QUOTES = /[",\n\r]/;

/**
 * Findings as CSV lines, exactly as csv-stringify writes them: a million
 * findings through csv-stringify made a per-field tuple, a cast and an
 * options lookup each, garbage that grew the server's heap during the
 * export (docs/benchmarks.md). Only text and absent fields take the short
 * way, which is all a stored finding has; a row with any other value goes
 * through csv-stringify itself.
 */
export function findingsCsvLines(batch: readonly EvidenceFinding[]): string {
  let out = '';
  for (const finding of batch) {
    let line = '';
    for (let i = 0; i < FINDING_COLUMNS.length; i++) {
      const value: unknown = finding[FINDING_COLUMNS[i]];
      if (typeof value === 'string') {
        line += NEEDS_QUOTES.test(value)
          ? `"${value.replace(/"/g, '""')}"`
          : value;
      } else if (value !== undefined && value !== null) {
        line = stringify([FINDING_COLUMNS.map(c => finding[c] ?? '')]);
        break;
      }
      if (i < FINDING_COLUMNS.length - 1) line += ',';
      else line += '\n';
    }
    out += line;
  }
  return out;
}

/**
 * Rows per string the export yields: about 1 KB of text each, so a chunk
 * stays under V8's large-object size (128 KB) and dies in the young
 * generation. A whole 500-row page as one string went to the large-object
 * space, which only a full collection frees: the server's heap grew with
 * the export (docs/benchmarks.md).
 */
export const EVIDENCE_CHUNK_ROWS = 64;

/** `batch` in slices of {@link EVIDENCE_CHUNK_ROWS}. */
function* chunksOf<T>(batch: readonly T[]): Generator<readonly T[]> {
  for (let i = 0; i < batch.length; i += EVIDENCE_CHUNK_ROWS) {
    yield batch.slice(i, i + EVIDENCE_CHUNK_ROWS);
  }
}

/** Findings as CSV, page by page of the keyset cursor, in small strings. */
export async function* findingsCsv(
  pages: AsyncIterable<EvidenceFinding[]>,
  counted: { rows: number },
): AsyncGenerator<string> {
  yield stringify([FINDING_COLUMNS as unknown as string[]]);
  for await (const batch of pages) {
    counted.rows += batch.length;
    for (const chunk of chunksOf(batch)) yield findingsCsvLines(chunk);
  }
}

/** Waivers read per page of the store's keyset, for the export. */
const WAIVER_BATCH = 500;

export async function* waiverBatches(
  readiness: Pick<ReadinessStore, 'pageWaivers'>,
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
export async function* waiversCsv(
  batches: AsyncIterable<StoredReadinessWaiver[]>,
): AsyncGenerator<string> {
  yield stringify([WAIVER_COLUMNS as unknown as string[]]);
  for await (const batch of batches) {
    yield stringify(batch.map(w => WAIVER_COLUMNS.map(c => w[c] ?? '')));
  }
}

/**
 * Any batches as one JSON array: one JSON.stringify per
 * {@link EVIDENCE_CHUNK_ROWS} elements (its brackets cut off) instead of
 * one per element and a string concatenation each, the same text with less
 * garbage.
 */
export async function* jsonArray<T extends object>(
  batches: AsyncIterable<T[]>,
  counted?: { rows: number },
): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const batch of batches) {
    if (counted) counted.rows += batch.length;
    for (const chunk of chunksOf(batch)) {
      const items = JSON.stringify(chunk);
      yield `${first ? '' : ','}${items.slice(1, -1)}`;
      first = false;
    }
  }
  yield ']';
}

/** The latest decision per location: level, trigger, each signal's status. */
export function decisionsCsv(decisions: StoredReadinessEvaluation[]): string {
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

/** Resilience Hub apps as CSV, one line per app and disruption type. */
export function resilienceAppsCsv(apps: ResilienceAppRow[]): string {
  return stringify(
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
  );
}

/** Audit Manager controls as CSV. */
export function auditControlsCsv(controls: AuditControlRow[]): string {
  return stringify(
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
  );
}

/** Conformance pack scores as CSV. */
export function conformanceScoresCsv(scores: ConformanceScoreRow[]): string {
  return stringify(
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
  );
}
