import { mockCredentials } from '@backstage/backend-test-utils';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import request from 'supertest';
import {
  conditionalPermissions,
  inPartitions,
  someone,
} from '../__testUtils__/conditionalPolicy';
import {
  CALLS,
  COMPARE,
  TEMPLATE,
  tool,
  WHAT_IF,
  WRITES,
} from '../__testUtils__/actionCalls';
import { callTool, connectMcp, startMcpBackend } from '../__testUtils__/mcp';
import { API, as, rolePermissionsFactory } from '../__testUtils__/rolePolicy';

jest.setTimeout(120_000);

describe('region-expansion actions through the MCP actions backend', () => {
  let baseUrl: string;
  let engineer: Client;

  beforeAll(async () => {
    baseUrl = await startMcpBackend({
      permissions: rolePermissionsFactory,
      tenants: 200,
    });
    engineer = await connectMcp(baseUrl, as('engineer'));
  });

  it('lists every region-expansion action as a read-only tool with its input schema', async () => {
    const { tools } = await engineer.listTools();
    const ours = tools.filter(t => t.name.startsWith('region-expansion.'));
    expect(ours.map(t => t.name).sort()).toEqual(
      CALLS.map(([name]) => tool(name)).sort(),
    );
    for (const t of ours) {
      const readOnly = t.name !== tool(WRITES);
      expect(t.description).toMatch(/Example: \{/);
      expect(t.annotations).toMatchObject({
        readOnlyHint: readOnly,
        idempotentHint: readOnly,
        destructiveHint: false,
      });
    }
    const schemaOf = (name: string) =>
      ours.find(t => t.name === tool(name))!.inputSchema;
    expect(schemaOf('get-location-readiness')).toMatchObject({
      type: 'object',
      required: ['locationId'],
      properties: { locationId: { type: 'string' } },
    });
    expect(schemaOf('assess-footprint')).toMatchObject({
      required: ['locationId', 'fileName', 'content'],
      properties: {
        classification: {
          enum: ['public', 'internal', 'confidential', 'restricted'],
        },
      },
    });
    expect(schemaOf('what-if-placement')).toMatchObject({
      required: ['profiles'],
      properties: {
        profiles: {
          type: 'array',
          items: { properties: { tier: { enum: ['pool', 'bridge', 'silo'] } } },
        },
      },
    });
    expect(schemaOf('explain-placement')).toMatchObject({
      required: ['tenantId'],
    });
  });

  it('answers get-location-readiness with the level, blockers and active waivers', async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const granted = await request(baseUrl)
      .post(`${API}/waivers`)
      .set('Authorization', as('platform-admin'))
      .send({
        locationId: 'eu-west-1',
        check: 'resilience',
        reason: 'Resilience Hub assessment booked for next month',
        approver: 'ciso@example.com',
        expiresAt,
      });
    expect(granted.status).toBe(201);
    const { output, error } = await callTool(
      engineer,
      tool('get-location-readiness'),
      { locationId: 'eu-west-1' },
    );
    expect(error).toBeUndefined();
    const rest = await request(baseUrl)
      .get(`${API}/readiness/eu-west-1`)
      .set('Authorization', as('engineer'));
    expect(output).toEqual({
      locationId: 'eu-west-1',
      partition: 'aws',
      level: rest.body.level,
      evaluatedAt: rest.body.evaluatedAt,
      blockers: rest.body.blockers,
      openChecks: rest.body.openChecks,
      waivedChecks: ['resilience'],
      waivers: [
        {
          id: granted.body.waiver.id,
          check: 'resilience',
          reason: 'Resilience Hub assessment booked for next month',
          approver: 'ciso@example.com',
          expiresAt: granted.body.waiver.expiresAt,
        },
      ],
    });
  });

  it('answers assess-footprint with the file footprint and the level it would give, as the REST route does', async () => {
    const args = {
      locationId: 'eusc-de-east-1',
      fileName: 'stack.json',
      content: TEMPLATE,
      classification: 'confidential',
      homeCountry: 'DE',
    };
    const { output, error } = await callTool(
      engineer,
      tool('assess-footprint'),
      args,
    );
    expect(error).toBeUndefined();
    const { locationId, ...body } = args;
    const rest = await request(baseUrl)
      .post(`${API}/readiness/${locationId}/assess`)
      .set('Authorization', as('engineer'))
      .send(body);
    expect(rest.status).toBe(200);
    expect(output).toEqual({
      locationId: 'eusc-de-east-1',
      partition: 'aws-eusc',
      fileName: 'stack.json',
      kind: 'cloudformation',
      services: rest.body.footprint.services.map((s: any) => s.code),
      level: rest.body.evaluation.level,
      blockers: rest.body.evaluation.blockers,
      openChecks: rest.body.evaluation.openChecks,
      availabilityGaps: rest.body.availabilityGaps,
      sovereigntyBlockers: rest.body.sovereigntyBlockers,
    });
    expect(output.services).toEqual(expect.arrayContaining(['s3', 'lambda']));
  });

  it('answers what-if-placement with the forecast and writes nothing', async () => {
    const summary = async () =>
      (
        await request(baseUrl)
          .get(`${API}/locations/summary`)
          .set('Authorization', as('engineer'))
      ).body;
    const before = await summary();
    const { output, error } = await callTool(
      engineer,
      tool('what-if-placement'),
      WHAT_IF,
    );
    expect(error).toBeUndefined();
    expect(output.requested).toBe(30);
    expect(
      output.placedInExistingCells +
        output.placedInNewCells +
        output.unplaceable.count,
    ).toBe(30);
    expect(await summary()).toEqual(before);
  });

  it('answers explain-placement with the cell, the stored decision and whether the rules still hold', async () => {
    const { output, error } = await callTool(
      engineer,
      tool('explain-placement'),
      { tenantId: 'tenant-00001' },
    );
    expect(error).toBeUndefined();
    const tenant = (
      await request(baseUrl)
        .get(`${API}/tenants/tenant-00001`)
        .set('Authorization', as('engineer'))
    ).body;
    expect(output.tenant.id).toBe('tenant-00001');
    expect(output.cell.id).toBe(tenant.cellId);
    expect(output.rulesHoldNow).toBe(true);
    expect(output.summary).toContain(`cell '${tenant.cellId}'`);
  });

  it('answers compare-locations with the ranking of POST /comparisons, the best `limit` per class', async () => {
    const { output, error } = await callTool(
      engineer,
      tool('compare-locations'),
      { ...COMPARE, limit: 2 },
    );
    expect(error).toBeUndefined();
    const rest = await request(baseUrl)
      .post(`${API}/comparisons`)
      .set('Authorization', as('engineer'))
      .send(COMPARE);
    expect(rest.status).toBe(200);
    const [restClass] = rest.body.classes;
    expect(output.classes).toEqual([
      {
        name: 'eu-restricted',
        candidates: 3,
        qualifying: restClass.qualifying,
        ranked: restClass.ranked.slice(0, 2),
      },
    ]);
    const usEast = restClass.ranked.find(
      (r: any) => r.locationId === 'us-east-1',
    );
    expect(usEast.qualifies).toBe(false);
    expect(usEast.gaps.map((g: any) => g.kind)).toContain('residency');
  });

  /** Adds an unplaced tenant through the REST API, as a platform admin. */
  const addTenant = async (id: string) => {
    const res = await request(baseUrl)
      .post(`${API}/tenants`)
      .set('Authorization', as('platform-admin'))
      .send({
        id,
        name: id,
        tier: 'pool',
        classification: 'internal',
        loadUnits: 1,
      });
    expect(res.status).toBe(201);
  };

  it("answers every action's documented examples", async () => {
    await addTenant('new-tenant');
    const { body } = await request(baseUrl)
      .get(`${API}/.backstage/actions/v1/actions`)
      .set('Authorization', as('engineer'));
    const examples = body.actions.flatMap((action: any) =>
      (action.examples ?? []).map((example: any) => [action.name, example]),
    );
    expect(examples.map(([name]: [string]) => name).sort()).toEqual(
      CALLS.map(([name]) => name).sort(),
    );
    for (const [name, example] of examples) {
      const { error } = await callTool(engineer, tool(name), example.input);
      expect({ name, error }).toEqual({ name, error: undefined });
    }
  });

  it('places a tenant with place-tenant and records it; a second call is refused', async () => {
    await addTenant('agent-tenant');
    const { output, error } = await callTool(engineer, tool('place-tenant'), {
      tenantId: 'agent-tenant',
    });
    expect(error).toBeUndefined();
    expect(output.decision.outcome).toBe('placed');
    expect(output.record).toMatchObject({
      tenantId: 'agent-tenant',
      cellId: output.decision.cellId,
      kind: 'placed',
    });
    const stored = await request(baseUrl)
      .get(`${API}/tenants/agent-tenant`)
      .set('Authorization', as('engineer'));
    expect(stored.body.cellId).toBe(output.decision.cellId);
    const again = await callTool(engineer, tool('place-tenant'), {
      tenantId: 'agent-tenant',
    });
    expect(again.error).toBe(
      `ConflictError: tenantId: tenant 'agent-tenant' already lives in cell '${output.decision.cellId}'; use a migration`,
    );
  });

  it('refuses an anonymous caller at the MCP endpoint, before any tool', async () => {
    await expect(connectMcp(baseUrl, as('anonymous'))).rejects.toThrow(/401/);
  });

  it('refuses place-tenant to an auditor, who may only read', async () => {
    const auditor = await connectMcp(baseUrl, as('auditor'));
    await addTenant('audited-tenant');
    const { error } = await callTool(auditor, tool('place-tenant'), {
      tenantId: 'audited-tenant',
    });
    expect(error).toBe(
      "NotAllowedError: Permission 'region-expansion.placement.execute' is required",
    );
    const stored = await request(baseUrl)
      .get(`${API}/tenants/audited-tenant`)
      .set('Authorization', as('auditor'));
    expect(stored.body.cellId).toBeUndefined();
  });

  it.each(CALLS)(
    'refuses %s to a signed-in user without the permission',
    async (name, args) => {
      const nobody = await connectMcp(
        baseUrl,
        mockCredentials.user.header('user:default/nobody'),
      );
      const { output, error } = await callTool(nobody, tool(name), args);
      expect(output).toBeUndefined();
      expect(error).toMatch(
        /^NotAllowedError: Permission 'region-expansion\.[a-z.]+' is required$/,
      );
    },
  );

  it.each<[string, Record<string, unknown>, string]>([
    [
      'get-location-readiness',
      { locationId: 'EU West' },
      'InputError: locationId: must be 1-64 lower-case letters',
    ],
    [
      'get-location-readiness',
      { locationId: 'xx-nowhere-9' },
      "NotFoundError: Location 'xx-nowhere-9' does not exist",
    ],
    [
      'assess-footprint',
      {
        locationId: 'eu-west-1',
        fileName: 'stack.json',
        content: TEMPLATE,
        homeCountry: 'XX',
      },
      'InputError: homeCountry: must be an ISO 3166-1 alpha-2 country code',
    ],
    [
      'assess-footprint',
      { locationId: 'eu-west-1', fileName: 'stack.json', content: '{"Res' },
      'InputError: content:',
    ],
    [
      'what-if-placement',
      { profiles: [{ ...WHAT_IF.profiles[0], count: 20000 }] },
      'InputError: profiles.0.count: must be at most 10000',
    ],
    [
      'explain-placement',
      { tenantId: 'Tenant 1' },
      'InputError: tenantId: must be 1-64 lower-case letters',
    ],
    [
      'explain-placement',
      { tenantId: 'no-such-tenant' },
      "NotFoundError: Tenant 'no-such-tenant' does not exist",
    ],
    [
      'compare-locations',
      { ...COMPARE, candidates: ['xx-nowhere-9'] },
      'InputError: candidates.0:',
    ],
    [
      'compare-locations',
      { ...COMPARE, limit: 0 },
      'InputError: limit: must be at least 1',
    ],
    [
      'compare-locations',
      { ...COMPARE, bomOverrides: { 'compute.instance-hours': -5 } },
      'InputError: bomOverrides.compute.instance-hours: must not be negative',
    ],
    [
      'what-if-placement',
      { profiles: 'many' },
      'InputError: Invalid input to action "region-expansion:what-if-placement"',
    ],
  ])('refuses %s with %j: %s', async (name, args, message) => {
    const { output, error } = await callTool(engineer, tool(name), args);
    expect(output).toBeUndefined();
    expect(error).toContain(message);
  });
});

describe('region-expansion actions for a caller allowed only one partition', () => {
  let scoped: Client;

  beforeAll(async () => {
    const baseUrl = await startMcpBackend({
      permissions: conditionalPermissions(inPartitions('aws-eusc')).factory,
      tenants: 50,
    });
    scoped = await connectMcp(baseUrl, someone);
  });

  it('answers get-location-readiness inside the partition', async () => {
    const { output, error } = await callTool(
      scoped,
      tool('get-location-readiness'),
      { locationId: 'eusc-de-east-1' },
    );
    expect(error).toBeUndefined();
    expect(output.partition).toBe('aws-eusc');
  });

  it('answers a location outside the partition as one that does not exist', async () => {
    const { error } = await callTool(scoped, tool('get-location-readiness'), {
      locationId: 'eu-west-1',
    });
    expect(error).toBe("NotFoundError: Location 'eu-west-1' does not exist");
  });

  it('ranks only the partition for compare-locations, and refuses a candidate outside it as unknown', async () => {
    const { output, error } = await callTool(
      scoped,
      tool('compare-locations'),
      { tenantClasses: COMPARE.tenantClasses },
    );
    expect(error).toBeUndefined();
    const partitions = new Set(
      output.classes[0].ranked.map((r: any) => r.partition),
    );
    expect([...partitions]).toEqual(['aws-eusc']);
    const outside = await callTool(scoped, tool('compare-locations'), COMPARE);
    expect(outside.error).toMatch(/^InputError: candidates\.0: /);
  });

  it.each(
    CALLS.filter(
      ([name]) =>
        !['get-location-readiness', 'compare-locations', WRITES].includes(name),
    ),
  )(
    'refuses %s, which cannot be filtered by partition, as its REST route does',
    async (name, args) => {
      const { error } = await callTool(scoped, tool(name), args);
      expect(error).toMatch(
        /^NotAllowedError: Permission 'region-expansion\.location\.read' is granted for part of the estate only/,
      );
    },
  );
});
