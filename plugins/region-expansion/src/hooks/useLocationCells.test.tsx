import { waitFor } from '@testing-library/react';
import { renderHookWithClient } from '../__testUtils__/renderWithPlugin';
import { recordRequests, setupTestServer } from '../__testUtils__/testServer';
import { useLocationCells } from './useLocationCells';

const server = setupTestServer();

describe('useLocationCells', () => {
  it("reads a Region's cells and its Local Zones' cells, never every cell", async () => {
    const cellRequests = recordRequests(server, '/cells');
    const { result } = renderHookWithClient(() =>
      useLocationCells('us-east-1'),
    );
    await waitFor(() => expect(result.current.value).toBeDefined());
    expect(result.current.value?.cells.map(c => c.id)).toEqual(['cell-bos-1']);
    expect(cellRequests.map(url => url.search).sort()).toEqual([
      '?locationId=us-east-1',
      '?locationId=us-east-1-bos-1a',
    ]);
  });
});
