import {
  EVIDENCE_DIGEST_ALGORITHM,
  EVIDENCE_MANIFEST,
  EVIDENCE_SIGNATURE,
  EvidenceSignatureFile,
  EvidenceSignatureStatement,
  gatesFromHistory,
  isInScope,
} from '@region-expansion/plugin-region-expansion-node';
import archiver from 'archiver';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReadinessWaiverFilter } from '../readiness/ReadinessStore';
import {
  auditControlsCsv,
  conformanceScoresCsv,
  decisionsCsv,
  Digest,
  findingsCsv,
  hashing,
  jsonArray,
  pdfSummary,
  resilienceAppsCsv,
  waiverBatches,
  waiversCsv,
} from './evidenceFiles';
import { evidenceReadme } from './evidenceReadme';
import { EvidenceSnapshot, EvidenceSnapshotSource } from './evidenceSnapshot';
import { GovernanceFilter } from './governanceFilter';

/**
 * Options of {@link writeEvidenceBundle}.
 *
 * @public
 */
export interface EvidenceBundleOptions {
  /** Where the bundle's one snapshot of the database comes from. */
  snapshots: EvidenceSnapshotSource;
  filter: GovernanceFilter;
  out: Writable;
  generatedAt: Date;
  requestedBy?: string;
  /**
   * Called once the bundle is complete, just before its first byte goes to
   * `out` (and never when building it failed): the moment to label the
   * response a ZIP attachment, so an error is not sent under that label.
   * `bytes` is the whole bundle's size (it is complete on disk by then), for
   * a `Content-Length` that lets a download show its progress.
   */
  beforeSend?: (bundle: { bytes: number }) => void;
  /** Signs the manifest; absent: the bundle is unsigned and says so. */
  signer?: EvidenceManifestSigner;
}

/**
 * Signs an evidence manifest (e.g. `KmsEvidenceSigner`).
 *
 * @public
 */
export interface EvidenceManifestSigner {
  /** What the manifest states of the signature. */
  readonly statement: EvidenceSignatureStatement;
  /** The content of `manifest.sig.json` for the manifest's exact bytes. */
  sign(manifest: Buffer): Promise<EvidenceSignatureFile>;
}

const UNSIGNED: EvidenceSignatureStatement = {
  signed: false,
  reason:
    'no signing key is configured (regionExpansion.governance.evidence.signing)',
};

/**
 * Writes a ZIP evidence bundle for the filter to `out`: per source a CSV and
 * a JSON file, the latest readiness decision of each location in scope (with
 * its signals) and the waivers in scope, `summary.json` and `summary.pdf`
 * and, last, `manifest.json` with the SHA-256 and size of every file and the
 * row counts. Every part is read from one snapshot of the database
 * ({@link EvidenceSnapshotSource.read}), so a sync running meanwhile
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
  const dir = await mkdtemp(join(tmpdir(), 'region-expansion-evidence-'));
  const file = join(dir, 'bundle.zip');
  try {
    await options.snapshots.read(async snapshot => {
      const temp = createWriteStream(file);
      try {
        await writeFromSnapshot(
          { ...options, out: temp },
          snapshot,
          options.snapshots.isolation,
        );
      } finally {
        // Read the file back only once its descriptor is closed. After a
        // failure the archive may still write to it: that write's error is
        // not the one to report.
        if (!temp.closed) {
          temp.on('error', () => undefined);
          temp.destroy();
          await new Promise<void>(resolve =>
            temp.once('close', () => resolve()),
          );
        }
      }
    });
    options.beforeSend?.({ bytes: (await stat(file)).size });
    await pipeline(createReadStream(file), options.out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The launch campaigns of the bundle's locations, each with its gates'
 * states and their whole history (oldest first). A bundle narrowed by
 * partition or scope knows a location's partition from its readiness
 * decision: a campaign whose location has none is left out of it.
 */
async function campaignsInScope(
  snapshot: EvidenceSnapshot,
  filter: GovernanceFilter,
  partitionOf: Map<string, string>,
) {
  const narrowed = filter.partition !== undefined || filter.scope !== undefined;
  const campaigns = (
    await snapshot.campaigns.listCampaigns({ locationId: filter.region })
  ).filter(c => !narrowed || partitionOf.has(c.locationId));
  const result = [];
  for (const campaign of campaigns) {
    const history = await snapshot.campaigns.gateHistory(campaign.id);
    result.push({
      ...campaign,
      gates: gatesFromHistory(campaign.gates, history),
      history,
    });
  }
  return result;
}

async function writeFromSnapshot(
  options: EvidenceBundleOptions,
  snapshot: EvidenceSnapshot,
  isolation: string,
): Promise<void> {
  const { filter, out } = options;
  const { findings, snapshots, syncState, readiness } = snapshot;
  // Level 1: a million findings are ~1 GB of CSV and JSON. Deflate runs
  // beside the JavaScript thread, so level 6 cost the export little time
  // (docs/benchmarks.md), but about 3x the CPU of level 1 on shared cores.
  const archive = archiver('zip', { zlib: { level: 1 } });
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
  // The archive starts reading every appended stream at once (it buffers
  // each until its turn), so a file read from the snapshot starts its
  // queries only once the one before it has read its last row.
  let lastRead: Promise<unknown> = Promise.resolve();
  const addRead = (path: string, source: AsyncIterable<string | Buffer>) => {
    const after = lastRead;
    const digest = add(
      path,
      (async function* inTurn() {
        await after.catch(() => undefined);
        yield* source;
      })(),
    );
    lastRead = digest;
    return digest;
  };

  // Every read but the files read page by page comes first, one after
  // another: the snapshot is one transaction on one connection, which takes
  // one query at a time (node-postgres 9 refuses a second). The paged files
  // then read in turn (addRead).
  const scope = {
    partition: filter.partition,
    region: filter.region,
    accountId: filter.accountId,
    scope: filter.scope,
  };
  const apps = await snapshots.listResilienceApps(scope);
  const controls = await snapshots.listAuditControls(scope);
  const scores = await snapshots.listConformanceScores(scope);
  // Readiness rows have no account; a scope filters them in memory (one
  // row per location), waivers by their location's partition.
  const decisions = (
    await readiness.listLatest({
      partition: filter.partition,
      locationId: filter.region,
    })
  ).filter(d =>
    isInScope(filter.scope, { partition: d.partition, region: d.locationId }),
  );
  const partitionOf = new Map(decisions.map(d => [d.locationId, d.partition]));
  const campaigns = await campaignsInScope(snapshot, filter, partitionOf);
  const bySeverity = await findings.summary('severity', filter);
  const freshness = await syncState.freshness({
    partition: filter.partition,
    scope: filter.scope,
  });

  const counted = { rows: 0 };
  const csvDone = addRead(
    'securityhub/findings.csv',
    findingsCsv(snapshot.findingPages(filter), counted),
  );
  addRead(
    'securityhub/findings.json',
    jsonArray(snapshot.findingPages(filter)),
  );
  addText('resiliencehub/apps.json', JSON.stringify(apps, null, 2));
  addText('resiliencehub/apps.csv', resilienceAppsCsv(apps));
  addText('auditmanager/controls.json', JSON.stringify(controls, null, 2));
  addText('auditmanager/controls.csv', auditControlsCsv(controls));
  addText('config/conformance-packs.json', JSON.stringify(scores, null, 2));
  addText('config/conformance-packs.csv', conformanceScoresCsv(scores));

  const waiverScope: ReadinessWaiverFilter = {
    partition: filter.partition,
    locationId: filter.region,
  };
  const scopedWaiverBatches = async function* scoped() {
    for await (const batch of waiverBatches(
      readiness,
      waiverScope,
      options.generatedAt,
    )) {
      const inScope = batch.filter(w =>
        isInScope(filter.scope, {
          partition: partitionOf.get(w.locationId) ?? '',
          region: w.locationId,
        }),
      );
      if (inScope.length) yield inScope;
    }
  };
  addText('readiness/decisions.json', JSON.stringify(decisions, null, 2));
  addText('readiness/decisions.csv', decisionsCsv(decisions));
  const waiverCount = { rows: 0 };
  const activeWaivers = { rows: 0 };
  const waiversDone = addRead(
    'readiness/waivers.json',
    jsonArray(
      (async function* counting() {
        for await (const batch of scopedWaiverBatches()) {
          activeWaivers.rows += batch.filter(w => w.status === 'active').length;
          yield batch;
        }
      })(),
      waiverCount,
    ),
  );
  addRead('readiness/waivers.csv', waiversCsv(scopedWaiverBatches()));
  addText('campaigns/campaigns.json', JSON.stringify(campaigns, null, 2));

  // The counts in the summary are the ones written to the CSV and JSON.
  await beforeClose(csvDone);
  await beforeClose(waiversDone);
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
    campaigns: campaigns.length,
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
    `Launch campaigns: ${campaigns.length}`,
    `Stale targets: ${stale.length}`,
    ...stale.map(
      f =>
        `  ${f.source} ${f.partition}/${f.accountId}/${f.region}: ${f.staleReason}`,
    ),
  ];
  addText('summary.pdf', await pdfSummary(lines));
  const signature = options.signer?.statement ?? UNSIGNED;
  addText('README.txt', evidenceReadme(signature));
  const files = [];
  for (const entry of entries) {
    files.push({ path: entry.path, ...(await beforeClose(entry.digest)) });
  }
  const manifest = Buffer.from(
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
          campaigns: campaigns.length,
        },
        digestAlgorithm: EVIDENCE_DIGEST_ALGORITHM,
        signature,
        files,
      },
      null,
      2,
    ),
  );
  // Signed before the archive is finished: a failure sends nothing.
  const signed = await options.signer?.sign(manifest);
  archive.append(manifest, {
    name: EVIDENCE_MANIFEST,
    date: options.generatedAt,
  });
  if (signed)
    archive.append(JSON.stringify(signed, null, 2), {
      name: EVIDENCE_SIGNATURE,
      date: options.generatedAt,
    });
  await archive.finalize();
  await done;
}
