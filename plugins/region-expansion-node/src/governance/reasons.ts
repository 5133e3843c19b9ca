import {
  governanceReasonKindSchema,
  type GovernanceReasonKind,
} from '@region-expansion/plugin-region-expansion-common';
import type { AwsFailureKind } from './errors';

/**
 * Names of the governance sources as readers know them.
 *
 * @public
 */
export const GOVERNANCE_SOURCE_NAMES: Readonly<Record<string, string>> = {
  securityhub: 'Security Hub',
  'securityhub-ocsf': 'Security Hub (OCSF)',
  resiliencehub: 'Resilience Hub',
  auditmanager: 'Audit Manager',
  config: 'AWS Config',
};

const KIND_OF_FAILURE: Record<AwsFailureKind, GovernanceReasonKind> = {
  throttled: 'throttled',
  'server-error': 'service-error',
  'malformed-response': 'service-error',
  timeout: 'endpoint-unreachable',
  'access-denied': 'access-denied',
  'invalid-credentials': 'invalid-credentials',
  'not-subscribed': 'not-enabled',
  aborted: 'interrupted',
  'invalid-request': 'unknown-error',
  other: 'unknown-error',
};

/**
 * The reader-facing class of a classified AWS failure.
 *
 * @public
 */
export function reasonKindOfFailure(
  kind: AwsFailureKind,
): GovernanceReasonKind {
  return KIND_OF_FAILURE[kind];
}

/**
 * Every reason kind, in the order the wire schema (and the documentation)
 * lists them.
 *
 * @public
 */
export const GOVERNANCE_REASON_KINDS: readonly GovernanceReasonKind[] =
  governanceReasonKindSchema.options;

/**
 * The one sentence readers get for a stale or unavailable target: fixed per
 * kind, naming the source, account, Region and partition and nothing the
 * AWS service said (its error text may hold role ARNs and account ids; it
 * goes to the backend log). An unknown kind reads as `unknown-error`.
 *
 * @public
 */
export function governanceReasonSentence(
  kind: GovernanceReasonKind | string,
  source: string,
  target: { partition: string; accountId: string; region: string },
): string {
  const name = GOVERNANCE_SOURCE_NAMES[source] ?? source;
  const where = `account ${target.accountId} in ${target.region} (partition ${target.partition})`;
  switch (kind) {
    case 'access-denied':
      return `${name} refused access for ${where}: the configured role lacks permission for the read. The backend log has the error.`;
    case 'invalid-credentials':
      return `${name} rejected the credentials configured for ${where} (unknown, expired or wrongly signed). The backend log has the error.`;
    case 'not-enabled':
      return source === 'auditmanager'
        ? `${name} is not enabled or not set up for ${where}. It closed to new customers on 2026-04-30; AWS Config conformance packs are its successor.`
        : `${name} is not enabled or not set up for ${where}.`;
    case 'throttled':
      return `${name} kept throttling the reads for ${where} beyond the retries; the next run tries again.`;
    case 'endpoint-unreachable':
      return `The ${name} endpoint for ${where} could not be reached or timed out; the next run tries again.`;
    case 'service-error':
      return `${name} answered the reads for ${where} with server errors or unreadable responses beyond the retries; the next run tries again.`;
    case 'interrupted':
      return `The ${name} read for ${where} was interrupted (the run was stopped or timed out); the next run resumes it.`;
    case 'storage-error':
      return `Storing the ${name} data of ${where} failed; the backend log has the error.`;
    default:
      return `The ${name} read for ${where} failed with an unexpected error; the backend log has the details.`;
  }
}
