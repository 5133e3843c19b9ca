import { mockContext } from './regionExpansionBackend';

/** What the runner needs of an action. */
interface Handles {
  handler(ctx: any): Promise<void>;
}

/**
 * Runs `action`'s handler in `workspacePath` on `base` with a change over
 * it, and resolves to the mock context (its `output` calls, its logger).
 */
export function actionRunner(
  action: Handles,
  workspacePath: string,
  base: Record<string, any>,
) {
  return async (change: object = {}) => {
    const ctx = mockContext({
      workspacePath,
      input: { ...base, ...change } as Record<string, any>,
    });
    await action.handler(ctx);
    return ctx;
  };
}

/** Matches the InputError a refused input fails the task with. */
export function inputError(message: RegExp) {
  return expect.objectContaining({
    name: 'InputError',
    message: expect.stringMatching(message),
  });
}
