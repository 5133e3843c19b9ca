import { useState } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { RankedLocation } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionTranslationRef } from '../../translation';
import { RankingRow } from './RankingRow';
import {
  sortRanking,
  type RankingSort,
  type RankingSortKey,
} from './rankingOrder';

/** The most locations the side-by-side shows. */
export const MAX_SIDE_BY_SIDE = 4;

/** The sortable columns, in the table's order, with their header keys. */
const SORTABLE: Array<{
  key: RankingSortKey;
  label:
    | 'rankColumn'
    | 'locationColumn'
    | 'gapsColumn'
    | 'readinessColumn'
    | 'perCellColumn'
    | 'perTenantColumn'
    | 'latencyColumn';
  numeric?: boolean;
}> = [
  { key: 'rank', label: 'rankColumn', numeric: true },
  { key: 'location', label: 'locationColumn' },
  { key: 'gaps', label: 'gapsColumn' },
  { key: 'readiness', label: 'readinessColumn' },
];
const SORTABLE_COSTS: typeof SORTABLE = [
  { key: 'monthlyPerCell', label: 'perCellColumn', numeric: true },
  { key: 'monthlyPerTenant', label: 'perTenantColumn', numeric: true },
  { key: 'latency', label: 'latencyColumn' },
];

/**
 * The ranked locations of one tenant class, sortable by every column
 * (server's rank first), each row selectable for the side-by-side (at most
 * {@link MAX_SIDE_BY_SIDE}) and with its "why" on demand.
 */
export function RankingTable(props: {
  label: string;
  rows: RankedLocation[];
  selected: string[];
  onSelectedChange: (selected: string[]) => void;
}) {
  const { label, rows, selected, onSelectedChange } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const [sort, setSort] = useState<RankingSort>({
    key: 'rank',
    direction: 'asc',
  });
  const header = (column: (typeof SORTABLE)[number]) => (
    <TableCell
      key={column.key}
      align={column.numeric ? 'right' : undefined}
      sortDirection={sort.key === column.key ? sort.direction : false}
    >
      <TableSortLabel
        active={sort.key === column.key}
        direction={sort.key === column.key ? sort.direction : 'asc'}
        onClick={() =>
          setSort({
            key: column.key,
            direction:
              sort.key === column.key && sort.direction === 'asc'
                ? 'desc'
                : 'asc',
          })
        }
      >
        {t(`comparePage.${column.label}`)}
      </TableSortLabel>
    </TableCell>
  );
  const full = selected.length >= MAX_SIDE_BY_SIDE;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          {SORTABLE.map(header)}
          <TableCell>{t('comparePage.adviceColumn')}</TableCell>
          {SORTABLE_COSTS.map(header)}
          <TableCell padding="checkbox" />
        </TableRow>
      </TableHead>
      <TableBody>
        {sortRanking(rows, sort).map(row => (
          <RankingRow
            key={row.locationId}
            row={row}
            selected={selected.includes(row.locationId)}
            selectable={!full}
            onSelect={on =>
              onSelectedChange(
                on
                  ? [...selected, row.locationId]
                  : selected.filter(id => id !== row.locationId),
              )
            }
          />
        ))}
      </TableBody>
    </Table>
  );
}
