import type { SyntheticOrganization } from '../../organization';
import {
  jsonResponse,
  pageOf,
  restJsonError,
  SimulatedRequest,
} from '../../protocol';
import type { SimulatedOperation, SimulatedService } from '../types';
import type { SimulatedAppAssessment, SimulatedResilienceApp } from './data';

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

function maxResultsOf(
  value: string | null,
  fallback: number,
  max: number,
): number | undefined {
  if (value === null) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

/** Resilience Hub (restJson1): ListApps, ListAppAssessments, DescribeAppAssessment. Dates are epoch seconds. */
export function handleResilienceHub(
  org: SyntheticOrganization,
  req: SimulatedRequest,
): SimulatedOperation | undefined {
  const path = req.url.pathname.replace(/\/+$/, '');
  const q = req.url.searchParams;
  const apps = org.resilienceApps.filter(
    a => a.accountId === req.callerAccountId && a.region === req.region,
  );
  if (req.method === 'GET' && path === '/list-apps') {
    return {
      operation: 'ListApps',
      respond: () => {
        const maxResults = maxResultsOf(q.get('maxResults'), 100, 100);
        if (!maxResults)
          return restJsonError(
            400,
            'ValidationException',
            'maxResults must be between 1 and 100',
          );
        const page = pageOf(
          apps,
          q.get('nextToken'),
          maxResults,
          `apps/${req.region}`,
        );
        if (!page)
          return restJsonError(400, 'ValidationException', 'Invalid nextToken');
        return jsonResponse({
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
          ...(page.next ? { nextToken: page.next } : {}),
        });
      },
    };
  }
  if (req.method === 'GET' && path === '/list-app-assessments') {
    return {
      operation: 'ListAppAssessments',
      respond: () => {
        const appArn = q.get('appArn');
        const maxResults = maxResultsOf(q.get('maxResults'), 100, 100);
        if (!maxResults)
          return restJsonError(
            400,
            'ValidationException',
            'maxResults must be between 1 and 100',
          );
        const app = apps.find(a => a.arn === appArn);
        if (appArn && !app)
          return restJsonError(
            404,
            'ResourceNotFoundException',
            `App ${appArn} not found`,
          );
        const statuses = q.getAll('assessmentStatus');
        const all = (app ? [app] : apps).flatMap(a =>
          a.assessments.map(s => ({ app: a, s })),
        );
        const filtered = all
          .filter(
            ({ s }) => statuses.length === 0 || statuses.includes(s.status),
          )
          .sort((x, y) => y.s.startTime - x.s.startTime);
        if (q.get('reverseOrder') === 'true') filtered.reverse();
        const page = pageOf(
          filtered,
          q.get('nextToken'),
          maxResults,
          `assessments/${appArn}/${statuses.join()}`,
        );
        if (!page)
          return restJsonError(400, 'ValidationException', 'Invalid nextToken');
        return jsonResponse({
          assessmentSummaries: page.slice.map(({ app: a, s }) => ({
            ...assessmentFields(a, s),
            resiliencyScore: s.resiliencyScore,
          })),
          ...(page.next ? { nextToken: page.next } : {}),
        });
      },
    };
  }
  if (req.method === 'POST' && path === '/describe-app-assessment') {
    return {
      operation: 'DescribeAppAssessment',
      respond: () => {
        let arn: string | undefined;
        try {
          arn = JSON.parse(req.body || '{}').assessmentArn;
        } catch {
          return restJsonError(400, 'ValidationException', 'Body is not JSON');
        }
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
          return jsonResponse({
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
          });
        }
        return restJsonError(
          404,
          'ResourceNotFoundException',
          `Assessment ${arn} not found`,
        );
      },
    };
  }
  return undefined;
}

/** Resilience Hub: apps and their assessments. */
export const resilienceHubService: SimulatedService = {
  signingName: 'resiliencehub',
  hostPrefix: 'resiliencehub.',
  protocol: 'restJson1',
  throttle: [429, 'ThrottlingException'],
  serverError: 'InternalServerException',
  deniesAccess: true,
  route: ({ org, req }) => handleResilienceHub(org, req),
};
