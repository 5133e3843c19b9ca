import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { regionExpansionApiFactory } from '../api/regionExpansionApiFactory';

/**
 * The region-expansion API client, for the new frontend system.
 *
 * @alpha
 */
export const regionExpansionApi = ApiBlueprint.make({
  params: defineParams => defineParams(regionExpansionApiFactory),
});
