import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionApiRef } from './RegionExpansionApi';

/**
 * The client behind {@link regionExpansionApiRef}, for both frontend
 * systems: the legacy plugin lists it, the new one's API extension takes it.
 */
export const regionExpansionApiFactory = createApiFactory({
  api: regionExpansionApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new RegionExpansionClient({ discoveryApi, fetchApi }),
});
