/** catalog: the document kinds and (later) e-services, as data. Imports only domain/. */
import type { DocumentKind } from '../domain/index.js';
import { unemployedCertificate } from './documents/unemployed-certificate.js';

/** documentKinds lists every kind Qujat prints, in the order the API lists them. */
export const documentKinds: readonly DocumentKind[] = [unemployedCertificate as DocumentKind];

export { unemployedCertificate, UnemployedCertificateData } from './documents/unemployed-certificate.js';
export { SERVICE_IDS, REFUSAL_REASONS, type ServiceId, type RefusalReason } from './service-ids.js';
