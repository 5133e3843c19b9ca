/**
 * The parts of the OpenAPI document that no route declares: what the API
 * is, how callers authenticate, and the error answers every route shares.
 */

const errorContent = {
  'application/json': { schema: { $ref: '#/components/schemas/Error' } },
};

/** The document's `info`. */
export const OPENAPI_INFO = {
  title: 'region-expansion',
  version: '0.1.0',
  description: `REST API of the region-expansion backend plugin: partitions, locations
(Regions, Local Zones, Outposts), control planes, cells, tenants,
placement, readiness (levels, history, waivers, the application-plane
footprint) and governance (Security Hub, Resilience Hub, Audit Manager
and AWS Config data, evidence bundles, syncs). Mounted at
\`/api/region-expansion\`.

Every route authenticates the caller (user or service token) and checks
one permission (\`x-permission\`) before it reads the body. Errors share one
shape, \`{ "error": { "name", "message" } }\`; a validation message names
each field and reason, for example \`country: must be an ISO 3166-1
alpha-2 country code such as DE or GB\`.

The framework's permission integration routes
(\`/.well-known/backstage/permissions/*\`) are mounted too and are not
described here.
`,
  license: { name: 'Apache-2.0' },
};

/** Components besides the route schemas. */
export const OPENAPI_COMPONENTS = {
  securitySchemes: {
    BearerAuth: {
      type: 'http',
      scheme: 'bearer',
      description: 'A Backstage user token or a plugin request token',
    },
  },
  responses: {
    BadRequest: {
      description: 'Invalid input; the message names each field and reason',
      content: errorContent,
    },
    Unauthorized: {
      description: 'No or invalid credentials',
      content: errorContent,
    },
    Forbidden: {
      description: "The permission policy denied the route's permission",
      content: errorContent,
    },
    NotFound: {
      description: 'The named object does not exist',
      content: errorContent,
    },
    Conflict: {
      description:
        'The id exists already, a lifecycle move is illegal, a cell has no headroom, an active waiver already covers the check, the waiver is no longer active, or the object changed concurrently',
      content: errorContent,
    },
    PayloadTooLarge: {
      description:
        "The request body is over the route's body limit (after decompression), or an import has more rows than it may; the message names the field and the limit",
      content: errorContent,
    },
    UnsupportedMediaType: {
      description:
        "The body's Content-Type is not one the route reads (JSON; POST /tenants/import also YAML), or its Content-Encoding or charset is not supported (gzip, deflate or none; UTF-8); the message names the header",
      content: errorContent,
    },
    TooManyRequests: {
      description: 'Too many requests of this kind run at once; retry later',
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before retrying',
          schema: { type: 'integer', minimum: 1 },
        },
      },
      content: errorContent,
    },
    ServiceUnavailable: {
      description: 'The feature is not enabled in the configuration',
      content: errorContent,
    },
  },
  schemas: {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['name', 'message'],
          properties: {
            name: { type: 'string', example: 'InputError' },
            message: {
              type: 'string',
              example:
                'country: must be an ISO 3166-1 alpha-2 country code such as DE or GB',
            },
          },
        },
        request: {
          type: 'object',
          properties: {
            method: { type: 'string' },
            url: { type: 'string' },
          },
        },
        response: {
          type: 'object',
          properties: { statusCode: { type: 'integer' } },
        },
      },
    },
  } as Record<string, unknown>,
};
