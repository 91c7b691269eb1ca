/**
 * The questionnaire on the quality and accessibility of an e-service («Форма анкеты для определения
 * показателей электронной государственной услуги: «качество» и «доступность»», Pavlodar–Ekibastuz
 * §5.6; the same in all three Urdzhar regulations): two questions, three answers each, the
 * applicant's choice marked.
 */
import { z } from 'zod';
import { calendarDateSchema, defineDocumentKind, text } from '../../domain/index.js';
import { SERVICE_IDS } from '../service-ids.js';
import { issuerSchema } from './issuer.js';
import { personSchema } from './people.js';

/** SATISFACTION_ANSWERS: the three answers, in the order the form numbers them 1) 2) 3). */
export const SATISFACTION_ANSWERS = ['not-satisfied', 'partially-satisfied', 'satisfied'] as const;
const answer = z.enum(SATISFACTION_ANSWERS);

export const QualityQuestionnaireData = z.strictObject({
  /** issuer: the provider whose service is rated. */
  issuer: issuerSchema,
  applicant: personSchema,
  service: z.enum(SERVICE_IDS),
  /** application: the application the answers are about, when known. */
  applicationNumber: text(30).optional(),
  answers: z.strictObject({
    /** process: «Удовлетворены ли Вы качеством процесса и результатом оказания …?» */
    process: answer,
    /** information: «Удовлетворены ли Вы качеством информации о порядке оказания …?» */
    information: answer,
  }),
  answeredOn: calendarDateSchema,
});
export type QualityQuestionnaireData = z.output<typeof QualityQuestionnaireData>;

export const qualityQuestionnaire = defineDocumentKind({
  id: 'quality-questionnaire',
  titleKey: 'documents:quality-questionnaire.title',
  template: 'documents/quality-questionnaire',
  schema: QualityQuestionnaireData,
  parties: (data) => ({ issuer: data.issuer, applicant: data.applicant }),
});
