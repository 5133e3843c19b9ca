import {
  GetPublicKeyCommand,
  KMSClient,
  SignCommand,
  VerifyCommand,
} from '@aws-sdk/client-kms';
import { createPublicKey, verify } from 'node:crypto';
import {
  aws,
  org,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';
import { EVIDENCE_SIGNING_KEY_ALIAS } from './keys';

useSimulatorTestServer();

const [first, second] = org.accounts.filter(a => a.partition === aws.id);
const client = (accountId = first.id) =>
  sdkClient(KMSClient, aws.homeRegion, accountId, { maxAttempts: 1 });
const message = Buffer.from('{"files":[]}');
const signInput = {
  KeyId: EVIDENCE_SIGNING_KEY_ALIAS,
  Message: message,
  MessageType: 'RAW' as const,
  SigningAlgorithm: 'ECDSA_SHA_256' as const,
};

describe('KMS (awsJson1_1)', () => {
  it('signs with the ECC key whose public key verifies the signature offline', async () => {
    const signed = await client().send(new SignCommand(signInput));
    const key = await client().send(
      new GetPublicKeyCommand({ KeyId: signed.KeyId }),
    );
    expect(key).toMatchObject({
      KeyId: signed.KeyId,
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      SigningAlgorithms: ['ECDSA_SHA_256'],
    });
    expect(signed.KeyId).toMatch(
      new RegExp(
        `^arn:${aws.id}:kms:${aws.homeRegion}:${first.id}:key/[0-9a-f-]{36}$`,
      ),
    );
    const publicKey = createPublicKey({
      key: Buffer.from(key.PublicKey!),
      format: 'der',
      type: 'spki',
    });
    const signature = Buffer.from(signed.Signature!);
    expect(verify('sha256', message, publicKey, signature)).toBe(true);
    expect(
      verify('sha256', Buffer.from('{"files":[1]}'), publicKey, signature),
    ).toBe(false);
  });

  it('verifies a good signature and rejects a changed message with KMSInvalidSignatureException', async () => {
    const { Signature } = await client().send(new SignCommand(signInput));
    await expect(
      client().send(new VerifyCommand({ ...signInput, Signature })),
    ).resolves.toMatchObject({ SignatureValid: true });
    await expect(
      client().send(
        new VerifyCommand({
          ...signInput,
          Message: Buffer.from('changed'),
          Signature,
        }),
      ),
    ).rejects.toMatchObject({ name: 'KMSInvalidSignatureException' });
  });

  it('gives each account its own key and refuses an unknown key with NotFoundException', async () => {
    const mine = await client().send(
      new GetPublicKeyCommand({ KeyId: EVIDENCE_SIGNING_KEY_ALIAS }),
    );
    const theirs = await client(second.id).send(
      new GetPublicKeyCommand({ KeyId: EVIDENCE_SIGNING_KEY_ALIAS }),
    );
    expect(Buffer.from(mine.PublicKey!)).not.toEqual(
      Buffer.from(theirs.PublicKey!),
    );
    await expect(
      client().send(new SignCommand({ ...signInput, KeyId: theirs.KeyId })),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
  });

  it.each([
    [
      'an algorithm the key does not support',
      { SigningAlgorithm: 'RSASSA_PSS_SHA_256' as const },
      'InvalidKeyUsageException',
    ],
    [
      'a RAW message over 4096 bytes',
      { Message: Buffer.alloc(4097, 1) },
      'ValidationException',
    ],
  ])('refuses %s', async (_what, change, name) => {
    await expect(
      client().send(new SignCommand({ ...signInput, ...change })),
    ).rejects.toMatchObject({ name });
  });
});
