/**
 * «Постановка на очередь детей дошкольного возраста (до 7 лет) для направления в детские дошкольные
 * организации». Channels: provider desk, ЦОН, portal (Urdzhar L1894–L1896). The norms are the
 * Urdzhar regulation's (../regulations/preschool-queue.ts); the queue after the decision follows
 * reading §4 (our design where
 * the regulation is silent: expiry returns nothing by itself, the provider may requeue).
 */
import { defineService } from '../../domain/index.js';
import { applicantOf, refusalLetter } from '../common/documents.js';
import { birthDateFromIin } from '../common/person.js';
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
import { PRESCHOOL_QUEUE_REGULATIONS } from '../regulations/preschool-queue.js';
import { PRESCHOOL_AGE_LIMIT, preschoolQueueForm, type PreschoolQueueForm } from './form.js';

const CHANNELS = ['portal', 'con', 'provider'] as const;
const HEAD_AND_STAFF = ['PROVIDER_HEAD', 'PROVIDER_EMPLOYEE'] as const;

export const preschoolQueueService = defineService<PreschoolQueueForm>({
  id: 'preschool-queue',
  regulations: PRESCHOOL_QUEUE_REGULATIONS,
  nameKey: 'services:preschool-queue.name',
  // Standard approved by Government Decree No. 1119 of 31 August 2012 (Urdzhar L1897–L1903).
  legalBasis: { key: 'workflow:legalBasis.decree-1119', act: { date: '2012-08-31', number: '1119' } },
  providerKind: 'education-department',
  channels: CHANNELS,
  form: preschoolQueueForm,
  queue: { ageLimit: PRESCHOOL_AGE_LIMIT },
  initial: 'SUBMITTED',
  states: {
    SUBMITTED: {
      status: 'SUBMITTED',
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: {
        REJECT_EDS,
        // The child is checked in ГБД ФЛ (МИО) and in ГБД ФЛ + ИС ЗАГС (ЦОН) (L2179–L2185, L2373–L2400).
        REFUSE_PERSON_NOT_FOUND: refusePersonNotFound(undefined),
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
        // A place is free on the day of application: the referral itself is the result (reading §4.6).
        REFER: { to: 'REFERRAL_PREPARED', roles: [...HEAD_AND_STAFF], notify: false },
        // No place: the queue notice «как промежуточный документ» (L1997–L2001).
        QUEUE: { to: 'QUEUE_NOTICE_PREPARED', roles: [...HEAD_AND_STAFF], notify: false },
        REFUSE: refuse(['CHILD_OVER_AGE', 'NOT_ELIGIBLE', 'DOCUMENTS_NONCONFORMING', 'DOCUMENTS_INCOMPLETE']),
        EXTEND,
      },
    },
    QUEUE_NOTICE_PREPARED: {
      status: 'IN_WORK',
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { SIGN: sign('IN_QUEUE', 'queued', true), RETURN_TO_WORK },
    },
    IN_QUEUE: {
      status: 'IN_QUEUE',
      // No deadline: the child waits until a place is free or turns seven (reading §4.1).
      actions: {
        REFER: { to: 'REFERRAL_PREPARED', roles: ['SYSTEM', ...HEAD_AND_STAFF], notify: false },
        AGE_OUT: { to: 'AGED_OUT', roles: ['SYSTEM'], notify: true },
        WITHDRAW: { to: 'WITHDRAWN', roles: ['APPLICANT', 'PROVIDER_EMPLOYEE'], requires: ['comment'], notify: true },
      },
    },
    REFERRAL_PREPARED: {
      status: 'IN_WORK',
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { SIGN: sign('REFERRAL_ISSUED', 'positive', true) },
    },
    REFERRAL_ISSUED: {
      status: 'REFERRAL_ISSUED',
      onDeadline: { action: 'EXPIRE_REFERRAL', notify: ['PROVIDER_EMPLOYEE'] },
      actions: {
        ENROL: { to: 'ENROLLED', roles: [...HEAD_AND_STAFF], notify: true },
        EXPIRE_REFERRAL: { to: 'REFERRAL_EXPIRED', roles: ['SYSTEM'], notify: true },
      },
    },
    REFERRAL_EXPIRED: {
      status: 'REFERRAL_EXPIRED',
      actions: {
        REQUEUE: { to: 'IN_QUEUE', roles: [...HEAD_AND_STAFF], requires: ['comment'], notify: true },
        CLOSE: { to: 'CLOSED', roles: [...HEAD_AND_STAFF], requires: ['comment'], notify: true },
      },
    },
    REFUSAL_PREPARED: {
      status: 'IN_WORK',
      onDeadline: { notify: ['PROVIDER_HEAD'] },
      actions: { SIGN: sign('REFUSAL_SIGNED', 'negative'), RETURN_TO_WORK },
    },
    REFUSAL_SIGNED: {
      status: 'READY_FOR_ISSUE',
      onDeadline: { notify: [...HEAD_AND_STAFF] },
      actions: issueActions('REFUSED', CHANNELS),
    },
    ENROLLED: { status: 'ENROLLED', terminal: 'positive' },
    AGED_OUT: { status: 'CLOSED', terminal: 'closed' },
    CLOSED: { status: 'CLOSED', terminal: 'closed' },
    WITHDRAWN: { status: 'WITHDRAWN', terminal: 'withdrawn' },
    REFUSED: TERMINAL_STATES.REFUSED,
    REJECTED: TERMINAL_STATES.REJECTED,
  },
  outputs: {
    positive: ['preschool-referral'],
    queued: ['preschool-queue-notice'],
    negative: ['refusal-letter'],
  },
  documentData: {
    // The child's home address and the preschool organisation come from the registry and the queue.
    'preschool-referral': (application) => ({
      applicant: applicantOf(application),
      child: { fullName: application.form.child.fullName, birthDate: application.form.child.birthDate },
    }),
    // The journal number and date are the queue's (context.facts); the Russian text agrees with the child's sex.
    'preschool-queue-notice': (application, context) => ({
      parent: applicantOf(application),
      child: { fullName: application.form.child.fullName, sex: sexOfChild(application.form.child.iin) },
      ...(context.facts?.journalNumber !== undefined && context.facts.journalDate !== undefined
        ? { journal: { number: String(context.facts.journalNumber), date: String(context.facts.journalDate) } }
        : {}),
    }),
    'refusal-letter': refusalLetter,
  },
});

/** sexOfChild: the IIN's seventh digit is odd for a boy and even for a girl. */
function sexOfChild(iin: string): 'male' | 'female' | null {
  if (birthDateFromIin(iin) === null) return null;
  return Number(iin[6]) % 2 === 1 ? 'male' : 'female';
}
