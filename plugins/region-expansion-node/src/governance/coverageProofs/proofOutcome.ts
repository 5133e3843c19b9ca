import type { GovernanceCoverageCheck } from '@region-expansion/plugin-region-expansion-common';
import { classifyAwsError } from '../errors';
import { reasonKindOfFailure } from '../reasons';
import type { CoverageFindings, CoverageProof } from './types';

/** Findings with nothing in them, to add parts to. */
export function noFindings(): CoverageFindings {
  return { shown: [], missing: [], unknown: [] };
}

/**
 * Runs one read of a proof: its result, or the failure's class added to
 * `findings.unknown` as `<what> could not be read (<class>)` (the AWS text
 * stays out: it may hold role ARNs). `notEnabled` decides a
 * not-subscribed failure instead: the service is demonstrably off, so it
 * is missing, not unknown.
 */
export async function readPart<T>(
  findings: CoverageFindings,
  what: string,
  read: () => Promise<T>,
  options: { signal?: AbortSignal; notEnabled?: string } = {},
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    const failure = classifyAwsError(error, options.signal);
    if (failure.kind === 'not-subscribed' && options.notEnabled) {
      findings.missing.push(options.notEnabled);
      return undefined;
    }
    const kind = reasonKindOfFailure(failure.kind);
    findings.unknown.push({
      kind,
      detail: `${what} could not be read (${kind})`,
    });
    return undefined;
  }
}

/**
 * The proof from its findings: `missing` when anything read is missing
 * (a definite gap outweighs a part that could not be read), else
 * `unknown` when a part could not be read, else `proven`.
 */
export function proofOf(
  check: GovernanceCoverageCheck,
  where: { partition: string; region: string },
  findings: CoverageFindings,
  now: Date,
): CoverageProof {
  let status: CoverageProof['status'] = 'proven';
  if (findings.missing.length) status = 'missing';
  else if (findings.unknown.length || !findings.shown.length)
    status = 'unknown';
  return {
    check,
    partition: where.partition,
    region: where.region,
    status,
    shown: findings.shown,
    missing: findings.missing,
    unknown:
      status === 'unknown' && !findings.unknown.length
        ? [{ kind: 'not-configured', detail: 'nothing was read' }]
        : findings.unknown,
    checkedAt: now.toISOString(),
  };
}
