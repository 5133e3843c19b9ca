import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Category, RestCase } from './corpus';
import { deepJsonArray } from './payloads';
import { BODY_LIMITS, VALID_BODIES, VALID_PATHS } from './validRequests';

/** The parts of an OpenAPI schema object the generator reads. */
export interface SchemaObject {
  $ref?: string;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  properties?: Record<string, SchemaObject>;
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
}

interface Parameter {
  $ref?: string;
  name: string;
  in: 'query' | 'path' | 'header';
  schema?: SchemaObject;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: {
    required?: boolean;
    content: Record<string, { schema: SchemaObject }>;
  };
}

/** One documented operation, with its parameters resolved. */
export interface DocumentedOperation {
  method: RestCase['method'];
  /** As documented, e.g. `/cells/{id}`. */
  path: string;
  /** `METHOD /documented/path`. */
  key: string;
  query: Parameter[];
  pathParams: Parameter[];
  body?: SchemaObject;
  bodyRequired: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The plugin's OpenAPI document. */
export const openapiDocument = parseYaml(
  readFileSync(resolve(__dirname, '../../schema/openapi.yaml'), 'utf8'),
) as {
  paths: Record<string, Record<string, unknown>>;
};

function lookup<T>(ref: string): T {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<any>((node, key) => node?.[key], openapiDocument) as T;
}

/** A schema with `$ref` followed and `allOf` merged (shallowly). */
export function resolveSchema(schema: SchemaObject = {}): SchemaObject {
  let current: SchemaObject = schema;
  while (current.$ref || current.allOf) {
    const { $ref, allOf, ...rest } = current;
    current = $ref
      ? { ...lookup<SchemaObject>($ref), ...rest }
      : allOf!.reduce<SchemaObject>(
          (merged, part) => ({ ...resolveSchema(part), ...merged }),
          rest,
        );
  }
  return current;
}

/** Every documented operation of the API. */
export function documentedOperations(): DocumentedOperation[] {
  return Object.entries(openapiDocument.paths).flatMap(([path, item]) => {
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    return METHODS.filter(m => item[m]).map(m => {
      const op = item[m] as Operation;
      const parameters = [...shared, ...(op.parameters ?? [])].map(p =>
        p.$ref ? lookup<Parameter>(p.$ref) : p,
      );
      const body = op.requestBody?.content['application/json']?.schema;
      return {
        method: m.toUpperCase() as RestCase['method'],
        path,
        key: `${m.toUpperCase()} ${path}`,
        query: parameters.filter(p => p.in === 'query'),
        pathParams: parameters.filter(p => p.in === 'path'),
        body: body && resolveSchema(body),
        bodyRequired: op.requestBody?.required !== false,
      };
    });
  });
}

/** JSON types a schema accepts (`number` covers `integer`); empty: anything. */
function acceptedTypes(schema: SchemaObject): Set<string> {
  const s = resolveSchema(schema);
  const branches = s.oneOf ?? s.anyOf;
  if (branches) {
    return new Set(branches.flatMap(b => [...acceptedTypes(b)]));
  }
  if (s.type) return new Set([s.type === 'integer' ? 'number' : s.type]);
  if (s.enum) return new Set(s.enum.map(v => typeof v));
  if (s.properties) return new Set(['object']);
  return new Set();
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** A value of a type the schema does not accept. */
export function wrongTypeValue(schema: SchemaObject): unknown {
  const accepted = acceptedTypes(schema);
  const candidates: unknown[] = [
    'forty-two',
    42,
    true,
    ['forty-two'],
    { forty: 'two' },
  ];
  return accepted.size
    ? candidates.find(c => !accepted.has(jsonType(c)))
    : undefined;
}

/** Values of the right type that break a documented bound, with a label. */
export function outOfRangeValues(
  schema: SchemaObject,
  sampleItem?: unknown,
): Array<[label: string, value: unknown]> {
  const s = resolveSchema(schema);
  if (s.oneOf || s.anyOf) return [];
  const out: Array<[string, unknown]> = [];
  if (s.enum) out.push(['not one of the choices', 'not-a-choice']);
  if (s.type === 'string' && !s.enum) {
    if (s.pattern) {
      out.push(['path traversal against the pattern', '../../etc/passwd']);
    }
    if (s.maxLength !== undefined) {
      out.push([`${s.maxLength + 1} characters`, 'x'.repeat(s.maxLength + 1)]);
    }
    if (s.minLength && !s.pattern) out.push(['empty', '']);
    if (s.format === 'date-time') out.push(['not a date-time', 'yesterday']);
    if (s.format === 'uuid') out.push(['not a UUID', 'not-a-uuid']);
  }
  if (s.type === 'integer' || s.type === 'number') {
    if (s.minimum !== undefined) out.push(['below minimum', s.minimum - 1]);
    if (s.maximum !== undefined) out.push(['above maximum', s.maximum + 1]);
    if (s.type === 'integer') out.push(['not whole', 1.5]);
  }
  if (s.type === 'array') {
    if (s.minItems) out.push(['empty list', []]);
    const item =
      sampleItem ??
      (resolveSchema(s.items).type === 'string' ? 'x' : undefined);
    if (s.maxItems !== undefined && item !== undefined) {
      out.push([`${s.maxItems + 1} items`, Array(s.maxItems + 1).fill(item)]);
    }
  }
  return out;
}

/** A valid query value of a documented parameter. */
function sampleQueryValue(param: Parameter): string {
  const byName: Record<string, string> = {
    partition: 'aws',
    locationId: 'eu-west-1',
    cellId: 'eu-west-1-p01',
    controlPlaneId: 'cp-aws-eu',
    accountId: '111122223333',
  };
  if (byName[param.name]) return byName[param.name];
  const s = resolveSchema(param.schema);
  if (s.enum) return String(s.enum[0]);
  if (s.type === 'integer' || s.type === 'number') {
    return String(s.default ?? s.minimum ?? 1);
  }
  if (s.format === 'date-time') return '2026-01-01T00:00:00Z';
  return 'x';
}

/** Bad values of a query parameter, with a label. */
function badQueryValues(param: Parameter): Array<[string, string]> {
  const s = resolveSchema(param.schema);
  const out: Array<[string, string]> = [];
  if (s.type === 'integer' || s.type === 'number') {
    out.push(['not a number', 'abc']);
  }
  for (const [label, value] of outOfRangeValues(s)) {
    if (typeof value === 'string' || typeof value === 'number') {
      out.push([label, String(value)]);
    }
  }
  return out;
}

const FOR_BODY_OF = (method: string) => method !== 'GET' && method !== 'DELETE';

/** Where a path like `/cells/{id}` has its valid form. */
function validPath(op: DocumentedOperation): string {
  if (!op.pathParams.length) return op.path;
  const valid = VALID_PATHS[op.path];
  if (!valid) {
    throw new Error(
      `No valid sample path for ${op.key}: add it to VALID_PATHS in badInput/__testUtils__/validRequests.ts`,
    );
  }
  return valid;
}

/** Replaces one path parameter of the documented path with `value`. */
function pathWith(
  op: DocumentedOperation,
  name: string,
  value: string,
): string {
  // Other parameters keep their valid sample values.
  const template = op.path.split('/');
  const valid = validPath(op).split('/');
  return template
    .map((segment, i) => (segment === `{${name}}` ? value : valid[i]))
    .join('/');
}

const encodeQuery = (pairs: Array<[string, string]>) =>
  pairs
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

/** A copy of `value` with `path` (dotted, numbers for list items) set to `to`. */
function setAt(value: unknown, path: Array<string | number>, to: unknown) {
  const copy = JSON.parse(JSON.stringify(value));
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = to;
  return copy;
}

/**
 * Each property of an object schema, and one level into objects and list
 * items that the valid body holds, as `[path, schema, value in the valid body]`.
 */
function fieldsOf(
  schema: SchemaObject,
  valid: Record<string, unknown>,
): Array<[Array<string | number>, SchemaObject, unknown]> {
  const out: Array<[Array<string | number>, SchemaObject, unknown]> = [];
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const prop = resolveSchema(raw);
    out.push([[name], prop, valid[name]]);
    const inner = valid[name];
    if (prop.properties && inner && typeof inner === 'object') {
      for (const [sub, subRaw] of Object.entries(prop.properties)) {
        out.push([
          [name, sub],
          resolveSchema(subRaw),
          (inner as Record<string, unknown>)[sub],
        ]);
      }
    }
    const items = prop.items && resolveSchema(prop.items);
    if (items?.properties && Array.isArray(inner) && inner.length) {
      for (const [sub, subRaw] of Object.entries(items.properties)) {
        out.push([[name, 0, sub], resolveSchema(subRaw), inner[0][sub]]);
      }
    }
  }
  return out;
}

const json = (value: unknown) => () => JSON.stringify(value);

/**
 * Cases generated from the OpenAPI document, so a new route or parameter
 * is covered as soon as it is documented:
 *
 * - every GET (and every operation with query parameters): an unknown
 *   query parameter; each documented query parameter with a wrong value
 *   (not a number, out of range, not one of the choices, against the
 *   pattern, too long) and repeated;
 * - every path parameter: traversal, a 10 KB id, a NUL byte, unicode;
 * - every request body: malformed JSON, the wrong content type, over the
 *   route's body limit, an unknown field, the wrong root type, 10,000-deep
 *   nesting, and each field (one level down too) of the wrong type and out
 *   of its documented bounds.
 */
export function generatedCases(): RestCase[] {
  const cases: RestCase[] = [];
  const add = (
    op: DocumentedOperation,
    category: Category,
    detail: string,
    c: Omit<RestCase, 'name' | 'category' | 'method'>,
  ) =>
    cases.push({
      name: `${op.key} ${category}: ${detail}`,
      category,
      method: op.method,
      ...c,
    });

  for (const op of documentedOperations()) {
    const base = validPath(op);
    const valid = VALID_BODIES[op.key];
    if (op.body && valid === undefined) {
      throw new Error(
        `No valid sample body for ${op.key}: add it to VALID_BODIES in badInput/__testUtils__/validRequests.ts`,
      );
    }
    const validBody =
      FOR_BODY_OF(op.method) && valid !== undefined ? json(valid) : undefined;

    // ----------------------------------------------------------- query
    if (op.method === 'GET' || op.query.length) {
      add(op, 'unknown-query', '?bogusParam=1', {
        path: `${base}?bogusParam=1`,
        body: validBody,
        expect: { status: 400, fields: ['bogusParam'] },
      });
    }
    for (const param of op.query) {
      for (const [label, value] of badQueryValues(param)) {
        add(op, 'query-value', `${param.name} ${label}`, {
          path: `${base}?${encodeQuery([[param.name, value]])}`,
          body: validBody,
          expect: { status: 400, fields: [param.name] },
        });
      }
      const sample = sampleQueryValue(param);
      add(op, 'repeated-query', `${param.name} given twice`, {
        path: `${base}?${encodeQuery([
          [param.name, sample],
          [param.name, sample],
        ])}`,
        body: validBody,
        expect: { status: 400, fields: [param.name] },
      });
    }

    // ------------------------------------------------------------ path
    for (const param of op.pathParams) {
      const variants: Array<[string, string]> = [
        ['traversal', '..%2F..%2Fetc%2Fpasswd'],
        ['10 KB id', 'a'.repeat(10 * 1024)],
        ['NUL byte', 'cell%00x'],
        ['unicode', 'c%C3%A9ll-%F0%9F%98%80'],
      ];
      for (const [label, value] of variants) {
        add(op, 'path-id', `${param.name} ${label}`, {
          path: pathWith(op, param.name, value),
          body: validBody,
          expect: { status: [400, 404], fields: [param.name] },
        });
      }
    }

    // ------------------------------------------------------------ body
    if (!op.body || valid === undefined) continue;
    const text = JSON.stringify(valid);
    const isList = Array.isArray(valid);
    const whole = ['(root)', 'body'];
    add(op, 'malformed-json', 'cut short', {
      path: base,
      // `{}` cut short would be empty, which parses as no body.
      body: () => (text.length > 2 ? text.slice(0, -2) : '{"'),
      expect: { status: 400, fields: whole },
    });
    add(op, 'content-type', 'JSON sent as text/plain', {
      path: base,
      headers: { 'content-type': 'text/plain' },
      body: () => text,
      expect: {
        status: [400, 415],
        fields: [...whole, 'content-type', 'Content-Type'],
      },
    });
    add(op, 'content-type', 'JSON sent as multipart/form-data', {
      path: base,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: () => text,
      expect: {
        status: [400, 415],
        fields: [...whole, 'content-type', 'Content-Type'],
      },
    });
    const limit = BODY_LIMITS[op.key] ?? 100 * 1024;
    add(op, 'oversized', `${Math.round(limit / 1024) + 64} KB body`, {
      path: base,
      body: () =>
        Buffer.concat([
          Buffer.from('{"padding":"'),
          Buffer.alloc(limit + 64 * 1024, 'a'),
          Buffer.from('"}'),
        ]),
      expect: { status: 413, fields: [...whole, 'content'] },
    });
    add(op, 'unknown-field', 'bogusField', {
      path: base,
      body: json(
        isList
          ? [{ ...(valid as object[])[0], bogusField: 1 }]
          : { ...(valid as object), bogusField: 1 },
      ),
      expect: { status: 400, fields: ['bogusField'] },
    });
    add(
      op,
      'root-type',
      isList ? 'an object instead of a list' : 'a list instead of an object',
      {
        path: base,
        body: json(isList ? { rows: valid } : [valid]),
        expect: { status: 400, fields: whole },
      },
    );
    add(op, 'root-type', 'a JSON string', {
      path: base,
      body: json('just a string'),
      expect: { status: 400, fields: whole },
    });
    add(op, 'deep-nesting', '10,000-deep list as the body', {
      path: base,
      body: () => deepJsonArray(),
      expect: { status: 400, fields: [...whole, 'rows'] },
    });
    const row = (isList ? (valid as object[])[0] : valid) as Record<
      string,
      unknown
    >;
    const wrap = (changed: Record<string, unknown>) =>
      isList ? [changed] : changed;
    add(op, 'deep-nesting', '10,000-deep list under an unknown field', {
      path: base,
      body: () =>
        `${JSON.stringify(wrap(row)).replace(/\}(\]?)$/, '')}${
          Object.keys(row).length ? ',' : ''
        }"nested":${deepJsonArray()}}${isList ? ']' : ''}`,
      expect: { status: 400, fields: ['nested'] },
    });
    const schema = isList ? resolveSchema(op.body.items) : op.body;
    const first = Object.keys(schema.properties ?? {})[0];
    if (first) {
      add(op, 'deep-nesting', `10,000-deep list as ${first}`, {
        path: base,
        body: () => {
          const marker = '"__deep__"';
          return JSON.stringify(wrap({ ...row, [first]: '__deep__' })).replace(
            marker,
            deepJsonArray(),
          );
        },
        expect: { status: 400, fields: [first] },
      });
    }
    for (const [path, fieldSchema, current] of fieldsOf(schema, row)) {
      const field = path.join('.');
      const target = isList ? [0, ...path] : path;
      const wrong = wrongTypeValue(fieldSchema);
      if (wrong !== undefined) {
        add(op, 'wrong-type', `${field} = ${JSON.stringify(wrong)}`, {
          path: base,
          body: json(setAt(valid, target, wrong)),
          expect: { status: 400, fields: [field] },
        });
      }
      const sampleItem = Array.isArray(current) ? current[0] : undefined;
      for (const [label, value] of outOfRangeValues(fieldSchema, sampleItem)) {
        add(op, 'out-of-range', `${field} ${label}`, {
          path: base,
          body: json(setAt(valid, target, value)),
          expect: { status: 400, fields: [field] },
        });
      }
    }
  }
  return cases;
}
