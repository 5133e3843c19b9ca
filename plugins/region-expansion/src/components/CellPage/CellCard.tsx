import { useCell } from '../../hooks/useCell';
import { AsyncContent } from '../shared/AsyncContent';
import { CellCapacityCard } from './CellCapacityCard';

/** One cell, loaded by id, as its capacity card (a 404 shows the server's message). */
export function CellCard(props: { cellId: string }) {
  const { loading, error, value } = useCell(props.cellId);
  return (
    <AsyncContent loading={loading} error={error} value={value}>
      {cell => <CellCapacityCard cell={cell} />}
    </AsyncContent>
  );
}
