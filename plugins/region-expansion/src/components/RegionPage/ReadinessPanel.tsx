import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import { READINESS_CHECKS } from '@region-expansion/plugin-region-expansion-common';
import { ReadinessChip } from '../shared/ReadinessChip';
import {
  READINESS_UNAVAILABLE_NOTE,
  READINESS_WITHOUT_EVALUATION,
} from '../shared/readiness';

/**
 * Readiness level and one line per typed signal. Until the backend serves
 * evaluations every signal is shown as unknown, with the reason.
 */
export function ReadinessPanel(props: { locationId: string }) {
  return (
    <InfoCard title="Readiness" subheader={props.locationId}>
      <Stack spacing={1}>
        <ReadinessChip level={READINESS_WITHOUT_EVALUATION} />
        <Typography variant="body2" color="text.secondary">
          {READINESS_UNAVAILABLE_NOTE}
        </Typography>
        <List dense aria-label="Readiness signals">
          {READINESS_CHECKS.map(check => (
            <ListItem key={check} disableGutters>
              <ListItemText primary={check} secondary="unknown: no signal" />
            </ListItem>
          ))}
        </List>
      </Stack>
    </InfoCard>
  );
}
