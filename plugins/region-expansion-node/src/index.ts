/**
 * Node.js library of the Region Expansion plugin: location model, placement,
 * footprint, availability, residency and readiness, plus extension points.
 *
 * @packageDocumentation
 */
