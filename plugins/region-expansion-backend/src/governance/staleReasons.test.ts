import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createGovernanceTestHarness,
  SIMULATED_DENIED_ROLE_NAME,
} from '@region-expansion/aws-simulator';
import {
  GovernanceAwsContext,
  governanceReasonSentence,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import path from 'node:path';
import request from 'supertest';
import { providerOverTheSdk } from '../__testUtils__/sdkProvider';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { GovernanceReadinessSignals } from './GovernanceReadinessSignals';
import {
  createGovernance,
  governanceApp,
  staleAccessDenied,
} from '../__testUtils__/governance';
import { KnexGovernanceSyncStateStore } from './KnexGovernanceSyncStateStore';
import { GovernanceSyncService } from './GovernanceSyncService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const migrations = path.resolve(__dirname, '../../migrations');
const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({
  seed: 23,
  faultSeed: 4,
  catalog,
  accountsPerPartition: 2,
  partitionIds: ['aws-eusc'],
});
const { org, faults } = harness;
const denied = org.accounts[1];

describe.each(databases.eachSupportedId())(
  'stale reasons on %s',
  databaseId => {
    it('shows readers a classified sentence for an AccessDenied that names a role ARN; only the log has the AWS text', async () => {
      faults.faults.accessDeniedAccounts = [denied.id];
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      const { stores, service } = createGovernance(knex);
      const config = new ConfigReader(harness.config());
      const context = GovernanceAwsContext.fromConfig(config, { catalog });
      const logger = mockServices.logger.mock();
      const sync = GovernanceSyncService.create({
        stores,
        providers: [providerOverTheSdk(context)],
        logger,
      });
      const report = await sync.runProvider('securityhub');
      const roleArn = `arn:aws-eusc:sts::${denied.id}:assumed-role/${SIMULATED_DENIED_ROLE_NAME}/region-expansion`;
      // The provider saw the service's text, ARN included.
      expect(
        report.outcomes.find(o => o.status === 'failed')?.reason,
      ).toContain(roleArn);

      const app = await governanceApp(service);
      const res = await request(app).get('/governance/freshness');
      expect(res.status).toBe(200);
      const target = {
        partition: 'aws-eusc',
        accountId: denied.id,
        region: org.partitionOf('aws-eusc').homeRegion,
      };
      expect(res.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ...target,
            ...staleAccessDenied('securityhub', target),
          }),
          expect.objectContaining({
            accountId: org.accounts[0].id,
            status: 'ok',
          }),
        ]),
      );
      const body = JSON.stringify(res.body);
      expect(body).not.toContain('arn:');
      expect(body).not.toContain(SIMULATED_DENIED_ROLE_NAME);
      expect(body).not.toMatch(/not authorized|AccessDeniedException/);

      // Readiness repeats the stored sentence, not the AWS text.
      const signals = await GovernanceReadinessSignals.create({
        store: service,
        catalog,
      }).signalsFor(target.region);
      expect(JSON.stringify(signals)).not.toContain('arn:');

      // The backend log has the AWS text, for operators.
      const logged = logger.warn.mock.calls.map(([message]) => message);
      expect(logged.join('\n')).toContain(roleArn);
    });

    it('replaces reasons stored before they were classified, which may hold AWS text, when migrating', async () => {
      const knex = await databases.init(databaseId);
      const mine = '20261206110000_governance_reason_kind.js';
      for (;;) {
        const [, pending] = await knex.migrate.list({ directory: migrations });
        const next = pending[0]?.file ?? pending[0]?.name;
        if (!next || next >= mine) break;
        await knex.migrate.up({ directory: migrations });
      }
      const target = {
        partition: 'aws',
        accountId: '123456789012',
        region: 'eu-west-1',
      };
      await knex('governance_sync_state').insert([
        {
          source: 'securityhub',
          partition: target.partition,
          account_id: target.accountId,
          region: target.region,
          status: 'stale',
          stale_reason:
            'AccessDeniedException (HTTP 403): User: arn:aws:sts::123456789012:assumed-role/Reader/x is not authorized',
        },
        {
          source: 'config',
          partition: target.partition,
          account_id: target.accountId,
          region: target.region,
          status: 'ok',
        },
      ]);
      await knex.migrate.latest({ directory: migrations });
      const states = await KnexGovernanceSyncStateStore.create({
        client: knex,
      }).freshness();
      expect(states).toEqual([
        expect.objectContaining({ source: 'config', status: 'ok' }),
        expect.objectContaining({
          source: 'securityhub',
          status: 'stale',
          reasonKind: 'unknown-error',
          staleReason: governanceReasonSentence(
            'unknown-error',
            'securityhub',
            target,
          ),
        }),
      ]);
      expect(states[0].staleReason).toBeUndefined();
    });
  },
);
