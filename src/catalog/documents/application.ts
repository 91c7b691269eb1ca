/**
 * The application: «Өтініш» / «Заявление», printable, for each of the three services (seed 004
 * lines 400–420: the e-gov header with «Идентификационный номер» and «Дата подачи», the addressee,
 * the applicant, the request, the attached documents). The same schema is meant to drive the
 * screen forms, so each service's own fields are a variant of a union discriminated by `service`.
 */
import { z } from 'zod';
import { calendarDateSchema, defineDocumentKind, localizedTextSchema, periodSchema, text } from '../../domain/index.js';
import { issuerSchema } from './issuer.js';
import { childSchema, personSchema } from './people.js';

const MAX_ATTACHMENTS = 20;

const common = {
  /** number: the application's identification number («Идентификационный номер»). */
  number: text(30),
  /** submittedOn: the day the application was filed («Дата подачи»). */
  submittedOn: calendarDateSchema,
  /** provider: the department the application is addressed to. */
  provider: issuerSchema,
  /** head: the head of that department, the addressee. */
  head: text(),
  applicant: z.strictObject({
    ...personSchema.shape,
    /** address: as the applicant writes it, in one language. */
    address: text(),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{5,20}$/).optional(),
  }),
  /** attachments: the documents attached, each named in both languages. */
  attachments: z.array(localizedTextSchema()).max(MAX_ATTACHMENTS).default([]),
};

const UnemployedCertificateApplication = z.strictObject({
  ...common,
  service: z.literal('unemployed-certificate'),
  /** period: the period the certificate is to cover («за период с … по …»). */
  period: periodSchema,
});

const DisabledChildrenApplication = z.strictObject({
  ...common,
  service: z.literal('disabled-children-home-education'),
  child: childSchema,
  /** school: the organisation of education that teaches the child at home. */
  school: text().optional(),
});

const PreschoolQueueApplication = z.strictObject({
  ...common,
  service: z.literal('preschool-queue'),
  child: childSchema,
  /** preferredPreschool: the preschool organisation the parent prefers, if any. */
  preferredPreschool: text().optional(),
});

/** ApplicationForm: the input, one variant per service; screen forms are drawn from it. */
export const ApplicationForm = z.discriminatedUnion('service', [
  UnemployedCertificateApplication,
  DisabledChildrenApplication,
  PreschoolQueueApplication,
]);
export type ApplicationForm = z.output<typeof ApplicationForm>;

// The e-gov header prints the filing day as DD.MM.YYYY, like the issue date of other documents.
export const ApplicationData = ApplicationForm.transform((data) => ({
  ...data,
  submittedOnNumeric: data.submittedOn.split('-').reverse().join('.'),
}));
export type ApplicationData = z.output<typeof ApplicationData>;

export const application = defineDocumentKind({
  id: 'application',
  titleKey: 'documents:application.title',
  template: 'documents/application',
  schema: ApplicationData,
  parties: (data) => ({ issuer: data.provider, applicant: { iin: data.applicant.iin, fullName: data.applicant.fullName } }),
});
