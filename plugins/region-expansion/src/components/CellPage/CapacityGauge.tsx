import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Gauge } from '@backstage/core-components';
import type { CapacityDimension } from './capacityDimensions';

/** One capacity dimension as a gauge of the used share, with used and limit. */
export function CapacityGauge(props: { dimension: CapacityDimension }) {
  const { name, used, limit } = props.dimension;
  // A zero limit means the dimension is exhausted by definition.
  const fraction = limit > 0 ? Math.min(used / limit, 1) : 1;
  return (
    <Box
      role="group"
      aria-label={`${name}: ${used} of ${limit} used`}
      sx={{ width: 120, textAlign: 'center' }}
    >
      {/* inverse: a full cell is the bad end of the colour scale */}
      <Gauge value={fraction} inverse size="small" />
      <Typography variant="caption" component="div">
        {name}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {used} / {limit}
      </Typography>
    </Box>
  );
}
