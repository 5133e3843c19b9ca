import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { regionExpansionPlugin } from '../plugin';
import { RegionPicker } from './RegionPicker';

/**
 * The `RegionPicker` scaffolder field: pick a target location with its
 * partition, footprint availability coverage and readiness level. Provided
 * by the region-expansion plugin (`@backstage/plugin-scaffolder`, whose
 * `scaffolderPlugin` could provide it too, is not a dependency here).
 *
 * @public
 */
export const RegionPickerFieldExtension = regionExpansionPlugin.provide(
  createScaffolderFieldExtension({
    name: 'RegionPicker',
    component: RegionPicker,
  }),
);
