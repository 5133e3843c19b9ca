import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** An operation of the committed document, as far as the tests read it. */
export type OpenApiOperation = {
  'x-permission'?: string;
  parameters?: Array<{ $ref?: string; name?: string; in?: string }>;
  requestBody?: unknown;
  responses: Record<string, { $ref?: string }>;
};

/** A path of the committed document: its operations and shared parameters. */
export type OpenApiPathItem = Record<string, OpenApiOperation | unknown> & {
  parameters?: OpenApiOperation['parameters'];
};

/** The committed `src/schema/openapi.yaml`, as far as the tests read it. */
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, OpenApiPathItem>;
  components: {
    parameters: Record<string, { name: string; in: string }>;
    responses: Record<
      string,
      { content: { 'application/json': { schema: { $ref: string } } } }
    >;
    schemas: Record<
      string,
      { enum?: string[]; properties?: object; required?: string[] }
    >;
  };
};

/** Reads the committed `src/schema/openapi.yaml`. */
export function committedOpenApi(): OpenApiDocument {
  return parseYaml(
    readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
  ) as OpenApiDocument;
}
