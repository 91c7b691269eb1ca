/** POST /v1/verify: a PDF, XML or photo as multipart `file` (or as the raw body) → a JSON verdict. */
import express, { type RequestHandler } from 'express';
import multer from 'multer';
import { AppError, defineError } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import { MAX_VERIFY_BYTES, verdictReport, type VerifyDocument } from '../../usecases/index.js';
import type { Api } from '../api.js';
import { UploadInvalidError } from '../errors.js';

export const FileRequiredError = defineError('FILE_REQUIRED', 'invalid');

const parseOne = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_VERIFY_BYTES, files: 1, fields: 5 } }).single('file');

/**
 * uploadOne accepts one file field named `file`, kept in memory and bounded. A body that is no
 * multipart form at all fails in busboy with a plain Error, which is the sender's fault: a 400.
 */
export const uploadOne: RequestHandler = (req, res, next) => {
  parseOne(req, res, (error: unknown) => {
    if (error && !(error instanceof multer.MulterError) && !(error instanceof AppError)) {
      next(new UploadInvalidError({ problem: 'multipart' }, { cause: error }));
      return;
    }
    next(error);
  });
};

const RAW_TYPES = ['application/pdf', 'application/xml', 'text/xml', 'image/png', 'image/jpeg', 'application/octet-stream'];
const FILE = { type: 'string', format: 'binary' };

export function verifyApiRoutes(api: Api, deps: { verifyDocument: VerifyDocument; translator: Translator }): void {
  const raw = express.raw({ type: RAW_TYPES, limit: MAX_VERIFY_BYTES });
  api.route(
    {
      method: 'post',
      path: '/v1/verify',
      operationId: 'verifyDocument',
      tag: 'documents',
      summary: 'Verify a PDF, a signed XML or a photo of the QR row',
      access: { kind: 'public' },
      body: {
        'multipart/form-data': { type: 'object', required: ['file'], properties: { file: FILE } },
        ...Object.fromEntries(RAW_TYPES.map((type) => [type, FILE])),
      },
      responses: { '200': { description: 'the verdict (valid or not, with the reason in kk and ru)', content: { 'application/json': { type: 'object' } } } },
    },
    raw,
    uploadOne,
    async (req, res) => {
      const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : null);
      if (!bytes || bytes.byteLength === 0) throw new FileRequiredError({});
      const verdict = await deps.verifyDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      res.status(200).json(verdictReport(deps.translator, verdict));
    },
  );
}
