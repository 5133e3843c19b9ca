import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInThisContext } from 'node:vm';
import { callApi } from './benchBackend';

const DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** A server that answers `{"ok":true}` after `delayMs`. */
async function slowServer(delayMs: number): Promise<Server> {
  const server = createServer((_req, res) => {
    setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    }, delayMs);
  });
  await new Promise<void>(resolve => server.listen(0, resolve));
  return server;
}

describe('callApi', () => {
  it('waits for an answer longer than fetch headersTimeout (a sync of many minutes)', async () => {
    // fetch's default dispatcher gives up after 300 s without response
    // headers; the same limit scaled down to 300 ms, so the test runs in
    // about a second: a long sync must outlive it.
    const server = await slowServer(1000);
    const api = `http://localhost:${(server.address() as AddressInfo).port}`;
    // Node's fetch keeps its dispatcher on the process's global object,
    // which is not Jest's sandbox `globalThis`.
    const global = runInThisContext('globalThis') as Record<symbol, any>;
    await (await fetch(api)).text();
    const original = global[DISPATCHER];
    const Agent = original.constructor;
    global[DISPATCHER] = new Agent({ headersTimeout: 300, bodyTimeout: 300 });
    try {
      await expect(callApi(api, 'POST', '/sync', { a: 1 })).resolves.toEqual({
        ok: true,
      });
    } finally {
      await global[DISPATCHER].close();
      global[DISPATCHER] = original;
      await new Promise(resolve => server.close(resolve));
    }
  });
});
