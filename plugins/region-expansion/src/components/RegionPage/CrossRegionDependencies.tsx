import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { CrossRegionDependency } from '@region-expansion/plugin-region-expansion-common';
import { LIST_LIMIT, TruncatedNote } from './TruncatedNote';

/** A count as the result writes it, with thousands separators. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Where a cross-Region finding was seen: its path, or, for a finding folded
 * from many places, the example paths and how many more there are.
 */
function foldedPaths(finding: CrossRegionDependency): string {
  const paths = finding.paths?.length ? finding.paths : [finding.path];
  const more = (finding.occurrences ?? paths.length) - paths.length;
  return `${paths.join(', ')}${more > 0 ? ` and ${count(more)} more` : ''}`;
}

/** Cross-Region dependencies of an assessed file, the first rows of them. */
export function CrossRegionDependencies(props: {
  dependencies: CrossRegionDependency[];
}) {
  const crossRegion = props.dependencies;
  if (crossRegion.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">
        Cross-Region dependencies ({crossRegion.length})
      </Typography>
      <List dense aria-label="Cross-Region dependencies">
        {crossRegion.slice(0, LIST_LIMIT).map((d, index) => (
          <ListItem key={`${d.path}-${index}`} disableGutters>
            <ListItemText
              primary={`${d.kind}: ${d.detail}${
                d.occurrences && d.occurrences > 1
                  ? ` (${count(d.occurrences)} places)`
                  : ''
              }`}
              secondary={foldedPaths(d)}
            />
          </ListItem>
        ))}
      </List>
      <TruncatedNote shown={LIST_LIMIT} total={crossRegion.length} />
    </Box>
  );
}
