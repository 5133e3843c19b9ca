import { generateKeyPairSync } from 'node:crypto';
import { verifyEvidenceFiles } from './evidenceSignature';

const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();
const bundleWith = (manifest: string) =>
  new Map([['manifest.json', Buffer.from(manifest)]]);

describe('verifyEvidenceFiles', () => {
  it.each([
    ['null', 'manifest.json: not a JSON object'],
    ['[]', 'manifest.json: not a JSON object'],
    ['{"files":{"a":1}}', 'manifest.json: files: not a list'],
    ['{"files":[null]}', 'manifest.json: files[0]: not a file entry'],
    ['{"files":[{"path":7}]}', 'manifest.json: files[0]: not a file entry'],
    ['not json', 'manifest.json: not JSON'],
  ])(
    'reports the malformed manifest %s as a problem instead of failing',
    (manifest, problem) => {
      expect(verifyEvidenceFiles(bundleWith(manifest), pem)).toEqual({
        valid: false,
        files: 0,
        problems: [problem],
      });
    },
  );

  it.each(['null', '"x"', '{'])(
    'reports a manifest.sig.json of %s as a signature problem instead of failing',
    sig => {
      const files = bundleWith(
        '{"files":[],"signature":{"signed":true,"signingAlgorithm":"ECDSA_SHA_256"}}',
      );
      files.set('manifest.sig.json', Buffer.from(sig));
      expect(verifyEvidenceFiles(files, pem).problems).toEqual([
        'signature: manifest.sig.json is not a JSON object',
      ]);
    },
  );

  it('names a key that is not PEM in its error', () => {
    expect(() => verifyEvidenceFiles(bundleWith('{}'), 'nope')).toThrow(
      'public key: not a PEM public key',
    );
  });
});
