import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  regionExpansionRoutes,
  RouteDefinition,
} from '@region-expansion/plugin-region-expansion-common';
import {
  API,
  as,
  decideForTestRole,
  ROLE_CODES,
  startWithRoles,
} from '../__testUtils__/rolePolicy';
import { urlOf } from '../__testUtils__/routeMatrix';

jest.setTimeout(120_000);

/**
 * The large-body routes decide the permission before reading the body: a
 * caller without it gets 403 whatever it sends, and the server never waits
 * for (or buffers) the body. The engineer reads everything but manages
 * neither tenants nor locations.
 */
const ROUTES = [
  { method: 'POST', path: '/tenants/import', limit: '1kb' },
  { method: 'PUT', path: '/application-plane/footprint', limit: '10mb' },
] as const;

/** Bytes over each route's limit: `1kb` is configured, `10mb` the default. */
const OVER_LIMIT: Record<string, number> = {
  '1kb': 2048,
  '10mb': 11 * 1024 * 1024,
};

/**
 * The status of a request that announces a 512-byte JSON body and sends only
 * its first byte: a route that read the body before answering would wait
 * for the rest, and the request fails after 5 s instead.
 */
function statusWithBodyWithheld(
  server: http.Server,
  call: {
    method: string;
    path: string;
    authorization: string;
    firstByte: string;
  },
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      method: call.method,
      path: call.path,
      headers: {
        Authorization: call.authorization,
        'Content-Type': 'application/json',
        'Content-Length': '512',
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('no answer within 5 s: the body was awaited'));
    }, 5_000);
    req.on('response', res => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    req.write(call.firstByte);
  });
}

describe('large-body routes authorize before reading the body', () => {
  let server: Awaited<ReturnType<typeof startWithRoles>>;
  beforeAll(async () => {
    server = await startWithRoles({ import: { maxBodySize: '1kb' } });
  });

  it.each(ROUTES)(
    '$method $path: an over-limit body from a caller without the permission is 403, not 413',
    async ({ method, path, limit }) => {
      const body = `[${'"x",'.repeat(OVER_LIMIT[limit] / 4)}"x"]`;
      const res = await request(server)
        [method.toLowerCase() as 'post' | 'put'](`${API}${path}`)
        .set('Authorization', as('engineer'))
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/Permission '.+' is required/);
    },
  );

  it.each(ROUTES)(
    '$method $path: the body is never read before the permission is decided',
    async ({ method, path }) => {
      const status = await statusWithBodyWithheld(server, {
        method,
        path: `${API}${path}`,
        authorization: as('engineer'),
        firstByte: '[',
      });
      expect(status).toBe(403);
    },
  );

  it('names the field and the limit when an allowed caller sends too much', async () => {
    const res = await request(server)
      .post(`${API}/tenants/import`)
      .set('Authorization', as('platform-admin'))
      .set('Content-Type', 'application/json')
      .send(`[${'"x",'.repeat(1024)}"x"]`);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(
      /^\(root\): the request is over the 1kb body limit \(regionExpansion\.import\.maxBodySize\)/,
    );
    const footprint = await request(server)
      .put(`${API}/application-plane/footprint`)
      .set('Authorization', as('platform-admin'))
      .set('Content-Type', 'application/json')
      .send(`{"services":"${'x'.repeat(11 * 1024 * 1024)}"}`);
    expect(footprint.status).toBe(413);
    expect(footprint.body.error.message).toMatch(
      /^\(root\): the request is over the 10mb body limit/,
    );
  });

  /** Every route of the table that reads a body, with a caller it refuses. */
  const bodyRoutes = Object.values(
    regionExpansionRoutes as Record<string, RouteDefinition>,
  )
    .filter(route => route.body)
    .map(route => {
      // A role the policy denies, else no credentials (401 for everyone).
      const denied = ROLE_CODES.find(
        ([role]) => !decideForTestRole(role, route.permission),
      )?.[0];
      return {
        name: `${route.method} ${route.path}`,
        route,
        authorization: denied ? as(denied) : as('anonymous'),
        status: denied ? 403 : 401,
      };
    });

  it.each(bodyRoutes.map(r => [r.name, r] as const))(
    '%s: a refused caller is answered without the body being read',
    async (_, { route, authorization, status }) => {
      const answered = await statusWithBodyWithheld(server, {
        method: route.method,
        path: urlOf(route, route.example ?? {}),
        authorization,
        firstByte: '{',
      });
      expect(answered).toBe(status);
    },
  );

  it.each(bodyRoutes.map(r => [r.name, r] as const))(
    '%s: a body type the route does not read is 415 naming the types it reads, and only for a caller with the permission',
    async (_, { route, authorization, status }) => {
      const send = (auth: string) =>
        request(server)
          [route.method.toLowerCase() as 'post'](
            urlOf(route, route.example ?? {}),
          )
          .set('Authorization', auth)
          .set('Content-Type', 'text/plain')
          .send('{}');
      const refused = await send(authorization);
      expect(refused.status).toBe(status);
      const allowed = await send(as('platform-admin'));
      expect({
        status: allowed.status,
        message: allowed.body.error?.message,
      }).toEqual({
        status: 415,
        message: `Content-Type: 'text/plain' is not read here; send ${[
          'application/json',
          ...(route.textBody?.contentTypes ?? []),
        ].join(' or ')}`,
      });
    },
  );
});
