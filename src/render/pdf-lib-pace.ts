/**
 * How often pdf-lib pauses on PDFs we printed ourselves. By default it yields to the event loop
 * every 100 objects it parses and every 50 it writes, each time with a setTimeout of at least
 * 1 ms: a printed document (≈ 150 objects) sat idle for ~6 ms, a merged batch of 20 documents for
 * ~60 ms. Our prints are small and trusted; a pause every few thousand objects still lets the
 * server answer requests during a large merge. Uploaded PDFs keep pdf-lib's defaults.
 */
const OBJECTS_PER_TICK = 2000;

/** OWN_PDF_LOAD: options for PDFDocument.load of a PDF we printed. */
export const OWN_PDF_LOAD = { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK } as const;

/** OWN_PDF_SAVE: options for save() of a PDF we print. */
export const OWN_PDF_SAVE = { objectsPerTick: OBJECTS_PER_TICK } as const;
