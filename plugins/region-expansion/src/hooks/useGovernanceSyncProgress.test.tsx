import { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import {
  GOVERNANCE_SYNC_SIGNAL_CHANNEL,
  type GovernanceFreshness,
  type GovernanceSyncSignal,
} from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionApiRef } from '../api';
import { createTestClient } from '../__testUtils__/renderWithPlugin';
import { BASE_URL, setupTestServer } from '../__testUtils__/testServer';
import { useGovernanceSyncProgress } from './useGovernanceSyncProgress';

const server = setupTestServer();

/** A signals API whose messages the test delivers, per channel. */
function controllableSignals() {
  const listeners = new Map<string, (message: any) => void>();
  const api: SignalApi = {
    subscribe: (channel, onMessage) => {
      listeners.set(channel, onMessage as (message: any) => void);
      return { unsubscribe: () => listeners.delete(channel) };
    },
  };
  const deliver = (message: GovernanceSyncSignal) =>
    act(() => listeners.get(GOVERNANCE_SYNC_SIGNAL_CHANNEL)?.(message));
  return { api, deliver };
}

const running = (pages: number): GovernanceFreshness => ({
  source: 'securityhub',
  partition: 'aws',
  accountId: '111122223333',
  region: 'us-east-1',
  status: 'running',
  pages,
  rows: pages * 100,
});

describe('useGovernanceSyncProgress', () => {
  it('re-reads the sync state on each governance sync signal, and reloads the page when a run finishes', async () => {
    const states = [
      [running(3)],
      [running(7)],
      [{ ...running(9), status: 'ok' }],
    ];
    const partitions: (string | null)[] = [];
    server.use(
      http.get(`${BASE_URL}/governance/freshness`, ({ request }) => {
        partitions.push(new URL(request.url).searchParams.get('partition'));
        return HttpResponse.json({ items: states[partitions.length - 1] });
      }),
    );
    const signals = controllableSignals();
    const onFinished = jest.fn();
    const client = createTestClient();
    const { result } = renderHook(
      () => useGovernanceSyncProgress('aws', onFinished),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <TestApiProvider
            apis={[
              [regionExpansionApiRef, client],
              [signalApiRef, signals.api],
            ]}
          >
            {children}
          </TestApiProvider>
        ),
      },
    );
    // Nothing read before the first signal: the page shows what it loaded.
    expect(result.current).toBeUndefined();

    signals.deliver({ source: 'securityhub', phase: 'started' });
    await waitFor(() => expect(result.current?.[0].pages).toBe(3));
    signals.deliver({ source: 'securityhub', phase: 'progress' });
    await waitFor(() => expect(result.current?.[0].pages).toBe(7));
    expect(onFinished).not.toHaveBeenCalled();

    signals.deliver({ source: 'securityhub', phase: 'finished' });
    await waitFor(() => expect(result.current?.[0].status).toBe('ok'));
    expect(onFinished).toHaveBeenCalledTimes(1);
    expect(partitions).toEqual(['aws', 'aws', 'aws']);
  });
});
