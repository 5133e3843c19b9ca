import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import {
  READINESS_CHECKS,
  type StoredReadinessEvaluation,
} from '@region-expansion/plugin-region-expansion-common';
import { ageOf, formatTime } from '../shared/time';
import { SignalStatusChip } from './SignalStatusChip';

/** One line per typed signal: status, freshness, detail and a waiver mark. */
export function SignalList(props: { evaluation: StoredReadinessEvaluation }) {
  const { evaluation } = props;
  return (
    <List dense aria-label="Readiness signals">
      {READINESS_CHECKS.map(check => {
        const signal = evaluation.signals[check];
        return (
          <ListItem
            key={check}
            disableGutters
            aria-label={`${check}: ${signal.status}${
              signal.waived ? ', waived' : ''
            }`}
          >
            <Stack
              useFlexGap
              direction="row"
              spacing={2}
              alignItems="flex-start"
              // Let long details wrap instead of widening the card.
              sx={{ minWidth: 0, flex: 1 }}
            >
              <SignalStatusChip signal={signal} />
              <ListItemText
                // The theme keeps list text on one line; details must wrap.
                sx={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
                primary={
                  <>
                    <strong>{check}</strong>
                    {signal.waived && (
                      <Chip
                        size="small"
                        variant="outlined"
                        label={`Waived until ${
                          signal.waiver
                            ? formatTime(signal.waiver.expiresAt)
                            : 'expiry unknown'
                        }`}
                        sx={{ ml: 1 }}
                      />
                    )}
                  </>
                }
                secondary={`${signal.detail} · observed ${
                  signal.observedAt
                    ? `${ageOf(signal.observedAt)} (${formatTime(
                        signal.observedAt,
                      )})`
                    : 'never: derived or missing signal'
                }`}
              />
            </Stack>
          </ListItem>
        );
      })}
    </List>
  );
}
