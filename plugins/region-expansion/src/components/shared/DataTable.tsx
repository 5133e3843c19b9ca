import { ReactNode } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';

/** One column of a {@link DataTable}: its header and what a row shows in it. */
export interface DataColumn<T> {
  title: ReactNode;
  /** Right-aligned, as numbers are. */
  numeric?: boolean;
  cell: (row: T) => ReactNode;
}

/**
 * A small labelled table of rows, one column per {@link DataColumn}; with
 * `emptyText`, a sentence instead of a table without rows.
 */
export function DataTable<T>(props: {
  label: string;
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  emptyText?: ReactNode;
}) {
  const { label, columns, rows, rowKey, emptyText } = props;
  if (rows.length === 0 && emptyText !== undefined) {
    return <Typography variant="body2">{emptyText}</Typography>;
  }
  const align = (column: DataColumn<T>) =>
    column.numeric ? 'right' : undefined;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {columns.map((column, index) => (
            <TableCell key={index} align={align(column)}>
              {column.title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, rowIndex) => (
          <TableRow key={rowKey(row, rowIndex)}>
            {columns.map((column, index) => (
              <TableCell key={index} align={align(column)}>
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
