import { RootConfigService } from '@backstage/backend-plugin-api';
import { DEFAULT_MAX_CONCURRENT_ASSESSMENTS } from './FootprintAssessor';
import { DEFAULT_MAX_INFLATED_BYTES } from './uploadedFootprint';

/**
 * Bounds of `POST /readiness/:locationId/assess`, read from
 * `regionExpansion.assess`.
 *
 * @public
 */
export interface AssessConfig {
  /** Largest size of an uploaded file after decompression, in bytes. */
  maxInflatedBytes: number;
  /** Uploads assessed at once in one backend process. */
  maxConcurrent: number;
}

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
};

/**
 * Bytes of a size in the notation of the `bytes` package (`64mb`, `512kb`,
 * `1gb`, binary multiples) or a plain number of bytes; undefined when it is
 * neither.
 *
 * @public
 */
export function parseByteSize(value: string | number): number | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0 ? value : undefined;
  }
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  if (!match) return undefined;
  const bytes = Math.floor(
    Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()],
  );
  return bytes > 0 ? bytes : undefined;
}

/**
 * Reads `regionExpansion.assess`; an invalid value stops the start with the
 * key named.
 *
 * @public
 */
export function readAssessConfig(config: RootConfigService): AssessConfig {
  const prefix = 'regionExpansion.assess';
  const size = config.getOptional<string | number>(`${prefix}.maxInflatedSize`);
  const maxInflatedBytes =
    size === undefined ? DEFAULT_MAX_INFLATED_BYTES : parseByteSize(size);
  if (maxInflatedBytes === undefined) {
    throw new Error(
      `Invalid config at ${prefix}.maxInflatedSize: '${size}' must be a size such as 64mb or a number of bytes`,
    );
  }
  const maxConcurrent =
    config.getOptionalNumber(`${prefix}.maxConcurrent`) ??
    DEFAULT_MAX_CONCURRENT_ASSESSMENTS;
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
    throw new Error(
      `Invalid config at ${prefix}.maxConcurrent: '${maxConcurrent}' must be a whole number, at least 1`,
    );
  }
  return { maxInflatedBytes, maxConcurrent };
}
