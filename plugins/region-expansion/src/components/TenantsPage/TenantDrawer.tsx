import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  placementExecutePermission,
  type Location,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { useTenant } from '../../hooks/useTenant';
import { usePermissionGate } from '../shared/MissingPermissionNote';

function MigrationForm(props: { tenantId: string; locations: Location[] }) {
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

/**
 * A tenant's details, why it sits where it sits (the latest placement
 * reason), its placement history and, with permission, a migration form.
 */
export function TenantDrawer(props: {
  tenantId?: string;
  locations: Location[];
  onClose: () => void;
}) {
  const { tenantId, locations, onClose } = props;
  const { loading, error, value } = useTenant(tenantId);
  const latest = value?.history[value.history.length - 1];

  return (
    <Drawer anchor="right" open={Boolean(tenantId)} onClose={onClose}>
      <Box
        sx={{ width: 440, p: 3 }}
        role="region"
        aria-label={`Tenant ${tenantId ?? ''}`}
      >
        <Stack direction="row" justifyContent="space-between">
          <Typography variant="h5" component="h2">
            {value?.tenant.name ?? tenantId}
          </Typography>
          <IconButton aria-label="Close tenant details" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Stack>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <Stack useFlexGap spacing={2}>
            <Typography color="text.secondary">
              {value.tenant.id} · {value.tenant.tier} ·{' '}
              {value.tenant.classification} · {value.tenant.loadUnits} load
              units · cell {value.tenant.cellId ?? 'none (unplaced)'}
            </Typography>
            <section aria-label="Placement reason">
              <Typography variant="h6" component="h3">
                Placement reason
              </Typography>
              <Typography>
                {latest?.reason ?? 'Not placed yet: no placement recorded.'}
              </Typography>
            </section>
            <section aria-label="Placement history">
              <Typography variant="h6" component="h3">
                History
              </Typography>
              <List dense>
                {value.history.map(record => (
                  <ListItem
                    key={`${record.at}-${record.cellId}`}
                    disableGutters
                  >
                    <ListItemText
                      primary={`${record.kind} ${
                        record.fromCellId ? `${record.fromCellId} → ` : ''
                      }${record.cellId} (${record.strategy})`}
                      secondary={`${new Date(record.at).toISOString()}: ${
                        record.reason
                      }`}
                    />
                  </ListItem>
                ))}
              </List>
            </section>
            <MigrationForm tenantId={value.tenant.id} locations={locations} />
          </Stack>
        )}
      </Box>
    </Drawer>
  );
}
