import { waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { frankfurtEvaluation } from '../__testUtils__/fixtures';
import { renderHookWithClient } from '../__testUtils__/renderWithPlugin';
import {
  BASE_URL,
  failRoute,
  recordRequests,
  setupTestServer,
} from '../__testUtils__/testServer';
import { HISTORY_POINTS, useReadiness } from './useReadiness';

const server = setupTestServer();

/** The hook's value once its reads have settled. */
async function readinessOf(locationId: string) {
  const { result } = renderHookWithClient(() => useReadiness(locationId));
  await waitFor(() => expect(result.current.loading).toBe(false));
  return result.current;
}

describe('useReadiness', () => {
  it("reads the evaluation, a bounded history, the waivers' first page and the footprint", async () => {
    const history = recordRequests(server, '/history');
    const { value, error } = await readinessOf('eu-central-1');
    expect(error).toBeUndefined();
    expect(value).toMatchObject({
      evaluation: { id: frankfurtEvaluation.id, level: 'blocked' },
      notEvaluatedReason: undefined,
      history: { becameReadyAt: '2026-01-05T08:00:00.000Z' },
      waivers: { items: [{ check: 'audit' }] },
      footprintSource: 'demo footprint',
      footprintServices: 0,
    });
    expect(history.map(url => url.searchParams.get('limit'))).toEqual([
      String(HISTORY_POINTS),
    ]);
  });

  it("reads a 404 as never evaluated, with the server's reason, not as an error", async () => {
    const { value, error } = await readinessOf('us-east-1');
    expect(error).toBeUndefined();
    expect(value?.evaluation).toBeUndefined();
    expect(value?.notEvaluatedReason).toMatch(
      "Location 'us-east-1' has no readiness evaluation yet",
    );
  });

  it('fails on any other error of the evaluation', async () => {
    failRoute(server, 'get', '/readiness/:locationId', {
      status: 403,
      name: 'NotAllowedError',
      message: 'readiness.read is required',
    });
    const { value, error } = await readinessOf('eu-central-1');
    expect(value).toBeUndefined();
    expect(error?.message).toMatch(/403/);
  });

  it('does without the footprint when it cannot be read', async () => {
    server.use(
      http.get(`${BASE_URL}/application-plane/footprint`, () =>
        HttpResponse.json({ error: { message: 'boom' } }, { status: 500 }),
      ),
    );
    const { value, error } = await readinessOf('eu-central-1');
    expect(error).toBeUndefined();
    expect(value?.evaluation?.level).toBe('blocked');
    expect(value?.footprintSource).toBeUndefined();
  });
});
