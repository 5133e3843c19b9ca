import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import { BasicPermission } from '@backstage/plugin-permission-common';
import type { RegionExpansionScope } from '@region-expansion/plugin-region-expansion-node';
import type { AnyZodObject, z } from 'zod/v3';
import { authorizeAction } from './authorizeAction';
import type { RegionExpansionActionsOptions } from './registerRegionExpansionActions';

/**
 * One region-expansion action: what the registry shows, the permission its
 * REST route checks, whether it applies a partial grant's scope, and what
 * it answers for an authorized caller.
 */
export type RegionExpansionAction<
  TInput extends AnyZodObject,
  TOutput extends AnyZodObject,
> = Omit<ActionsRegistryActionOptions<TInput, TOutput>, 'action'> & {
  permission: BasicPermission;
  /** It filters by the scope of a partial grant (else it refuses one). */
  scoped: boolean;
  run(context: {
    input: z.infer<TInput>;
    credentials: BackstageCredentials;
    scope?: RegionExpansionScope;
  }): Promise<z.infer<TOutput>>;
};

/**
 * Registers `action` so that every call is first authorized for its caller
 * as the matching REST route is (see {@link authorizeAction}).
 */
export function registerAction<
  TInput extends AnyZodObject,
  TOutput extends AnyZodObject,
>(
  { actionsRegistry, permissions }: RegionExpansionActionsOptions,
  action: RegionExpansionAction<TInput, TOutput>,
): void {
  const { permission, scoped, run, ...shown } = action;
  // MCP tools carry no examples: the description shows the first one.
  const [example] = action.examples ?? [];
  actionsRegistry.register<TInput, TOutput>({
    ...shown,
    description: example
      ? `${action.description}\nExample: ${JSON.stringify(example.input)}`
      : action.description,
    action: async ({ input, credentials }) => {
      const scope = await authorizeAction({
        permissions,
        credentials,
        permission,
        action: action.name,
        scoped,
      });
      // The registry types its answer by a conditional type TypeScript
      // cannot resolve for a generic output schema.
      return { output: await run({ input, credentials, scope }) } as Awaited<
        ReturnType<ActionsRegistryActionOptions<TInput, TOutput>['action']>
      >;
    },
  });
}
