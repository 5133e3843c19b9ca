import { useParams } from 'react-router-dom';
import { useApi } from '@backstage/core-plugin-api';
import { Content } from '@backstage/core-components';
import useAsync from 'react-use/esm/useAsync';
import { regionExpansionApiRef } from '../../api';
import { AsyncContent } from '../shared/EmptyOrError';
import { CellCapacityCard } from './CellCapacityCard';

/** One cell's capacity, loaded by id (a 404 shows the server's message). */
export function CellPage() {
  const { cellId = '' } = useParams();
  const api = useApi(regionExpansionApiRef);
  const { loading, error, value } = useAsync(
    () => api.getCell({ path: { id: cellId } }),
    [api, cellId],
  );
  return (
    <Content>
      <AsyncContent loading={loading} error={error} value={value}>
        {cell => <CellCapacityCard cell={cell} />}
      </AsyncContent>
    </Content>
  );
}
