import { knex as createKnex } from 'knex';
import { startBenchBackend } from '../lib/benchBackend';

/*
 * The export server's side of yarn bench evidence-export, run in a child
 * process by startEvidenceServer (./evidenceServer). It imports nothing of
 * the bench but the bench backend, so it runs transpiled next to the
 * packed dist/ packages as well as from the sources.
 */

/** The line the child prints, followed by its API's URL, once it listens. */
export const READY = 'evidence-server ready ';

/**
 * The child's side: a bench backend over the PostgreSQL database whose
 * connection settings `BENCH_EVIDENCE_PG` holds as JSON (already loaded),
 * serving until stdin closes. It prints its API's URL once it listens.
 */
export async function serveEvidenceExport(): Promise<void> {
  const knex = createKnex({
    client: 'pg',
    connection: JSON.parse(process.env.BENCH_EVIDENCE_PG!),
    pool: { min: 1, max: 10 },
  });
  let backend;
  try {
    backend = await startBenchBackend({ knex });
  } catch (error) {
    // A backend that failed to start keeps its handles open: exit, so the
    // bench sees it rather than waiting for a server that never listens.
    process.stderr.write(`${error}\n`);
    process.exit(1);
  }
  process.stdout.write(`${READY}${backend.api}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await backend.stop();
    await knex.destroy();
    process.exit(0);
  });
}
