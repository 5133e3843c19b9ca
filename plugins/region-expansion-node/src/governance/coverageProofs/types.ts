import type {
  GovernanceCoverageCheck,
  GovernanceReasonKind,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Why a coverage proof could not be made: the class of the AWS failure
 * (access denied, throttled…), or `not-configured` when the partition has
 * no governance target to read with.
 *
 * @public
 */
export type CoverageUnknownKind = GovernanceReasonKind | 'not-configured';

/**
 * Whether a governance source is proven to watch a Region:
 *
 * - `proven`: every part of the proof was read and holds (`shown`).
 * - `missing`: a part was read and does not hold (`missing` says what).
 * - `unknown`: a part could not be read (`unknown` says why), and nothing
 *   read shows it missing.
 *
 * @public
 */
export type CoverageProofStatus = 'proven' | 'missing' | 'unknown';

/**
 * One coverage proof of one Region, as plain data. Sentences name Regions,
 * accounts, standards and applications, never AWS error text.
 *
 * @public
 */
export interface CoverageProof {
  /** The readiness check the proof is for. */
  check: GovernanceCoverageCheck;
  /** Partition of the Region. */
  partition: string;
  /** The Region proved. */
  region: string;
  /** The outcome. */
  status: CoverageProofStatus;
  /** What the reads showed, one sentence each. */
  shown: string[];
  /** What is missing, one sentence each; empty unless `missing`. */
  missing: string[];
  /** Why parts could not be read, each with its class. */
  unknown: Array<{ kind: CoverageUnknownKind; detail: string }>;
  /** When the proof was read, ISO 8601. */
  checkedAt: string;
}

/**
 * The findings of one part of a proof (an account's read, an aggregator's
 * read) before they are combined into a {@link CoverageProof}.
 *
 * @public
 */
export interface CoverageFindings {
  /** What the reads showed. */
  shown: string[];
  /** What is missing. */
  missing: string[];
  /** Why parts could not be read. */
  unknown: Array<{ kind: CoverageUnknownKind; detail: string }>;
}
