import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ComparisonService } from '../comparison/ComparisonService';
import { EstateService } from '../estate/EstateService';
import { PlacementService } from '../placement/PlacementService';
import { ReadinessService } from '../readiness/ReadinessService';
import { TenantService } from '../tenants/TenantService';
import { createAssessFootprintAction } from './createAssessFootprintAction';
import { createCompareLocationsAction } from './createCompareLocationsAction';
import { createExplainPlacementAction } from './createExplainPlacementAction';
import { createGetLocationReadinessAction } from './createGetLocationReadinessAction';
import { createPlaceTenantAction } from './createPlaceTenantAction';
import { createWhatIfPlacementAction } from './createWhatIfPlacementAction';

/**
 * What the region-expansion actions call: the same services as the REST
 * routes, and the permission service that decides for each action's caller.
 */
export interface RegionExpansionActionsOptions {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  estate: EstateService;
  tenants: TenantService;
  placement: PlacementService;
  readiness: ReadinessService;
  /** The ranked comparison; `compare-locations` is offered when given. */
  comparison?: ComparisonService;
}

/**
 * Registers the region-expansion actions in the actions registry, which the
 * MCP actions backend offers to AI agents as tools (`region-expansion.<name>`)
 * when `backend.actions.pluginSources` lists `region-expansion`.
 */
export function registerRegionExpansionActions(
  options: RegionExpansionActionsOptions,
): void {
  createGetLocationReadinessAction(options);
  createAssessFootprintAction(options);
  createWhatIfPlacementAction(options);
  createPlaceTenantAction(options);
  createExplainPlacementAction(options);
  if (options.comparison) {
    createCompareLocationsAction({
      ...options,
      comparison: options.comparison,
    });
  }
}
