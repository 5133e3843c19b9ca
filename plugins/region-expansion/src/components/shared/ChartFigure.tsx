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
