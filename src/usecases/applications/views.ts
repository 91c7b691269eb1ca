/** What callers see of an application: the summary of the worklist and the full view. */
import {
  calendarDateInAlmaty,
  parseCalendarDate,
  type AnyServiceDefinition,
  type Act,
  type ApplicationRecord,
  type QueueEntryRecord,
  type Regulation,
} from '../../domain/index.js';
import { ageInYears, availableActions, queuePosition, type QueueEntry } from '../../workflow/index.js';
import { toWorkflow } from './context.js';
import type { ApplicationDossier, ApplicationReads } from './ports.js';
import type { ActView, ApplicationSummary, ApplicationView, Principal, QueuePositionView, RegulationView } from './types.js';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toSummary(record: ApplicationRecord, now: Date): ApplicationSummary {
  return {
    number: record.number,
    serviceId: record.serviceId,
    channel: record.channel,
    providerId: record.providerId,
    applicant: record.applicant,
    state: record.state,
    status: record.status,
    terminal: record.terminal,
    assignee: record.assignee,
    receivedAt: record.receivedAt.toISOString(),
    registeredAt: iso(record.registeredAt),
    deadline: iso(record.deadline),
    overdue: record.terminal === null && record.deadline !== null && record.deadline <= now,
  };
}

const reference = ({ date, number }: { date: string; number: string }) => ({ date, number });

/** actView: an act by its dates and numbers, without the seed citations. */
export function actView(act: Act): ActView {
  return {
    id: act.id,
    adopted: reference(act.adopted),
    registered: reference(act.registered),
    repealed: act.repealed ? reference(act.repealed) : null,
  };
}

export function regulationView(regulation: Regulation): RegulationView {
  return { id: regulation.id, act: actView(regulation.act) };
}

/** toQueueEntry: the pure queue functions' shape of a stored journal entry. */
export function toQueueEntry(entry: QueueEntryRecord): QueueEntry {
  return {
    applicationNumber: entry.applicationNumber,
    providerId: entry.providerId,
    childIin: entry.childIin,
    birthDate: entry.birthDate,
    preferredOrganisations: entry.preferredOrganisations,
    journal: { year: entry.journalYear, number: entry.journalNumber, date: entry.journalDate },
    status: entry.status,
    referral: entry.referral,
  };
}

/** childAge: full years on the day in Almaty. */
export function childAge(birthDate: string, now: Date): number {
  const birth = parseCalendarDate(birthDate);
  return birth ? ageInYears(birth, calendarDateInAlmaty(now)) : 0;
}

/** JOURNAL_PAGE: how many waiting entries one read takes when walking a provider's journal. */
const JOURNAL_PAGE = 500;

/** waitingEntries reads a provider's waiting children in journal order. */
export async function waitingEntries(reads: ApplicationReads, providerId: string): Promise<QueueEntryRecord[]> {
  const all: QueueEntryRecord[] = [];
  for (;;) {
    const last = all.at(-1);
    const page = await reads.queueEntries(providerId, 'QUEUED', JOURNAL_PAGE, last ? { year: last.journalYear, number: last.journalNumber } : null);
    all.push(...page);
    if (page.length < JOURNAL_PAGE) return all;
  }
}

/** positionView: where the child stands; the position is counted among waiting children of the same age. */
export async function positionView(reads: ApplicationReads, entry: QueueEntryRecord, now: Date): Promise<QueuePositionView> {
  const waiting = entry.status === 'QUEUED' ? await waitingEntries(reads, entry.providerId) : [];
  const position = entry.status === 'QUEUED' ? queuePosition(waiting.map(toQueueEntry), entry.applicationNumber, now) : null;
  const ageYears = position?.ageYears ?? entry.referral?.ageYears ?? childAge(entry.birthDate, now);
  return {
    applicationNumber: entry.applicationNumber,
    status: entry.status,
    journal: { number: entry.journalNumber, year: entry.journalYear, date: entry.journalDate },
    ageYears,
    position: position?.position ?? null,
    waiting: position?.waiting ?? null,
    referral: entry.referral ? { organisationId: entry.referral.organisationId, validUntil: entry.referral.validUntil.toISOString() } : null,
  };
}

/** hasQueue: a service keeps a journal when one of its outcomes is a place in the queue. */
export function hasQueue(definition: AnyServiceDefinition): boolean {
  return definition.outputs.queued !== undefined;
}

/**
 * toView shows the dossier (the record and its lists, as known to the caller) with the queue and
 * the questionnaire read on the executor given: the database or a transaction. The definition is
 * the service under the application's regulation.
 */
export async function toView(
  reads: ApplicationReads,
  definition: AnyServiceDefinition,
  regulation: Regulation,
  { record, history, attachments, documents }: ApplicationDossier,
  principal: Principal,
  now: Date,
): Promise<ApplicationView> {
  // Only a queue service has journal entries, and only a finished application has answers.
  const [entry, answered] = await Promise.all([
    hasQueue(definition) ? reads.queueEntry(record.number) : null,
    record.terminal !== null ? reads.questionnaireAnswered(record.number) : false,
  ]);
  return {
    ...toSummary(record, now),
    regulation: regulationView(regulation),
    language: record.language,
    form: record.form,
    attachments: [...attachments],
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    documents: documents.map((d) => ({
      number: d.documentNumber,
      kind: d.kind,
      language: d.language,
      outcome: d.outcome,
      issuedAt: d.issuedAt.toISOString(),
    })),
    actions: record.terminal ? [] : availableActions(definition, toWorkflow(record), principal),
    queue: entry ? await positionView(reads, entry, now) : null,
    questionnaireAnswered: answered,
  };
}
