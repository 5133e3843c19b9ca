import { waitFor } from '@testing-library/react';
import { renderHookWithClient } from '../__testUtils__/renderWithPlugin';
import { failRoute, setupTestServer } from '../__testUtils__/testServer';
import { useReadinessSummaries } from './useReadinessSummaries';

const server = setupTestServer();

describe('useReadinessSummaries', () => {
  it('indexes the latest readiness by location', async () => {
    const { result } = renderHookWithClient(() => useReadinessSummaries());
    await waitFor(() => expect(result.current.value).toBeDefined());
    expect(result.current.value?.byLocation.get('eusc-de-east-1')?.level).toBe(
      'ready',
    );
    expect(result.current.value?.error).toBeUndefined();
  });

  it('never fails: unreadable readiness leaves every level unknown and keeps the reason', async () => {
    failRoute(server, 'get', '/readiness', {
      status: 403,
      name: 'NotAllowedError',
      message: 'readiness.read is required',
    });
    const { result } = renderHookWithClient(() => useReadinessSummaries());
    await waitFor(() => expect(result.current.value).toBeDefined());
    expect(result.current.error).toBeUndefined();
    expect(result.current.value?.items).toEqual([]);
    expect(result.current.value?.byLocation.size).toBe(0);
    expect(result.current.value?.error?.message).toMatch(/403/);
  });
});
