export { createSeededRandom } from './createSeededRandom';
