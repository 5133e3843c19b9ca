import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The `RegionPicker` scaffolder field (`ui:field: RegionPicker`) for the
 * scaffolder of the new frontend system.
 *
 * @alpha
 */
export const regionPickerFormField = FormFieldBlueprint.make({
  name: 'region-picker',
  params: {
    field: () =>
      import('../scaffolder/regionPickerFormField').then(
        m => m.regionPickerFormField,
      ),
  },
});
