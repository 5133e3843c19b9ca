import { DAY } from '../../random';
import type { SimulatedAccount } from '../../organization';

/**
 * An AWS Config conformance pack deployed in one account and Region, as the
 * organization aggregator reports it.
 *
 * @public
 */
export interface SimulatedConformancePack {
  /**
   * Pack name, one of three `Operational-Best-Practices-for-*` names (repeating
   * beyond three per account and Region).
   */
  name: string;
  /** Account the pack is deployed in. */
  accountId: string;
  /** Partition of the account. */
  partition: string;
  /** Region the pack is deployed in. */
  region: string;
  /** Rules evaluated compliant. */
  compliantRuleCount: number;
  /** Rules evaluated non-compliant; the pack is `NON_COMPLIANT` when there are any. */
  nonCompliantRuleCount: number;
  /** Rules in the pack (10 to 49): compliant plus non-compliant. */
  totalRuleCount: number;
  /**
   * Last evaluation in epoch milliseconds (not seconds, unlike the Resilience
   * Hub and Audit Manager records), within the day before `baseTime`.
   */
  lastUpdated: number;
}

const PACK_NAMES = [
  'Operational-Best-Practices-for-Encryption',
  'Operational-Best-Practices-for-Logging',
  'Operational-Best-Practices-for-NIST-CSF',
];

/** `count` conformance packs of an account in one Region. */
export function createConformancePacks(options: {
  account: SimulatedAccount;
  region: string;
  count: number;
  baseTime: number;
  random: () => number;
}): SimulatedConformancePack[] {
  const { account, region, baseTime, random } = options;
  return Array.from({ length: options.count }, (_, c) => {
    const ruleCount = 10 + Math.floor(random() * 40);
    const nonCompliant = Math.floor(random() * random() * ruleCount);
    return {
      name: PACK_NAMES[c % 3],
      accountId: account.id,
      partition: account.partition,
      region,
      compliantRuleCount: ruleCount - nonCompliant,
      nonCompliantRuleCount: nonCompliant,
      totalRuleCount: ruleCount,
      lastUpdated: baseTime - Math.floor(random() * DAY),
    };
  });
}
