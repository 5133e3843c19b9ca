import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { MorePages } from './useMorePages';
import { ServerErrorAlert } from './ServerErrorAlert';

/**
 * Under a paged list: how many rows are shown and a button that reads the
 * next page, while the server has more; the server's message if that fails.
 */
export function ShowMoreRows(props: {
  pages: MorePages<unknown>;
  what: string;
}) {
  const { pages, what } = props;
  if (!pages.hasMore && !pages.error) return null;
  return (
    <Stack useFlexGap spacing={1} alignItems="flex-start">
      {pages.hasMore && (
        <>
          <Typography variant="body2" color="text.secondary">
            Showing the first {pages.items.length} {what}; there are more.
          </Typography>
          <Button
            size="small"
            variant="outlined"
            disabled={pages.loading}
            onClick={pages.loadMore}
          >
            Show more {what}
          </Button>
        </>
      )}
      <ServerErrorAlert error={pages.error} />
    </Stack>
  );
}
