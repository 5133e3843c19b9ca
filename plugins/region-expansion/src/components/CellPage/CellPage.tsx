import { useParams } from 'react-router-dom';
import { Content } from '@backstage/core-components';
import { CellCard } from './CellCard';

/**
 * One cell's capacity, loaded by id (a 404 shows the server's message): the
 * id comes from the route, or from `cellId` where an entity page embeds it.
 */
export function CellPage(props: { cellId?: string }) {
  const params = useParams();
  const cellId = props.cellId ?? params.cellId ?? '';
  return (
    <Content>
      <CellCard cellId={cellId} />
    </Content>
  );
}
