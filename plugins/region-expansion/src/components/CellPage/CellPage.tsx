import { useParams } from 'react-router-dom';
import { Content } from '@backstage/core-components';
import { CellCard } from './CellCard';

/** One cell's capacity, loaded by id (a 404 shows the server's message). */
export function CellPage() {
  const { cellId = '' } = useParams();
  return (
    <Content>
      <CellCard cellId={cellId} />
    </Content>
  );
}
