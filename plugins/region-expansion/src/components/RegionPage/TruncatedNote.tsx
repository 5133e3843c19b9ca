import Typography from '@mui/material/Typography';

/** Rows of long lists shown before "and N more". */
export const LIST_LIMIT = 20;

/** Says how many rows a list left out, and where to see them all. */
export function TruncatedNote(props: { shown: number; total: number }) {
  if (props.total <= props.shown) return null;
  return (
    <Typography variant="caption" color="text.secondary">
      …and {props.total - props.shown} more (the CLI's `--json` lists all)
    </Typography>
  );
}
