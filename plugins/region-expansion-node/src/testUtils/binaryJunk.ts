import { createSeededRandom } from '@region-expansion/plugin-region-expansion-common';

/**
 * `bytes` deterministic bytes that are neither UTF-8 nor gzip (they open
 * with 0xff 0xfe): the same junk on every run.
 *
 * @public
 */
export function binaryJunk(bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  const random = createSeededRandom(0x9e3779b9);
  for (let i = 0; i < bytes; i++) out[i] = Math.floor(random() * 256);
  out[0] = 0xff;
  out[1] = 0xfe;
  return out;
}
