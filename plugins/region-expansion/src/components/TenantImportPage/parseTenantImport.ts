import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import {
  formatZodError,
  MAX_IMPORT_ROWS,
  tenantImportRowSchema,
} from '@region-expansion/plugin-region-expansion-common';

/** The formats the import page reads. */
export type TenantImportFormat = 'csv' | 'yaml';

/** One problem of an import file, at its line (1-based). */
export interface ImportProblem {
  line: number;
  /** `field: reason`, as the API words it. */
  message: string;
}

/** A parsed import: the rows to send, or the problems that stop it. */
export interface ParsedImport {
  rows: Record<string, unknown>[];
  problems: ImportProblem[];
}

/** Problems listed at most; past it a last line says how many more. */
export const MAX_LISTED_PROBLEMS = 50;

/**
 * Splits CSV text (RFC 4180: quoted fields may hold commas, newlines and
 * doubled quotes) into records, each with the line it starts on.
 */
export function splitCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') {
      records.push({ line: start, cells });
    }
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n') {
      endRecord();
      start = line;
    } else if (c !== '\r') cell += c;
  }
  endRecord();
  return records;
}

function rowsFromCsv(text: string): ParsedImport & { lines: number[] } {
  const [header, ...records] = splitCsv(text);
  if (!header) {
    return {
      rows: [],
      lines: [],
      problems: [{ line: 1, message: '(root): the file is empty' }],
    };
  }
  const columns = header.cells.map(c => c.trim());
  const problems: ImportProblem[] = [];
  const rows = records.map(record => {
    if (record.cells.length !== columns.length) {
      problems.push({
        line: record.line,
        message: `(row): has ${record.cells.length} cells, the header names ${columns.length} columns`,
      });
    }
    // Empty cells mean "not given", as the API reads them.
    return Object.fromEntries(
      columns
        .map((column, i) => [column, (record.cells[i] ?? '').trim()])
        .filter(([, value]) => value !== ''),
    );
  });
  return { rows, problems, lines: records.map(r => r.line) };
}

function rowsFromYaml(text: string): ParsedImport & { lines: number[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lineAt = (offset = 0) => counter.linePos(offset).line;
  if (doc.errors.length) {
    return {
      rows: [],
      lines: [],
      problems: doc.errors.map(error => ({
        line: lineAt(error.pos[0]),
        message: `(root): ${error.message.split('\n')[0]}`,
      })),
    };
  }
  if (!isSeq(doc.contents)) {
    return {
      rows: [],
      lines: [],
      problems: [{ line: 1, message: '(root): must be a list of tenants' }],
    };
  }
  const items = doc.contents.items;
  const rows = (doc.toJS() as unknown[]).map(item =>
    item && typeof item === 'object' ? (item as Record<string, unknown>) : {},
  );
  const problems: ImportProblem[] = [];
  items.forEach((item, index) => {
    if (!isMap(item)) {
      problems.push({
        line: lineAt((item as { range?: number[] })?.range?.[0]),
        message: `rows[${index}]: must be a mapping of column names to values`,
      });
    }
  });
  const lines = items.map(item =>
    lineAt((item as { range?: number[] } | null)?.range?.[0]),
  );
  return { rows, problems, lines };
}

/**
 * Parses and checks a tenant import the way `POST /tenants/import` will:
 * every row against the shared row schema, ids unique, at most
 * {@link MAX_IMPORT_ROWS} rows. Each problem names the file's line, so a
 * user fixes the file before anything is sent.
 */
export function parseTenantImport(
  text: string,
  format: TenantImportFormat,
): ParsedImport {
  const parsed = format === 'csv' ? rowsFromCsv(text) : rowsFromYaml(text);
  const { rows, lines } = parsed;
  const problems = [...parsed.problems];
  if (problems.length === 0 && rows.length === 0) {
    problems.push({ line: 1, message: '(root): holds no tenants' });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    problems.push({
      line: lines[MAX_IMPORT_ROWS],
      message: `rows: ${rows.length} rows are more than the ${MAX_IMPORT_ROWS} one import takes; split the file`,
    });
  }
  const firstLineOfId = new Map<unknown, number>();
  rows.forEach((row, index) => {
    const result = tenantImportRowSchema.safeParse(row);
    if (!result.success) {
      for (const { field, reason } of formatZodError(result.error)) {
        problems.push({ line: lines[index], message: `${field}: ${reason}` });
      }
    }
    const first = firstLineOfId.get(row.id);
    if (row.id !== undefined && first !== undefined) {
      problems.push({
        line: lines[index],
        message: `id: '${String(row.id)}' repeats line ${first}`,
      });
    } else firstLineOfId.set(row.id, lines[index]);
  });
  problems.sort((a, b) => a.line - b.line);
  return { rows: problems.length ? [] : rows, problems };
}
