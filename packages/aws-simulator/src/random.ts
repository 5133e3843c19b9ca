/**
 * Deterministic pseudo-random numbers: the same seed always yields the same
 * synthetic organization. The seeded generator itself is the shared one of
 * `-common` (`createSeededRandom`); these are the simulator's hashes.
 */
export { createSeededRandom as createRandom } from '@region-expansion/plugin-region-expansion-common';

/** A 32-bit hash of a string and a number, stable across runs. */
export function hashOf(text: string, salt = 0): number {
  let h = (2166136261 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return mix(h);
}

/** Finalizer of a 32-bit integer hash (murmur3 fmix32). */
export function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Picks an element by a 32-bit value. */
export function pick<T>(items: readonly T[], value: number): T {
  return items[value % items.length];
}

/** A version-4-shaped UUID derived from the seed, a position and a salt (one salt per kind of record). */
export function uuidFrom(seed: number, index: number, salt: number): string {
  const hex = [0, 1, 2, 3]
    .map(k =>
      mix(seed * 31 + index * 7 + salt * 131 + k * 1_000_003)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** One day in milliseconds. */
export const DAY = 86_400_000;
