/**
 * Taking an action: load → the engine's transition → the documents it issues, prepared (numbered,
 * signed, printed) OUTSIDE the transaction → one transaction that re-checks the version, appends
 * the history, stores the application, registers and links the documents, moves the queue, stores
 * the notifications and the idempotency result. A lost race rolls everything back (409); the
 * documents prepared for it are never registered and leave a gap in the document numbers.
 */
import {
  addDays,
  calendarDateInAlmaty,
  InvalidInputError,
  type ApplicationRecord,
  type DocumentContext,
  type QueueEntryRecord,
} from '../../domain/index.js';
import {
  availableActions,
  endOfDayInAlmaty,
  REFERRAL_VALID_DAYS,
  transition,
  type TransitionInput,
  type TransitionResult,
} from '../../workflow/index.js';
import type { PreparedDocument } from '../issue-document.js';
import type { IssuedDocumentRecord } from '../ports.js';
import { SYSTEM_PRINCIPAL, toWorkflow, visibleDossier, type ApplicationsDeps, type Lookups, type ProviderInfo } from './context.js';
import { createDocumentRequests } from './documents.js';
import { ApplicationChangedError, NoFreePlaceError, OrganisationNotFoundError } from './errors.js';
import { createNotifications } from './notifications.js';
import type { ApplicationDossier, ApplicationWrites } from './ports.js';
import type { ActionRequest, ApplicationView, Principal } from './types.js';
import { childAge, hasQueue, toView } from './views.js';

/** Remembered: the idempotency record to store with the transition. */
export interface Remembered {
  readonly scope: string;
  readonly key: string;
  readonly hash: string;
}

/** AUTOMATIC_ACTIONS: SYSTEM actions taken right after the transition that makes them available. */
const AUTOMATIC_ACTIONS = ['DELIVER_TO_CABINET'] as const;

/** IdempotencyRaceError: another call with the same key committed first; the caller returns its result. */
export class IdempotencyRaceError extends Error {}

export interface Performed {
  readonly view: ApplicationView;
  readonly record: ApplicationRecord;
  /** freed: a preschool place became free (an expired referral), so the queue may move. */
  readonly freed: boolean;
}

type Tx = ApplicationWrites<IssuedDocumentRecord>;

/** QueueChange: what the action does to the journal, applied inside the transaction. */
type QueueChange = (tx: Tx) => Promise<boolean>;

interface ChildForm {
  readonly child?: { readonly iin: string; readonly fullName: string; readonly birthDate: string };
  readonly preferredOrganisations?: readonly string[];
}

function parseInput(request: ActionRequest): TransitionInput {
  let newDeadline: Date | undefined;
  if (request.newDeadline !== undefined) {
    newDeadline = new Date(request.newDeadline);
    if (Number.isNaN(newDeadline.getTime())) {
      throw new InvalidInputError({ details: [{ path: 'newDeadline', rule: 'INVALID_DATE', params: {} }] });
    }
  }
  return {
    ...(request.reason !== undefined ? { reason: request.reason } : {}),
    ...(request.comment !== undefined ? { comment: request.comment } : {}),
    ...(newDeadline ? { newDeadline } : {}),
  };
}

function organisationOf(provider: ProviderInfo, organisationId: string | undefined) {
  if (organisationId === undefined) {
    throw new InvalidInputError({ details: [{ path: 'organisationId', rule: 'REQUIRED', params: {} }] });
  }
  const organisation = provider.organisations.find((o) => o.id === organisationId);
  if (!organisation) throw new OrganisationNotFoundError({ organisationId });
  return organisation;
}

const isoDay = (instant: Date): string => {
  const d = calendarDateInAlmaty(instant);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

export function createPerform(deps: ApplicationsDeps, lookups: Lookups) {
  const documentRequest = createDocumentRequests(deps);
  const notifications = createNotifications(deps.texts);

  /** takePlace: one free place of the organisation for the age, inside the transaction. */
  async function takePlace(tx: Tx, providerId: string, organisationId: string, ageYears: number): Promise<void> {
    const place = (await tx.freePlaces(providerId)).find((p) => p.organisationId === organisationId && p.ageYears === ageYears);
    if (!place || place.free < 1) throw new NoFreePlaceError({ organisationId, ageYears });
    await tx.setFreePlaces({ ...place, free: place.free - 1 });
  }

  async function freePlace(tx: Tx, entry: QueueEntryRecord): Promise<void> {
    if (!entry.referral) return;
    const { organisationId, ageYears } = entry.referral;
    const place = (await tx.freePlaces(entry.providerId)).find((p) => p.organisationId === organisationId && p.ageYears === ageYears);
    await tx.setFreePlaces({ providerId: entry.providerId, organisationId, ageYears, free: (place?.free ?? 0) + 1 });
  }

  /**
   * planQueue: what the action means for the preschool journal, and the facts its document needs.
   * Journal numbers of a queue notice are reserved before printing, like document numbers.
   */
  async function planQueue(
    record: ApplicationRecord,
    provider: ProviderInfo,
    action: string,
    result: TransitionResult,
    request: ActionRequest,
    now: Date,
  ): Promise<{ change: QueueChange | null; facts: Record<string, string | number>; extra: Record<string, Record<string, unknown>> }> {
    const form = record.form as ChildForm;
    const none = { change: null, facts: {}, extra: {} };
    if (!form.child || !hasQueue(lookups.definition(record.serviceId))) return none;
    const entry = await deps.store.read.queueEntry(record.number);
    const child = form.child;
    const validUntil = endOfDayInAlmaty(addDays(calendarDateInAlmaty(now), REFERRAL_VALID_DAYS));

    if (action === 'REFER') {
      const organisation = organisationOf(provider, request.organisationId);
      const ageYears = childAge(child.birthDate, now);
      const referral = { organisationId: organisation.id, ageYears, issuedAt: now, validUntil };
      return {
        facts: {},
        extra: {},
        change: async (tx) => {
          await takePlace(tx, record.providerId, organisation.id, ageYears);
          const current = await tx.queueEntry(record.number);
          const journal = current ?? (await newEntry(tx, record, provider, child, form.preferredOrganisations ?? [], now));
          await tx.putQueueEntry({ ...journal, status: 'REFERRED', referral });
          return false;
        },
      };
    }
    if (result.documents?.outcome === 'queued') {
      const year = calendarDateInAlmaty(now).year;
      const number = await deps.store.transaction((tx) => tx.nextValue('journal', record.providerId, year));
      const journal: QueueEntryRecord = {
        applicationNumber: record.number,
        providerId: record.providerId,
        journalYear: year,
        journalNumber: number,
        journalDate: isoDay(now),
        childIin: child.iin,
        birthDate: child.birthDate,
        preferredOrganisations: form.preferredOrganisations ?? [],
        status: 'QUEUED',
        referral: null,
      };
      return {
        facts: { journalNumber: `${year}/${number}`, journalDate: journal.journalDate },
        extra: {},
        change: async (tx) => {
          await tx.putQueueEntry(journal);
          return false;
        },
      };
    }
    if (!entry) return none;
    if (result.documents?.kinds.includes('preschool-referral') && entry.referral) {
      const organisation = organisationOf(provider, entry.referral.organisationId);
      const home = await deps.people.findPerson(child.iin);
      return {
        facts: {},
        extra: {
          child: { fullName: child.fullName, birthDate: child.birthDate, homeAddress: home.address },
          preschool: {
            number: organisation.number,
            ...(organisation.name ? { name: organisation.name } : {}),
            locality: organisation.locality,
            address: organisation.address,
          },
        },
        change: async (tx) => {
          const referral = entry.referral ? { ...entry.referral, issuedAt: now, validUntil } : null;
          await tx.putQueueEntry({ ...entry, referral });
          return false;
        },
      };
    }
    const status = { ENROL: 'ENROLLED', EXPIRE_REFERRAL: 'EXPIRED', REQUEUE: 'QUEUED', WITHDRAW: 'WITHDRAWN', AGE_OUT: 'WITHDRAWN' } as const;
    const next = status[action as keyof typeof status];
    if (!next) return none;
    return {
      facts: {},
      extra: {},
      change: async (tx) => {
        if (action === 'EXPIRE_REFERRAL') await freePlace(tx, entry);
        await tx.putQueueEntry({ ...entry, status: next, ...(next === 'QUEUED' ? { referral: null } : {}) });
        return action === 'EXPIRE_REFERRAL';
      },
    };
  }

  async function newEntry(
    tx: Tx,
    record: ApplicationRecord,
    provider: ProviderInfo,
    child: NonNullable<ChildForm['child']>,
    preferred: readonly string[],
    now: Date,
  ): Promise<QueueEntryRecord> {
    const year = calendarDateInAlmaty(now).year;
    return {
      applicationNumber: record.number,
      providerId: provider.id,
      journalYear: year,
      journalNumber: await tx.nextValue('journal', provider.id, year),
      journalDate: isoDay(now),
      childIin: child.iin,
      birthDate: child.birthDate,
      preferredOrganisations: preferred,
      status: 'QUEUED',
      referral: null,
    };
  }

  /** perform takes one action on an application, all or nothing. */
  return async function perform(
    number: string,
    action: string,
    request: ActionRequest,
    principal: Principal,
    options: { readonly remember?: Remembered; readonly viewer?: Principal } = {},
  ): Promise<Performed> {
    const now = deps.clock.now();
    // Read once, outside the transaction: the version check there proves the lists unchanged, since
    // every write of history or documents bumps the version; the view is built from them, not re-read.
    const dossier = await visibleDossier(deps.store.read, principal, number);
    const record = dossier.record;
    // The norms are those of the regulation the application was taken under, not its provider's today.
    const definition = lookups.definitionOf(record);
    const provider = lookups.provider(record.providerId);
    const input = parseInput(request);
    const result = transition({ definition, application: toWorkflow(record), action, actor: principal, input, now, calendar: deps.calendar });
    const queue = await planQueue(record, provider, action, result, request, now);

    // A refusal is decided (REFUSE, with its reason) before it is signed (SIGN): the letter cites the decision.
    const decided = result.documents && !input.reason ? dossier.history.findLast((h) => h.reason !== null) : undefined;
    const context: DocumentContext = {
      now,
      reason: input.reason ?? decided?.reason ?? null,
      comment: input.comment ?? decided?.comment ?? null,
      facts: queue.facts,
    };
    const requests = (result.documents?.kinds ?? []).map((kind) =>
      documentRequest(kind, { definition, record, provider, context, decision: request.document ?? {}, extra: queue.extra }),
    );
    const prepared: PreparedDocument[] = [];
    for (const documentRequestOf of requests) prepared.push(await deps.prepareDocument(documentRequestOf));

    // The portal puts a signed result into the personal cabinet itself, in the same commit.
    const automatic = AUTOMATIC_ACTIONS.find((name) =>
      availableActions(definition, { ...toWorkflow(record), state: result.state }, SYSTEM_PRINCIPAL).some((a) => a.action === name),
    );
    const follow = automatic
      ? transition({
          definition,
          application: { ...toWorkflow(record), state: result.state, deadline: result.deadline, stateEnteredAt: now },
          action: automatic,
          actor: SYSTEM_PRINCIPAL,
          input: {},
          now,
          calendar: deps.calendar,
        })
      : null;
    const final = follow ?? result;

    const assignee =
      request.assignee ?? (action === 'TAKE_INTO_WORK' && principal.role !== 'SYSTEM' ? principal.id : record.assignee);
    const after = (step: TransitionResult): ApplicationRecord => ({
      ...record,
      state: step.state,
      status: step.status,
      terminal: step.terminal,
      assignee,
      registeredAt: action === 'REGISTER' ? now : record.registeredAt,
      stateEnteredAt: now,
      deadline: step.deadline,
      breachRecordedAt: null,
      version: record.version + 1,
    });
    const next = after(final);
    const outbox = [result, ...(follow ? [follow] : [])]
      .filter((step) => step.notify)
      .map((step) => (step === result && input.newDeadline ? notifications.extended(after(step), now) : notifications.statusChanged(after(step), now)));

    const appended = [result.history, ...(follow ? [follow.history] : [])];
    const links = prepared.map((document) => ({
      documentNumber: document.record.number,
      kind: document.record.kind,
      outcome: result.documents?.outcome ?? 'positive',
      language: document.record.language,
      issuedAt: document.record.issuedAt,
    }));
    // The store numbers history lines after the last one, as here.
    const lastSeq = dossier.history.at(-1)?.seq ?? 0;
    const known: ApplicationDossier = {
      record: next,
      history: [...dossier.history, ...appended.map((entry, i) => ({ ...entry, seq: lastSeq + i + 1 }))],
      attachments: dossier.attachments,
      documents: [...dossier.documents, ...links].sort(
        (a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || (a.documentNumber < b.documentNumber ? -1 : a.documentNumber > b.documentNumber ? 1 : 0),
      ),
    };

    return deps.store.transaction(async (tx) => {
      if (!(await tx.update(next))) throw new ApplicationChangedError({ number });
      await tx.appendHistory(number, appended);
      const owner = { providerId: record.providerId, conId: record.conId ?? null };
      for (const [i, document] of prepared.entries()) await tx.registerDocument({ ...document.record, owner }, { applicationNumber: number, ...links[i]! });
      const freed = queue.change ? await queue.change(tx) : false;
      await tx.notify(outbox);
      const view = await toView(tx, definition, lookups.regulationOf(record), known, options.viewer ?? principal, now);
      if (options.remember) {
        const { scope, key, hash } = options.remember;
        if (!(await tx.remember(scope, key, { requestHash: hash, result: JSON.stringify(view) }, now))) throw new IdempotencyRaceError();
      }
      return { view, record: next, freed };
    });
  };
}

export type Perform = ReturnType<typeof createPerform>;
