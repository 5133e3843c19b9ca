import { AwsFault } from '../../AwsFault';
import type { SyntheticOrganization } from '../../organization';
import {
  pageOf,
  pageSizeOf,
  SimulatedRequest,
  tokenField,
} from '../../protocol';
import { readableCoverage } from '../coverageGaps';
import { defineService } from '../defineService';
import type { SimulatedAppAssessment, SimulatedResilienceApp } from './data';

const INVALID_TOKEN = new AwsFault(
  400,
  'ValidationException',
  'Invalid nextToken',
);

/** Fields an assessment has in both its summary and its description. */
function assessmentFields(
  app: SimulatedResilienceApp,
  s: SimulatedAppAssessment,
) {
  return {
    appArn: app.arn,
    appVersion: 'release',
    assessmentArn: s.arn,
    assessmentName: s.name,
    assessmentStatus: s.status,
    complianceStatus: s.complianceStatus,
    driftStatus: s.driftStatus,
    invoker: 'System',
    startTime: s.startTime,
    endTime: s.endTime,
  };
}

/**
 * The caller's apps in the Region: none in a Region governance does not
 * cover, AccessDenied in one it cannot be read in.
 */
function appsOf(org: SyntheticOrganization, req: SimulatedRequest) {
  if (
    readableCoverage(
      org.coverageGaps,
      req,
      'resiliencehub:ListApps',
      'restJson1',
    ) === 'uncovered'
  )
    return [];
  return org.resilienceApps.filter(
    a => a.accountId === req.callerAccountId && a.region === req.region,
  );
}

/**
 * Resilience Hub (restJson1): ListApps, ListAppAssessments,
 * DescribeAppAssessment. Dates are epoch seconds.
 */
export const resilienceHubService = defineService({
  signingName: 'resiliencehub',
  protocol: 'restJson1',
  throttle: [429, 'ThrottlingException'],
  serverError: 'InternalServerException',
  invalidBody: new AwsFault(400, 'ValidationException', 'Body is not JSON'),
  operations: [
    {
      name: 'ListApps',
      http: { method: 'GET', path: /^\/list-apps$/ },
      respond: ({ org, req, query }) => {
        const page = pageOf(
          appsOf(org, req),
          query.get('nextToken'),
          pageSizeOf(query.get('maxResults'), 'maxResults', 100, 100),
          `apps/${req.region}`,
          INVALID_TOKEN,
        );
        return {
          appSummaries: page.slice.map(app => {
            const latest = app.assessments.find(a => a.status === 'Success');
            return {
              appArn: app.arn,
              name: app.name,
              creationTime: app.createdAt,
              complianceStatus: latest?.complianceStatus ?? 'NotAssessed',
              driftStatus: latest?.driftStatus ?? 'NotChecked',
              resiliencyScore: latest?.resiliencyScore ?? 0,
              status: 'Active',
              assessmentSchedule: 'Daily',
              ...(latest
                ? { lastAppComplianceEvaluationTime: latest.endTime }
                : {}),
            };
          }),
          ...tokenField('nextToken', page.next),
        };
      },
    },
    {
      name: 'ListAppAssessments',
      http: { method: 'GET', path: /^\/list-app-assessments$/ },
      respond: ({ org, req, query }) => {
        const apps = appsOf(org, req);
        const appArn = query.get('appArn');
        const maxResults = pageSizeOf(
          query.get('maxResults'),
          'maxResults',
          100,
          100,
        );
        const app = apps.find(a => a.arn === appArn);
        if (appArn && !app)
          throw new AwsFault(
            404,
            'ResourceNotFoundException',
            `App ${appArn} not found`,
          );
        const statuses = query.getAll('assessmentStatus');
        const all = (app ? [app] : apps).flatMap(a =>
          a.assessments.map(s => ({ app: a, s })),
        );
        const filtered = all
          .filter(
            ({ s }) => statuses.length === 0 || statuses.includes(s.status),
          )
          .sort((x, y) => y.s.startTime - x.s.startTime);
        if (query.get('reverseOrder') === 'true') filtered.reverse();
        const page = pageOf(
          filtered,
          query.get('nextToken'),
          maxResults,
          `assessments/${appArn}/${statuses.join()}`,
          INVALID_TOKEN,
        );
        return {
          assessmentSummaries: page.slice.map(({ app: a, s }) => ({
            ...assessmentFields(a, s),
            resiliencyScore: s.resiliencyScore,
          })),
          ...tokenField('nextToken', page.next),
        };
      },
    },
    {
      name: 'DescribeAppAssessment',
      http: { method: 'POST', path: /^\/describe-app-assessment$/ },
      respond: ({ org, req, input }) => {
        const arn: string | undefined = input.assessmentArn;
        const apps = appsOf(org, req);
        for (const app of apps) {
          const s = app.assessments.find(a => a.arn === arn);
          if (!s) continue;
          const compliance = Object.fromEntries(
            Object.entries(s.current).map(([type, current]) => {
              const target = app.policy[type as keyof typeof app.policy];
              const met =
                current.rtoInSecs <= target.rtoInSecs &&
                current.rpoInSecs <= target.rpoInSecs;
              return [
                type,
                {
                  currentRtoInSecs: current.rtoInSecs,
                  currentRpoInSecs: current.rpoInSecs,
                  achievableRtoInSecs: Math.min(
                    current.rtoInSecs,
                    target.rtoInSecs,
                  ),
                  achievableRpoInSecs: Math.min(
                    current.rpoInSecs,
                    target.rpoInSecs,
                  ),
                  complianceStatus: met ? 'PolicyMet' : 'PolicyBreached',
                  message: met
                    ? 'Meets the policy'
                    : 'Exceeds the policy target',
                },
              ];
            }),
          );
          return {
            assessment: {
              ...assessmentFields(app, s),
              ...(s.status === 'Success'
                ? { compliance }
                : {
                    message:
                      'Assessment failed: resources could not be resolved',
                  }),
              policy: {
                policyName: `${app.name}-policy`,
                tier: 'Critical',
                policy: app.policy,
              },
              resiliencyScore: {
                score: s.resiliencyScore,
                disruptionScore: Object.fromEntries(
                  Object.keys(s.current).map(t => [t, s.resiliencyScore]),
                ),
              },
            },
          };
        }
        throw new AwsFault(
          404,
          'ResourceNotFoundException',
          `Assessment ${arn} not found`,
        );
      },
    },
  ],
});
