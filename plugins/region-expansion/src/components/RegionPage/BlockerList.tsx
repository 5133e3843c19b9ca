import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { ReadinessBlocker } from '@region-expansion/plugin-region-expansion-common';

/** Blockers or open checks, each with its remediation. */
export function BlockerList(props: {
  label: string;
  blockers: ReadinessBlocker[];
}) {
  const { label, blockers } = props;
  if (blockers.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">
        {label} ({blockers.length})
      </Typography>
      <List dense aria-label={label}>
        {blockers.map((blocker, index) => (
          <ListItem key={`${blocker.check}-${index}`} disableGutters>
            <ListItemText
              sx={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
              primary={`${blocker.check}${
                blocker.service ? ` · ${blocker.service}` : ''
              }: ${blocker.detail}`}
              secondary={`Remediation: ${blocker.remediation}`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
