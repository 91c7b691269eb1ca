/**
 * The request form for material support of disabled children schooled at home. The child is named
 * with IIN and birth date (the IIN must encode that date); the home-education period comes from the
 * conclusion of the psychological-medical-pedagogical consultation that the parent attaches.
 */
import { z } from 'zod';
import { calendarDateSchema, iinSchema, periodSchema, text, type FieldHint, type ServiceForm } from '../../domain/index.js';
import { ageIssue, childSchema, contactsSchema, futureIssue } from '../common/person.js';

/** ADULT_AGE: the service is for children, i.e. under eighteen. */
const ADULT_AGE = 18;

export const DisabledChildrenHomeEducationForm = z.strictObject({
  iin: iinSchema,
  fullName: text(),
  ...contactsSchema,
  child: childSchema,
  /** conclusion: the consultation's conclusion on home education (number and date). */
  conclusion: z.strictObject({ number: text(50), date: calendarDateSchema }),
  homeEducationPeriod: periodSchema,
  attachments: z
    .array(
      z.strictObject({
        kind: z.enum(['identity-document', 'birth-certificate', 'disability-certificate', 'consultation-conclusion', 'other']),
        name: text(),
      }),
    )
    .max(10)
    .default([]),
});
export type DisabledChildrenHomeEducationForm = z.output<typeof DisabledChildrenHomeEducationForm>;

const layout: readonly FieldHint[] = [
  { field: 'iin', widget: 'iin', labelKey: 'workflow:fields.iin.label', hintKey: 'workflow:fields.iin.hint' },
  { field: 'fullName', widget: 'text', labelKey: 'workflow:fields.fullName.label' },
  { field: 'phone', widget: 'phone', labelKey: 'workflow:fields.phone.label', hintKey: 'workflow:fields.phone.hint' },
  { field: 'email', widget: 'email', labelKey: 'workflow:fields.email.label' },
  { field: 'child', widget: 'person', labelKey: 'workflow:fields.child.label', hintKey: 'workflow:fields.child.hint' },
  { field: 'conclusion', widget: 'text', labelKey: 'workflow:fields.conclusion.label', hintKey: 'workflow:fields.conclusion.hint' },
  { field: 'homeEducationPeriod', widget: 'period', labelKey: 'workflow:fields.homeEducationPeriod.label' },
  { field: 'attachments', widget: 'files', labelKey: 'workflow:fields.attachments.label' },
];

export const disabledChildrenHomeEducationForm: ServiceForm<DisabledChildrenHomeEducationForm> = {
  schema: DisabledChildrenHomeEducationForm,
  rules: (data, { today }) => [
    ...ageIssue('child.birthDate', data.child.birthDate, today, 0, ADULT_AGE),
    ...futureIssue('conclusion.date', data.conclusion.date, today),
  ],
  layout,
};
