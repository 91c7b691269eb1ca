/**
 * Mappings shared by every service: the refusal letter and the status notification. The output is
 * loose (DocumentData): the document kinds' schemas are owned by the documents room, and the
 * issuing use case adds the issuer, numbers and signature.
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

/** refusalLetter: «мотивированный отказ» — the reason code (`reasons:<CODE>`) and the justification. */
export function refusalLetter(application: WorkflowApplication<unknown>, context: DocumentContext): DocumentData {
  return {
    applicant: applicantOf(application),
    serviceId: application.serviceId,
    applicationNumber: application.number,
    applicationDate: toIsoDate(calendarDateInAlmaty(application.receivedAt)),
    reason: context.reason ?? null,
    justification: context.comment ?? null,
    date: toIsoDate(calendarDateInAlmaty(context.now)),
  };
}

/** statusNotification: a request not accepted (EDS) or an application closed without a result. */
export function statusNotification(application: WorkflowApplication<unknown>, context: DocumentContext): DocumentData {
  return {
    applicant: applicantOf(application),
    serviceId: application.serviceId,
    applicationNumber: application.number,
    state: application.state,
    reason: context.reason ?? null,
    date: toIsoDate(calendarDateInAlmaty(context.now)),
  };
}
