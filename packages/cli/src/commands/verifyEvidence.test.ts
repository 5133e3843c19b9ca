import {
  accessKeyIdFor,
  simulatedPartitionsOf,
  startAwsSimulator,
} from '@region-expansion/aws-simulator';
import {
  KmsEvidenceSigner,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { runCliProcess } from '../__testUtils__/runCliProcess';
import { TempFolder } from '../__testUtils__/TempFolder';
import { verifyEvidence } from './verifyEvidence';

jest.setTimeout(60_000);

const folder = new TempFolder('region-expansion-verify-evidence-');
const contents: Record<string, string> = {
  'securityhub/findings.csv': 'findingId,severity\nf-1,HIGH\n',
  'readiness/decisions.json': '[{"locationId":"eu-central-1"}]',
};

/** A bundle as the backend writes one: files, manifest, manifest.sig.json. */
async function writeBundle(
  name: string,
  files: Record<string, string | Buffer>,
) {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content);
  folder.write(
    name,
    await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
  );
}

let signed: Record<string, string | Buffer>;
afterAll(() => folder.remove());

beforeAll(async () => {
  const simulator = await startAwsSimulator({
    seed: 3,
    size: {
      partitions: simulatedPartitionsOf(LocationCatalog.fromSnapshot(), [
        'aws',
      ]),
      accountsPerPartition: 2,
      regionsPerPartition: 1,
      findingsPerAccountRegion: 0,
    },
  });
  const [account, other] = simulator.organization.accounts;
  const signerOf = (accountId: string) =>
    KmsEvidenceSigner.create(
      {
        keyId: 'alias/region-expansion-evidence',
        region: simulator.organization.partitions[0].homeRegion,
        signingAlgorithm: 'ECDSA_SHA_256',
        endpoint: simulator.url,
      },
      { accessKeyId: accessKeyIdFor(accountId), secretAccessKey: 'simulated' },
    );
  try {
    const signer = signerOf(account.id);
    const manifest = Buffer.from(
      JSON.stringify({
        digestAlgorithm: 'SHA-256',
        signature: signer.statement,
        files: Object.entries(contents).map(([path, content]) => ({
          path,
          sha256: createHash('sha256').update(content).digest('hex'),
          bytes: Buffer.byteLength(content),
        })),
      }),
    );
    signed = {
      ...contents,
      'manifest.json': manifest,
      'manifest.sig.json': JSON.stringify(await signer.sign(manifest)),
    };
    folder.write('key.pem', await signer.publicKeyPem());
    folder.write('other.pem', await signerOf(other.id).publicKeyPem());
  } finally {
    await simulator.stop();
  }
});

async function verify(...args: string[]) {
  const { code, stdout, stderr } = await runCliProcess([
    'verify-evidence',
    ...args,
  ]);
  return { code, output: stdout + stderr };
}

describe('verify-evidence', () => {
  it('accepts a bundle signed through KMS with exit 0', async () => {
    await writeBundle('good.zip', signed);
    await expect(
      verify(folder.at('good.zip'), '--public-key', folder.at('key.pem')),
    ).resolves.toEqual({
      code: 0,
      output: expect.stringMatching(/^valid: 2 files/),
    });
  });

  it.each([
    [
      'a tampered file',
      { 'securityhub/findings.csv': 'findingId,severity\nf-1,LOW\n' },
      'key.pem',
      'securityhub/findings.csv: digest does not match the manifest',
    ],
    [
      'a tampered manifest',
      {
        'manifest.json':
          '{"files":[],"signature":{"signed":false,"reason":"x"}}',
      },
      'key.pem',
      'signature: the bundle is unsigned',
    ],
    [
      'a wrong key',
      {},
      'other.pem',
      'signature: does not verify manifest.json with this public key',
    ],
  ])(
    'rejects %s with exit 1, naming it',
    async (_what, change, key, problem) => {
      await writeBundle('bad.zip', { ...signed, ...change });
      const { code, output } = await verify(
        folder.at('bad.zip'),
        '--public-key',
        folder.at(key),
      );
      expect(code).toBe(1);
      expect(output).toContain(problem);
    },
  );

  it('rejects a signed manifest whose content changed, naming the signature', async () => {
    const manifest = JSON.parse(signed['manifest.json'].toString());
    manifest.files.pop();
    await writeBundle('edited.zip', {
      'securityhub/findings.csv': contents['securityhub/findings.csv'],
      'manifest.json': JSON.stringify(manifest),
      'manifest.sig.json': signed['manifest.sig.json'],
    });
    const { code, output } = await verify(
      folder.at('edited.zip'),
      '--public-key',
      folder.at('key.pem'),
    );
    expect({ code, output }).toEqual({
      code: 1,
      output: expect.stringContaining(
        'signature: does not verify manifest.json',
      ),
    });
  });

  it.each([
    [['missing.zip', '--public-key', 'key.pem'], 'bundle: cannot read'],
    [['key.pem', '--public-key', 'key.pem'], 'bundle: not a ZIP archive'],
    [['good.zip', '--public-key', 'good.zip'], '--public-key: not a PEM'],
    [['good.zip'], "required option '--public-key <file>'"],
  ])('refuses bad input %j with exit 2', async (args, message) => {
    const { code, output } = await verify(
      ...args.map(a => (a.startsWith('-') ? a : folder.at(a))),
    );
    expect(code).toBe(2);
    expect(output).toContain(message);
  });

  it('stops inflating a bundle past its limit and refuses it naming the bundle (a ZIP bomb)', async () => {
    // 4 MiB of zeros deflate to a few KB.
    await writeBundle('bomb.zip', {
      ...signed,
      'big.bin': Buffer.alloc(4 << 20),
    });
    await expect(
      verifyEvidence(folder.at('bomb.zip'), {
        publicKey: folder.at('key.pem'),
        maxInflatedBytes: 1 << 20,
      }),
    ).rejects.toMatchObject({
      name: 'CliInputError',
      message: 'bundle: inflates to more than 1048576 bytes',
    });
  });
});
