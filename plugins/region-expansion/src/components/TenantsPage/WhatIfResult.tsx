import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { WhatIfResult as WhatIfAnswer } from '@region-expansion/plugin-region-expansion-common';

/**
 * What a what-if answered: how many tenants fit existing and new cells or
 * nowhere (with why), the cells to create and the quotas to request.
 */
export function WhatIfResult(props: { result: WhatIfAnswer }) {
  const { result } = props;
  return (
    <Stack
      useFlexGap
      spacing={2}
      aria-label="What-if result"
      component="section"
    >
      <Typography>
        {result.requested} tenants: {result.placedInExistingCells} fit existing
        cells, {result.placedInNewCells} need new cells,{' '}
        {result.unplaceable.count} fit nowhere.
      </Typography>
      {result.unplaceable.reasons.map(reason => (
        <Typography key={reason} color="error">
          {reason}
        </Typography>
      ))}
      <Table size="small" aria-label="Cells to create">
        <TableHead>
          <TableRow>
            <TableCell>Location</TableCell>
            <TableCell>Isolation</TableCell>
            <TableCell align="right">Cells to create</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.cellsToCreate.map(row => (
            <TableRow key={`${row.locationId}-${row.isolation}`}>
              <TableCell>{row.locationId}</TableCell>
              <TableCell>{row.isolation}</TableCell>
              <TableCell align="right">{row.count}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="small" aria-label="Quotas to request">
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Quota</TableCell>
            <TableCell align="right">Per cell</TableCell>
            <TableCell align="right">Cells</TableCell>
            <TableCell align="right">Total to request</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.quotaRequests.map(row => (
            <TableRow key={`${row.serviceCode}-${row.quotaCode}`}>
              <TableCell>{row.serviceCode}</TableCell>
              <TableCell>
                {row.quotaName} ({row.quotaCode})
              </TableCell>
              <TableCell align="right">{row.perCell}</TableCell>
              <TableCell align="right">{row.cellCount}</TableCell>
              <TableCell align="right">{row.total}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}
