import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { Location } from '@region-expansion/plugin-region-expansion-common';
import { useTenant } from '../../hooks/useTenant';
import { MigrationForm } from './MigrationForm';
import { RunbookProgressList } from './RunbookProgressList';

/**
 * A tenant's details, why it sits where it sits (the latest placement
 * reason), its placement history, the runbook steps recorded for it and,
 * with permission, a migration form.
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
            <RunbookProgressList progress={value.runbookProgress} />
            <MigrationForm tenantId={value.tenant.id} locations={locations} />
          </Stack>
        )}
      </Box>
    </Drawer>
  );
}
