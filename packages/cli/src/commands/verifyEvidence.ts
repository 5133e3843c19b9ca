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

/**
 * Default bound on what a bundle inflates to: a bundle is held in memory
 * to be checked, and a ZIP of zeros inflates a thousandfold.
 */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

/**
 * One entry's content, inflated as a stream that is paused as soon as the
 * budget runs out, so a ZIP bomb stops there rather than filling memory.
 */
function inflate(
  entry: JSZip.JSZipObject,
  budget: { left: number; max: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      budget.left -= chunk.length;
      if (budget.left < 0) {
        stream.pause();
        reject(
          new CliInputError(
            `bundle: inflates to more than ${budget.max} bytes`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', () =>
      reject(new CliInputError(`bundle: ${entry.name} does not inflate`)),
    );
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * The files of a ZIP archive by path (directories left out), inflated as
 * streams that stop as soon as their total passes `maxInflated`.
 */
async function unzip(
  zip: Buffer,
  maxInflated: number,
): Promise<Map<string, Buffer>> {
  let archive: JSZip;
  try {
    archive = await JSZip.loadAsync(zip);
  } catch {
    throw new CliInputError('bundle: not a ZIP archive');
  }
  const files = new Map<string, Buffer>();
  const budget = { left: maxInflated, max: maxInflated };
  for (const entry of Object.values(archive.files))
    if (!entry.dir) files.set(entry.name, await inflate(entry, budget));
  return files;
}

/**
 * Verifies an evidence bundle offline: every file's digest against the
 * manifest and the manifest's signature against the public key (PEM).
 * Unreadable input is a {@link CliInputError} naming the argument.
 */
export async function verifyEvidence(
  bundlePath: string,
  options: { publicKey: string; maxInflatedBytes?: number },
): Promise<EvidenceVerification> {
  const pem = (await read(options.publicKey, '--public-key')).toString('utf8');
  const files = await unzip(
    await read(bundlePath, 'bundle'),
    options.maxInflatedBytes ?? MAX_INFLATED_BYTES,
  );
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
