import type { SyntheticOrganization } from '../../organization';
import {
  jsonResponse,
  pageOf,
  restJsonError,
  SimulatedRequest,
} from '../../protocol';
import type { SimulatedOperation, SimulatedService } from '../types';

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

/** Audit Manager's answer for an unknown assessment id. */
function assessmentNotFound() {
  return restJsonError(
    404,
    'ResourceNotFoundException',
    'Assessment not found',
  );
}

function maxResultsOf(value: string | null): number | undefined {
  if (value === null) return 100;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : undefined;
}

/** Audit Manager (restJson1): GetAccountStatus, ListAssessments, GetAssessment, GetEvidenceFoldersByAssessment. Dates are epoch seconds. */
export function handleAuditManager(
  org: SyntheticOrganization,
  req: SimulatedRequest,
  unregisteredAccounts: string[],
  notSubscribedAccounts: string[] = [],
): SimulatedOperation | undefined {
  const path = req.url.pathname.replace(/\/+$/, '');
  const q = req.url.searchParams;
  const registered = !unregisteredAccounts.includes(req.callerAccountId);
  const subscribed = !notSubscribedAccounts.includes(req.callerAccountId);
  const assessments = org.auditAssessments.filter(
    a => a.accountId === req.callerAccountId && a.region === req.region,
  );
  // An unsubscribed account still reads ACTIVE from GetAccountStatus; every
  // other call is refused.
  const refused = () =>
    restJsonError(
      403,
      'AccessDeniedException',
      registered
        ? AUDIT_MANAGER_NOT_SUBSCRIBED_MESSAGE
        : AUDIT_MANAGER_NOT_REGISTERED_MESSAGE,
    );
  if (req.method !== 'GET') return undefined;
  if (path === '/account/status') {
    return {
      operation: 'GetAccountStatus',
      respond: () =>
        jsonResponse({ status: registered ? 'ACTIVE' : 'INACTIVE' }),
    };
  }
  if (path === '/assessments') {
    return {
      operation: 'ListAssessments',
      respond: () => {
        if (!registered || !subscribed) return refused();
        const maxResults = maxResultsOf(q.get('maxResults'));
        if (!maxResults)
          return restJsonError(
            400,
            'ValidationException',
            'maxResults must be between 1 and 1000',
          );
        const status = q.get('status');
        const items = assessments.filter(a => !status || a.status === status);
        const page = pageOf(
          items,
          q.get('nextToken'),
          maxResults,
          `assessments/${status}`,
        );
        if (!page)
          return restJsonError(400, 'ValidationException', 'Invalid nextToken');
        return jsonResponse({
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
          ...(page.next ? { nextToken: page.next } : {}),
        });
      },
    };
  }
  const folderMatch = /^\/assessments\/([^/]+)\/evidenceFolders$/.exec(path);
  if (folderMatch) {
    return {
      operation: 'GetEvidenceFoldersByAssessment',
      respond: () => {
        if (!registered || !subscribed) return refused();
        const assessment = assessments.find(
          a => a.id === decodeURIComponent(folderMatch[1]),
        );
        if (!assessment) return assessmentNotFound();
        const maxResults = maxResultsOf(q.get('maxResults'));
        if (!maxResults)
          return restJsonError(
            400,
            'ValidationException',
            'maxResults must be between 1 and 1000',
          );
        const folders = assessment.controlSets.flatMap(set =>
          set.controls.flatMap(control =>
            control.folders.map(folder => ({ set, control, folder })),
          ),
        );
        const page = pageOf(
          folders,
          q.get('nextToken'),
          maxResults,
          `folders/${assessment.id}`,
        );
        if (!page)
          return restJsonError(400, 'ValidationException', 'Invalid nextToken');
        return jsonResponse({
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
          ...(page.next ? { nextToken: page.next } : {}),
        });
      },
    };
  }
  const assessmentMatch = /^\/assessments\/([^/]+)$/.exec(path);
  if (assessmentMatch) {
    return {
      operation: 'GetAssessment',
      respond: () => {
        if (!registered || !subscribed) return refused();
        const a = assessments.find(
          x => x.id === decodeURIComponent(assessmentMatch[1]),
        );
        if (!a) return assessmentNotFound();
        return jsonResponse({
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
        });
      },
    };
  }
  return undefined;
}

/** Audit Manager: account status, assessments and evidence folders. */
export const auditManagerService: SimulatedService = {
  signingName: 'auditmanager',
  hostPrefix: 'auditmanager.',
  protocol: 'restJson1',
  throttle: [429, 'ThrottlingException'],
  serverError: 'InternalServerException',
  deniesAccess: true,
  route: ({ org, req, faults }) =>
    handleAuditManager(
      org,
      req,
      faults.faults.auditManagerUnregisteredAccounts ?? [],
      faults.faults.auditManagerNotSubscribedAccounts ?? [],
    ),
};
