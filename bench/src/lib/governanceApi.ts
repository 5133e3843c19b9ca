import type {
  GovernanceFreshness,
  GovernanceSummary,
} from '@region-expansion/plugin-region-expansion-common';
import { callApi } from './benchBackend';

/**
 * Runs a governance provider through `POST /governance/sync` (the bench
 * backend's scheduler runs it before answering) and reads the targets'
 * outcome from `GET /governance/freshness`; throws when a target did not
 * sync.
 */
export async function syncThroughApi(
  api: string,
  provider: { id: string; source: string },
): Promise<{ ms: number; rows: number; pages: number; targets: number }> {
  const started = performance.now();
  await callApi(api, 'POST', '/governance/sync', { provider: provider.id });
  const ms = performance.now() - started;
  const { items } = await callApi<{ items: GovernanceFreshness[] }>(
    api,
    'GET',
    `/governance/freshness?source=${encodeURIComponent(provider.source)}`,
  );
  const failed = items.filter(i => i.status !== 'ok');
  if (items.length === 0 || failed.length) {
    throw new Error(
      `${failed.length} of ${items.length} targets did not sync: ${
        failed[0]?.staleReason ?? failed[0]?.status ?? 'no targets'
      }`,
    );
  }
  return {
    ms,
    rows: items.reduce((n, i) => n + i.rows, 0),
    pages: items.reduce((n, i) => n + i.pages, 0),
    targets: items.length,
  };
}

/** `GET /governance/summary` with a groupBy and filters. */
export function summaryThroughApi(
  api: string,
  groupBy: string,
  filter: Record<string, string> = {},
): Promise<GovernanceSummary> {
  const params = new URLSearchParams({ groupBy, ...filter });
  return callApi<GovernanceSummary>(
    api,
    'GET',
    `/governance/summary?${params}`,
  );
}

/** Findings stored (all groups of the partition summary) for a filter. */
export async function storedFindings(
  api: string,
  filter: Record<string, string> = {},
): Promise<number> {
  const { groups } = await summaryThroughApi(api, 'partition', filter);
  return groups.reduce((n, g) => n + g.total, 0);
}
