import {
  RunbookProgressInput,
  RunbookProgressRecord,
} from '@region-expansion/plugin-region-expansion-common';
import { KnexStore } from '../database/KnexStore';
import { RunbookProgressStore } from './RunbookProgressStore';

type ProgressRow = {
  id?: number | string;
  tenant_id: string;
  runbook_id: string;
  step: number;
  kind: string;
  status: string;
  detail: string | null;
  actor: string;
  at: string | Date;
};

function rowToRecord(row: ProgressRow): RunbookProgressRecord {
  return {
    tenantId: row.tenant_id,
    runbookId: row.runbook_id,
    step: Number(row.step),
    kind: row.kind as RunbookProgressRecord['kind'],
    status: row.status as RunbookProgressRecord['status'],
    ...(row.detail ? { detail: row.detail } : {}),
    actor: row.actor,
    at: new Date(row.at).toISOString(),
  };
}

/**
 * The {@link RunbookProgressStore} over the plugin's database (table
 * `runbook_progress`).
 *
 * @public
 */
export class KnexRunbookProgressStore
  extends KnexStore
  implements RunbookProgressStore
{
  async recordProgress(
    tenantId: string,
    progress: RunbookProgressInput,
    actor: string,
  ): Promise<RunbookProgressRecord> {
    const row: ProgressRow = {
      tenant_id: tenantId,
      runbook_id: progress.runbookId,
      step: progress.step,
      kind: progress.kind,
      status: progress.status,
      detail: progress.detail ?? null,
      actor,
      at: new Date().toISOString(),
    };
    await this.db<ProgressRow>('runbook_progress').insert(row);
    return rowToRecord(row);
  }

  async listProgress(tenantId: string): Promise<RunbookProgressRecord[]> {
    const rows = await this.db<ProgressRow>('runbook_progress')
      .where('tenant_id', tenantId)
      .orderBy('id', 'asc');
    return rows.map(rowToRecord);
  }
}
