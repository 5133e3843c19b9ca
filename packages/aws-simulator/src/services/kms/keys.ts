import {
  createECDH,
  createHash,
  createPrivateKey,
  createPublicKey,
  KeyObject,
} from 'node:crypto';

/** Alias of the asymmetric signing key every account has in every Region. */
export const EVIDENCE_SIGNING_KEY_ALIAS = 'alias/region-expansion-evidence';

/** One simulated KMS key: an ECC_NIST_P256 SIGN_VERIFY key pair. */
export interface SimulatedKmsKey {
  keyId: string;
  arn: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const cache = new Map<string, SimulatedKmsKey>();

/**
 * The signing key of an account in a Region, derived from the
 * organization's seed: the same seed always gives the same key pair, so a
 * bundle signed by one simulator run verifies against another's public key.
 */
export function evidenceSigningKey(
  seed: number,
  partition: string,
  accountId: string,
  region: string,
): SimulatedKmsKey {
  const name = `${seed}/${partition}/${accountId}/${region}`;
  const cached = cache.get(name);
  if (cached) return cached;
  const hash = (what: string) =>
    createHash('sha256').update(`kms/${what}/${name}`).digest();
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(hash('private'));
  const point = ecdh.getPublicKey();
  const privateKey = createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: ecdh.getPrivateKey().toString('base64url'),
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
  });
  const id = hash('id').toString('hex');
  const keyId = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(
    12,
    16,
  )}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  const key = {
    keyId,
    arn: `arn:${partition}:kms:${region}:${accountId}:key/${keyId}`,
    privateKey,
    publicKey: createPublicKey(privateKey),
  };
  cache.set(name, key);
  return key;
}
