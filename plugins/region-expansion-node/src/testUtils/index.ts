/**
 * Test fixtures for packages that read input through the node library.
 *
 * @packageDocumentation
 */
export { cloudTrailGzip } from './cloudTrailGzip';
