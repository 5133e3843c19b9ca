import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { RegionPicker } from './RegionPicker';

/**
 * The `RegionPicker` field as the new frontend system's scaffolder loads it
 * (through the `scaffolder-form-field:region-expansion/region-picker`
 * extension), in a chunk of its own.
 */
export const regionPickerFormField = createFormField({
  name: 'RegionPicker',
  component: RegionPicker,
});
