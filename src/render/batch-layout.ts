/**
 * The layout of a batch print: many complete document HTMLs (as templates/layouts/document.hbs
 * writes them) turned into one HTML whose print is the single prints one after another.
 *
 * In a single print the footer (clauses and QR row) and the development watermark are
 * `position: fixed`, which Chromium repeats on every page of the print: in one HTML for many
 * documents every footer would land on every page. So each document becomes a section that
 * starts on a new page and is as tall as the pages of its single print (kept with its HTML),
 * and its footer and watermark are copied once per page, positioned absolutely where the fixed
 * ones would stand. The body flows as in the single print (same stylesheet, page box and table
 * with its repeated footer spacer), so it breaks into pages at the same places.
 */

/** BatchDocument is a complete document HTML and the page count of its single print. */
export interface BatchDocument {
  readonly html: string;
  readonly pages: number;
}

/** DocumentParts is a document HTML taken apart at the places the batch layout changes. */
export interface DocumentParts {
  readonly lang: string;
  readonly style: string;
  readonly bodyClass: string;
  /** main is the body without the fixed footer and watermark. */
  readonly main: string;
  /** footer is the footer's inner HTML. */
  readonly footer: string;
  /** watermark is the watermark element, or null for a document signed with a real key. */
  readonly watermark: string | null;
  /** pageAreaMm is the height of the page box inside its margins, from the stylesheet's @page rule. */
  readonly pageAreaMm: number;
  /** pagePx is how far apart Chromium lays out pages: the page area, in whole CSS pixels. */
  readonly pagePx: number;
  readonly pages: number;
}

const A4_HEIGHT_MM = 297;
const PX_PER_MM = 96 / 25.4;
const HTML_LANG = /^<!doctype html>\s*<html lang="([a-z]{2,3})">/i;
const STYLE = /<style>([\s\S]*?)<\/style>/;
const BODY = /<body class="([^"<>]*)">([\s\S]*)<\/body>\s*<\/html>\s*$/;
const FOOTER = /<footer class="page-footer">([\s\S]*?)<\/footer>/;
const WATERMARK = /<div class="watermark" aria-hidden="true">[\s\S]*?<\/div>\s*$/;
const PAGE_RULE = /@page\s*\{\s*size:\s*A4;\s*margin:\s*([\d.]+)mm\s+[\d.]+mm\s+([\d.]+)mm\s+[\d.]+mm;\s*\}/;

/**
 * documentParts takes a document HTML apart, or returns null when it is not laid out as the
 * document layout writes it (the batch then prints that document on its own, as a single print).
 */
export function documentParts(document: BatchDocument): DocumentParts | null {
  const { html, pages } = document;
  if (!Number.isInteger(pages) || pages < 1) return null;
  const lang = HTML_LANG.exec(html)?.[1];
  const head = html.slice(0, html.indexOf('<body'));
  const style = STYLE.exec(head)?.[1];
  const body = BODY.exec(html);
  const page = style === undefined ? null : PAGE_RULE.exec(style);
  if (!lang || style === undefined || !body || !page) return null;
  const bodyHtml = body[2] ?? '';
  const footer = FOOTER.exec(bodyHtml);
  if (!footer) return null;
  const watermark = WATERMARK.exec(bodyHtml)?.[0] ?? null;
  let main = bodyHtml.replace(footer[0], '');
  if (watermark) main = main.slice(0, main.lastIndexOf(watermark));
  return {
    lang,
    style,
    bodyClass: body[1] ?? '',
    main,
    footer: footer[1] ?? '',
    watermark,
    pageAreaMm: A4_HEIGHT_MM - Number(page[1]) - Number(page[2]),
    // Fixed elements stand in the exact page area (279 mm = 1054.49 px), but the pages follow one
    // another every 1055 px: measured against single prints by test/integration/batch.
    pagePx: Math.ceil((A4_HEIGHT_MM - Number(page[1]) - Number(page[2])) * PX_PER_MM),
    pages,
  };
}

/** BATCH_STYLE turns the fixed footer and watermark into per-page copies inside each section. */
const BATCH_STYLE = [
  '.batch-document { position: relative; break-before: page; }',
  '.batch-document:first-child { break-before: auto; }',
  '.batch-document > .page-footer, .batch-document > .watermark { position: absolute; bottom: auto; }',
].join('\n');

function section(parts: DocumentParts): string {
  const { pageAreaMm: h, pagePx } = parts;
  const copies: string[] = [];
  for (let page = 0; page < parts.pages; page++) {
    // The fixed footer stands on the bottom edge of the page area; its height is the stylesheet's.
    copies.push(`<footer class="page-footer" style="top: calc(${page * pagePx}px + ${h}mm - var(--footer-height, 68mm))">${parts.footer}</footer>`);
  }
  if (parts.watermark) {
    // The fixed watermark stands at 45% of the page area from its top edge.
    const open = '<div class="watermark" aria-hidden="true"';
    for (let page = 0; page < parts.pages; page++) {
      copies.push(parts.watermark.replace(open, `${open} style="top: calc(${page * pagePx}px + ${0.45 * h}mm)"`));
    }
  }
  // A hair shorter than its pages: an excess of a fraction of a pixel would open an empty page.
  return (
    `<section class="batch-document ${parts.bodyClass}" lang="${parts.lang}" style="min-height: ${parts.pages * pagePx - 1}px">` +
    `${parts.main}${copies.join('')}</section>`
  );
}

/**
 * batchHtml lays documents out one after another in one HTML. They must share one stylesheet:
 * documents rendered with another template version go to another batch.
 */
export function batchHtml(documents: readonly DocumentParts[]): string {
  const style = documents[0]?.style;
  if (style === undefined || documents.some((d) => d.style !== style)) throw new TypeError('a batch needs documents with one stylesheet');
  return (
    '<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Qujat</title>' +
    `<style>${style}</style><style>${BATCH_STYLE}</style></head><body>${documents.map(section).join('')}</body></html>`
  );
}
