import type {
  GovernanceCoverageCheck,
  ReadinessSignal,
} from '@region-expansion/plugin-region-expansion-common';
import { readAuditCoverage } from './auditProof';
import { readConfigCoverage } from './configProof';
import { proofOf } from './proofOutcome';
import type { CoverageReadContext, CoverageReader } from './readContext';
import { readResilienceHubCoverage } from './resilienceHubProof';
import { readSecurityHubCoverage } from './securityHubProof';
import type { CoverageProof } from './types';

const READERS: Record<GovernanceCoverageCheck, CoverageReader> = {
  'governance-coverage:security-hub': readSecurityHubCoverage,
  'governance-coverage:config': readConfigCoverage,
  'governance-coverage:resilience-hub': readResilienceHubCoverage,
  'governance-coverage:audit': readAuditCoverage,
};

/**
 * The four coverage proofs of a Region, read through the real AWS SDKs
 * with the partition's configured accounts. Without configured targets
 * for the partition, or for a Region outside its home Region and
 * configured `regions`, every proof is `unknown` (`not-configured`).
 *
 * @public
 */
export async function proveRegionCoverage(
  ctx: Omit<CoverageReadContext, 'targets'> & {
    targets: CoverageReadContext['targets'] | undefined;
  },
  where: { partition: string; region: string },
  now: Date,
): Promise<CoverageProof[]> {
  const { targets } = ctx;
  // Reads go only where configuration sends governance reads, so an
  // evaluation of every location does not probe Regions nobody set up.
  let notConfigured: string | undefined;
  if (!targets?.accounts.length)
    notConfigured = `no governance account is configured for partition ${where.partition} (regionExpansion.governance.targets)`;
  else if (
    where.region !== targets.homeRegion &&
    !targets.regions.includes(where.region)
  )
    notConfigured = `${where.region} is not among the Regions governance reads in partition ${where.partition} (regionExpansion.governance.targets[].regions)`;
  return Promise.all(
    (Object.keys(READERS) as GovernanceCoverageCheck[]).map(async check => {
      if (notConfigured || !targets) {
        return proofOf(
          check,
          where,
          {
            shown: [],
            missing: [],
            unknown: [
              {
                kind: 'not-configured',
                detail: notConfigured ?? 'no governance targets',
              },
            ],
          },
          now,
        );
      }
      const findings = await READERS[check]({ ...ctx, targets }, where.region);
      return proofOf(check, where, findings, now);
    }),
  );
}

/**
 * A proof as a readiness signal: `proven` passes, `missing` fails with
 * what is missing as blockers (waivable like any blocker), `unknown` is
 * `unknown` with why it cannot be proven.
 *
 * @public
 */
export function coverageSignal(proof: CoverageProof): ReadinessSignal {
  const where = `${proof.region} (${proof.partition})`;
  switch (proof.status) {
    case 'proven':
      return {
        status: 'pass',
        detail: `proven for ${where}: ${proof.shown.join('; ')}`,
        observedAt: proof.checkedAt,
        blockers: [],
      };
    case 'missing':
      return {
        status: 'fail',
        detail: `not covered in ${where}: ${proof.missing.join('; ')}`,
        observedAt: proof.checkedAt,
        blockers: proof.missing,
      };
    default:
      return {
        status: 'unknown',
        detail: `cannot be proven for ${where}: ${proof.unknown
          .map(u => u.detail)
          .join('; ')}`,
        observedAt: proof.checkedAt,
        blockers: [],
      };
  }
}
