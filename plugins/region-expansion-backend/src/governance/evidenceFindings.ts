import type { GovernanceFindingRow } from '@region-expansion/plugin-region-expansion-node';
import { Knex } from 'knex';
import { KeysetColumn, readKeysetPage } from '../database/keyset';
import { GovernanceFilter, whereFilter } from './governanceFilter';

/** The CSV's columns: every field of a finding but its title, source first. */
export const FINDING_COLUMNS = [
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

/** What the export reads of a finding: the CSV's columns and its title. */
const FIELDS = [...FINDING_COLUMNS, 'title'] as const;

/** `findingId` → `finding_id`. */
const columnOf = (field: string) =>
  field.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`);

/**
 * The export's page of findings. Small enough that a page's rows die in
 * V8's young generation instead of being promoted while the next page is
 * awaited (2,000-row pages let the server's RSS grow with the export:
 * 621 MB at 200k findings, 347 MB with 500, docs/benchmarks.md), large
 * enough that round trips to a remote database stay few.
 */
export const EVIDENCE_FINDINGS_PAGE = 500;

/** The table's primary key, the order of the export. */
const KEY: KeysetColumn[] = [
  { column: 'source', order: 'asc' },
  { column: 'finding_id', order: 'asc' },
];

/** A finding as the bundle writes it: its source and its fields. */
export type EvidenceFinding = GovernanceFindingRow & { source: string };

/** The select list: each column under its field's name, so rows need no renaming. */
const SELECT = Object.fromEntries(FIELDS.map(f => [f, columnOf(f)]));

/** A stored row as a finding: NULL (absent optional) fields left out. */
function findingOf(row: Record<string, unknown>): EvidenceFinding {
  for (const field of FIELDS) {
    if (row[field] === null) delete row[field];
  }
  return row as EvidenceFinding;
}

/**
 * Every finding of the filter, page by page in key order, read with `db`
 * (the bundle's snapshot). Each page starts after the last one's key with
 * a row-value comparison, so PostgreSQL walks the primary key index from
 * there: the cost of a page does not grow with its depth, and 1M findings
 * are read in linear time.
 */
export async function* evidenceFindingPages(
  db: Knex | Knex.Transaction,
  filter: GovernanceFilter,
  pageSize = EVIDENCE_FINDINGS_PAGE,
): AsyncGenerator<EvidenceFinding[]> {
  let after: string[] | undefined;
  do {
    const page = await readKeysetPage<Record<string, unknown>>(
      whereFilter(db('governance_findings'), filter).select(SELECT),
      KEY,
      { limit: pageSize, after },
      r => [String(r.source), String(r.findingId)],
    );
    if (page.rows.length) yield page.rows.map(findingOf);
    after = page.nextKey;
  } while (after);
}
