import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ResponseErrorPanel } from '@backstage/core-components';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  placementExecutePermission,
  type Location,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { usePermissionGate } from '../shared/usePermissionGate';

/**
 * Moves a tenant to another location: "Check" asks whether it may move and
 * why not, "Migrate" moves it. Shown only with
 * `region-expansion.placement.execute`.
 */
export function MigrationForm(props: {
  tenantId: string;
  locations: Location[];
}) {
  const { tenantId, locations } = props;
  const api = useRegionExpansionApi();
  const gate = usePermissionGate(
    placementExecutePermission,
    'Migrating a tenant',
    null,
  );
  const [target, setTarget] = useState('');
  const [state, run] = useAsyncFn(
    (commit: boolean) =>
      api.planMigration({
        body: { tenantId, target: { locationId: target }, commit },
      }),
    [api, tenantId, target],
  );
  if (gate !== undefined) return gate;
  return (
    <Stack
      useFlexGap
      spacing={1}
      component="section"
      aria-label="Migrate tenant"
    >
      <Typography variant="h6" component="h3">
        Migrate
      </Typography>
      <TextField
        select
        size="small"
        label="Target location"
        value={target}
        onChange={e => setTarget(e.target.value)}
      >
        {locations.map(l => (
          <MenuItem key={l.id} value={l.id}>
            {l.name} ({l.id})
          </MenuItem>
        ))}
      </TextField>
      <Stack useFlexGap direction="row" spacing={1}>
        <Button disabled={!target || state.loading} onClick={() => run(false)}>
          Check
        </Button>
        <Button
          variant="contained"
          disabled={!target || state.loading}
          onClick={() => run(true)}
        >
          Migrate
        </Button>
      </Stack>
      {state.error && <ResponseErrorPanel error={state.error} />}
      {state.value &&
        (state.value.plan.ok ? (
          <Alert severity="success">
            {state.value.record ? 'Migrated: ' : 'Possible: '}
            {state.value.plan.reason}
          </Alert>
        ) : (
          <Alert severity="warning">
            Not possible:{' '}
            {state.value.plan.violations.map(v => v.detail).join('; ')}
          </Alert>
        ))}
    </Stack>
  );
}
