import zlib from 'node:zlib';
import { createSeededRandom } from '@region-expansion/plugin-region-expansion-common';

/**
 * One MiB of a JSON string's content: blocks of 4 KiB seeded-random hex
 * each followed by 124 KiB of spaces. It gzips about 50:1, under the
 * CloudTrail reader's 200:1 bomb bound (real logs: about 10:1), so only a
 * size cap stops a file made of it; seeded, so every run writes the same
 * bytes.
 */
function lowRatioMebibyte(): Buffer {
  const block = Buffer.alloc(1 << 20, ' ');
  const random = createSeededRandom(20260501);
  for (let start = 0; start < block.length; start += 128 << 10) {
    for (let i = start; i < start + (4 << 10); i++) {
      block[i] = '0123456789abcdef'.charCodeAt(Math.floor(random() * 16));
    }
  }
  return block;
}

/**
 * Gzipped CloudTrail JSON (no records, one long string) inflating to
 * `mebibytes` MiB and a few bytes, as concatenated gzip members of one MiB
 * each: `'low'` compresses about 50:1, to test a decompressed-size cap;
 * `'bomb'` is MiBs of spaces at about 1000:1, to test the ratio bound.
 *
 * @public
 */
export function cloudTrailGzip(
  mebibytes: number,
  ratio: 'low' | 'bomb',
): Buffer {
  const content =
    ratio === 'low' ? lowRatioMebibyte() : Buffer.alloc(1 << 20, ' ');
  const member = zlib.gzipSync(content, { level: 9 });
  return Buffer.concat([
    zlib.gzipSync('{"Records":[],"pad":"'),
    ...Array(mebibytes).fill(member),
    zlib.gzipSync('"}'),
  ]);
}
