/**
 * Isomorphic parts of the Region Expansion plugin: domain types, permissions,
 * request schemas and the typed API client.
 *
 * @packageDocumentation
 */
