/**
 * Workflow pieces every service of the catalogue repeats: the intake refusals, registration
 * («Поступившие»), taking into work («В работе»), signing and issue per channel. Each service's
 * service.ts puts them together with its own deadlines and reasons, citing the regulation.
 */
import type { ActionDefinition, Role, StateDefinition } from '../../domain/index.js';

const STAFF: readonly Role[] = ['PROVIDER_EMPLOYEE', 'PROVIDER_HEAD'];
const SIGNERS: readonly Role[] = ['PROVIDER_EMPLOYEE', 'PROVIDER_HEAD'];

/**
 * REJECT_EDS: the signed request fails the EDS check (certificate out of validity, revoked, or its
 * IIN is not the applicant's) — Pavlodar–Ekibastuz §3.4, Urdzhar §2.4 «EDS (ЭЦП) checks».
 */
export const REJECT_EDS: ActionDefinition = {
  to: 'REJECTED',
  roles: ['SYSTEM'],
  requires: ['reason'],
  reasons: ['EDS_NOT_CONFIRMED'],
  // The portal shows a message («сообщение об отказе»), no document: the request was never registered.
  notify: true,
};

/** refusePersonNotFound: no data on the person in ГБД ФЛ → motivated refusal (Pavlodar §3.4, 000:L190–191). */
export const refusePersonNotFound = (channels: ActionDefinition['channels']): ActionDefinition => ({
  to: 'REFUSED',
  roles: ['SYSTEM', 'CON_OPERATOR', 'PROVIDER_EMPLOYEE'],
  ...(channels ? { channels } : {}),
  requires: ['reason'],
  reasons: ['PERSON_NOT_FOUND'],
  notify: true,
  issues: 'negative',
});

/** refuseDocumentsAtIntake: the desk finds the documents not conforming before registering (Pavlodar §3.4). */
export const refuseDocumentsAtIntake = (channels: ActionDefinition['channels']): ActionDefinition => ({
  to: 'REFUSED',
  roles: ['CON_OPERATOR', 'PROVIDER_EMPLOYEE'],
  ...(channels ? { channels } : {}),
  requires: ['reason', 'comment'],
  reasons: ['DOCUMENTS_NONCONFORMING', 'DOCUMENTS_INCOMPLETE'],
  notify: true,
  issues: 'negative',
});

/** REGISTER: the request is numbered and shown as «Поступившие». */
export const REGISTER: ActionDefinition = {
  to: 'REGISTERED',
  roles: ['SYSTEM', 'CON_OPERATOR', 'PROVIDER_EMPLOYEE'],
  notify: true,
};

/** TAKE_INTO_WORK: «Проверка документов, принятие заявления в работу» → «В работе». */
export const TAKE_INTO_WORK: ActionDefinition = { to: 'IN_WORK', roles: STAFF, notify: true };

/** REFUSE_DOCUMENTS: the provider's document check after registration fails → motivated refusal. */
export const REFUSE_DOCUMENTS: ActionDefinition = {
  to: 'REFUSAL_PREPARED',
  roles: STAFF,
  requires: ['reason', 'comment'],
  reasons: ['DOCUMENTS_NONCONFORMING', 'DOCUMENTS_INCOMPLETE'],
  notify: false,
};

/** refuse: the decision is a refusal, with a reason code and the justification in free text. */
export const refuse = (reasons: readonly string[]): ActionDefinition => ({
  to: 'REFUSAL_PREPARED',
  roles: STAFF,
  requires: ['reason', 'comment'],
  reasons,
  notify: false,
});

/** EXTEND: the head extends the term; the applicant is notified («в случае продления срока», Urdzhar L1853–L1857). */
export const EXTEND: ActionDefinition = {
  to: 'IN_WORK',
  roles: ['PROVIDER_HEAD'],
  requires: ['newDeadline', 'comment'],
  notify: true,
};

/** RETURN_TO_WORK: the signer sends a prepared result back for rework. */
export const RETURN_TO_WORK: ActionDefinition = { to: 'IN_WORK', roles: ['PROVIDER_HEAD'], requires: ['comment'], notify: false };

/** sign: the output document is signed with the EDS of the provider's authorised person and registered. */
export const sign = (to: string, issues: ActionDefinition['issues'], notify = false): ActionDefinition => ({
  to,
  roles: SIGNERS,
  notify,
  ...(issues ? { issues } : {}),
});

/**
 * issueActions: how a signed result reaches the applicant on each channel — the portal's personal
 * cabinet, the ЦОН operator, or the provider's desk «нарочно или посредством отправки на электронную почту».
 */
export const issueActions = (to: string, channels: readonly ('portal' | 'con' | 'provider')[]) => {
  const all = {
    DELIVER_TO_CABINET: { to, roles: ['SYSTEM'], channels: ['portal'], notify: true },
    ISSUE_AT_CON: { to, roles: ['CON_OPERATOR'], channels: ['con'], notify: true },
    ISSUE_AT_DESK: { to, roles: ['PROVIDER_EMPLOYEE'], channels: ['provider'], notify: true },
  } satisfies Record<string, ActionDefinition>;
  const wanted = { portal: 'DELIVER_TO_CABINET', con: 'ISSUE_AT_CON', provider: 'ISSUE_AT_DESK' } as const;
  return Object.fromEntries(channels.map((c) => [wanted[c], all[wanted[c]]])) as Record<string, ActionDefinition>;
};

/** TERMINAL_STATES: the ends every service shares. */
export const TERMINAL_STATES = {
  ISSUED: { status: 'COMPLETED', terminal: 'positive' },
  REFUSED: { status: 'REFUSED', terminal: 'negative' },
  REJECTED: { status: 'REJECTED', terminal: 'rejected' },
} satisfies Record<string, StateDefinition>;
