import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createAssessAction,
  createPlanCellsAction,
  createPublishLocalAction,
  createRegisterAction,
  createRenderApplicationPlaneAction,
  createRenderGuardrailsAction,
  createRunbookExecuteAction,
  createRunbookPlanAction,
} from './actions';
import { resolveOutputRoot } from './domain/publish';

const MAX_INFLATED_BYTES_KEY =
  'regionExpansion.scaffolder.assess.maxInflatedBytes';

/** The assess action's per-file limit from config; a bad value stops startup. */
function readMaxInflatedBytes(config: Config): number | undefined {
  const value = config.getOptionalNumber(MAX_INFLATED_BYTES_KEY);
  if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
    throw new Error(
      `${MAX_INFLATED_BYTES_KEY}: must be a whole number of bytes above 0, got ${value}`,
    );
  }
  return value;
}

/**
 * Scaffolder module of Region Expansion: registers the `region-expansion:*`
 * actions (assess, plan-cells, render-application-plane, render-guardrails,
 * register, publish-local, runbook:plan, runbook:execute).
 *
 * @public
 */
export const scaffolderModuleRegionExpansion = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'region-expansion',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolderActions, config, discovery, auth }) {
        const outputDirectory = resolveOutputRoot(
          config.getOptionalString(
            'regionExpansion.scaffolder.outputDirectory',
          ),
          process.cwd(),
        );
        scaffolderActions.addActions(
          createAssessAction({
            maxInflatedBytes: readMaxInflatedBytes(config),
          }),
          createPlanCellsAction(),
          createRenderApplicationPlaneAction(),
          createRenderGuardrailsAction(),
          createRegisterAction({ discovery, auth }),
          createPublishLocalAction({ outputDirectory }),
          createRunbookPlanAction({ discovery, auth }),
          createRunbookExecuteAction({ discovery, auth }),
        );
      },
    });
  },
});
