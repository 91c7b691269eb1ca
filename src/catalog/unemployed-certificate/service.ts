/**
 * «Выдача справок безработным гражданам» / «Жұмыссыз азаматтарға анықтама беру».
 * Channels: portal, ЦОН («на альтернативной основе»), provider desk (Urdzhar L49–L53, Pavlodar 000:L48–51).
 * The norms of each step are the regulations' (../regulations/unemployed-certificate.ts): one per act.
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
import { UNEMPLOYED_CERTIFICATE_REGULATIONS } from '../regulations/unemployed-certificate.js';
import { unemployedCertificateForm, type UnemployedCertificateForm } from './form.js';

const CHANNELS = ['portal', 'con', 'provider'] as const;
const HEAD_AND_STAFF = ['PROVIDER_HEAD', 'PROVIDER_EMPLOYEE'] as const;

export const unemployedCertificateService = defineService<UnemployedCertificateForm>({
  id: 'unemployed-certificate',
  regulations: UNEMPLOYED_CERTIFICATE_REGULATIONS,
  nameKey: 'services:unemployed-certificate.name',
  // Standard approved by Government Decree No. 394 of 7 April 2011 (Urdzhar L54–L59, Pavlodar 000:L52–58).
  legalBasis: { key: 'workflow:legalBasis.decree-394', act: { date: '2011-04-07', number: '394' } },
  providerKind: 'employment-department',
  channels: CHANNELS,
  form: unemployedCertificateForm,
  initial: 'SUBMITTED',
  states: {
    SUBMITTED: {
      status: 'SUBMITTED',
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: {
        REJECT_EDS,
        REFUSE_PERSON_NOT_FOUND: refusePersonNotFound(['con', 'provider']), // Pavlodar §3.4: provider, ЦОН
        REFUSE_DOCUMENTS_AT_INTAKE: refuseDocumentsAtIntake(['con', 'provider']),
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
        REFUSE: refuse(['NOT_REGISTERED_UNEMPLOYED', 'NOT_ELIGIBLE', 'DOCUMENTS_NONCONFORMING', 'DOCUMENTS_INCOMPLETE']),
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
    positive: ['unemployed-certificate'],
    negative: ['refusal-letter'],
  },
  documentData: {
    // registeredFrom, the employment history and presentedTo (bilingual) come from the provider's records.
    'unemployed-certificate': (application) => ({
      applicant: applicantOf(application),
      period: application.form.period,
      applicationDate: receivedOn(application),
    }),
    'refusal-letter': refusalLetter,
  },
});
