import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Gauge, InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import type { Cell } from '@region-expansion/plugin-region-expansion-common';
import { cellRouteRef, tenantsRouteRef } from '../../routes';

/** One capacity dimension of a cell: used, limit and the used fraction. */
export interface CapacityDimension {
  name: string;
  used: number;
  limit: number;
}

/**
 * Every dimension a cell is bounded by: tenants, load units and each quota
 * the cell spec lists (quotas the cell does not list are unbounded).
 */
export function capacityDimensions(cell: Cell): CapacityDimension[] {
  return [
    { name: 'Tenants', used: cell.usage.tenants, limit: cell.capacity.tenants },
    {
      name: 'Load units',
      used: cell.usage.loadUnits,
      limit: cell.capacity.loadUnits,
    },
    ...Object.entries(cell.capacity.quotas).map(([name, limit]) => ({
      name,
      used: cell.usage.quotas[name] ?? 0,
      limit,
    })),
  ];
}

function CapacityGauge(props: { dimension: CapacityDimension }) {
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

/** A cell with a gauge per capacity dimension and links to its tenants. */
export function CellCapacityCard(props: { cell: Cell }) {
  const { cell } = props;
  const cellLink = useRouteRef(cellRouteRef);
  const tenantsLink = useRouteRef(tenantsRouteRef);
  return (
    <InfoCard
      title={<Link to={cellLink({ cellId: cell.id })}>{cell.name}</Link>}
      subheader={`${cell.id} · ${cell.lifecycle} · ${cell.isolation} · account ${cell.accountId} · spec ${cell.specVersion}`}
    >
      <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
        {capacityDimensions(cell).map(dimension => (
          <CapacityGauge key={dimension.name} dimension={dimension} />
        ))}
      </Stack>
      <Box sx={{ mt: 1 }}>
        <Link to={`${tenantsLink()}?cell=${encodeURIComponent(cell.id)}`}>
          {cell.usage.tenants} tenants in this cell
        </Link>
      </Box>
    </InfoCard>
  );
}
