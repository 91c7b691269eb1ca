/**
 * The citizens' verification pages: `/verify` (type a number or upload a file or photo) and
 * `/verify/<number>?t=<token>`, where the verification QR lands. Without a valid token the page
 * shows status, issuer, issue date and an IIN without its birth date only: not even the kind,
 * which alone can tell that a child is concerned (a preschool referral, a disabled child's
 * notification, a refusal on such a service). Whoever holds the token or just uploaded the
 * genuine signed data sees the signed content in words and a picture of the issued first page
 * (`/verify/<number>/first-page.png`), to compare with the paper or file in hand.
 */
import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { AppError, languagesOf, maskIin, maskIinBirthDate, type Language, type LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { IssuedDocuments, IssuedFirstPage, SignatureCheck, SignedDocument, Verdict, VerifyDocument } from '../../usecases/index.js';
import { reasonTexts, VerifyBusyError } from '../../usecases/index.js';
import { screenView } from '../screens/index.js';
import { uploadOne } from './verify-api.js';

interface Deps {
  readonly verifyDocument: VerifyDocument;
  readonly registry: Pick<IssuedDocuments, 'find' | 'readXml' | 'checkToken'>;
  readonly signatures: SignatureCheck;
  readonly firstPage: IssuedFirstPage;
  readonly translator: Translator;
  /** retryAfterSeconds goes with a 503 when too many verifications run at once. */
  readonly retryAfterSeconds: number;
  readonly render: (name: string, view: { lang: 'kk' | 'ru' | 'kk+ru'; [key: string]: unknown }) => string;
}

const both = (text: (language: Language) => string): LocalizedText => ({ kk: text('kk'), ru: text('ru') });

/** firstPageUrl is the picture's address; the pass or token in it is what opens it. */
const firstPageUrl = (number: string, access: { pass: string } | { token: string }): string =>
  `/verify/${number}/first-page.png?${'pass' in access ? `pass=${encodeURIComponent(access.pass)}` : `t=${encodeURIComponent(access.token)}`}`;

/** shown is the signed content in the languages the citizen reads the page in. */
const shown = (signed: SignedDocument, lang: 'kk' | 'ru' | 'kk+ru') => languagesOf(lang).map((language) => ({ language, ...signed.content[language] }));

/** uploadedDocument is a verdict whose upload proved the requester holds registered, genuine signed data. */
const uploadedDocument = (verdict: Verdict | null): SignedDocument | null => (verdict?.valid && verdict.registryStatus === 'valid' ? verdict.document : null);

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

  /** busy answers a citizen with the result page, not the API's JSON, when verifications are at their bound. */
  const busy = (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]): void => {
    const view = screenView(req, res, { pageTitle: 'screens:verify.resultTitle', valid: false, reason: reason(VerifyBusyError.code), summary: null });
    res.setHeader('Retry-After', String(deps.retryAfterSeconds));
    res.status(503).type('html').send(deps.render('screens/verify-result', view));
  };

  router.post('/verify', upload, async (req, res) => {
    const file = req.file?.buffer;
    let verdict: Verdict | null = null;
    try {
      verdict = file ? await deps.verifyDocument(new Uint8Array(file.buffer, file.byteOffset, file.byteLength)) : null;
    } catch (error) {
      if (!(error instanceof AppError && error.code === VerifyBusyError.code)) throw error;
      busy(req, res);
      return;
    }
    const document = verdict?.document;
    const held = uploadedDocument(verdict);
    const view = screenView(req, res, {
      pageTitle: 'screens:verify.resultTitle',
      valid: verdict?.valid ?? false,
      signedDataOnly: verdict?.proof === 'signed-data',
      reason: reason(verdict?.reason ?? 'FILE_REQUIRED'),
      summary: document
        ? {
            number: document.number,
            kindTitle: kindTitle(document.kind),
            status: verdict?.registryStatus ?? 'offline',
            issuer: document.issuer,
            issuedAt: document.issuedAt,
            maskedIin: maskIin(document.applicant.iin),
          }
        : null,
    });
    const proven = held ? { content: shown(held, view.lang), firstPage: firstPageUrl(held.number, { pass: await deps.firstPage.pass(held.number) }) } : {};
    res.status(file ? 200 : 400).type('html').send(deps.render('screens/verify-result', { ...view, ...proven }));
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
            kindTitle: tokenValid ? kindTitle(entry.kind) : null,
            status: entry.status.code,
            issuer: entry.issuer,
            issuedAt: entry.issuedAt,
            maskedIin: tokenValid ? maskIin(entry.applicant.iin) : maskIinBirthDate(entry.applicant.iin),
          }
        : null,
    });
    const proven = signed ? { content: shown(signed, view.lang), firstPage: firstPageUrl(number, { token }) } : {};
    res.status(entry ? 200 : 404).type('html').send(deps.render('screens/verify-result', { ...view, ...proven }));
  });

  // The picture opens with the token or an upload's pass; anything else is a plain 404.
  router.get('/verify/:number/first-page.png', async (req, res) => {
    const number = req.params.number;
    const token = typeof req.query.t === 'string' ? req.query.t : undefined;
    const pass = typeof req.query.pass === 'string' ? req.query.pass : undefined;
    const entry = /^\d{12}$/.test(number) && (token || pass) ? await deps.registry.find(number) : null;
    const png = entry ? await deps.firstPage.picture(number, { ...(token ? { token } : {}), ...(pass ? { pass } : {}) }) : null;
    if (!png) {
      res.status(404).type('text/plain').send('not found');
      return;
    }
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.status(200).type('image/png').send(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  });

  return router;
}
