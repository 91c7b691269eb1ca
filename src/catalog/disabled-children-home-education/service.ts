/**
 * «Оформление документов для материального обеспечения детей-инвалидов, обучающихся и
 * воспитывающихся на дому». Channels: portal and provider desk only — no ЦОН (Urdzhar L1213–L1214,
 * Pavlodar 000:L780–782). Deadlines from the Urdzhar tables (reading §2.2).
 */
import { defineService } from '../../domain/index.js';
import { applicantOf, receivedOn, refusalLetter } from '../common/documents.js';
import {
  EXTEND,
  REFUSE_DOCUMENTS,
  REGISTER,
  REJECT_EDS,
  RETURN_TO_WORK,
  TAKE_INTO_WORK,
  TERMINAL_STATES,
  issueActions,
  refuse,
  refuseDocumentsAtIntake,
  refusePersonNotFound,
  sign,
} from '../common/workflow.js';
import { disabledChildrenHomeEducationForm, type DisabledChildrenHomeEducationForm } from './form.js';

const CHANNELS = ['portal', 'provider'] as const;
const HEAD_AND_STAFF = ['PROVIDER_HEAD', 'PROVIDER_EMPLOYEE'] as const;

export const disabledChildrenHomeEducationService = defineService<DisabledChildrenHomeEducationForm>({
  id: 'disabled-children-home-education',
  nameKey: 'services:disabled-children-home-education.name',
  // Standard approved by Government Decree No. 394 of 7 April 2011 (Urdzhar L1215–L1221).
  legalBasis: { key: 'workflow:legalBasis.decree-394', act: { date: '2011-04-07', number: '394' } },
  providerKind: 'employment-department',
  channels: CHANNELS,
  form: disabledChildrenHomeEducationForm,
  initial: 'SUBMITTED',
  states: {
    SUBMITTED: {
      status: 'SUBMITTED',
      deadline: {
        portal: { minutes: 1 }, // ПЭП table 2 step 1, ≤ 1 мин (Urdzhar L1592–L1838)
        provider: { minutes: 15 }, // МИО table 1 step 1, ≤ 15 мин (Urdzhar L1421–L1588)
      },
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: {
        REJECT_EDS,
        REFUSE_PERSON_NOT_FOUND: refusePersonNotFound(['provider']), // Pavlodar §3.4: staff channels
        REFUSE_DOCUMENTS_AT_INTAKE: refuseDocumentsAtIntake(['provider']),
        REGISTER,
      },
    },
    REGISTERED: {
      status: 'RECEIVED',
      deadline: {
        portal: { minutes: 15 }, // ПЭП step 4 «Принятие в работу», ≤ 15 мин
        provider: { minutes: 2 }, // МИО steps 2–3 (registration, routing to ИС ЦГО), ≤ 1 мин each
      },
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { TAKE_INTO_WORK, REFUSE_DOCUMENTS },
    },
    IN_WORK: {
      status: 'IN_WORK',
      // «В течение 10 рабочих дней» on both channels: МИО step 4, ПЭП step 5 (Urdzhar reading §2.2);
      // Pavlodar S2 KZ «10 жұмыс күн» (RU says 10 minutes, §3.5).
      deadline: { workingDays: 10, countReceiptDay: false },
      onDeadline: { notify: [...HEAD_AND_STAFF] },
      actions: {
        APPROVE: { to: 'RESULT_PREPARED', roles: [...HEAD_AND_STAFF], notify: false },
        REFUSE: refuse(['NOT_ELIGIBLE', 'DOCUMENTS_NONCONFORMING', 'DOCUMENTS_INCOMPLETE']),
        // The only service whose regulation names an extension (Urdzhar L1853–L1857).
        EXTEND,
      },
    },
    RESULT_PREPARED: {
      status: 'IN_WORK',
      deadline: { minutes: 1 }, // МИО step 8 / ПЭП step 10 signing, ≤ 1 мин
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { SIGN: sign('RESULT_SIGNED', 'positive'), RETURN_TO_WORK },
    },
    REFUSAL_PREPARED: {
      status: 'IN_WORK',
      deadline: { minutes: 1 }, // signed like the result: МИО step 8 / ПЭП step 10, ≤ 1 мин
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { SIGN: sign('REFUSAL_SIGNED', 'negative'), RETURN_TO_WORK },
    },
    RESULT_SIGNED: {
      status: 'READY_FOR_ISSUE',
      // ПЭП step 12 (output shown), ≤ 1 мин; МИО step 7 «Не более 1 минуты в случае отправки на электронную почту».
      deadline: { minutes: 1 },
      onDeadline: { notify: [...HEAD_AND_STAFF] },
      actions: issueActions('ISSUED', CHANNELS),
    },
    REFUSAL_SIGNED: {
      status: 'READY_FOR_ISSUE',
      deadline: { minutes: 1 }, // as RESULT_SIGNED
      onDeadline: { notify: [...HEAD_AND_STAFF] },
      actions: issueActions('REFUSED', CHANNELS),
    },
    ...TERMINAL_STATES,
  },
  outputs: {
    positive: ['disability-support-notification'],
    negative: ['refusal-letter'],
  },
  documentData: {
    // The decision (basis), the amount and the school come from the provider's decision.
    'disability-support-notification': (application) => ({
      recipient: applicantOf(application),
      child: application.form.child,
      period: application.form.homeEducationPeriod,
      applicationDate: receivedOn(application),
    }),
    'refusal-letter': refusalLetter,
  },
});
