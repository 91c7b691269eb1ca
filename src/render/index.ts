/** render: templates, the browser pool (a supervisor) and HTML → PDF. Only render/ knows puppeteer. */
export { createBrowserPool, RenderQueueFullError, RenderTimeoutError, BrowserUnavailableError } from './browser-pool.js';
export type { BrowserPool, PoolConfig, PoolDeps, PoolStats } from './browser-pool.js';
export { locateChromium, chromiumLauncher, removeStaleProfiles, ChromiumNotFoundError, CHROMIUM_FLAGS, RENDER_ISOLATION_FLAGS, type LaunchBrowser } from './chromium.js';
export { loadAssets, pagePreparer, ASSET_ORIGIN, type AssetMap } from './assets.js';
export { createLane, PREVIEW_LANE, type LaneConfig } from './lane.js';
export { createPdfEngine, countPdfPages, type PdfEngine, type PdfOutput } from './pdf-engine.js';
export { moduleMarkHref, type ModuleGrid } from './module-marks.js';
export { loadTemplates, type HtmlTemplates, type TemplateView } from './templates.js';
export {
  finishPdf,
  readPdfAttachment,
  extractQrPayloadsFromPdf,
  rasterFirstPage,
  RASTER_LIMITS,
  DOCUMENT_XML_NAME,
  PdfUnreadableError,
  PdfRasterizerMissingError,
  type FinishPdfOptions,
  type AttachmentLimits,
  type ExtractQrOptions,
} from './pdf-container.js';
export { createBatchPrinter, DEFAULT_BATCH_CHUNK, type BatchDocument, type BatchOptions, type BatchOutput, type BatchPrinter, type BatchProgress } from './batch.js';
