import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';

/**
 * A token for the region-expansion backend on behalf of the task's
 * initiator, so the backend's permission checks judge the user who runs
 * the template, not the scaffolder.
 */
export async function initiatorToken(
  auth: AuthService,
  ctx: { getInitiatorCredentials(): Promise<BackstageCredentials> },
): Promise<string> {
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await ctx.getInitiatorCredentials(),
    targetPluginId: 'region-expansion',
  });
  return token;
}
