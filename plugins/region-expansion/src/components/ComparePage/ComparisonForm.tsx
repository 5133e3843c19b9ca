import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Partition } from '@region-expansion/plugin-region-expansion-common';
import type { CompareLocationsBody } from '../../hooks/useLocationComparison';
import { regionExpansionTranslationRef } from '../../translation';
import { StackedForm } from '../shared/StackedForm';
import {
  compareBody,
  MAX_TENANT_CLASSES,
  newTenantClass,
  type TenantClassForm,
  type Workload,
} from './compareRequest';
import { TenantClassFields } from './TenantClassFields';
import { WorkloadPicker } from './WorkloadPicker';

/**
 * The workload and one to three tenant classes to rank locations for;
 * submitting hands the request to `onCompare`.
 */
export function ComparisonForm(props: {
  partitions: Partition[];
  busy: boolean;
  onCompare: (body: CompareLocationsBody) => void;
}) {
  const { partitions, busy, onCompare } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const [workload, setWorkload] = useState<Workload | undefined>({
    kind: 'stored',
  });
  const [classes, setClasses] = useState<TenantClassForm[]>(() => [
    newTenantClass(0),
  ]);
  // Numbered past every class ever added, so a new one never repeats a name.
  const [added, setAdded] = useState(1);

  const update = (index: number, value: TenantClassForm) =>
    setClasses(classes.map((c, i) => (i === index ? value : c)));

  return (
    <StackedForm
      label={t('comparePage.formLabel')}
      maxWidth={1200}
      onSubmit={() => workload && onCompare(compareBody(workload, classes))}
    >
      <WorkloadPicker onChange={setWorkload} />
      <Typography variant="h6" component="h2">
        {t('comparePage.classesHeading')}
      </Typography>
      {classes.map((tenantClass, index) => (
        <TenantClassFields
          key={index}
          value={tenantClass}
          partitions={partitions}
          onChange={value => update(index, value)}
          onRemove={
            classes.length > 1
              ? () => setClasses(classes.filter((_, i) => i !== index))
              : undefined
          }
        />
      ))}
      <Stack useFlexGap direction="row" spacing={2}>
        <Button
          variant="outlined"
          disabled={classes.length >= MAX_TENANT_CLASSES}
          onClick={() => {
            setClasses([...classes, newTenantClass(added)]);
            setAdded(added + 1);
          }}
        >
          {t('comparePage.addClass')}
        </Button>
        <Button type="submit" variant="contained" disabled={!workload || busy}>
          {t('comparePage.submit')}
        </Button>
      </Stack>
    </StackedForm>
  );
}
