/** catalog: the document kinds and the e-services, as data. Imports only domain/. */
import type { AnyServiceDefinition, DocumentKind } from '../domain/index.js';
import { unemployedCertificate } from './documents/unemployed-certificate.js';
import { disabledChildrenHomeEducationService } from './disabled-children-home-education/index.js';
import { preschoolQueueService } from './preschool-queue/index.js';
import { unemployedCertificateService } from './unemployed-certificate/index.js';

/** documentKinds lists every kind Qujat prints, in the order the API lists them. */
export const documentKinds: readonly DocumentKind[] = [unemployedCertificate as DocumentKind];

/** services lists every e-service, in the order of SERVICE_IDS. */
export const services: readonly AnyServiceDefinition[] = [
  unemployedCertificateService as AnyServiceDefinition,
  disabledChildrenHomeEducationService as AnyServiceDefinition,
  preschoolQueueService as AnyServiceDefinition,
];

/**
 * WORKFLOW_DOCUMENT_KINDS: the document kind ids the services issue. Only the unemployed certificate
 * is in `documentKinds` yet; the others are being built in the documents room.
 */
export const WORKFLOW_DOCUMENT_KINDS = [
  'unemployed-certificate',
  'refusal-letter',
  'preschool-referral',
  'preschool-queue-notice',
  'disability-support-notification',
  'status-notification',
] as const;

export { unemployedCertificate, UnemployedCertificateData } from './documents/unemployed-certificate.js';
export { SERVICE_IDS, REFUSAL_REASONS, type ServiceId, type RefusalReason } from './service-ids.js';
export { unemployedCertificateService, UnemployedCertificateForm } from './unemployed-certificate/index.js';
export { disabledChildrenHomeEducationService, DisabledChildrenHomeEducationForm } from './disabled-children-home-education/index.js';
export { preschoolQueueService, PreschoolQueueForm, PRESCHOOL_AGE_LIMIT } from './preschool-queue/index.js';
export { checkCatalog, type CatalogProblem, type CatalogCheckInput } from './check.js';
