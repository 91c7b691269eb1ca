/**
 * createApplications: the use cases of issue 5 over their ports. Idempotency wraps intake and
 * actions: a key seen before with the same request returns the stored first result; with a
 * different request it is a 409.
 */
import { InvalidInputError } from '../../domain/index.js';
import { NotOwnApplicationError } from '../../workflow/index.js';
import { createLookups, digestOf, hashOf, maySee, scopeOf, visible, visibleDossier, type ApplicationsDeps } from './context.js';
import { createDeadlines } from './deadlines.js';
import { AttachmentNotFoundError, IdempotencyKeyReusedError, ProviderNotOwnError } from './errors.js';
import { createIntake } from './intake.js';
import { staffRecipient } from './notifications.js';
import { createPerform, IdempotencyRaceError, type Remembered } from './perform.js';
import { createQuality } from './quality.js';
import { createQueue } from './queue.js';
import type { ApplicationView, Applications, NotificationView, Page, PageQuery, Principal, WorklistQuery } from './types.js';
import { toSummary, toView } from './views.js';

const MAX_KEY = 200;
const MAX_PAGE = 200;

const clampLimit = (limit: number) => Math.min(Math.max(Math.trunc(limit) || 1, 1), MAX_PAGE);

function decodeCursor(cursor: string): { deadline: Date | null; number: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { d?: unknown; n?: unknown };
    if ((value.d === null || typeof value.d === 'string') && typeof value.n === 'string') {
      const deadline = value.d === null ? null : new Date(value.d);
      if (deadline === null || !Number.isNaN(deadline.getTime())) return { deadline, number: value.n };
    }
  } catch {
    // fall through to the 400 below
  }
  throw new InvalidInputError({ details: [{ path: 'cursor', rule: 'INVALID_FORMAT', params: {} }] });
}

const encodeCursor = (deadline: Date | null, number: string): string =>
  Buffer.from(JSON.stringify({ d: deadline ? deadline.toISOString() : null, n: number }), 'utf8').toString('base64url');

export function createApplications(deps: ApplicationsDeps): Applications & {
  /** referHeads refers the head of each age group to the provider's free places (also run by setFreePlaces). */
  referHeads(providerId: string): Promise<number>;
  /** staffNotifications: the deadline notifications of the caller's provider and role. */
  staffNotifications(principal: Principal, page: PageQuery): Promise<Page<NotificationView>>;
} {
  const lookups = createLookups(deps);
  const perform = createPerform(deps, lookups);
  const intake = createIntake(deps, lookups, perform);
  const queue = createQueue(deps, lookups, perform);
  const quality = createQuality(deps, lookups);
  const deadlines = createDeadlines(deps, lookups, perform, queue.referHeads);

  async function idempotent(
    principal: Principal,
    key: string | undefined,
    request: unknown,
    run: (remember: Remembered | undefined) => Promise<ApplicationView>,
  ): Promise<ApplicationView> {
    if (key === undefined) return run(undefined);
    if (key.length === 0 || key.length > MAX_KEY) {
      throw new InvalidInputError({ details: [{ path: 'idempotencyKey', rule: 'TOO_LONG', params: { maximum: MAX_KEY } }] });
    }
    const scope = scopeOf(principal);
    const hash = hashOf(request);
    const replay = async (): Promise<ApplicationView | null> => {
      const seen = await deps.store.read.idempotent(scope, key);
      if (!seen) return null;
      if (seen.requestHash !== hash) throw new IdempotencyKeyReusedError({ key });
      return JSON.parse(seen.result) as ApplicationView;
    };
    const first = await replay();
    if (first) return first;
    try {
      return await run({ scope, key, hash });
    } catch (error) {
      if (!(error instanceof IdempotencyRaceError)) throw error;
      const winner = await replay();
      if (!winner) throw error;
      return winner;
    }
  }

  /**
   * notificationPage: a recipient's notifications, newest first. A principal bound to a provider
   * sees those about its provider's applications only; a page may then hold fewer than `limit`
   * items, while its cursor still moves past every row read.
   */
  async function notificationPage(recipient: string, page: PageQuery, principal: Principal): Promise<Page<NotificationView>> {
    const limit = clampLimit(page.limit);
    const before = page.cursor === undefined ? null : Number(page.cursor);
    if (before !== null && !Number.isSafeInteger(before)) {
      throw new InvalidInputError({ details: [{ path: 'cursor', rule: 'INVALID_FORMAT', params: {} }] });
    }
    const rows = await deps.store.read.notifications(recipient, limit, before);
    const seen = new Map<string, boolean>();
    // Only staff bound to a provider see less than all of a recipient's notifications.
    const bound = principal.role !== 'APPLICANT' && principal.role !== 'SYSTEM' && principal.providerId !== undefined;
    for (const number of bound ? new Set(rows.map((n) => n.applicationNumber)) : []) {
      const record = await deps.store.read.find(number);
      seen.set(number, record !== null && maySee(principal, record));
    }
    const items = rows
      .filter((n) => !bound || seen.get(n.applicationNumber))
      .map((n) => ({ id: n.id, at: n.at.toISOString(), applicationNumber: n.applicationNumber, kind: n.kind, text: n.text }));
    const last = rows.at(-1);
    return { items, nextCursor: rows.length === limit && last ? String(last.id) : null };
  }

  return {
    submit: (request, principal, options = {}) =>
      idempotent(
        principal,
        options.idempotencyKey,
        { op: 'submit', request: { ...request, attachments: request.attachments?.map((a) => ({ name: a.name, sha256: digestOf(a.bytes) })) } },
        (remember) => intake.submit(request, principal, remember),
      ),

    submitSigned: (xml, principal, options = {}) =>
      idempotent(
        principal,
        options.idempotencyKey,
        { op: 'submitSigned', xml: digestOf(xml), attachments: options.attachments?.map((a) => ({ name: a.name, sha256: digestOf(a.bytes) })) },
        (remember) => intake.submitSigned(xml, principal, options.attachments ?? [], remember),
      ),

    async get(number, principal) {
      const dossier = await visibleDossier(deps.store.read, principal, number);
      const { record } = dossier;
      return toView(deps.store.read, lookups.definitionOf(record), lookups.regulationOf(record), dossier, principal, deps.clock.now());
    },

    async list(query: WorklistQuery, principal) {
      const now = deps.clock.now();
      if (principal.role === 'APPLICANT' && query.applicantIin !== undefined && query.applicantIin !== principal.iin) {
        throw new NotOwnApplicationError({});
      }
      if (principal.providerId !== undefined && query.providerId !== undefined && query.providerId !== principal.providerId) {
        throw new ProviderNotOwnError({ providerId: query.providerId });
      }
      const applicantIin = principal.role === 'APPLICANT' ? (principal.iin ?? '') : query.applicantIin;
      const providerId = principal.role === 'APPLICANT' || principal.role === 'SYSTEM' ? query.providerId : (principal.providerId ?? query.providerId);
      const limit = clampLimit(query.limit);
      const records = await deps.store.read.worklist({
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.state !== undefined ? { state: query.state } : {}),
        ...(query.serviceId !== undefined ? { serviceId: query.serviceId } : {}),
        ...(query.channel !== undefined ? { channel: query.channel } : {}),
        ...(query.assignee !== undefined ? { assignee: query.assignee } : {}),
        ...(providerId !== undefined ? { providerId } : {}),
        ...(applicantIin !== undefined ? { applicantIin } : {}),
        ...(query.overdue === true ? { overdueAt: now } : {}),
        ...(query.cursor !== undefined ? { after: decodeCursor(query.cursor) } : {}),
        limit,
      });
      const last = records.at(-1);
      return {
        items: records.map((r) => toSummary(r, now)),
        nextCursor: records.length === limit && last ? encodeCursor(last.deadline, last.number) : null,
      };
    },

    act: (number, action, request, principal, options = {}) =>
      idempotent(principal, options.idempotencyKey, { op: 'act', number, action, request }, async (remember) => {
        const done = await perform(number, action, request, principal, remember ? { remember } : {});
        if (done.freed) await queue.referHeads(done.record.providerId);
        return done.view;
      }),

    async attachment(number, id, principal) {
      visible(principal, await deps.store.read.find(number), number);
      const meta = (await deps.store.read.attachments(number)).find((a) => a.id === id);
      const bytes = meta ? await deps.store.read.attachmentBytes(number, id) : null;
      if (!meta || !bytes) throw new AttachmentNotFoundError({ number, id });
      return { ...meta, bytes };
    },

    async notifications(iin, principal, page) {
      if (principal.role === 'APPLICANT' && principal.iin !== iin) throw new NotOwnApplicationError({});
      return notificationPage(iin, page, principal);
    },

    async staffNotifications(principal, page) {
      if (principal.providerId === undefined) return { items: [], nextCursor: null };
      return notificationPage(staffRecipient(principal.providerId, principal.role), page, principal);
    },

    queuePosition: (number, principal) => queue.position(number, principal),
    journal: (providerId, principal, page) => queue.journal(providerId, principal, page),
    freePlaces: (providerId, principal) => queue.freePlaces(providerId, principal),
    setFreePlaces: (providerId, request, principal) => queue.setFreePlaces(providerId, request, principal),
    referHeads: (providerId) => queue.referHeads(providerId),
    answerQuestionnaire: (number, answers, principal) => quality.answer(number, answers, principal),
    qualityReport: (query, principal) => quality.report(query, principal),
    runDeadlines: (now) => deadlines.runDeadlines(now),
    startScheduler: (options) => deadlines.startScheduler(options),
  };
}

export type { ApplicationsDeps, People, PersonInfo, ProviderInfo } from './context.js';
export { SYSTEM_PRINCIPAL } from './context.js';
export type { ApplicationStore, ApplicationReads, ApplicationWrites, StoredResult } from './ports.js';
export { DEADLINE_BREACHED } from './deadlines.js';
export { historyActions, historyEvents, OWN_HISTORY_EVENTS, SUBMITTED } from './history-events.js';
export { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from './intake.js';
export { staffRecipient } from './notifications.js';
export * from './errors.js';
export * from './types.js';
