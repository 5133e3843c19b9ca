import type { RouteDefinition } from '@region-expansion/plugin-region-expansion-common';

/**
 * The documented example of a REST route (a request that succeeds against
 * the demo estate) as the example of the action that answers the same
 * question: its path parameters and body in one input. The route table
 * types examples loosely (`unknown`), so the input is not checked here;
 * the MCP test runs every action's examples, which checks them.
 */
export function exampleOf(
  route: RouteDefinition,
  title: string,
): { title: string; input: any } {
  const { params, body } = route.example ?? {};
  return { title, input: { ...params, ...(body as object | undefined) } };
}
