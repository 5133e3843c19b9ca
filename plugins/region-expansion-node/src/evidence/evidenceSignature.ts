import { createHash, createPublicKey, KeyObject, verify } from 'node:crypto';

/**
 * Digest algorithm of the manifest's file digests and of the signed message.
 *
 * @public
 */
export const EVIDENCE_DIGEST_ALGORITHM = 'SHA-256';
/**
 * File name of an evidence bundle's manifest.
 *
 * @public
 */
export const EVIDENCE_MANIFEST = 'manifest.json';
/**
 * File name of the manifest's signature in an evidence bundle.
 *
 * @public
 */
export const EVIDENCE_SIGNATURE = 'manifest.sig.json';

/**
 * KMS signing algorithms an evidence bundle may be signed with.
 *
 * @public
 */
export type EvidenceSigningAlgorithm = 'ECDSA_SHA_256' | 'RSASSA_PSS_SHA_256';

/**
 * The supported {@link EvidenceSigningAlgorithm}s, to check a value against.
 *
 * @public
 */
export const EVIDENCE_SIGNING_ALGORITHMS: readonly EvidenceSigningAlgorithm[] =
  ['ECDSA_SHA_256', 'RSASSA_PSS_SHA_256'];

/**
 * What the manifest says of its signature: the key and algorithms, or that
 * the bundle is unsigned and why.
 *
 * @public
 */
export type EvidenceSignatureStatement =
  | {
      signed: true;
      keyId: string;
      signingAlgorithm: EvidenceSigningAlgorithm;
      digestAlgorithm: typeof EVIDENCE_DIGEST_ALGORITHM;
      /** How the signed message derives from `manifest.json`. */
      message: string;
      file: string;
    }
  | { signed: false; reason: string };

/** The content of `manifest.sig.json`. @public */
export interface EvidenceSignatureFile {
  /** The key ARN KMS answered with. */
  keyId: string;
  /** The KMS signing algorithm the signature was made with. */
  signingAlgorithm: EvidenceSigningAlgorithm;
  /** Base64 of the signature KMS returned (DER for ECDSA). */
  signature: string;
}

/**
 * The message KMS signs for a manifest: the SHA-256 of its exact bytes, sent
 * as a RAW message (KMS accepts at most 4 KB RAW, a manifest is larger),
 * so KMS hashes it once more: whoever holds the public key verifies it
 * offline with `verify('sha256', manifestSigningMessage(manifest), ...)`.
 *
 * @public
 */
export function manifestSigningMessage(manifest: Buffer): Buffer {
  return createHash('sha256').update(manifest).digest();
}

/** The statement of a signed manifest. @public */
export function signedStatement(
  keyId: string,
  signingAlgorithm: EvidenceSigningAlgorithm,
): EvidenceSignatureStatement {
  return {
    signed: true,
    keyId,
    signingAlgorithm,
    digestAlgorithm: EVIDENCE_DIGEST_ALGORITHM,
    message: `SHA-256 of ${EVIDENCE_MANIFEST}, signed by AWS KMS as a RAW message`,
    file: EVIDENCE_SIGNATURE,
  };
}

/**
 * Whether `signature` over `message` verifies with the public key, for the
 * KMS algorithm (PSS with a salt as long as the digest, as KMS signs).
 */
function verifies(
  algorithm: EvidenceSigningAlgorithm,
  message: Buffer,
  key: KeyObject,
  signature: Buffer,
): boolean {
  if (algorithm === 'RSASSA_PSS_SHA_256')
    return verify(
      'sha256',
      message,
      {
        key,
        padding: 6, // RSA_PKCS1_PSS_PADDING
        saltLength: 32,
      },
      signature,
    );
  return verify('sha256', message, key, signature);
}

/**
 * The outcome of verifying an evidence bundle: valid, or every problem
 * found, each naming the file or the signature.
 *
 * @public
 */
export interface EvidenceVerification {
  /** Whether no problem was found. */
  valid: boolean;
  /** Number of files the manifest lists; 0 when it cannot be read. */
  files: number;
  /** Every problem found, each `<file or signature>: <reason>`. */
  problems: string[];
}

const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Verifies an evidence bundle offline: every file the manifest lists has
 * its digest and size, no file is in the bundle that the manifest does not
 * list, and the manifest's signature verifies with the public key (PEM).
 * Throws `public key: <reason>` when the key cannot be read.
 *
 * @public
 */
export function verifyEvidenceFiles(
  files: ReadonlyMap<string, Buffer>,
  publicKeyPem: string,
): EvidenceVerification {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    throw new Error('public key: not a PEM public key');
  }
  const manifestBytes = files.get(EVIDENCE_MANIFEST);
  const parsed = manifestBytes ? parseManifest(manifestBytes) : 'missing';
  if (typeof parsed === 'string' || !manifestBytes)
    return {
      valid: false,
      files: 0,
      problems: [`${EVIDENCE_MANIFEST}: ${parsed}`],
    };
  const problems: string[] = [];
  const { manifest, listed } = parsed;
  for (const entry of listed) {
    const content = files.get(entry.path);
    if (!content) problems.push(`${entry.path}: missing from the bundle`);
    else if (
      sha256Hex(content) !== entry.sha256 ||
      content.length !== entry.bytes
    )
      problems.push(`${entry.path}: digest does not match the manifest`);
  }
  const known = new Set([
    EVIDENCE_MANIFEST,
    EVIDENCE_SIGNATURE,
    ...listed.map(f => f.path),
  ]);
  for (const path of files.keys())
    if (!known.has(path)) problems.push(`${path}: not listed in the manifest`);
  problems.push(
    ...signatureProblems(manifest.signature, manifestBytes, files, key),
  );
  return { valid: problems.length === 0, files: listed.length, problems };
}

interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
}

/** The manifest and its file entries, or why it cannot be read. */
function parseManifest(bytes: Buffer):
  | {
      manifest: { signature?: EvidenceSignatureStatement };
      listed: ManifestEntry[];
    }
  | string {
  let manifest: unknown;
  try {
    manifest = JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'not JSON';
  }
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    Array.isArray(manifest)
  )
    return 'not a JSON object';
  const { files } = manifest as { files?: unknown };
  if (!Array.isArray(files)) return 'files: not a list';
  const bad = files.findIndex(
    (f: Partial<ManifestEntry> | null) =>
      typeof f?.path !== 'string' ||
      typeof f.sha256 !== 'string' ||
      typeof f.bytes !== 'number',
  );
  if (bad >= 0) return `files[${bad}]: not a file entry`;
  return { manifest, listed: files };
}

function signatureProblems(
  statement: EvidenceSignatureStatement | undefined,
  manifestBytes: Buffer,
  files: ReadonlyMap<string, Buffer>,
  key: KeyObject,
): string[] {
  if (!statement?.signed)
    return [
      `signature: the bundle is unsigned (${
        statement?.reason ?? 'the manifest states no signature'
      })`,
    ];
  if (!EVIDENCE_SIGNING_ALGORITHMS.includes(statement.signingAlgorithm))
    return [
      `signature: unsupported signing algorithm ${statement.signingAlgorithm}`,
    ];
  const sigBytes = files.get(EVIDENCE_SIGNATURE);
  if (!sigBytes) return [`signature: ${EVIDENCE_SIGNATURE} is missing`];
  let sig: EvidenceSignatureFile | null;
  try {
    sig = JSON.parse(sigBytes.toString('utf8'));
  } catch {
    sig = null;
  }
  if (typeof sig !== 'object' || sig === null)
    return [`signature: ${EVIDENCE_SIGNATURE} is not a JSON object`];
  if (sig.signingAlgorithm !== statement.signingAlgorithm)
    return [
      `signature: ${EVIDENCE_SIGNATURE} states ${sig.signingAlgorithm}, the manifest ${statement.signingAlgorithm}`,
    ];
  const ok = verifies(
    statement.signingAlgorithm,
    manifestSigningMessage(manifestBytes),
    key,
    Buffer.from(String(sig.signature ?? ''), 'base64'),
  );
  return ok
    ? []
    : [
        `signature: does not verify ${EVIDENCE_MANIFEST} with this public key (key ${sig.keyId})`,
      ];
}
