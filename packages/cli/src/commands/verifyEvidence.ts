import {
  EvidenceVerification,
  verifyEvidenceFiles,
} from '@region-expansion/plugin-region-expansion-node';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { CliInputError } from '../errors';

async function read(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new CliInputError(
      `${what}: cannot read ${path} (${
        (error as NodeJS.ErrnoException).code ?? 'error'
      })`,
    );
  }
}

/** The files of a ZIP archive by path (directories left out). */
async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  let archive: JSZip;
  try {
    archive = await JSZip.loadAsync(zip);
  } catch {
    throw new CliInputError('bundle: not a ZIP archive');
  }
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(archive.files))
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

/**
 * Verifies an evidence bundle offline: every file's digest against the
 * manifest and the manifest's signature against the public key (PEM).
 * Unreadable input is a {@link CliInputError} naming the argument.
 */
export async function verifyEvidence(
  bundlePath: string,
  options: { publicKey: string },
): Promise<EvidenceVerification> {
  const pem = (await read(options.publicKey, '--public-key')).toString('utf8');
  const files = await unzip(await read(bundlePath, 'bundle'));
  try {
    return verifyEvidenceFiles(files, pem);
  } catch (error) {
    throw new CliInputError(
      `--public-key: ${(error as Error).message.replace(/^public key: /, '')}`,
    );
  }
}

/** One line when valid; otherwise one line per problem. */
export function formatVerification(result: EvidenceVerification): string {
  return result.valid
    ? `valid: ${result.files} files match manifest.json and its signature verifies`
    : ['invalid:', ...result.problems.map(p => `  ${p}`)].join('\n');
}
