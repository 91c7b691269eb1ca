/**
 * document-access: who may read and print a registered document's files (its PDF and signed XML
 * carry names, IINs and children, and its numbers are sequential). SYSTEM reads all; an applicant
 * their own; provider staff the documents of their provider; a ЦОН operator those of applications
 * taken at their ЦОН. Everyone else is told the document does not exist, so that nobody learns
 * which numbers are taken.
 */
import { DocumentNotFoundError } from '../domain/index.js';
import type { Principal } from './applications/types.js';
import type { RegisteredDocument } from './ports.js';

/** mayReadDocument: whether the principal may open the document's files. */
export function mayReadDocument(principal: Principal, document: Pick<RegisteredDocument, 'applicant' | 'owner'>): boolean {
  switch (principal.role) {
    case 'SYSTEM':
      return true;
    case 'APPLICANT':
      return principal.iin !== undefined && principal.iin === document.applicant.iin;
    case 'CON_OPERATOR':
      return principal.conId !== undefined && principal.conId === document.owner.conId;
    case 'PROVIDER_EMPLOYEE':
    case 'PROVIDER_HEAD':
      return principal.providerId !== undefined && principal.providerId === document.owner.providerId;
  }
}

/** readableDocument returns the document when the principal may read it, and otherwise says it does not exist. */
export function readableDocument<D extends Pick<RegisteredDocument, 'applicant' | 'owner'>>(principal: Principal, document: D | null, number: string): D {
  if (!document || !mayReadDocument(principal, document)) throw new DocumentNotFoundError({ number });
  return document;
}
