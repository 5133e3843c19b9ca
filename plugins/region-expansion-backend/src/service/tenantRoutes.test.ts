import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { API, as, demoBackendBeforeAll } from '../__testUtils__/rolePolicy';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const admin = as('platform-admin');

/**
 * GET /tenants with `q` and `sort` through the real router (the query is
 * validated by the shared schema and the order holds across pages), and
 * the import the portal's import page sends: all rows or none.
 */
describe('GET /tenants search and sort, POST /tenants/import', () => {
  const backend = demoBackendBeforeAll(databases, 'SQLITE_3', 60);
  const list = (query: string) =>
    request(backend.server)
      .get(`${API}/tenants?${query}`)
      .set('Authorization', admin);

  it.each([
    ['an unlisted sort field', 'sort=residency:asc', 'sort', /one of id:asc/],
    ['a sort without direction', 'sort=name', 'sort', /must be one of/],
    ['two sorts', 'sort=name:asc&sort=id:asc', 'sort', /must be/],
    ['a 201-character q', `q=${'x'.repeat(201)}`, 'q', /at most 200/],
    ['a blank q', 'q=%20%20', 'q', /must not be empty/],
  ])(
    'answers 400 naming the field for %s',
    async (_label, query, field, reason) => {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
      expect(res.body.error.message).toMatch(reason);
    },
  );

  it('pages through every tenant in name order, descending, without repeats', async () => {
    const all = await list('limit=1000');
    // SQLite compares text by code point, as `<` does.
    const compare = (x: string, y: string) => Number(x > y) - Number(x < y);
    const expected = [...all.body.items]
      .sort((a, b) => compare(b.name, a.name) || compare(a.id, b.id))
      .map(t => t.id);
    const ids: string[] = [];
    for (let offset = 0; offset < all.body.totalCount; offset += 7) {
      const page = await list(`sort=name:desc&offset=${offset}&limit=7`);
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((t: { id: string }) => t.id));
    }
    expect(ids).toEqual(expected);
  });

  it('searches name or id, counting every match', async () => {
    const all = await list('limit=1000');
    const target = all.body.items[17];
    const term = target.name.slice(1, 5).toUpperCase();
    const res = await list(`q=${encodeURIComponent(term)}&limit=1`);
    const matching = all.body.items.filter(
      (t: { id: string; name: string }) =>
        t.name.toUpperCase().includes(term) ||
        t.id.toUpperCase().includes(term),
    );
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(matching.length);
    expect(res.body.items).toEqual([matching[0]]);
  });

  it('stores nothing when one imported row conflicts with a stored tenant', async () => {
    const count = async () => (await list('limit=1')).body.totalCount;
    const before = await count();
    const existing = (await list('limit=1')).body.items[0].id;
    const res = await request(backend.server)
      .post(`${API}/tenants/import`)
      .set('Authorization', admin)
      .send([
        {
          id: 'fresh-1',
          name: 'Fresh',
          tier: 'pool',
          classification: 'public',
          loadUnits: 1,
        },
        {
          id: existing,
          name: 'Again',
          tier: 'pool',
          classification: 'public',
          loadUnits: 1,
        },
      ]);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      `rows[1].id: tenant '${existing}' already exists`,
    );
    expect(await count()).toBe(before);
    expect((await list('q=fresh-1')).body.totalCount).toBe(0);
  });
});
