import { DAY, hashOf, pick, uuidFrom } from '../../random';
import type { GeneratedRecordSlot } from '../types';

/**
 * A control of an Audit Manager assessment, with its evidence folders.
 *
 * @public
 */
export interface SimulatedAuditControl {
  /** Control id, a UUID. */
  id: string;
  /** Control name, `<first word of the framework>-<set>.<control>`, e.g. `AWS-1.2`. */
  name: string;
  /** Review status of the control, drawn at random. */
  status: 'UNDER_REVIEW' | 'REVIEWED' | 'INACTIVE';
  /** Evidence of the control: the sum of `totalEvidence` over its folders. */
  evidenceCount: number;
  /**
   * Evidence folders (1 to 3), one per day back from `baseTime` (`date` in
   * epoch seconds); `totalEvidence` is the sum of the compliance-check,
   * configuration-data, user-activity and manual counts.
   */
  folders: Array<{
    id: string;
    date: number;
    dataSource: string;
    totalEvidence: number;
    complianceCheckCount: number;
    complianceCheckIssuesCount: number;
    configurationDataCount: number;
    userActivityCount: number;
    manualCount: number;
  }>;
}

/**
 * An Audit Manager assessment of one account. Times are epoch seconds, as
 * Audit Manager returns them.
 *
 * @public
 */
export interface SimulatedAuditAssessment {
  /** Assessment id, a UUID. */
  id: string;
  /** Assessment ARN, `arn:<partition>:auditmanager:<region>:<account>:assessment/<id>`. */
  arn: string;
  /** Assessment name, `<framework name> - <account name>`. */
  name: string;
  /** Account assessed, which also owns the assessment. */
  accountId: string;
  /** Partition of the account. */
  partition: string;
  /** Region of the assessment: always the partition's home Region. */
  region: string;
  /** Always `ACTIVE` for an account's first assessment; further ones are drawn at random. */
  status: 'ACTIVE' | 'INACTIVE';
  /** Framework id, a UUID derived from the seed and the framework name. */
  frameworkId: string;
  /** Framework name, e.g. `SOC 2`; also reported as the compliance type. */
  frameworkName: string;
  /** Creation time in epoch seconds (60 days before `baseTime`). */
  createdAt: number;
  /** Last update in epoch seconds (`baseTime`). */
  lastUpdated: number;
  /**
   * Control sets (2 or 3, of 3 to 5 controls each); a set's `id` is also its
   * description, e.g. `AWS control set 1`.
   */
  controlSets: Array<{ id: string; controls: SimulatedAuditControl[] }>;
}

const FRAMEWORKS = [
  'AWS Foundational Security Best Practices',
  'CIS AWS Benchmark v1.4.0',
  'General Data Protection Regulation (GDPR) 2016',
  'SOC 2',
];

function createFolders(
  seed: number,
  folderBase: number,
  control: number,
  baseTime: number,
  random: () => number,
): SimulatedAuditControl['folders'] {
  return Array.from({ length: 1 + Math.floor(random() * 3) }, (_, f) => {
    const complianceCheckCount = Math.floor(random() * 40);
    const configurationDataCount = Math.floor(random() * 20);
    const userActivityCount = Math.floor(random() * 10);
    const manualCount = random() < 0.2 ? 1 : 0;
    return {
      id: uuidFrom(seed, folderBase + f, 5),
      date: Math.floor((baseTime - f * DAY) / 1000),
      dataSource: pick(
        ['AWS Security Hub', 'AWS Config', 'AWS CloudTrail', 'AWS API calls'],
        control + f,
      ),
      totalEvidence:
        complianceCheckCount +
        configurationDataCount +
        userActivityCount +
        manualCount,
      complianceCheckCount,
      complianceCheckIssuesCount: Math.floor(
        complianceCheckCount * random() * 0.3,
      ),
      configurationDataCount,
      userActivityCount,
      manualCount,
    };
  });
}

/**
 * The `ordinal`-th assessment of an account in its partition's home
 * Region; `index` is its position in the organization (ids derive from it).
 */
export function createAuditAssessment(
  options: GeneratedRecordSlot,
): SimulatedAuditAssessment {
  const { seed, index, account, region, ordinal, baseTime, random } = options;
  const id = uuidFrom(seed, index, 4);
  const framework = pick(FRAMEWORKS, hashOf(account.id, ordinal));
  const prefix = framework.split(' ')[0];
  const controlSets = Array.from(
    { length: 2 + Math.floor(random() * 2) },
    (_, s) => ({
      id: `${prefix} control set ${s + 1}`,
      controls: Array.from(
        { length: 3 + Math.floor(random() * 3) },
        (__, c) => {
          const position = index * 1000 + s * 100 + c * 10;
          const folders = createFolders(seed, position, c, baseTime, random);
          return {
            id: uuidFrom(seed, index * 1000 + s * 100 + c, 6),
            name: `${prefix}-${s + 1}.${c + 1}`,
            status: pick(
              ['UNDER_REVIEW', 'REVIEWED', 'INACTIVE'] as const,
              Math.floor(random() * 1e6),
            ),
            evidenceCount: folders.reduce((sum, f) => sum + f.totalEvidence, 0),
            folders,
          };
        },
      ),
    }),
  );
  return {
    id,
    arn: `arn:${account.partition}:auditmanager:${region}:${account.id}:assessment/${id}`,
    name: `${framework} - ${account.name}`,
    accountId: account.id,
    partition: account.partition,
    region,
    status:
      ordinal === 0
        ? 'ACTIVE'
        : pick(['ACTIVE', 'INACTIVE'] as const, Math.floor(random() * 1e6)),
    frameworkId: uuidFrom(seed, hashOf(framework), 7),
    frameworkName: framework,
    createdAt: Math.floor((baseTime - 60 * DAY) / 1000),
    lastUpdated: Math.floor(baseTime / 1000),
    controlSets,
  };
}
