/**
 * «Оформление документов для материального обеспечения детей-инвалидов, обучающихся и
 * воспитывающихся на дому». Channels: portal and provider desk only — no ЦОН (Urdzhar L1213–L1214,
 * Pavlodar 000:L780–782). The norms are the regulations' (../regulations/disabled-children-home-education.ts).
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
import { DISABLED_CHILDREN_HOME_EDUCATION_REGULATIONS } from '../regulations/disabled-children-home-education.js';
import { disabledChildrenHomeEducationForm, type DisabledChildrenHomeEducationForm } from './form.js';

const CHANNELS = ['portal', 'provider'] as const;
const HEAD_AND_STAFF = ['PROVIDER_HEAD', 'PROVIDER_EMPLOYEE'] as const;

export const disabledChildrenHomeEducationService = defineService<DisabledChildrenHomeEducationForm>({
  id: 'disabled-children-home-education',
  regulations: DISABLED_CHILDREN_HOME_EDUCATION_REGULATIONS,
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
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { TAKE_INTO_WORK, REFUSE_DOCUMENTS },
    },
    IN_WORK: {
      status: 'IN_WORK',
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
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { SIGN: sign('RESULT_SIGNED', 'positive'), RETURN_TO_WORK },
    },
    REFUSAL_PREPARED: {
      status: 'IN_WORK',
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { SIGN: sign('REFUSAL_SIGNED', 'negative'), RETURN_TO_WORK },
    },
    RESULT_SIGNED: {
      status: 'READY_FOR_ISSUE',
      onDeadline: { notify: [...HEAD_AND_STAFF] },
      actions: issueActions('ISSUED', CHANNELS),
    },
    REFUSAL_SIGNED: {
      status: 'READY_FOR_ISSUE',
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
