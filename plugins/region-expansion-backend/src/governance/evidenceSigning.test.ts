import { ConfigReader } from '@backstage/config';
import {
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  SIMULATOR_TEST_ENDPOINT,
  simulatedPartitionsOf,
  simulatorGovernanceConfig,
} from '@region-expansion/aws-simulator';
import {
  KmsEvidenceSigner,
  LocationCatalog,
  verifyEvidenceFiles,
} from '@region-expansion/plugin-region-expansion-node';
import { Knex } from 'knex';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { migrated } from '../__testUtils__/database';
import {
  createGovernance,
  governanceApp,
  governanceDatabases,
  governanceFinding,
} from '../__testUtils__/governance';
import { binaryBody, unzip } from '../__testUtils__/unzip';
import { KnexCampaignStore } from '../campaigns/KnexCampaignStore';

jest.setTimeout(60_000);
const { databases } = governanceDatabases();

const org = createSyntheticOrganization(11, {
  partitions: simulatedPartitionsOf(LocationCatalog.fromSnapshot(), ['aws']),
  accountsPerPartition: 2,
  regionsPerPartition: 1,
  findingsPerAccountRegion: 0,
});
const [signing, other] = org.accounts;
const region = org.partitions[0].homeRegion;
const server = setupServer(...createAwsSimulatorHandlers(org));
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => server.close());

/** The signer `plugin.ts` builds from `regionExpansion.governance.evidence.signing`. */
const signerOf = (signingConfig: Record<string, unknown>) =>
  KmsEvidenceSigner.fromConfig(
    new ConfigReader(
      simulatorGovernanceConfig(org, {
        evidence: {
          signing: {
            keyId: 'alias/region-expansion-evidence',
            accountId: signing.id,
            region,
            endpoint: SIMULATOR_TEST_ENDPOINT,
            ...signingConfig,
          },
        },
      }) as any,
    ),
  );

/** The PEM public key of an account's evidence key, read through the SDK. */
const publicKeyPem = (accountId: string) =>
  signerOf({ accountId })!.publicKeyPem();

describe('signed evidence bundle (GET /governance/evidence-bundle)', () => {
  let client: Knex;

  beforeAll(async () => {
    client = await migrated(await databases.init('SQLITE_3'));
    const { stores } = createGovernance(client);
    await stores.findings.upsertFindings(
      'securityhub',
      [0, 1, 2].map(i => governanceFinding(i)),
    );
  });

  async function download(signer?: KmsEvidenceSigner) {
    const app = await governanceApp(createGovernance(client, signer).service);
    return request(app)
      .get('/governance/evidence-bundle')
      .buffer(true)
      .parse(binaryBody);
  }

  async function bundle(signer?: KmsEvidenceSigner) {
    const res = await download(signer);
    expect(res.status).toBe(200);
    return unzip(res.body as Buffer);
  }

  it('signs the manifest through KMS so the bundle verifies offline with the public key', async () => {
    const { files, order } = await bundle(signerOf({}));
    expect(order.slice(-2)).toEqual(['manifest.json', 'manifest.sig.json']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest.signature).toMatchObject({
      signed: true,
      keyId: 'alias/region-expansion-evidence',
      signingAlgorithm: 'ECDSA_SHA_256',
      digestAlgorithm: 'SHA-256',
    });
    expect(manifest.digestAlgorithm).toBe('SHA-256');
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain(
      'README.txt',
    );
    const sig = JSON.parse(files.get('manifest.sig.json')!.toString());
    expect(sig.keyId).toMatch(`:kms:${region}:${signing.id}:key/`);
    expect(files.get('README.txt')!.toString()).toMatch(
      /governance-coverage:\*[\s\S]*guardrail-drift[\s\S]*signed through AWS KMS/,
    );
    expect(verifyEvidenceFiles(files, await publicKeyPem(signing.id))).toEqual({
      valid: true,
      files: manifest.files.length,
      problems: [],
    });
  });

  it("includes each campaign's gates, states and history, covered by the signed manifest", async () => {
    const campaigns = KnexCampaignStore.create({ client });
    const campaign = {
      id: 'launch-evidence',
      locationId: region,
      owner: 'group:default/platform-team',
      targetDate: '2099-01-31',
      createdAt: '2026-11-01T00:00:00.000Z',
      createdBy: 'user:default/platform-admin',
      plan: { tenantIds: ['acme'], classes: [] },
      gates: ['readiness-level' as const, 'cost-approved' as const],
      requiredReadinessLevel: 'ready' as const,
      payingTenants: [],
    };
    const change = (gateId: any, state: any, at: string) => ({
      gateId,
      state,
      reason: `${gateId} ${state}`,
      at,
    });
    await campaigns.createCampaign(campaign, [
      change('readiness-level', 'failed', '2026-11-01T00:00:00.000Z'),
      change('cost-approved', 'failed', '2026-11-01T00:00:00.000Z'),
    ]);
    await campaigns.appendGateChanges(campaign.id, [
      change('readiness-level', 'passed', '2026-11-03T00:00:00.000Z'),
    ]);
    const { files } = await bundle(signerOf({}));
    const [stored] = JSON.parse(
      files.get('campaigns/campaigns.json')!.toString(),
    );
    expect(stored.id).toBe('launch-evidence');
    expect(stored.gates).toEqual([
      {
        gateId: 'readiness-level',
        state: 'passed',
        reason: 'readiness-level passed',
        since: '2026-11-03T00:00:00.000Z',
      },
      {
        gateId: 'cost-approved',
        state: 'failed',
        reason: 'cost-approved failed',
        since: '2026-11-01T00:00:00.000Z',
      },
    ]);
    expect(stored.history).toHaveLength(3);
    expect(files.get('README.txt')!.toString()).toContain(
      'campaigns/campaigns.json',
    );
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest.counts.campaigns).toBe(1);
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain(
      'campaigns/campaigns.json',
    );
    expect(verifyEvidenceFiles(files, await publicKeyPem(signing.id))).toEqual({
      valid: true,
      files: manifest.files.length,
      problems: [],
    });
    // A changed gate state no longer verifies.
    files.set(
      'campaigns/campaigns.json',
      Buffer.from(JSON.stringify([{ ...stored, gates: [] }], null, 2)),
    );
    expect(
      verifyEvidenceFiles(files, await publicKeyPem(signing.id)).problems,
    ).toEqual(['campaigns/campaigns.json: digest does not match the manifest']);
  });

  it.each([
    [
      'a changed file',
      (files: Map<string, Buffer>) =>
        files.set('summary.json', Buffer.from('{}')),
      'summary.json: digest does not match the manifest',
    ],
    [
      'a changed manifest',
      (files: Map<string, Buffer>) => {
        const manifest = JSON.parse(files.get('manifest.json')!.toString());
        manifest.counts.findings += 1;
        files.set(
          'manifest.json',
          Buffer.from(JSON.stringify(manifest, null, 2)),
        );
      },
      'signature: does not verify manifest.json with this public key',
    ],
    [
      'an added file',
      (files: Map<string, Buffer>) => files.set('extra.csv', Buffer.from('x')),
      'extra.csv: not listed in the manifest',
    ],
  ])('rejects a bundle with %s, naming it', async (_what, tamper, problem) => {
    const { files } = await bundle(signerOf({}));
    tamper(files);
    const result = verifyEvidenceFiles(files, await publicKeyPem(signing.id));
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.stringContaining(problem)]);
  });

  it("rejects a signature checked with another account's public key", async () => {
    const { files } = await bundle(signerOf({}));
    expect(verifyEvidenceFiles(files, await publicKeyPem(other.id))).toEqual(
      expect.objectContaining({
        valid: false,
        problems: [
          expect.stringMatching(/^signature: does not verify manifest.json/),
        ],
      }),
    );
  });

  it('says in the manifest and README that a bundle without a configured key is unsigned', async () => {
    const { files, order } = await bundle(undefined);
    expect(order).not.toContain('manifest.sig.json');
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest.signature).toEqual({
      signed: false,
      reason: expect.stringContaining(
        'regionExpansion.governance.evidence.signing',
      ),
    });
    expect(files.get('README.txt')!.toString()).toContain('UNSIGNED');
    expect(
      verifyEvidenceFiles(files, await publicKeyPem(signing.id)).problems,
    ).toEqual([expect.stringMatching(/^signature: the bundle is unsigned/)]);
  });

  it.each([
    ['KMS refuses to sign', { keyId: 'alias/no-such-key' }, 'invalid-request'],
    [
      'the signing account has no credentials',
      { accountId: '999999999999', keyId: 'alias/no-such-key' },
      'invalid-credentials',
    ],
  ])(
    'answers 503 without a ZIP or AWS error text when %s',
    async (_what, change, kind) => {
      const res = await download(signerOf(change));
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBeUndefined();
      const body = JSON.parse((res.body as Buffer).toString());
      expect(body.error.message).toBe(
        `Signing the evidence manifest through AWS KMS failed (${kind})`,
      );
      expect(JSON.stringify(body)).not.toContain('999999999999');
      expect(JSON.stringify(body)).not.toContain('no-such-key');
    },
  );

  it.each([
    [{ signingAlgorithm: 'SHA1' }, /signing\.signingAlgorithm: must be one of/],
    [{ accountId: '12' }, /signing\.accountId: must be a 12-digit/],
  ])('refuses the signing config %j naming the key', (change, message) => {
    expect(() => signerOf(change)).toThrow(message);
  });
});
