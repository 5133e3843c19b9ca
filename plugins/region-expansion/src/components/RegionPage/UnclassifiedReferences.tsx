import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { FootprintAssessment } from '@region-expansion/plugin-region-expansion-common';
import { LIST_LIMIT, TruncatedNote } from './TruncatedNote';

/**
 * What an assessed file references that maps to no service, the first rows
 * of it: its availability was not checked.
 */
export function UnclassifiedReferences(props: {
  unknown: FootprintAssessment['footprint']['unknown'];
}) {
  const { unknown } = props;
  if (unknown.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">
        Not classified ({unknown.length})
      </Typography>
      <Typography variant="body2" color="text.secondary">
        These could not be mapped to a service, so their availability was not
        checked.
      </Typography>
      <List dense aria-label="Not classified">
        {unknown.slice(0, LIST_LIMIT).map((u, index) => (
          <ListItem key={`${u.value}-${index}`} disableGutters>
            <ListItemText
              primary={`${u.kind}: ${u.value}`}
              secondary={u.path}
            />
          </ListItem>
        ))}
      </List>
      <TruncatedNote shown={LIST_LIMIT} total={unknown.length} />
    </Box>
  );
}
