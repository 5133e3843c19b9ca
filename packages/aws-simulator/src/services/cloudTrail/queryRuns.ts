import type { AwsFault } from '../../AwsFault';
import type { SyntheticOrganization } from '../../organization';
import { uuidFrom } from '../../random';
import {
  evaluateFootprintQuery,
  FootprintQuery,
  parseFootprintQuery,
} from './footprintQuery';
import type { SimulatedCloudTrailRecord } from './records';

/** Where a simulated query is: the engines' own words map onto these. */
export type QueryPhase =
  | 'QUEUED'
  | 'RUNNING'
  | 'FINISHED'
  | 'FAILED'
  | 'CANCELLED';

/** One query an engine accepted. */
export interface SimulatedQueryRun {
  id: string;
  sql: string;
  /** Epoch ms the query was accepted at. */
  createdAt: number;
  /** Status reads so far: each one moves a query one phase on. */
  polls: number;
  /** Result rows, grouped values then the count, all as text. */
  rows: string[][];
  /** Result column names, as selected. */
  columns: string[];
  matched: number;
  scanned: number;
  /** Why the query fails when it is run; absent when it succeeds. */
  failure?: string;
  /** Set when the caller cancelled it before it was done. */
  cancelled?: boolean;
  /** Engine-specific request fields echoed in its descriptions. */
  context: Record<string, string | undefined>;
}

/**
 * Queries kept per engine and organization, results included (thousands of
 * rows each); older ones are forgotten.
 */
const MAX_RUNS = 100;
/** Queries accepted by this process, so ids never repeat. */
let accepted = 0;
const runsByOrg = new WeakMap<
  SyntheticOrganization,
  Map<string, Map<string, SimulatedQueryRun>>
>();

function runsOf(org: SyntheticOrganization, engine: string) {
  let engines = runsByOrg.get(org);
  if (!engines) runsByOrg.set(org, (engines = new Map()));
  let runs = engines.get(engine);
  if (!runs) engines.set(engine, (runs = new Map()));
  return runs;
}

/** Accepts a query: it starts QUEUED, with an id derived from the seed. */
export function startQueryRun(
  org: SyntheticOrganization,
  engine: 'lake' | 'athena',
  run: Omit<SimulatedQueryRun, 'id' | 'polls' | 'createdAt'>,
): SimulatedQueryRun {
  const runs = runsOf(org, engine);
  const started = {
    ...run,
    id: uuidFrom(org.seed, accepted++, engine === 'lake' ? 31 : 37),
    polls: 0,
    createdAt: Date.now(),
  };
  if (runs.size >= MAX_RUNS) runs.delete(runs.keys().next().value!);
  runs.set(started.id, started);
  return started;
}

/** The query with this id, if the engine accepted it. */
export function findQueryRun(
  org: SyntheticOrganization,
  engine: 'lake' | 'athena',
  id: unknown,
): SimulatedQueryRun | undefined {
  return typeof id === 'string' ? runsOf(org, engine).get(id) : undefined;
}

/** The phase of a query without moving it on. */
export function phaseOf(run: SimulatedQueryRun): QueryPhase {
  if (run.cancelled) return 'CANCELLED';
  if (run.polls === 0) return 'QUEUED';
  if (run.polls === 1) return 'RUNNING';
  return run.failure ? 'FAILED' : 'FINISHED';
}

/**
 * Reads the phase of a query as a status call does: QUEUED on the first
 * read, RUNNING on the second, FINISHED or FAILED from the third on.
 */
export function pollQueryRun(run: SimulatedQueryRun): QueryPhase {
  const phase = phaseOf(run);
  run.polls += 1;
  return phase;
}

/**
 * Cancels a query that is not done; `false` (and nothing changes) when it
 * already finished, failed or was cancelled.
 */
export function cancelQueryRun(run: SimulatedQueryRun): boolean {
  const phase = phaseOf(run);
  if (phase !== 'QUEUED' && phase !== 'RUNNING') return false;
  run.cancelled = true;
  return true;
}

/**
 * Accepts a footprint statement as a query of an engine: refuses any other
 * statement with `refusal`, evaluates it over the records its FROM target
 * holds (`target` may throw the engine's not-found error, or name a
 * failure the query ends with), and starts the run.
 */
export function acceptFootprintQuery(
  org: SyntheticOrganization,
  engine: 'lake' | 'athena',
  sql: string,
  refusal: AwsFault,
  target: (query: FootprintQuery) => {
    records: readonly SimulatedCloudTrailRecord[];
    failure?: string;
  },
  context: SimulatedQueryRun['context'],
): SimulatedQueryRun {
  const query = parseFootprintQuery(sql);
  if (!query) throw refusal;
  const { records, failure } = target(query);
  const { rows, matched } = evaluateFootprintQuery(records, query);
  return startQueryRun(org, engine, {
    sql,
    rows,
    columns: [...query.columns, query.countAlias],
    matched,
    scanned: records.length,
    failure,
    context,
  });
}
