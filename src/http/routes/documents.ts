/** POST /v1/documents: render one document; PDF by default, its metadata with Accept: application/json. */
import { Router } from 'express';
import type { RenderDocument } from '../../usecases/index.js';
import { UnsupportedMediaTypeError } from '../errors.js';

export function documentsRoutes(deps: { renderDocument: RenderDocument }): Router {
  const router = Router();
  router.post('/v1/documents', async (req, res) => {
    if (!req.is('application/json')) throw new UnsupportedMediaTypeError({ contentType: req.get('content-type') ?? '' });
    const document = await deps.renderDocument(req.body);
    const wantsJson = req.accepts(['application/pdf', 'application/json']) === 'application/json';
    res.setHeader('X-Document-Number', document.number);
    if (wantsJson) {
      const { pdf: _pdf, title: _title, ...metadata } = document;
      res.status(201).json(metadata);
      return;
    }
    res
      .status(201)
      .type('application/pdf')
      .setHeader('Content-Disposition', `inline; filename="${document.number}.pdf"`)
      .setHeader('Content-Length', String(document.bytes))
      .end(Buffer.from(document.pdf.buffer, document.pdf.byteOffset, document.pdf.byteLength));
  });
  return router;
}
