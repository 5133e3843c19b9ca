import { ResponseError } from '@backstage/errors';
import { RegionExpansionClient } from './RegionExpansionClient';

/** A fetch that records each call and answers with `answer`. */
function recordingFetch(answer: () => Response) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchApi = {
    fetch: (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answer();
    }) as unknown as typeof fetch,
  };
  return { calls, fetchApi };
}

const discoveryApi = {
  getBaseUrl: async (id: string) => `http://backend/api/${id}`,
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('RegionExpansionClient', () => {
  it('has a method per route, sending its path, query and body', async () => {
    const { calls, fetchApi } = recordingFetch(() => json({ id: 'x' }));
    const client = new RegionExpansionClient({ discoveryApi, fetchApi });

    await client.updateCell(
      { path: { id: 'a b/c' }, body: { name: 'Renamed' } },
      { token: 't0k' },
    );
    await client.listTenants({
      query: { tier: 'pool', limit: 5, cellId: undefined, partition: '' },
    });
    await client.listPartitions();

    expect(calls.map(c => [c.init.method, c.url])).toEqual([
      ['PATCH', 'http://backend/api/region-expansion/cells/a%20b%2Fc'],
      ['GET', 'http://backend/api/region-expansion/tenants?tier=pool&limit=5'],
      ['GET', 'http://backend/api/region-expansion/partitions'],
    ]);
    expect(calls[0].init.headers).toEqual({
      Authorization: 'Bearer t0k',
      'Content-Type': 'application/json',
    });
    expect(calls[0].init.body).toBe('{"name":"Renamed"}');
    expect(calls[1].init.body).toBeUndefined();
  });

  it('sends a text body in its media type', async () => {
    const { calls, fetchApi } = recordingFetch(() =>
      json({ imported: 1, placed: 0 }, 201),
    );
    const client = new RegionExpansionClient({ discoveryApi, fetchApi });
    const yaml = '- {id: y1, name: Y, tier: pool}\n';
    await client.importTenants({ body: yaml, contentType: 'text/yaml' });
    expect(calls[0].init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'text/yaml' },
      body: yaml,
    });
  });

  it('answers a file route with its name, size and unread body, so a large download can stream to disk', async () => {
    const blob = jest.spyOn(Response.prototype, 'blob');
    const arrayBuffer = jest.spyOn(Response.prototype, 'arrayBuffer');
    const { fetchApi } = recordingFetch(
      () =>
        new Response('PK', {
          headers: {
            'content-type': 'application/zip',
            'content-length': '2',
            'content-disposition':
              'attachment; filename="governance-evidence-2026-11-26.zip"',
          },
        }),
    );
    const client = new RegionExpansionClient({ discoveryApi, fetchApi });
    const file = await client.downloadEvidenceBundle({
      query: { partition: 'aws' },
    });
    expect(file.fileName).toBe('governance-evidence-2026-11-26.zip');
    expect(file.bytes).toBe(2);
    expect(blob).not.toHaveBeenCalled();
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(await new Response(file.body).text()).toBe('PK');
  });

  it("throws ResponseError with the server's message on a non-2xx answer", async () => {
    const { fetchApi } = recordingFetch(() =>
      json(
        {
          error: { name: 'InputError', message: 'limit: must be at most 1000' },
          response: { statusCode: 400 },
        },
        400,
      ),
    );
    const client = new RegionExpansionClient({ discoveryApi, fetchApi });
    const error = await client
      .listTenants({ query: { limit: 5000 } })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe('limit: must be at most 1000');
  });
});
