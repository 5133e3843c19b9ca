import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createAssessAction,
  createPlanCellsAction,
  createPublishLocalAction,
  createRegisterAction,
  createRenderApplicationPlaneAction,
  createRenderGuardrailsAction,
} from './actions';
import { resolveOutputRoot } from './domain/publish';

/**
 * Scaffolder module of Region Expansion: registers the `region-expansion:*`
 * actions (assess, plan-cells, render-application-plane, render-guardrails,
 * register, publish-local).
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
          createAssessAction(),
          createPlanCellsAction(),
          createRenderApplicationPlaneAction(),
          createRenderGuardrailsAction(),
          createRegisterAction({ discovery, auth }),
          createPublishLocalAction({ outputDirectory }),
        );
      },
    });
  },
});
