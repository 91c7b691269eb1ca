/**
 * /i18n: the translators' preview. A document kind and sample rendered in kk and ru side by side
 * (HTML in sandboxed frames with missing and identical texts highlighted, PDF through the real
 * pipeline), the check's summary, and every key in both languages with a filter for gaps.
 * Nothing here runs script; the page and the frames send a CSP that forbids it.
 */
import { Router, type Request, type Response } from 'express';
import type { DocumentKind, OutputLanguage } from '../../domain/index.js';
import type { I18nWorkbench } from '../../i18n/index.js';
import type { PreviewDocument } from '../../usecases/index.js';
import { RouteNotFoundError } from '../errors.js';
import { asOutputLanguage, filterRows, highlightPreview, keyRows, lookup, pickSample } from './i18n-view.js';

/** ScreenTemplates render the page (templates/screens/i18n.hbs) with the strict translator. */
export interface ScreenTemplates {
  render(name: string, view: { readonly lang: OutputLanguage; readonly [key: string]: unknown }): string;
}

export interface I18nRoutesDeps {
  readonly kinds: readonly DocumentKind[];
  readonly screens: ScreenTemplates;
  readonly workbench: I18nWorkbench;
  readonly previewDocument: PreviewDocument;
}

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
// The frame is sandboxed by its own policy too, so that opening it directly runs nothing either.
const FRAME_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const one = (value: unknown) => (typeof value === 'string' ? value : undefined);

function query(req: Request, name: string): string | undefined {
  return one(req.query[name]);
}

function link(path: string, params: Record<string, string>): string {
  return `${path}?${new URLSearchParams(params).toString()}`;
}

export function i18nRoutes(deps: I18nRoutesDeps): Router {
  const router = Router();
  const kindById = new Map(deps.kinds.map((k) => [k.id, k]));

  function chosen(req: Request) {
    const kind = kindById.get(query(req, 'kind') ?? '') ?? deps.kinds[0];
    const sample = kind ? pickSample(deps.workbench.samples(), kind.id, query(req, 'sample')) : null;
    return { kind, sample };
  }

  function requireSample(req: Request) {
    const { kind, sample } = chosen(req);
    const lang = asOutputLanguage(query(req, 'lang'));
    if (!kind || !sample || !lang || kind.id !== query(req, 'kind') || sample.file !== query(req, 'sample')) {
      throw new RouteNotFoundError({ path: req.originalUrl });
    }
    return { kind, sample, lang };
  }

  router.get('/i18n', (req, res: Response) => {
    const locales = deps.workbench.locales();
    const report = deps.workbench.check();
    const { kind, sample } = chosen(req);
    const filter = { namespace: query(req, 'ns') ?? '', gapsOnly: query(req, 'show') === 'gaps', search: query(req, 'q') ?? '' };
    const rows = keyRows(locales, report);
    const shown = filterRows(rows, filter);
    const params = kind && sample ? { kind: kind.id, sample: sample.file } : null;
    const html = deps.screens.render('screens/i18n', {
      lang: 'kk+ru',
      kinds: deps.kinds.map((k) => ({
        id: k.id,
        label: [lookup(locales, 'kk', k.titleKey), lookup(locales, 'ru', k.titleKey)].filter(Boolean).join(' / ') || k.id,
        selected: k.id === kind?.id,
      })),
      samples: deps.workbench.samples().filter((s) => s.kind === kind?.id).map((s) => ({ file: s.file, selected: s.file === sample?.file })),
      chosen: { kind: kind?.id ?? '', sample: sample?.file ?? '' },
      preview: params && {
        frames: (['kk', 'ru'] as const).map((lang) => ({
          lang,
          src: link('/i18n/preview', { ...params, lang }),
          pdf: link('/i18n/pdf', { ...params, lang }),
        })),
        pdfBoth: link('/i18n/pdf', { ...params, lang: 'kk+ru' }),
      },
      report: { ok: report.ok, errors: report.errors, warnings: report.warnings },
      namespaces: report.namespaces.map((ns) => ({ ns, selected: ns === filter.namespace })),
      filter,
      rows: shown,
      counts: { shown: shown.length, total: rows.length, gaps: rows.filter((r) => r.gap).length },
    });
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.type('html').send(html);
  });

  router.get('/i18n/preview', (req, res) => {
    const { kind, sample, lang } = requireSample(req);
    const request = deps.previewDocument.prepare({ ...sample.input, lang });
    const html = deps.workbench.previewTemplates().render(kind.template, deps.previewDocument.view(request));
    res.setHeader('Content-Security-Policy', FRAME_CSP);
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.type('html').send(highlightPreview(html));
  });

  router.get('/i18n/pdf', async (req, res) => {
    const { sample, lang } = requireSample(req);
    const document = await deps.previewDocument.pdf({ ...sample.input, lang });
    res
      .type('application/pdf')
      .setHeader('Content-Disposition', `inline; filename="${document.kind}.${lang}.pdf"`)
      .end(Buffer.from(document.pdf.buffer, document.pdf.byteOffset, document.pdf.byteLength));
  });

  router.get('/i18n/fonts/:file', (req, res) => {
    const font = deps.workbench.font(req.params.file);
    if (!font) throw new RouteNotFoundError({ path: req.path });
    // A sandboxed frame has an opaque origin, so its font requests are cross-origin.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type(req.params.file.endsWith('.otf') ? 'font/otf' : 'font/ttf').end(font);
  });

  return router;
}
