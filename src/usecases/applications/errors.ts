/** The application use cases' errors; kk and ru texts are in locales/{kk,ru}/errors.json. */
import { defineError } from '../../domain/index.js';

/** ApplicationNotFoundError: no application with this number that the caller may see. */
export const ApplicationNotFoundError = defineError<{ number: string }>('APPLICATION_NOT_FOUND', 'not_found');
/** ApplicationChangedError: somebody changed the application between reading and writing it. */
export const ApplicationChangedError = defineError<{ number: string }>('APPLICATION_CHANGED', 'conflict');
/** IdempotencyKeyReusedError: the key was used before for a different request. */
export const IdempotencyKeyReusedError = defineError<{ key: string }>('IDEMPOTENCY_KEY_REUSED', 'conflict');
/** UnknownServiceError: the service id is not in the catalogue. */
export const UnknownServiceError = defineError<{ serviceId: string }>('UNKNOWN_SERVICE', 'invalid');
/** ProviderNotFoundError: no provider with this id offers the service. */
export const ProviderNotFoundError = defineError<{ providerId: string; serviceId: string }>('PROVIDER_NOT_FOUND', 'invalid');
/** ProviderRequiredError: several providers offer the service; the request must name one. */
export const ProviderRequiredError = defineError<{ serviceId: string }>('PROVIDER_REQUIRED', 'invalid');
/** ChannelNotOfferedError: the service is not offered on this channel. */
export const ChannelNotOfferedError = defineError<{ serviceId: string; channel: string }>('CHANNEL_NOT_OFFERED', 'invalid');
/** RegulationChannelNotOfferedError: the provider's regulation does not offer the service on this channel. */
export const RegulationChannelNotOfferedError = defineError<{ serviceId: string; channel: string; providerId: string; regulationId: string }>(
  'REGULATION_CHANNEL_NOT_OFFERED',
  'invalid',
);
/** RegulationNotFoundError: a provider or an application names a regulation the service does not have (a deployment error). */
export const RegulationNotFoundError = defineError<{ serviceId: string; regulationId: string }>('REGULATION_NOT_FOUND', 'internal');
/** IntakeNotAllowedError: this role does not take requests on this channel. */
export const IntakeNotAllowedError = defineError<{ role: string; channel: string }>('INTAKE_NOT_ALLOWED', 'forbidden');
/** ProviderNotOwnError: staff act only for their own provider. */
export const ProviderNotOwnError = defineError<{ providerId: string }>('PROVIDER_NOT_OWN', 'forbidden');
/** PersonNotInRegistryError: on a channel without a refusal step, a person unknown to ГБД ФЛ stops the request. */
export const PersonNotInRegistryError = defineError<{ iin: string }>('PERSON_NOT_IN_REGISTRY', 'invalid');
/** SignedRequestUnreadableError: the signed request cannot be read as an application request at all. */
export const SignedRequestUnreadableError = defineError<{ reason: string }>('SIGNED_REQUEST_UNREADABLE', 'invalid');
/** AttachmentNotAllowedError: an attachment is too large, too many, or not a PDF, PNG or JPEG. */
export const AttachmentNotAllowedError = defineError<{ name: string; limit: string }>('ATTACHMENT_NOT_ALLOWED', 'invalid');
/** AttachmentNotFoundError: the application has no attachment with this id. */
export const AttachmentNotFoundError = defineError<{ number: string; id: number }>('ATTACHMENT_NOT_FOUND', 'not_found');
/** NotInQueueError: the application has no entry in the preschool journal. */
export const NotInQueueError = defineError<{ number: string }>('NOT_IN_QUEUE', 'not_found');
/** OrganisationNotFoundError: the provider has no preschool organisation with this id. */
export const OrganisationNotFoundError = defineError<{ organisationId: string }>('ORGANISATION_NOT_FOUND', 'invalid');
/** NoFreePlaceError: the organisation has no free place for the child's age. */
export const NoFreePlaceError = defineError<{ organisationId: string; ageYears: number }>('NO_FREE_PLACE', 'conflict');
/** QuestionnaireNotAvailableError: only a finished application's applicant answers the questionnaire. */
export const QuestionnaireNotAvailableError = defineError<{ number: string }>('QUESTIONNAIRE_NOT_AVAILABLE', 'conflict');
/** QuestionnaireAnsweredError: the questionnaire of an application is answered once. */
export const QuestionnaireAnsweredError = defineError<{ number: string }>('QUESTIONNAIRE_ANSWERED', 'conflict');
/** ReportNotAllowedError: the quality report is for staff and the system. */
export const ReportNotAllowedError = defineError<{ role: string }>('REPORT_NOT_ALLOWED', 'forbidden');
