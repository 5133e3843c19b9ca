import { waitFor } from '@testing-library/react';
import type { TenantListQuery } from '@region-expansion/plugin-region-expansion-common';
import { renderHookWithClient } from '../__testUtils__/renderWithPlugin';
import { recordRequests, setupTestServer } from '../__testUtils__/testServer';
import { useTenants } from './useTenants';

const server = setupTestServer();

describe('useTenants', () => {
  it('asks again when the query changes, not for equal queries in new objects', async () => {
    const asked = recordRequests(server, '/tenants');
    let query: TenantListQuery = { tier: 'bridge', offset: 0, limit: 5 };
    const { result, rerender } = renderHookWithClient(() => useTenants(query));
    await waitFor(() => expect(result.current.value?.items).toHaveLength(5));
    expect(result.current.value?.items.every(t => t.tier === 'bridge')).toBe(
      true,
    );

    query = { tier: 'bridge', offset: 0, limit: 5 };
    rerender();
    query = { tier: 'bridge', offset: 5, limit: 5 };
    rerender();
    await waitFor(() => expect(result.current.value?.offset).toBe(5));
    expect(asked.map(url => url.search)).toEqual([
      '?tier=bridge&offset=0&limit=5',
      '?tier=bridge&offset=5&limit=5',
    ]);
  });
});
