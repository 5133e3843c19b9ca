import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  isFileResponse,
  regionExpansionRoutes,
  RouteDefinition,
} from '@region-expansion/plugin-region-expansion-common';
import request from 'supertest';
import { z } from 'zod';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';
import { regionExpansionPlugin } from '../plugin';
import { API, as, rolePermissionsFactory } from './rolePolicy';

/** The id of a route of the table. */
export type RouteId = keyof typeof regionExpansionRoutes;

/** A request of a route: path parameters, query and body. */
export type RouteExample = NonNullable<RouteDefinition['example']>;

type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];

/** The accounts of the live availability refresh (SSM through msw). */
const AWS_ACCOUNTS = [
  { accountId: '111122223333', accessKeyId: 'AKIDTEST', secretAccessKey: 's' },
];

/**
 * Starts the plugin with the demo estate, the role-based test policy and
 * live availability (SSM answered by the simulator's handlers, which the
 * caller's msw server serves), so every route of the table can succeed.
 */
export async function startMatrixBackend(): Promise<Server> {
  const regionExpansion = {
    demoData: { enabled: true, tenants: 300 },
    governance: { maxAttempts: 1 },
    availability: {
      live: {
        enabled: true,
        accounts: { aws: '111122223333' },
        partitions: ['aws'],
        schedule: {
          frequency: { hours: 24 },
          timeout: { minutes: 5 },
          initialDelay: { hours: 1 },
        },
      },
    },
  };
  const { server } = await startTestBackend({
    features: [
      regionExpansionPlugin,
      regionExpansionModuleDemo,
      rolePermissionsFactory,
      mockServices.rootConfig.factory({
        data: { aws: { accounts: AWS_ACCOUNTS }, regionExpansion },
      }),
    ],
  });
  return server;
}

const admin = as('platform-admin');

/** Creates the campaign of the route table's examples, unless it exists. */
async function exampleCampaign(server: Server): Promise<RouteExample> {
  const res = await request(server)
    .post(`${API}/campaigns`)
    .set('Authorization', admin)
    .send(regionExpansionRoutes.createCampaign.example.body);
  if (res.status !== 201 && res.status !== 409) {
    throw new Error(`creating the example campaign answered ${res.status}`);
  }
  return {};
}

/**
 * What a route needs before its example succeeds against the demo estate,
 * where the example alone does not: an object to act on, or an earlier
 * refresh. Each runs as the platform admin and answers what replaces the
 * example's parts.
 */
export const PRECONDITIONS: Partial<
  Record<RouteId, (server: Server) => Promise<RouteExample>>
> = {
  // A waiver expires at most `maxDays` ahead: the example's date is fixed.
  addWaiver: async () => ({
    body: {
      ...(regionExpansionRoutes.addWaiver.example.body as object),
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  }),
  revokeWaiver: async server => {
    const granted = await request(server)
      .post(`${API}/waivers`)
      .set('Authorization', admin)
      .send({
        locationId: 'eu-west-1',
        check: 'resilience',
        reason: 'routes × roles',
        approver: 'user:default/ciso',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    return { params: { id: granted.body.waiver.id } };
  },
  // The example's campaign id is taken once another route created it.
  createCampaign: async () => ({
    body: {
      ...(regionExpansionRoutes.createCampaign.example.body as object),
      id: 'launch-routes-matrix',
    },
  }),
  getCampaign: exampleCampaign,
  evaluateCampaign: exampleCampaign,
  approveCampaignCost: exampleCampaign,
  recordPayingTenant: exampleCampaign,
  getAvailabilityDiff: async server => {
    await request(server)
      .post(`${API}/availability/refresh`)
      .set('Authorization', admin)
      .send({})
      .expect(201);
    return {};
  },
};

/** The URL of a request: path parameters filled in, query appended. */
export function urlOf(route: RouteDefinition, example: RouteExample): string {
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = example.params?.[name];
    if (value === undefined) {
      throw new Error(
        `${route.method} ${route.path} has no example for {${name}}: add one to its route table entry`,
      );
    }
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(example.query ?? {}).toString();
  return `${API}${path}${query ? `?${query}` : ''}`;
}

/**
 * Problems of a success answer against the route's response schema (or,
 * for a file, its media type); empty when it matches.
 */
export function responseProblems(
  route: RouteDefinition,
  res: { headers: Record<string, string>; body: unknown },
): string[] {
  if (isFileResponse(route.response)) {
    return res.headers['content-type']?.startsWith(route.response.contentType)
      ? []
      : [`content-type: ${res.headers['content-type']}`];
  }
  const parsed = (route.response as z.ZodType).safeParse(res.body);
  return parsed.success
    ? []
    : parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`);
}
