import { ServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { regionExpansionPlugin } from '../plugin';

/** The MCP endpoint of the MCP actions backend (one bundled server). */
export const MCP_PATH = '/api/mcp-actions/v1';

/**
 * The plugins whose actions the demo portal's MCP server offers
 * (`backend.actions.pluginSources` of the repository's `app-config.yaml`),
 * so the tests fail if the portal stops listing `region-expansion`.
 */
export function portalActionSources(): string[] {
  const file = resolve(__dirname, '../../../../app-config.yaml');
  return parse(readFileSync(file, 'utf8')).backend.actions.pluginSources;
}

/**
 * Starts a backend with the region-expansion plugin and its demo estate of
 * `tenants` tenants, the MCP actions backend offering the actions of the
 * plugins the portal's app-config lists (`backend.actions.pluginSources`),
 * and `permissions` deciding every check. Answers the backend's base URL.
 */
export async function startMcpBackend(options: {
  permissions: ServiceFactory;
  tenants: number;
}): Promise<string> {
  const { server } = await startTestBackend({
    features: [
      regionExpansionPlugin,
      regionExpansionModuleDemo,
      mcpActionsPlugin,
      options.permissions,
      mockServices.rootConfig.factory({
        data: {
          backend: { actions: { pluginSources: portalActionSources() } },
          regionExpansion: {
            demoData: { enabled: true, tenants: options.tenants },
          },
        },
      }),
    ],
  });
  const address = server.address();
  if (!address || typeof address !== 'object') {
    throw new Error('The test backend listens on no port');
  }
  return `http://localhost:${address.port}`;
}

/**
 * An MCP client connected over streamable HTTP to the backend at `baseUrl`,
 * sending `authorization` (a mock credentials header) with each request.
 */
export async function connectMcp(
  baseUrl: string,
  authorization: string,
): Promise<Client> {
  const client = new Client({ name: 'region-expansion-test', version: '1.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${baseUrl}${MCP_PATH}`), {
      requestInit: { headers: { Authorization: authorization } },
    }),
  );
  return client;
}

/** What a tool call answered: its output, or the error text when refused. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<{ output?: any; error?: string }> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as Array<{ type: string; text: string }>)[0]
    ?.text;
  if (result.isError) return { error: text };
  return { output: result.structuredContent };
}
