/** POST /v1/verify: a PDF, XML or photo as multipart `file` (or as the raw body) → a JSON verdict. */
import express, { Router } from 'express';
import multer from 'multer';
import { defineError } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import { MAX_VERIFY_BYTES, verdictReport, type VerifyDocument } from '../../usecases/index.js';

export const FileRequiredError = defineError('FILE_REQUIRED', 'invalid');

/** uploadOne accepts one file field named `file`, kept in memory and bounded. */
export const uploadOne = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_VERIFY_BYTES, files: 1, fields: 5 } }).single('file');

export function verifyApiRoutes(deps: { verifyDocument: VerifyDocument; translator: Translator }): Router {
  const router = Router();
  const raw = express.raw({ type: ['application/pdf', 'application/xml', 'text/xml', 'image/png', 'image/jpeg', 'application/octet-stream'], limit: MAX_VERIFY_BYTES });
  router.post('/v1/verify', raw, uploadOne, async (req, res) => {
    const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : null);
    if (!bytes || bytes.byteLength === 0) throw new FileRequiredError({});
    const verdict = await deps.verifyDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    res.status(200).json(verdictReport(deps.translator, verdict));
  });
  return router;
}
