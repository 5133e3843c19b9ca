import {
  RunbookProgressInput,
  RunbookProgressRecord,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * What runbook execution needs stored: each step's outcome per tenant.
 *
 * @public
 */
export interface RunbookProgressStore {
  /** Stores one step's outcome for a tenant and returns the record. */
  recordProgress(
    tenantId: string,
    progress: RunbookProgressInput,
    actor: string,
  ): Promise<RunbookProgressRecord>;
  /** A tenant's recorded steps, oldest first. */
  listProgress(tenantId: string): Promise<RunbookProgressRecord[]>;
}
