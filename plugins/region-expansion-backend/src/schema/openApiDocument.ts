import {
  isFileResponse,
  RouteDefinition,
} from '@region-expansion/plugin-region-expansion-common';
import { z } from 'zod';
import { OPENAPI_COMPONENTS, OPENAPI_INFO } from './openApiStatic';

type Json = Record<string, unknown>;

const SCHEMA_REF = '#/components/schemas/';

/** Formats whose zod check adds a long generated pattern the format says. */
const FORMATS_WITH_OWN_PATTERN = new Set(['date-time', 'date', 'uuid']);

/**
 * Fits zod's JSON Schema to the document: a schema's own `jsonSchema`
 * metadata replaces what zod generated (for values converted before they
 * are checked), and a format's generated pattern is left to the format.
 */
function override(ctx: { zodSchema: z.core.$ZodType; jsonSchema: Json }) {
  const meta = z.globalRegistry.get(ctx.zodSchema as z.ZodType) as
    | { jsonSchema?: Json }
    | undefined;
  const json = ctx.jsonSchema;
  if (meta?.jsonSchema) {
    for (const key of Object.keys(json)) delete json[key];
    Object.assign(json, meta.jsonSchema);
  }
  delete json.jsonSchema;
  if (FORMATS_WITH_OWN_PATTERN.has(json.format as string)) delete json.pattern;
  // A whole number's safe-integer range is implied, not a stated bound.
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
}

/** `{ allOf: [x] }` with nothing beside it is `x`. */
function simplify(json: Json): Json {
  const allOf = json.allOf as Json[] | undefined;
  if (allOf?.length === 1 && Object.keys(json).length === 1) return allOf[0];
  return json;
}

/** Every `$ref` of a JSON value rewritten to the document's schemas. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string'
          ? inner.replace('#/definitions/', SCHEMA_REF)
          : rewriteRefs(inner),
      ]),
    );
  }
  return value;
}

/**
 * The named schemas met while converting, by id. One id has one JSON form,
 * whichever route met it first.
 */
class SchemaCollector {
  readonly schemas: Record<string, Json> = {};

  /** The JSON Schema of a request or response schema (its input side). */
  convert(schema: z.ZodType): Json {
    const { definitions, ...root } = z.toJSONSchema(schema, {
      target: 'openapi-3.0',
      io: 'input',
      unrepresentable: 'any',
      override,
    }) as Json & { definitions?: Record<string, Json> };
    for (const [id, definition] of Object.entries(definitions ?? {})) {
      const json = rewriteRefs(definition) as Json;
      const known = this.schemas[id];
      if (known && JSON.stringify(known) !== JSON.stringify(json)) {
        throw new Error(
          `Schema ${id} has two forms; give one of them its own id`,
        );
      }
      this.schemas[id] = json;
    }
    return simplify(rewriteRefs(root) as Json);
  }
}

/** The object schema's properties, whatever refinements wrap it. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const object = schema instanceof z.ZodPipe ? schema.in : schema;
  if (!(object instanceof z.ZodObject)) {
    throw new Error('Path and query schemas must be objects');
  }
  return object.shape as Record<string, z.ZodType>;
}

/** The shared error answer of each status. */
const ERROR_RESPONSES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
};

function parameters(route: RouteDefinition, schemas: SchemaCollector): Json[] {
  const of = (where: 'path' | 'query', schema?: z.ZodType) =>
    Object.entries(schema ? shapeOf(schema) : {}).map(([name, property]) => {
      const { description, example, ...json } = schemas.convert(property);
      const sample =
        example ??
        (where === 'path' ? route.example?.params : route.example?.query)?.[
          name
        ];
      return {
        name,
        in: where,
        ...(where === 'path' || !property.safeParse(undefined).success
          ? { required: true }
          : {}),
        ...(description ? { description } : {}),
        schema: simplify(json),
        ...(sample !== undefined ? { example: sample } : {}),
      };
    });
  return [...of('path', route.params), ...of('query', route.query)];
}

function requestBody(route: RouteDefinition, schemas: SchemaCollector) {
  if (!route.body) return undefined;
  const content: Record<string, Json> = {
    'application/json': {
      schema: schemas.convert(route.body),
      ...(route.example?.body !== undefined
        ? { example: route.example.body }
        : {}),
    },
  };
  for (const type of route.textBody?.contentTypes ?? []) {
    content[type] = { schema: schemas.convert(route.textBody!.schema) };
  }
  return { required: !route.bodyOptional, content };
}

function responses(route: RouteDefinition, schemas: SchemaCollector) {
  const success = (description: string): Json => {
    if (isFileResponse(route.response)) {
      return {
        description,
        headers: {
          'Content-Disposition': {
            description: route.response.disposition,
            schema: { type: 'string' },
          },
        },
        content: {
          [route.response.contentType]: {
            schema: { type: 'string', format: 'binary' },
          },
        },
      };
    }
    return {
      description,
      content: {
        'application/json': { schema: schemas.convert(route.response) },
      },
    };
  };
  const out: Record<string, Json> = {
    [route.status]: success(route.responseDescription),
  };
  if (route.otherSuccess) {
    out[route.otherSuccess.status] = success(route.otherSuccess.description);
  }
  const readsBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  const errors = [
    400,
    401,
    403,
    ...(route.errors ?? []),
    ...(readsBody ? [413, 415] : []),
  ];
  for (const status of errors.sort((a, b) => a - b)) {
    out[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` };
  }
  return Object.fromEntries(
    Object.entries(out).sort(([a], [b]) => Number(a) - Number(b)),
  );
}

/**
 * The OpenAPI 3.0 document of a route table: every route with its
 * permission (`x-permission`), parameters, body and answers, and every
 * named schema (a schema's `id` metadata) under `components.schemas`.
 */
export function openApiDocument(routes: Record<string, RouteDefinition>) {
  const schemas = new SchemaCollector();
  const paths: Record<string, Record<string, Json>> = {};
  const tags: string[] = [];
  for (const [id, route] of Object.entries(routes)) {
    if (!tags.includes(route.tag)) tags.push(route.tag);
    const params = parameters(route, schemas);
    const body = requestBody(route, schemas);
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = {
      operationId: id,
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      'x-permission': route.permission.name,
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: responses(route, schemas),
    };
  }
  return {
    openapi: '3.0.3',
    info: OPENAPI_INFO,
    servers: [{ url: '/api/region-expansion' }],
    security: [{ BearerAuth: [] }],
    tags: tags.map(name => ({ name })),
    paths,
    components: {
      ...OPENAPI_COMPONENTS,
      schemas: { ...OPENAPI_COMPONENTS.schemas, ...schemas.schemas },
    },
  };
}
