import { createDevApp } from '@backstage/frontend-dev-utils';
import regionExpansionPlugin from '../src';

// The plugin as an app of the new frontend system installs it: its pages
// (with the "Regions" sidebar item), API client, entity extensions and the
// RegionPicker field, against the backend the app config points to.
createDevApp({ features: [regionExpansionPlugin] });
