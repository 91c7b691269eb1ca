/** usecases: what Qujat does, each a factory over the ports it needs. */
export * from './ports.js';
export { createRenderDocument, RenderRequest, type RenderDocument, type RenderedDocument } from './render-document.js';
