import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { RunbookProgressRecord } from '@region-expansion/plugin-region-expansion-common';

/**
 * The runbook steps recorded for a tenant, oldest first: which runbook,
 * which step and kind, its status, when and by whom, and what happened.
 */
export function RunbookProgressList(props: {
  progress: RunbookProgressRecord[];
}) {
  const { progress } = props;
  return (
    <section aria-label="Runbook progress">
      <Typography variant="h6" component="h3">
        Runbook progress
      </Typography>
      {progress.length === 0 ? (
        <Typography color="text.secondary">
          No runbook step recorded.
        </Typography>
      ) : (
        <List dense>
          {progress.map(record => (
            <ListItem
              key={`${record.runbookId}-${record.step}-${record.at}`}
              disableGutters
            >
              <ListItemText
                primary={`${record.runbookId} · step ${record.step} ${record.kind} · ${record.status}`}
                secondary={`${new Date(record.at).toISOString()} by ${
                  record.actor
                }${record.detail ? `: ${record.detail}` : ''}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </section>
  );
}
