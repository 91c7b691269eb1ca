/**
 * Documents: issue (`POST /v1/documents`), read back (metadata, `.pdf`, `.xml`) and revoke.
 * Issuing answers a PDF by default and the metadata with `Accept: application/json`.
 * Issuing signs in the provider's name, so it takes a key of the provider's staff or a SYSTEM key.
 * The metadata hold no personal data and are public; the files do, and numbers can be guessed,
 * so they open with the document's verification token (`?t=`, as in its QR code), a SYSTEM key, the
 * key of the provider's staff the document belongs to, of the ЦОН that took its application, or of
 * the applicant it names. Any other key is told the document does not exist.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { defineError, DocumentNotFoundError, InvalidDocumentNumberError, type Role } from '../../domain/index.js';
import { DocumentRequest, readableDocument, type IssueDocument, type IssuedDocuments, type RegisteredDocument } from '../../usecases/index.js';
import type { Api, RouteSpec } from '../api.js';
import { AuthenticationRequiredError, UnsupportedMediaTypeError } from '../errors.js';
import { identify, principal, type KeyAuthenticator } from '../middleware/authenticate.js';

const ISSUERS: readonly Role[] = ['SYSTEM', 'PROVIDER_EMPLOYEE', 'PROVIDER_HEAD'];
const DocumentFileQuery = z.strictObject({ t: z.string().max(64).optional() });

export const RevokeReasonRequiredError = defineError('REVOKE_REASON_REQUIRED', 'invalid');

/** registeredJson is a registry entry as the API shows it: no applicant data. */
export function registeredJson(document: RegisteredDocument) {
  const { status } = document;
  return {
    number: document.number,
    kind: document.kind,
    language: document.language,
    issuedAt: document.issuedAt.toISOString(),
    issuer: document.issuer,
    xmlSha256: document.xml.sha256,
    pdfSha256: document.pdf.sha256,
    status: status.code,
    statusReason: status.code === 'valid' ? null : status.reason,
    statusAt: status.code === 'valid' ? null : status.at.toISOString(),
    supersededBy: status.code === 'superseded' ? status.supersededBy : null,
  };
}

function sendBytes(res: Response, type: string, bytes: Uint8Array, filename: string): void {
  res
    .type(type)
    .setHeader('Content-Disposition', `inline; filename="${filename}"`)
    .setHeader('Content-Length', String(bytes.byteLength))
    .end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

function documentNumberOf(text: string): string {
  if (!/^\d{12}$/.test(text)) throw new InvalidDocumentNumberError({ number: text.slice(0, 40) });
  return text;
}

const PDF = { type: 'string', format: 'binary' };
const METADATA = { type: 'object', description: 'the registry entry: number, kind, language, issuedAt, issuer, hashes, status' };
const NUMBER = { number: 'document number, 12 digits' };

export interface DocumentsRoutesDeps {
  readonly issueDocument: IssueDocument;
  readonly registry: IssuedDocuments;
  readonly keys: KeyAuthenticator;
}

export function documentsRoutes(api: Api, deps: DocumentsRoutesDeps): void {
  /** checkFileAccess lets through the token of the document, or a key that may read it (404 for any other key). */
  async function checkFileAccess(req: Request, number: string): Promise<void> {
    const token = req.query.t;
    if (typeof token === 'string' && token.length <= 64 && (await deps.registry.checkToken(number, token))) return;
    const caller = await identify(deps.keys, req);
    if (!caller) throw new AuthenticationRequiredError({});
    readableDocument(caller, await deps.registry.find(number), number);
  }

  const issue = {
    method: 'post',
    path: '/v1/documents',
    operationId: 'issueDocument',
    tag: 'documents',
    summary: 'Issue a signed document: the PDF, or its metadata with Accept: application/json',
    access: { kind: 'key', roles: ISSUERS },
    body: { 'application/json': DocumentRequest },
    responses: { '201': { description: 'issued', content: { 'application/pdf': PDF, 'application/json': METADATA } } },
  } satisfies RouteSpec;
  api.route(issue, async (req, res) => {
    if (!req.is('application/json')) throw new UnsupportedMediaTypeError({ contentType: req.get('content-type') ?? '' });
    // A staff key issues in its provider's name: the document is that provider's to read and print.
    const issuer = principal(res);
    const document = await deps.issueDocument(req.body, issuer.providerId ? { providerId: issuer.providerId, conId: null } : undefined);
    res.setHeader('X-Document-Number', document.number);
    res.setHeader('Location', `/v1/documents/${document.number}`);
    res.status(201);
    if (req.accepts(['application/pdf', 'application/json']) === 'application/json') {
      const { pdf: _pdf, xml: _xml, ...metadata } = document;
      res.json(metadata);
      return;
    }
    sendBytes(res, 'application/pdf', document.pdf, `${document.number}.pdf`);
  });

  const read = {
    method: 'get',
    path: '/v1/documents/{file}',
    operationId: 'getDocument',
    tag: 'documents',
    summary:
      'A registered document: its metadata ({number}, public, no personal data), its PDF ({number}.pdf) or its signed XML ({number}.xml) with ?t=<verification token>, a SYSTEM key, a key of its provider\'s staff or of the ЦОН that took its application, or its applicant\'s key (404 for any other key)',
    access: { kind: 'public' },
    params: { file: 'the number, optionally followed by .pdf or .xml' },
    query: DocumentFileQuery,
    responses: { '200': { description: 'the document', content: { 'application/json': METADATA, 'application/pdf': PDF, 'application/xml': { type: 'string' } } } },
  } satisfies RouteSpec;
  api.route(read, async (req, res) => {
    const match = /^([^.]*)(\.pdf|\.xml)?$/.exec(String(req.params.file ?? ''));
    const number = documentNumberOf(match?.[1] ?? '');
    const extension = match?.[2];
    if (extension) await checkFileAccess(req, number);
    if (extension === '.pdf') return sendBytes(res, 'application/pdf', await deps.registry.readPdf(number), `${number}.pdf`);
    if (extension === '.xml') return sendBytes(res, 'application/xml', await deps.registry.readXml(number), `${number}.xml`);
    const document = await deps.registry.find(number);
    if (!document) throw new DocumentNotFoundError({ number });
    res.json(registeredJson(document));
  });

  const revoke = {
    method: 'post',
    path: '/v1/documents/{number}/revoke',
    operationId: 'revokeDocument',
    tag: 'documents',
    summary: 'Revoke a document, with a reason',
    access: { kind: 'admin' },
    params: NUMBER,
    body: { 'application/json': { type: 'object', required: ['reason'], properties: { reason: { type: 'string', maxLength: 1000 } } } },
    responses: { '200': { description: 'the revoked entry', content: { 'application/json': METADATA } } },
  } satisfies RouteSpec;
  api.route(revoke, async (req, res) => {
    const number = documentNumberOf(String(req.params.number ?? ''));
    const body: unknown = req.body;
    const reason = typeof body === 'object' && body !== null ? (body as { reason?: unknown }).reason : undefined;
    if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 1000) throw new RevokeReasonRequiredError({});
    const document = await deps.registry.revoke(number, { reason: reason.trim(), at: new Date(), by: String(res.locals.principal ?? 'admin') });
    res.json(registeredJson(document));
  });
}
