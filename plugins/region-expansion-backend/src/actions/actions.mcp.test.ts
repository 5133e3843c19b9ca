import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { as, rolePermissionsFactory } from '../__testUtils__/rolePolicy';
import { callTool, connectMcp, startMcpBackend } from '../__testUtils__/mcp';

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

  it('lists every region-expansion action as a tool with its input schema and read-only hints', async () => {
    const { tools } = await engineer.listTools();
    const ours = tools.filter(t => t.name.startsWith('region-expansion.'));
    expect(ours.map(t => t.name).sort()).toEqual([
      'region-expansion.get-location-readiness',
    ]);
    const readinessTool = ours.find(
      t => t.name === 'region-expansion.get-location-readiness',
    )!;
    expect(readinessTool.inputSchema).toMatchObject({
      type: 'object',
      required: ['locationId'],
      properties: { locationId: { type: 'string' } },
    });
    expect(readinessTool.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
      destructiveHint: false,
    });
  });

  it('answers get-location-readiness with the level, blockers and waivers', async () => {
    const { output, error } = await callTool(
      engineer,
      'region-expansion.get-location-readiness',
      { locationId: 'eu-west-1' },
    );
    expect(error).toBeUndefined();
    expect(output).toMatchObject({
      locationId: 'eu-west-1',
      partition: 'aws',
      level: expect.stringMatching(/^(blocked|pilot|ready)$/),
    });
    expect(Array.isArray(output.blockers)).toBe(true);
    expect(Array.isArray(output.waivers)).toBe(true);
  });
});
