import {
  governanceReasonSentence,
  type ConformanceScoreRow,
  type GovernanceCoverageMethod,
  type GovernanceCoverageProof,
  type GovernanceFindingRow,
  type GovernanceSource,
  type GovernanceTarget,
} from '@region-expansion/plugin-region-expansion-node';
import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { conditionalDecision } from './conditionalPolicy';
import express from 'express';
import { Knex } from 'knex';
import { createGovernanceRouter } from '../governance/router';
import { appWithErrors } from './appWithErrors';
import { createEvidenceSnapshots } from '../governance/evidenceSnapshot';
import { EvidenceManifestSigner } from '../governance/evidenceBundle';
import { GovernanceService } from '../governance/GovernanceService';
import {
  createGovernanceStores,
  GovernanceStores,
} from '../governance/governanceStores';
import { migrated } from './database';
import { testDatabaseIds } from './testDatabases';

/**
 * The governance stores and the read service over a migrated client, wired
 * as `plugin.ts` wires them (with `signer`, evidence bundles are signed).
 */
export function createGovernance(
  client: Knex,
  signer?: EvidenceManifestSigner,
): {
  stores: GovernanceStores;
  service: GovernanceService;
} {
  const stores = createGovernanceStores(client);
  return {
    stores,
    service: GovernanceService.create({
      stores,
      evidence: createEvidenceSnapshots(client),
      signer,
    }),
  };
}

/**
 * The test databases of a governance test (SQLite, and each PostgreSQL
 * configured), and {@link createGovernance} over a fresh one of them,
 * migrated as at plugin start. Call it at the top of the test file.
 */
export function governanceDatabases() {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });
  return {
    databases,
    governanceFor: async (databaseId: TestDatabaseId) =>
      createGovernance(await migrated(await databases.init(databaseId))),
  };
}

/**
 * The governance router over `store` in an app with the backend's error
 * handler, for a signed-in user every permission decision answers with
 * `permission` (allowed by default).
 */
export async function governanceApp(
  store: GovernanceService,
  options: {
    permission?: AuthorizeResult;
    /** Conditions of a CONDITIONAL decision on every resource permission. */
    conditions?: PermissionCriteria<PermissionCondition>;
    trigger?: (provider?: string) => Promise<string[]>;
    now?: () => Date;
  } = {},
): Promise<express.Express> {
  const result = options.permission ?? AuthorizeResult.ALLOW;
  const router = await createGovernanceRouter({
    store,
    sync: { trigger: options.trigger ?? (async () => []) },
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user(),
    }),
    permissions: mockServices.permissions.mock({
      authorize: async (reqs: unknown[]) => reqs.map(() => ({ result })),
      authorizeConditional: async (reqs: unknown[]) =>
        reqs.map(() =>
          options.conditions
            ? conditionalDecision(options.conditions)
            : { result },
        ),
    } as any),
    now: options.now,
  });
  return appWithErrors(router);
}

const PARTITIONS = ['aws', 'aws-eusc'];

/**
 * The `i`th of a deterministic set of Security Hub findings over two
 * partitions, three accounts, two Regions and five controls.
 */
export function governanceFinding(
  i: number,
  patch: Partial<GovernanceFindingRow> = {},
): GovernanceFindingRow {
  return {
    findingId: `finding-${i}`,
    partition: PARTITIONS[i % 2],
    accountId: String(100000000000 + (i % 3)),
    region: `region-${i % 2}`,
    severity: ['LOW', 'HIGH', 'CRITICAL'][i % 3],
    complianceStatus: i % 4 === 0 ? 'FAILED' : 'PASSED',
    controlId: `S3.${i % 5}`,
    workflowStatus: 'NEW',
    recordState: 'ACTIVE',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    ...patch,
  };
}

/** A proof that a source watches `region`, as a run records it. */
export const coverageProof = (
  region: string,
  method: GovernanceCoverageMethod,
  detail: string,
): GovernanceCoverageProof => ({ region, method, detail });

/**
 * Records a successful run of `source` on `target` at `at`, with the
 * Regions it proved it watches (none by default) and its scope sentence.
 */
export function recordCoveredRun(
  stores: Pick<GovernanceStores, 'syncState'>,
  source: GovernanceSource,
  run: {
    target: GovernanceTarget;
    at: string;
    scope: string;
    regions?: GovernanceCoverageProof[];
    rows?: number;
  },
) {
  return stores.syncState.recordOutcome(
    source,
    {
      target: run.target,
      status: 'ok',
      pages: 1,
      rows: run.rows ?? 1,
      coverage: { regions: run.regions ?? [], scope: run.scope },
    },
    run.at,
  );
}

/**
 * Records a run of `source` on `target` at `at` that AWS refused (access
 * denied): the target's last good data stays, stale.
 */
export function recordAccessDenied(
  stores: Pick<GovernanceStores, 'syncState'>,
  source: GovernanceSource,
  target: GovernanceTarget,
  at: string,
) {
  return stores.syncState.recordOutcome(
    source,
    {
      target,
      status: 'failed',
      reason: 'AccessDeniedException (HTTP 403): no',
      reasonKind: 'access-denied',
      pages: 0,
      rows: 0,
    },
    at,
  );
}

/**
 * The score of conformance pack `packName` in `target`: `compliant` of
 * `total` rules compliant.
 */
export function conformanceScore(
  target: GovernanceTarget,
  packName: string,
  compliant: number,
  total: number,
): ConformanceScoreRow {
  return {
    ...target,
    packName,
    complianceType: compliant === total ? 'COMPLIANT' : 'NON_COMPLIANT',
    compliantRules: compliant,
    nonCompliantRules: total - compliant,
    totalRules: total,
    score: (100 * compliant) / total,
  };
}

/**
 * What a reader is told of a target whose last run of `source` AWS refused:
 * stale, with the fixed sentence of the reason, never AWS's text.
 */
export const staleAccessDenied = (
  source: GovernanceSource,
  target: GovernanceTarget,
) => ({
  status: 'stale',
  reasonKind: 'access-denied',
  staleReason: governanceReasonSentence('access-denied', source, target),
});
