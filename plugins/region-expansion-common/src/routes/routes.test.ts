import { z } from 'zod';
import { regionExpansionPermissions } from '../permissions';
import { regionExpansionRoutes } from '.';
import { isFileResponse, RouteDefinition } from './route';

const routes = Object.entries(regionExpansionRoutes) as Array<
  [string, RouteDefinition]
>;

const shapeOf = (schema: z.ZodType) =>
  (schema instanceof z.ZodPipe ? schema.in : schema) as z.ZodObject;

describe('regionExpansionRoutes', () => {
  it('has one route per method and path', () => {
    const keys = routes.map(([, r]) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(routes)(
    '%s: its path parameters are the ones its path names',
    (_, route) => {
      const inPath = [...route.path.matchAll(/\{([^}]+)\}/g)].map(m => m[1]);
      const declared = route.params
        ? Object.keys(shapeOf(route.params).shape)
        : [];
      expect(declared.sort()).toEqual(inPath.sort());
    },
  );

  it.each(routes)('%s: checks a permission of the plugin', (_, route) => {
    expect(regionExpansionPermissions).toContain(route.permission);
  });

  it.each(routes)(
    '%s: refuses an unknown query key and body field',
    (_, route) => {
      const example = route.example ?? {};
      const accepts = (schema: z.ZodType | undefined, value: unknown) =>
        schema === undefined || schema.safeParse(value).success;
      const body = example.body;
      const objectBody =
        body !== null && typeof body === 'object' && !Array.isArray(body);
      expect({
        query: accepts(route.query, { ...example.query, bogus: 'x' }),
        params: accepts(route.params, { ...example.params, bogus: 'x' }),
        body: accepts(
          objectBody ? route.body : undefined,
          objectBody ? { ...body, bogus: 1 } : undefined,
        ),
      }).toEqual({
        query: route.query === undefined,
        params: route.params === undefined,
        body: !(objectBody && route.body),
      });
    },
  );

  it.each(routes)('%s: its example is a valid request', (_, route) => {
    const example = route.example ?? {};
    const problems = [
      route.params?.safeParse(example.params ?? {}),
      route.query?.safeParse(example.query ?? {}),
      route.body?.safeParse(
        example.body ?? (route.bodyOptional ? {} : undefined),
      ),
    ].flatMap(result =>
      result && !result.success ? result.error.issues.map(i => i.message) : [],
    );
    expect(problems).toEqual([]);
  });

  it.each(routes)(
    '%s: a read takes no body, a text body comes with JSON, a file is read',
    (_, route) => {
      const reads = route.method === 'GET' || route.method === 'DELETE';
      expect({
        bodyOnRead: reads && route.body !== undefined,
        textWithoutJson: route.textBody !== undefined && !route.body,
        fileOnWrite: isFileResponse(route.response) && route.method !== 'GET',
      }).toEqual({
        bodyOnRead: false,
        textWithoutJson: false,
        fileOnWrite: false,
      });
    },
  );
});
