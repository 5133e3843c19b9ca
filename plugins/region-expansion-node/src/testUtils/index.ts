/**
 * Test fixtures for packages that read input through the node library.
 *
 * @packageDocumentation
 */
export { binaryJunk } from './binaryJunk';
export { cloudTrailGzip } from './cloudTrailGzip';
