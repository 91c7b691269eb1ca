/**
 * The citizens' verification pages: `/verify` (type a number or upload a file or photo) and
 * `/verify/<number>?t=<token>`, where the verification QR lands. Without a valid token the page
 * shows status, kind, issuer, issue date and a masked IIN only.
 */
import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { languagesOf, maskIin, type Language, type LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { IssuedDocuments, SignatureCheck, VerifyDocument } from '../../usecases/index.js';
import { reasonTexts } from '../../usecases/index.js';
import { screenView } from '../screens/index.js';
import { uploadOne } from './verify-api.js';

interface Deps {
  readonly verifyDocument: VerifyDocument;
  readonly registry: Pick<IssuedDocuments, 'find' | 'readXml' | 'checkToken'>;
  readonly signatures: SignatureCheck;
  readonly translator: Translator;
  readonly render: (name: string, view: { lang: 'kk' | 'ru' | 'kk+ru'; [key: string]: unknown }) => string;
}

const both = (text: (language: Language) => string): LocalizedText => ({ kk: text('kk'), ru: text('ru') });

export function verifyPageRoutes(deps: Deps): Router {
  const router = Router();
  const { translator } = deps;
  const reason = (code: string) => reasonTexts(translator, code);
  const kindTitle = (kind: string) =>
    both((l) => (translator.has(l, `documents:${kind}.title`) ? translator.t(l, `documents:${kind}.title`) : kind));

  router.get('/verify', (req, res) => {
    const number = typeof req.query.number === 'string' ? req.query.number.trim() : '';
    if (/^\d{12}$/.test(number)) {
      res.redirect(303, `/verify/${number}`);
      return;
    }
    const view = screenView(req, res, { pageTitle: 'screens:verify.title', number, numberError: number !== '' });
    res.status(number === '' ? 200 : 400).type('html').send(deps.render('screens/verify-form', view));
  });

  // An upload the form parser refuses is answered with the result page, not the API's JSON error.
  const upload: RequestHandler = (req, res, next) => {
    uploadOne(req, res, (error: unknown) => {
      if (!error) {
        next();
        return;
      }
      const tooLarge = error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE';
      const view = screenView(req, res, { pageTitle: 'screens:verify.resultTitle', valid: false, reason: reason(tooLarge ? 'FILE_TOO_LARGE' : 'FILE_REQUIRED'), summary: null });
      // The rest of a refused body is not read: the connection closes after the answer.
      res.setHeader('Connection', 'close');
      res.status(tooLarge ? 413 : 400).type('html').send(deps.render('screens/verify-result', view));
    });
  };

  router.post('/verify', upload, async (req, res) => {
    const file = req.file?.buffer;
    const verdict = file ? await deps.verifyDocument(new Uint8Array(file.buffer, file.byteOffset, file.byteLength)) : null;
    const document = verdict?.document;
    const view = screenView(req, res, {
      pageTitle: 'screens:verify.resultTitle',
      valid: verdict?.valid ?? false,
      reason: reason(verdict?.reason ?? 'FILE_REQUIRED'),
      summary: document
        ? {
            number: document.number,
            kindTitle: kindTitle(document.kind),
            status: verdict.registryStatus ?? 'offline',
            issuer: document.issuer,
            issuedAt: document.issuedAt,
            maskedIin: maskIin(document.applicant.iin),
          }
        : null,
    });
    res.status(file ? 200 : 400).type('html').send(deps.render('screens/verify-result', view));
  });

  router.get('/verify/:number', async (req, res) => {
    const number = req.params.number;
    const entry = /^\d{12}$/.test(number) ? await deps.registry.find(number) : null;
    const token = typeof req.query.t === 'string' ? req.query.t : '';
    const tokenValid = Boolean(entry && token && (await deps.registry.checkToken(number, token)));
    const checked = tokenValid ? deps.signatures.verify(await deps.registry.readXml(number)) : null;
    const signed = checked?.valid ? checked.document : null;
    const status = entry?.status.code;
    const view = screenView(req, res, {
      pageTitle: 'screens:verify.resultTitle',
      valid: status === 'valid',
      reason: reason(!status ? 'NOT_IN_REGISTRY' : status === 'valid' ? 'VALID' : status === 'revoked' ? 'DOCUMENT_REVOKED' : 'DOCUMENT_SUPERSEDED'),
      summary: entry
        ? {
            number: entry.number,
            kindTitle: kindTitle(entry.kind),
            status: entry.status.code,
            issuer: entry.issuer,
            issuedAt: entry.issuedAt,
            maskedIin: maskIin(entry.applicant.iin),
          }
        : null,
    });
    // The signed content in the languages the citizen reads the page in.
    const content = signed ? languagesOf(view.lang).map((language) => ({ language, ...signed.content[language] })) : null;
    res.status(entry ? 200 : 404).type('html').send(deps.render('screens/verify-result', { ...view, content }));
  });

  return router;
}
