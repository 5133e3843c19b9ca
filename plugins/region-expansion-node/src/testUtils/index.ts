/**
 * Test fixtures for packages that read input through the node library.
 *
 * @packageDocumentation
 */
export { aliasedTemplate } from './aliasedTemplate';
export { binaryJunk } from './binaryJunk';
export { cloudTrailGzip } from './cloudTrailGzip';
