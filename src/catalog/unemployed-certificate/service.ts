/**
 * «Выдача справок безработным гражданам» / «Жұмыссыз азаматтарға анықтама беру».
 * Channels: portal, ЦОН («на альтернативной основе»), provider desk (Urdzhar L49–L53, Pavlodar 000:L48–51).
 * Deadlines follow the Urdzhar step tables (Appendix 2, reading §2.1); where Pavlodar differs it is noted.
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
import { unemployedCertificateForm, type UnemployedCertificateForm } from './form.js';

const CHANNELS = ['portal', 'con', 'provider'] as const;
const HEAD_AND_STAFF = ['PROVIDER_HEAD', 'PROVIDER_EMPLOYEE'] as const;

export const unemployedCertificateService = defineService<UnemployedCertificateForm>({
  id: 'unemployed-certificate',
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
      deadline: {
        portal: { minutes: 1 }, // ПЭП table 3 step 1, «≤ 1 мин» (Urdzhar L840–L1157)
        con: { minutes: 10 }, // ЦОН table 2 step 1, «≤ 10 мин» (Urdzhar L555–L838)
        provider: { minutes: 5 }, // МИО table 1 step 1, «≤ 5 мин» (Urdzhar L304–L553)
      },
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
      deadline: {
        portal: { minutes: 10 }, // ПЭП step 5 «Принятие в работу», ≤ 10 мин
        con: { minutes: 10 }, // ЦОН step 5 «Проверка документов, принятие заявления в работу», ≤ 10 мин
        provider: { minutes: 3 }, // МИО steps 2–4 (registration, routing, numbering), ≤ 1 мин each
      },
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { TAKE_INTO_WORK, REFUSE_DOCUMENTS },
    },
    IN_WORK: {
      status: 'IN_WORK',
      deadline: {
        // ПЭП step 6, ≤ 10 мин (Pavlodar S1 portal: 4 min RU / 10 min KZ, §3.5).
        portal: { minutes: 10 },
        // ЦОН step 6: «Три рабочих дня (день приема и день выдачи документов не входят в срок…)»
        // (Urdzhar L715–L722); Pavlodar gives 2 (RU) / 3 (KZ) working days (§3.5).
        con: { workingDays: 3, countReceiptDay: false, countIssueDay: false },
        provider: { minutes: 4 }, // МИО step 5, ≤ 4 мин (Urdzhar L447)
      },
      onDeadline: { notify: [...HEAD_AND_STAFF] },
      actions: {
        APPROVE: { to: 'RESULT_PREPARED', roles: [...HEAD_AND_STAFF], notify: false },
        REFUSE: refuse(['NOT_REGISTERED_UNEMPLOYED', 'NOT_ELIGIBLE', 'DOCUMENTS_NONCONFORMING', 'DOCUMENTS_INCOMPLETE']),
        EXTEND,
      },
    },
    RESULT_PREPARED: {
      status: 'IN_WORK',
      deadline: { minutes: 1 }, // МИО step 10 / ПЭП step 12 signing, ≤ 1 мин
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { SIGN: sign('RESULT_SIGNED', 'positive'), RETURN_TO_WORK },
    },
    REFUSAL_PREPARED: {
      status: 'IN_WORK',
      deadline: { minutes: 1 }, // the refusal is signed like the result (ПЭП step 12)
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { SIGN: sign('REFUSAL_SIGNED', 'negative'), RETURN_TO_WORK },
    },
    RESULT_SIGNED: {
      status: 'READY_FOR_ISSUE',
      deadline: {
        portal: { minutes: 1 }, // ПЭП step 14, output shown in the personal cabinet, ≤ 1 мин
        con: { minutes: 10 }, // ЦОН step 15, issue by the ЦОН employee, ≤ 10 мин
        provider: { minutes: 1 }, // МИО step 9, ≤ 1 мин
      },
      onDeadline: { notify: [...HEAD_AND_STAFF] },
      actions: issueActions('ISSUED', CHANNELS),
    },
    REFUSAL_SIGNED: {
      status: 'READY_FOR_ISSUE',
      deadline: { portal: { minutes: 1 }, con: { minutes: 10 }, provider: { minutes: 1 } }, // as RESULT_SIGNED
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
