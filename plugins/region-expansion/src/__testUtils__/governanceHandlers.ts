import { http, HttpResponse } from 'msw';
import type {
  GovernanceFreshness,
  GovernanceGroupBy,
} from '@region-expansion/plugin-region-expansion-common';
import { BASE_URL } from './testServer';

/** Summary groups per dimension, as the synthetic backend answers them. */
export const summaryGroups: Record<
  GovernanceGroupBy,
  { key: string; total: number; failed: number }[]
> = {
  partition: [{ key: 'aws', total: 30, failed: 12 }],
  region: [
    { key: 'eu-central-1', total: 20, failed: 8 },
    { key: 'us-east-1', total: 10, failed: 4 },
  ],
  account: [{ key: '111122223333', total: 30, failed: 12 }],
  severity: [
    { key: 'HIGH', total: 10, failed: 6 },
    { key: 'CRITICAL', total: 5, failed: 4 },
    { key: 'LOW', total: 15, failed: 2 },
  ],
  control: [
    { key: 'S3.1', total: 8, failed: 7 },
    { key: 'IAM.6', total: 4, failed: 1 },
  ],
  status: [
    { key: 'FAILED', total: 12, failed: 12 },
    { key: 'PASSED', total: 18, failed: 0 },
  ],
};

export const freshness: GovernanceFreshness[] = [
  {
    source: 'securityhub',
    partition: 'aws',
    accountId: '111122223333',
    region: 'us-east-1',
    status: 'ok',
    lastAttemptAt: '2026-01-10T08:00:00.000Z',
    lastSuccessAt: '2026-01-10T08:00:00.000Z',
    pages: 3,
    rows: 30,
  },
  {
    source: 'resiliencehub',
    partition: 'aws',
    accountId: '111122223333',
    region: 'eu-central-1',
    status: 'stale',
    lastAttemptAt: '2026-01-10T08:00:00.000Z',
    lastSuccessAt: '2026-01-08T08:00:00.000Z',
    staleReason: 'AccessDeniedException: not authorized to ListApps',
    pages: 0,
    rows: 0,
  },
];

/** Handlers of the governance routes; every request URL is recorded. */
export function governanceHandlers(requests: URL[]) {
  /** A GET of `governance/<path>` that records its URL, then answers. */
  const recorded = (path: string, answer: (url: URL) => Response) =>
    http.get(`${BASE_URL}/governance/${path}`, ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      return answer(url);
    });
  return [
    recorded('summary', url => {
      const groupBy = (url.searchParams.get('groupBy') ??
        'severity') as GovernanceGroupBy;
      return HttpResponse.json({
        groupBy,
        filter: {},
        groups: summaryGroups[groupBy],
      });
    }),
    recorded('freshness', () => HttpResponse.json({ items: freshness })),
    recorded('history', () =>
      HttpResponse.json({
        items: [
          {
            day: '2026-01-09',
            source: 'securityhub',
            partition: 'aws',
            total: 28,
            failed: 11,
            criticalOrHighFailed: 9,
            staleTargets: 0,
          },
          {
            day: '2026-01-10',
            source: 'securityhub',
            partition: 'aws',
            total: 30,
            failed: 12,
            criticalOrHighFailed: 10,
            staleTargets: 1,
          },
        ],
      }),
    ),
    recorded('resilience', () =>
      HttpResponse.json({
        items: [
          {
            appArn:
              'arn:aws:resiliencehub:eu-central-1:111122223333:app/orders',
            appName: 'orders',
            partition: 'aws',
            accountId: '111122223333',
            region: 'eu-central-1',
            complianceStatus: 'PolicyBreached',
            disruptions: [
              {
                disruptionType: 'Region',
                currentRtoInSecs: 7200,
                targetRtoInSecs: 3600,
                currentRpoInSecs: 300,
                targetRpoInSecs: 900,
                complianceStatus: 'PolicyBreached',
              },
            ],
          },
        ],
      }),
    ),
    recorded('audit', () => HttpResponse.json({ items: [] })),
    recorded('conformance', () =>
      HttpResponse.json({
        items: [
          {
            partition: 'aws',
            accountId: '111122223333',
            region: 'eu-central-1',
            packName: 'operational-best-practices',
            complianceType: 'NON_COMPLIANT',
            compliantRules: 18,
            nonCompliantRules: 2,
            totalRules: 20,
            score: 90,
          },
        ],
      }),
    ),
    recorded(
      'evidence-bundle',
      () =>
        new HttpResponse(new Uint8Array([0x50, 0x4b, 0x05, 0x06]), {
          headers: {
            'content-type': 'application/zip',
            'content-disposition':
              'attachment; filename="governance-evidence-2026-01-10.zip"',
          },
        }),
    ),
  ];
}
