/**
 * Mappings shared by every service. Each returns the part of a document kind's data that the
 * application knows, under the kind's own field names (src/catalog/documents/*, wip-docs); the
 * issuing use case adds the issuer, the head who signs, bilingual free texts and numbers.
 */
import {
  calendarDateInAlmaty,
  toIsoDate,
  type DocumentContext,
  type DocumentData,
  type WorkflowApplication,
} from '../../domain/index.js';

/** applicantOf: the party every document names. */
export const applicantOf = (application: WorkflowApplication<unknown>) => ({
  iin: application.applicant.iin,
  fullName: application.applicant.fullName,
});

/** receivedOn: the day the application was received, in Almaty. */
export const receivedOn = (application: WorkflowApplication<unknown>): string =>
  toIsoDate(calendarDateInAlmaty(application.receivedAt));

/**
 * refusalLetter: «мотивированный отказ». The justification is typed in one language, so the
 * bilingual `explanation` is left to the use case; a refusal before registration has no application.
 */
export function refusalLetter(application: WorkflowApplication<unknown>, context: DocumentContext): DocumentData {
  return {
    applicant: applicantOf(application),
    service: application.serviceId,
    reason: context.reason ?? null,
    ...(application.number ? { application: { number: application.number, date: receivedOn(application) } } : {}),
  };
}
