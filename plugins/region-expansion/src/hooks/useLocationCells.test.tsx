import { waitFor } from '@testing-library/react';
import {
  renderHookWithClient,
  setupTestServer,
} from '../__testUtils__/testServer';
import { useLocationCells } from './useLocationCells';

const server = setupTestServer();

describe('useLocationCells', () => {
  it("reads a Region's cells and its Local Zones' cells, never every cell", async () => {
    const cellQueries: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/cells')) cellQueries.push(url.search);
    });
    const { result } = renderHookWithClient(() =>
      useLocationCells('us-east-1'),
    );
    await waitFor(() => expect(result.current.value).toBeDefined());
    expect(result.current.value?.cells.map(c => c.id)).toEqual(['cell-bos-1']);
    expect(cellQueries.sort()).toEqual([
      '?locationId=us-east-1',
      '?locationId=us-east-1-bos-1a',
    ]);
  });
});
