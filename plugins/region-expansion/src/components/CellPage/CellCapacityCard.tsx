import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import type { Cell } from '@region-expansion/plugin-region-expansion-common';
import { cellRouteRef, tenantsRouteRef } from '../../routes';
import { capacityDimensions } from './capacityDimensions';
import { CapacityGauge } from './CapacityGauge';

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
