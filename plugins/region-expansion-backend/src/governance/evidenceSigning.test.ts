import { TestDatabases } from '@backstage/backend-test-utils';
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
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { setupServer } from 'msw/node';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { unzip } from '../__testUtils__/unzip';
import { EvidenceManifestSigner, writeEvidenceBundle } from './evidenceBundle';
import {
  createEvidenceSnapshots,
  EvidenceSnapshotSource,
} from './evidenceSnapshot';
import { createGovernanceStores } from './governanceStores';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: testDatabaseIds() });
const migrations = path.resolve(__dirname, '../../migrations');

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

describe('signed evidence bundle', () => {
  let evidence: EvidenceSnapshotSource;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: migrations });
    await createGovernanceStores(knex).findings.upsertFindings('securityhub', [
      {
        findingId: 'arn:aws:securityhub:r:1:finding/1',
        partition: 'aws',
        accountId: signing.id,
        region,
        severity: 'HIGH',
        complianceStatus: 'FAILED',
        controlId: 'S3.1',
        workflowStatus: 'NEW',
        recordState: 'ACTIVE',
        title: 'Bucket is public',
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-02T00:00:00.000Z',
      },
    ]);
    evidence = createEvidenceSnapshots(knex);
  });

  async function bundle(signer?: EvidenceManifestSigner) {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', c => chunks.push(c));
    const beforeSend = jest.fn();
    await writeEvidenceBundle({
      snapshots: evidence,
      filter: {},
      out,
      generatedAt: new Date('2026-12-06T12:00:00Z'),
      beforeSend,
      signer,
    });
    return { ...(await unzip(Buffer.concat(chunks))), beforeSend };
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

  it.each([
    [
      'a changed file',
      (files: Map<string, Buffer>) =>
        files.set('summary.json', Buffer.from('{}')),
      'summary.json: digest does not match the manifest',
    ],
    [
      'a changed manifest',
      (files: Map<string, Buffer>) =>
        files.set(
          'manifest.json',
          Buffer.from(
            files
              .get('manifest.json')!
              .toString()
              .replace('"findings": 1', '"findings": 0'),
          ),
        ),
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

  it('sends nothing when KMS refuses to sign, and carries no AWS error text', async () => {
    const failing = signerOf({ keyId: 'alias/no-such-key' });
    const out = new PassThrough();
    const beforeSend = jest.fn();
    const error = await writeEvidenceBundle({
      snapshots: evidence,
      filter: {},
      out,
      generatedAt: new Date('2026-12-06T12:00:00Z'),
      beforeSend,
      signer: failing,
    }).catch(e => e);
    expect(error.message).toBe(
      'Signing the evidence manifest through AWS KMS failed (invalid-request)',
    );
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).not.toContain('no-such-key');
    expect(beforeSend).not.toHaveBeenCalled();
  });

  it.each([
    [{ signingAlgorithm: 'SHA1' }, /signing\.signingAlgorithm: must be one of/],
    [{ accountId: '12' }, /signing\.accountId: must be a 12-digit/],
  ])('refuses the signing config %j naming the key', (change, message) => {
    expect(() => signerOf(change)).toThrow(message);
  });
});
