/**
 * The unemployed certificate: «Жұмыссыз ретінде тіркелу туралы анықтама» / «Справка о регистрации
 * в качестве безработного». Fields follow the e-gov output form of seed 004 (lines 420–500).
 */
import { z } from 'zod';
import {
  calendarDateSchema,
  defineDocumentKind,
  iinSchema,
  localizedTextSchema,
  periodSchema,
  text,
} from '../../domain/index.js';
import { issuerSchema } from './issuer.js';

const MAX_ENTRIES = 20;

export const UnemployedCertificateData = z.strictObject({
  issuer: issuerSchema,
  applicant: z.strictObject({ iin: iinSchema, fullName: text() }),
  /** registeredFrom: the day of registration as unemployed (Law on employment, article 15). */
  registeredFrom: calendarDateSchema,
  publicWorks: z
    .array(
      z.strictObject({
        kind: z.enum(['public-works', 'social-jobs']),
        period: periodSchema,
        organisation: localizedTextSchema().optional(),
      }),
    )
    .max(MAX_ENTRIES)
    .default([]),
  training: z
    .array(
      z.strictObject({
        kind: z.enum(['vocational-training', 'retraining', 'advanced-training', 'youth-practice']),
        period: periodSchema,
        organisation: localizedTextSchema().optional(),
      }),
    )
    .max(MAX_ENTRIES)
    .default([]),
  assistance: z
    .array(
      z.strictObject({
        kind: z.enum(['targeted-social-assistance', 'housing-assistance']),
        period: periodSchema,
      }),
    )
    .max(MAX_ENTRIES)
    .default([]),
  /** period: the period the certificate covers, as asked in the application («с … по …»). */
  period: periodSchema,
  /** presentedTo: where the certificate is to be presented; «по месту требования» when absent. */
  presentedTo: localizedTextSchema().optional(),
  head: text(),
  specialist: text(),
  applicationDate: calendarDateSchema,
});
export type UnemployedCertificateData = z.output<typeof UnemployedCertificateData>;

export const unemployedCertificate = defineDocumentKind({
  id: 'unemployed-certificate',
  titleKey: 'documents:unemployed-certificate.title',
  template: 'documents/unemployed-certificate',
  schema: UnemployedCertificateData,
  parties: (data) => ({ issuer: data.issuer, applicant: data.applicant }),
});
