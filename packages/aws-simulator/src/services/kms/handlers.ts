import { sign, verify } from 'node:crypto';
import { AwsFault } from '../../AwsFault';
import type { SimulatedRequest } from '../../protocol';
import { defineService } from '../defineService';
import {
  EVIDENCE_SIGNING_KEY_ALIAS,
  evidenceSigningKey,
  SimulatedKmsKey,
} from './keys';

const ALGORITHM = 'ECDSA_SHA_256';
// KMS's limit for a RAW message; longer ones must be sent as a DIGEST.
const MAX_RAW_MESSAGE = 4096;

/**
 * The key a `KeyId` names: the key id, key ARN, alias name or alias ARN of
 * the caller's evidence signing key in the request's Region.
 */
function keyOf(
  seed: number,
  req: SimulatedRequest,
  keyId: unknown,
): SimulatedKmsKey {
  const key = evidenceSigningKey(
    seed,
    req.partition.id,
    req.callerAccountId,
    req.region,
  );
  const aliasArn = `arn:${req.partition.id}:kms:${req.region}:${req.callerAccountId}:${EVIDENCE_SIGNING_KEY_ALIAS}`;
  if (
    typeof keyId === 'string' &&
    [key.keyId, key.arn, EVIDENCE_SIGNING_KEY_ALIAS, aliasArn].includes(keyId)
  )
    return key;
  throw new AwsFault(
    400,
    'NotFoundException',
    `Key '${String(keyId)}' does not exist`,
  );
}

/** The message to sign or verify, decoded from its base64 blob. */
function messageOf(input: any): Buffer {
  if (input.SigningAlgorithm !== ALGORITHM)
    throw new AwsFault(
      400,
      'InvalidKeyUsageException',
      `SigningAlgorithm ${String(
        input.SigningAlgorithm,
      )} is not compatible with key spec ECC_NIST_P256`,
    );
  const messageType = input.MessageType ?? 'RAW';
  if (messageType !== 'RAW')
    // node:crypto cannot sign a precomputed digest with ECDSA.
    throw new AwsFault(
      400,
      'ValidationException',
      `MessageType ${String(messageType)} is not simulated; send RAW`,
    );
  const message = Buffer.from(String(input.Message ?? ''), 'base64');
  if (message.length < 1 || message.length > MAX_RAW_MESSAGE)
    throw new AwsFault(
      400,
      'ValidationException',
      `1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length between 1 and ${MAX_RAW_MESSAGE}`,
    );
  return message;
}

/**
 * KMS (awsJson1_1, `TrentService`): `Sign`, `Verify` and `GetPublicKey` with
 * one ECC_NIST_P256 signing key per account and Region
 * (`alias/region-expansion-evidence`), derived from the organization's
 * seed. Blobs travel base64-encoded, signatures DER-encoded, public keys as
 * DER SubjectPublicKeyInfo, as KMS sends them.
 */
export const kmsService = defineService({
  signingName: 'kms',
  protocol: 'awsJson1_1',
  targetPrefix: 'TrentService',
  throttle: [400, 'ThrottlingException'],
  serverError: 'KMSInternalException',
  operations: [
    {
      name: 'GetPublicKey',
      respond: ({ org, req, input }) => {
        const key = keyOf(org.seed, req, input.KeyId);
        return {
          KeyId: key.arn,
          PublicKey: key.publicKey
            .export({ type: 'spki', format: 'der' })
            .toString('base64'),
          KeySpec: 'ECC_NIST_P256',
          CustomerMasterKeySpec: 'ECC_NIST_P256',
          KeyUsage: 'SIGN_VERIFY',
          SigningAlgorithms: [ALGORITHM],
        };
      },
    },
    {
      name: 'Sign',
      respond: ({ org, req, input }) => {
        const key = keyOf(org.seed, req, input.KeyId);
        const message = messageOf(input);
        return {
          KeyId: key.arn,
          Signature: sign('sha256', message, key.privateKey).toString('base64'),
          SigningAlgorithm: ALGORITHM,
        };
      },
    },
    {
      name: 'Verify',
      respond: ({ org, req, input }) => {
        const key = keyOf(org.seed, req, input.KeyId);
        const message = messageOf(input);
        const signature = Buffer.from(String(input.Signature ?? ''), 'base64');
        if (!verify('sha256', message, key.publicKey, signature))
          throw new AwsFault(400, 'KMSInvalidSignatureException', '');
        return {
          KeyId: key.arn,
          SignatureValid: true,
          SigningAlgorithm: ALGORITHM,
        };
      },
    },
  ],
});
