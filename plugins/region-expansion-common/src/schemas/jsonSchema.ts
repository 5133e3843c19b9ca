/**
 * Pieces of the OpenAPI document that a schema states itself, where zod's
 * JSON Schema output has no form for what the schema does (a value
 * converted before it is checked). A schema's `jsonSchema` metadata
 * replaces the generated JSON Schema of that schema.
 */

/** A reference to a named schema of the document. */
export const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A list of a named schema, or the same list as one string. */
export const listOrText = (itemId: string) => ({
  oneOf: [{ type: 'array', items: ref(itemId) }, { type: 'string' }],
});
