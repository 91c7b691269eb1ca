/**
 * The preschool queue request: the parent (or a proxy with an authorising document, Urdzhar
 * L1968–L1970), the child «до 7 лет» (L1885–L1887) with IIN and birth date, the preferred preschool
 * organisations and the language of upbringing.
 */
import { z } from 'zod';
import { iinSchema, text, type FieldHint, type ServiceForm } from '../../domain/index.js';
import { ageIssue, childSchema, contactsSchema } from '../common/person.js';

/** PRESCHOOL_AGE_LIMIT: children under seven (Urdzhar L1885–L1887). */
export const PRESCHOOL_AGE_LIMIT = 7;

export const PreschoolQueueForm = z.strictObject({
  iin: iinSchema,
  fullName: text(),
  ...contactsSchema,
  child: childSchema,
  /** preferredOrganisations: ids of preschool organisations of the provider; empty means any. */
  preferredOrganisations: z.array(text(64)).max(3).default([]),
  language: z.enum(['kk', 'ru']),
  proxy: z.strictObject({ iin: iinSchema, fullName: text(), authority: text() }).optional(),
});
export type PreschoolQueueForm = z.output<typeof PreschoolQueueForm>;

const layout: readonly FieldHint[] = [
  { field: 'iin', widget: 'iin', labelKey: 'workflow:fields.iin.label', hintKey: 'workflow:fields.iin.hint' },
  { field: 'fullName', widget: 'text', labelKey: 'workflow:fields.fullName.label' },
  { field: 'phone', widget: 'phone', labelKey: 'workflow:fields.phone.label', hintKey: 'workflow:fields.phone.hint' },
  { field: 'email', widget: 'email', labelKey: 'workflow:fields.email.label' },
  { field: 'child', widget: 'person', labelKey: 'workflow:fields.child.label', hintKey: 'workflow:fields.child.hint' },
  {
    field: 'preferredOrganisations',
    widget: 'select',
    labelKey: 'workflow:fields.preferredOrganisations.label',
    hintKey: 'workflow:fields.preferredOrganisations.hint',
  },
  { field: 'language', widget: 'select', labelKey: 'workflow:fields.language.label' },
  { field: 'proxy', widget: 'person', labelKey: 'workflow:fields.proxy.label', hintKey: 'workflow:fields.proxy.hint' },
];

export const preschoolQueueForm: ServiceForm<PreschoolQueueForm> = {
  schema: PreschoolQueueForm,
  rules: (data, { today }) => ageIssue('child.birthDate', data.child.birthDate, today, 0, PRESCHOOL_AGE_LIMIT),
  layout,
};
