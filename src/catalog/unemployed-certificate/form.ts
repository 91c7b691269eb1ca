/**
 * The unemployed certificate's request form (Pavlodar–Ekibastuz §5.5 screen form; the format-logical
 * rules themselves are «promised but absent» in the seeds, Urdzhar §7.11, so they are ours).
 */
import { z } from 'zod';
import { iinSchema, periodSchema, text, type FieldHint, type ServiceForm } from '../../domain/index.js';
import { contactsSchema, futureIssue } from '../common/person.js';

export const UnemployedCertificateForm = z.strictObject({
  iin: iinSchema,
  fullName: text(),
  ...contactsSchema,
  /** period: the months the certificate is to cover. */
  period: periodSchema,
  /** presentedTo: where the certificate goes; «по месту требования» when absent. */
  presentedTo: text().optional(),
  attachments: z
    .array(z.strictObject({ kind: z.enum(['identity-document', 'employment-record', 'other']), name: text() }))
    .max(10)
    .default([]),
});
export type UnemployedCertificateForm = z.output<typeof UnemployedCertificateForm>;

const layout: readonly FieldHint[] = [
  { field: 'iin', widget: 'iin', labelKey: 'workflow:fields.iin.label', hintKey: 'workflow:fields.iin.hint' },
  { field: 'fullName', widget: 'text', labelKey: 'workflow:fields.fullName.label' },
  { field: 'phone', widget: 'phone', labelKey: 'workflow:fields.phone.label', hintKey: 'workflow:fields.phone.hint' },
  { field: 'email', widget: 'email', labelKey: 'workflow:fields.email.label' },
  { field: 'period', widget: 'period', labelKey: 'workflow:fields.period.label', hintKey: 'workflow:fields.period.hint' },
  { field: 'presentedTo', widget: 'text', labelKey: 'workflow:fields.presentedTo.label', hintKey: 'workflow:fields.presentedTo.hint' },
  { field: 'attachments', widget: 'files', labelKey: 'workflow:fields.attachments.label' },
];

export const unemployedCertificateForm: ServiceForm<UnemployedCertificateForm> = {
  schema: UnemployedCertificateForm,
  // A certificate states facts up to the day it is issued, so its period cannot start in the future.
  rules: (data, { today }) => futureIssue('period.from', data.period.from, today),
  layout,
};
