import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/**
 * A chart with a visible caption. The caption names the figure for screen
 * readers, and the chart's own `title`/`desc` describe the SVG.
 */
export function ChartFigure(props: {
  caption: string;
  children: ReactNode;
  height?: number;
}) {
  const { caption, children, height = 240 } = props;
  return (
    <Box component="figure" aria-label={caption} sx={{ m: 0, width: '100%' }}>
      <Typography component="figcaption" variant="subtitle2" sx={{ mb: 1 }}>
        {caption}
      </Typography>
      <Box sx={{ width: '100%', height }}>{children}</Box>
    </Box>
  );
}

/** "3 h ago" style age of an ISO time, for freshness labels. */
export function ageOf(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  if (seconds < 90) return 'just now';
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} days ago`;
}

/** A date-time as the reader's locale writes it. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString();
}
