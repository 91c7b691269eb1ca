/** registry: issued documents and their numbers. */
export { createRandomDocumentNumbers } from './numbers.js';
