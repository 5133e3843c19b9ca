import { AwsFault } from '../../AwsFault';
import type { FaultInjector } from '../../faults';
import type { SyntheticOrganization } from '../../organization';
import {
  pageOf,
  pageSizeOf,
  SimulatedRequest,
  tokenField,
} from '../../protocol';
import { readableCoverage } from '../coverageGaps';
import { defineService } from '../defineService';
import type { SimulatedAuditAssessment } from './data';

/**
 * Message Audit Manager returns when the account has not been set up.
 *
 * @public
 */
export const AUDIT_MANAGER_NOT_REGISTERED_MESSAGE =
  'Please complete AWS Audit Manager setup from home page to enable this action in this account.';

/**
 * The simulator's message for an account whose subscription no longer
 * covers the call (modelled, not quoted from AWS).
 */
export const AUDIT_MANAGER_NOT_SUBSCRIBED_MESSAGE =
  'The account is not subscribed to AWS Audit Manager.';

const INVALID_TOKEN = new AwsFault(
  400,
  'ValidationException',
  'Invalid nextToken',
);

function isRegistered(req: SimulatedRequest, faults: FaultInjector): boolean {
  const unregistered = faults.faults.auditManagerUnregisteredAccounts ?? [];
  return !unregistered.includes(req.callerAccountId);
}

/**
 * The caller's assessments in the Region. An account that is not set up,
 * or whose subscription lapsed, is refused (only GetAccountStatus still
 * answers it).
 */
function assessmentsOf(
  org: SyntheticOrganization,
  req: SimulatedRequest,
  faults: FaultInjector,
): SimulatedAuditAssessment[] {
  // Refused in a Region governance reads cannot reach (coverage gaps).
  readableCoverage(
    org.coverageGaps,
    req,
    'auditmanager:ListAssessments',
    'restJson1',
  );
  const registered = isRegistered(req, faults);
  const unsubscribed = faults.faults.auditManagerNotSubscribedAccounts ?? [];
  if (!registered || unsubscribed.includes(req.callerAccountId)) {
    throw new AwsFault(
      403,
      'AccessDeniedException',
      registered
        ? AUDIT_MANAGER_NOT_SUBSCRIBED_MESSAGE
        : AUDIT_MANAGER_NOT_REGISTERED_MESSAGE,
    );
  }
  return org.auditAssessments.filter(
    a => a.accountId === req.callerAccountId && a.region === req.region,
  );
}

/** One of the caller's assessments by id; Audit Manager's 404 for an unknown one. */
function assessmentNamed(
  assessments: SimulatedAuditAssessment[],
  id: string,
): SimulatedAuditAssessment {
  const found = assessments.find(a => a.id === id);
  if (!found)
    throw new AwsFault(
      404,
      'ResourceNotFoundException',
      'Assessment not found',
    );
  return found;
}

/**
 * Audit Manager (restJson1): GetAccountStatus, ListAssessments,
 * GetAssessment, GetEvidenceFoldersByAssessment. Dates are epoch seconds.
 */
export const auditManagerService = defineService({
  signingName: 'auditmanager',
  protocol: 'restJson1',
  throttle: [429, 'ThrottlingException'],
  serverError: 'InternalServerException',
  operations: [
    {
      name: 'GetAccountStatus',
      http: { method: 'GET', path: /^\/account\/status$/ },
      respond: ({ req, faults }) => ({
        status: isRegistered(req, faults) ? 'ACTIVE' : 'INACTIVE',
      }),
    },
    {
      name: 'ListAssessments',
      http: { method: 'GET', path: /^\/assessments$/ },
      respond: ({ org, req, faults, query }) => {
        const assessments = assessmentsOf(org, req, faults);
        const maxResults = pageSizeOf(
          query.get('maxResults'),
          'maxResults',
          100,
          1000,
        );
        const status = query.get('status');
        const items = assessments.filter(a => !status || a.status === status);
        const page = pageOf(
          items,
          query.get('nextToken'),
          maxResults,
          `assessments/${status}`,
          INVALID_TOKEN,
        );
        return {
          assessmentMetadata: page.slice.map(a => ({
            name: a.name,
            id: a.id,
            complianceType: a.frameworkName,
            status: a.status,
            roles: [],
            delegations: [],
            creationTime: a.createdAt,
            lastUpdated: a.lastUpdated,
          })),
          ...tokenField('nextToken', page.next),
        };
      },
    },
    {
      name: 'GetEvidenceFoldersByAssessment',
      http: {
        method: 'GET',
        path: /^\/assessments\/([^/]+)\/evidenceFolders$/,
      },
      respond: ({ org, req, faults, query, params: [id] }) => {
        const assessment = assessmentNamed(assessmentsOf(org, req, faults), id);
        const maxResults = pageSizeOf(
          query.get('maxResults'),
          'maxResults',
          100,
          1000,
        );
        const folders = assessment.controlSets.flatMap(set =>
          set.controls.flatMap(control =>
            control.folders.map(folder => ({ set, control, folder })),
          ),
        );
        const page = pageOf(
          folders,
          query.get('nextToken'),
          maxResults,
          `folders/${assessment.id}`,
          INVALID_TOKEN,
        );
        return {
          evidenceFolders: page.slice.map(({ set, control, folder }) => ({
            name: new Date(folder.date * 1000).toISOString().slice(0, 10),
            date: folder.date,
            assessmentId: assessment.id,
            controlSetId: set.id,
            controlId: control.id,
            controlName: control.name,
            id: folder.id,
            dataSource: folder.dataSource,
            author: 'AWS',
            totalEvidence: folder.totalEvidence,
            assessmentReportSelectionCount: 0,
            evidenceResourcesIncludedCount: folder.complianceCheckCount,
            evidenceByTypeConfigurationDataCount: folder.configurationDataCount,
            evidenceByTypeManualCount: folder.manualCount,
            evidenceByTypeComplianceCheckCount: folder.complianceCheckCount,
            evidenceByTypeComplianceCheckIssuesCount:
              folder.complianceCheckIssuesCount,
            evidenceByTypeUserActivityCount: folder.userActivityCount,
            evidenceAwsServiceSourceCount: 1,
          })),
          ...tokenField('nextToken', page.next),
        };
      },
    },
    {
      name: 'GetAssessment',
      http: { method: 'GET', path: /^\/assessments\/([^/]+)$/ },
      respond: ({ org, req, faults, params: [id] }) => {
        const a = assessmentNamed(assessmentsOf(org, req, faults), id);
        return {
          assessment: {
            arn: a.arn,
            awsAccount: {
              id: a.accountId,
              name: org.account(a.accountId)?.name,
            },
            metadata: {
              name: a.name,
              id: a.id,
              complianceType: a.frameworkName,
              status: a.status,
              creationTime: a.createdAt,
              lastUpdated: a.lastUpdated,
              roles: [],
              delegations: [],
              scope: { awsAccounts: [{ id: a.accountId }] },
            },
            framework: {
              id: a.frameworkId,
              arn: `arn:${a.partition}:auditmanager:${a.region}:${a.accountId}:assessmentFramework/${a.frameworkId}`,
              metadata: {
                name: a.frameworkName,
                complianceType: a.frameworkName,
              },
              controlSets: a.controlSets.map(set => ({
                id: set.id,
                description: set.id,
                status: 'ACTIVE',
                roles: [],
                delegations: [],
                controls: set.controls.map(c => ({
                  id: c.id,
                  name: c.name,
                  status: c.status,
                  response: c.status === 'REVIEWED' ? 'AUTOMATE' : 'MANUAL',
                  evidenceSources: [
                    ...new Set(c.folders.map(f => f.dataSource)),
                  ],
                  evidenceCount: c.evidenceCount,
                  assessmentReportEvidenceCount: 0,
                })),
                systemEvidenceCount: set.controls.reduce(
                  (n, c) => n + c.evidenceCount,
                  0,
                ),
                manualEvidenceCount: set.controls.reduce(
                  (n, c) =>
                    n + c.folders.reduce((m, f) => m + f.manualCount, 0),
                  0,
                ),
              })),
            },
          },
          userRole: {
            roleType: 'PROCESS_OWNER',
            roleArn: `arn:${a.partition}:iam::${a.accountId}:role/AuditOwner`,
          },
        };
      },
    },
  ],
});
