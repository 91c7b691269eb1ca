/** catalog: the document kinds and the e-services, as data. Imports only domain/. */
import type { AnyServiceDefinition, DocumentKind } from '../domain/index.js';
import { application } from './documents/application.js';
import { disabilitySupportNotification } from './documents/disability-support-notification.js';
import { preschoolQueueNotice } from './documents/preschool-queue-notice.js';
import { preschoolReferral } from './documents/preschool-referral.js';
import { qualityQuestionnaire } from './documents/quality-questionnaire.js';
import { refusalLetter } from './documents/refusal-letter.js';
import { statusNotification } from './documents/status-notification.js';
import { unemployedCertificate } from './documents/unemployed-certificate.js';
import { disabledChildrenHomeEducationService } from './disabled-children-home-education/index.js';
import { preschoolQueueService } from './preschool-queue/index.js';
import { unemployedCertificateService } from './unemployed-certificate/index.js';

/** documentKinds lists every kind Qujat prints, in the order the API lists them. */
export const documentKinds: readonly DocumentKind[] = [
  unemployedCertificate,
  preschoolReferral,
  preschoolQueueNotice,
  disabilitySupportNotification,
  refusalLetter,
  application,
  statusNotification,
  qualityQuestionnaire,
] as DocumentKind[];

/** services lists every e-service, in the order of SERVICE_IDS. */
export const services: readonly AnyServiceDefinition[] = [
  unemployedCertificateService as AnyServiceDefinition,
  disabledChildrenHomeEducationService as AnyServiceDefinition,
  preschoolQueueService as AnyServiceDefinition,
];


export { unemployedCertificate, UnemployedCertificateData } from './documents/unemployed-certificate.js';
export { preschoolReferral, PreschoolReferralData } from './documents/preschool-referral.js';
export { preschoolQueueNotice, PreschoolQueueNoticeData, EGOV_PORTAL } from './documents/preschool-queue-notice.js';
export {
  disabilitySupportNotification,
  DisabilitySupportNotificationData,
} from './documents/disability-support-notification.js';
export { refusalLetter, RefusalLetterData } from './documents/refusal-letter.js';
export { application, ApplicationData, ApplicationForm } from './documents/application.js';
export { statusNotification, StatusNotificationData, APPLICATION_STATUSES } from './documents/status-notification.js';
export { qualityQuestionnaire, QualityQuestionnaireData, SATISFACTION_ANSWERS } from './documents/quality-questionnaire.js';
export { formatTenge } from './documents/people.js';
export { SERVICE_IDS, REFUSAL_REASONS, type ServiceId, type RefusalReason } from './service-ids.js';
export { unemployedCertificateService, UnemployedCertificateForm } from './unemployed-certificate/index.js';
export { disabledChildrenHomeEducationService, DisabledChildrenHomeEducationForm } from './disabled-children-home-education/index.js';
export { preschoolQueueService, PreschoolQueueForm, PRESCHOOL_AGE_LIMIT } from './preschool-queue/index.js';
export { checkCatalog, type CatalogProblem, type CatalogCheckInput, type ProviderBinding } from './check.js';
export * from './regulations/index.js';
export { loadProviders, parseProviders, Provider, Providers, PreschoolOrganisation } from './providers.js';
