/**
 * The preschool queue as pure functions (Urdzhar reading §4): a journal per provider numbered per
 * year, each child's position among the children still waiting, free places per preschool
 * organisation and age group, a referral to the head of the queue when a place is free, valid
 * five days, then expired and the place offered to the next child. Returns new values, never
 * mutates; the use cases store them and drive the applications' workflow (REFER, EXPIRE_REFERRAL).
 */
import { addDays, calendarDateInAlmaty, parseCalendarDate, type CalendarDate } from '../domain/index.js';
import { endOfDayInAlmaty } from './calendar.js';

/** QueueStatus: waiting, holding a referral, enrolled, or out of the queue. */
export type QueueStatus = 'QUEUED' | 'REFERRED' | 'ENROLLED' | 'EXPIRED' | 'WITHDRAWN';

/** JournalNumber: the entry in «Журнал регистрации детей дошкольного возраста», e.g. 2026/17. */
export interface JournalNumber {
  readonly year: number;
  readonly number: number;
  readonly date: string;
}

/** Referral: a place offered to the child, to be presented to the organisation before `validUntil`. */
export interface Referral {
  readonly organisationId: string;
  readonly ageYears: number;
  readonly issuedAt: Date;
  readonly validUntil: Date;
}

/** QueueEntry: one child in one provider's queue. */
export interface QueueEntry {
  readonly applicationNumber: string;
  readonly providerId: string;
  readonly childIin: string;
  readonly birthDate: string;
  /** organisations the parent asked for; empty means any organisation of the provider. */
  readonly preferredOrganisations: readonly string[];
  readonly journal: JournalNumber;
  readonly status: QueueStatus;
  readonly referral: Referral | null;
}

/** FreePlaces: free places in one organisation for children of one age (full years). */
export interface FreePlaces {
  readonly providerId: string;
  readonly organisationId: string;
  readonly ageYears: number;
  readonly free: number;
}

/** REFERRAL_VALID_DAYS: «в течение пяти дней со дня его выдачи» (Urdzhar L3013–L3014), counted as calendar days. */
export const REFERRAL_VALID_DAYS = 5;

/** ageInYears: full years of age on a day. */
export function ageInYears(birthDate: CalendarDate, on: CalendarDate): number {
  const beforeBirthday = on.month < birthDate.month || (on.month === birthDate.month && on.day < birthDate.day);
  return on.year - birthDate.year - (beforeBirthday ? 1 : 0);
}

function ageOf(entry: QueueEntry, on: CalendarDate): number {
  const birth = parseCalendarDate(entry.birthDate);
  if (!birth) throw new RangeError(`queue entry ${entry.applicationNumber} has no valid birth date`);
  return ageInYears(birth, on);
}

function journalOrder(a: QueueEntry, b: QueueEntry): number {
  return a.journal.year - b.journal.year || a.journal.number - b.journal.number;
}

/** nextJournalNumber: the provider's next number in the year (journals restart each year). */
export function nextJournalNumber(entries: readonly QueueEntry[], providerId: string, year: number): number {
  const used = entries.filter((e) => e.providerId === providerId && e.journal.year === year).map((e) => e.journal.number);
  return used.length === 0 ? 1 : Math.max(...used) + 1;
}

/** NewQueueEntry: what the decision to queue a child provides. */
export type NewQueueEntry = Omit<QueueEntry, 'journal' | 'status' | 'referral'>;

/** enqueue registers a child in the journal with the next number of the year. */
export function enqueue(entries: readonly QueueEntry[], entry: NewQueueEntry, now: Date): QueueEntry[] {
  const today = calendarDateInAlmaty(now);
  const number = nextJournalNumber(entries, entry.providerId, today.year);
  const date = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  return [...entries, { ...entry, journal: { year: today.year, number, date }, status: 'QUEUED', referral: null }];
}

/** QueuePosition: where a child stands among the waiting children of the same provider and age. */
export interface QueuePosition {
  readonly position: number;
  readonly waiting: number;
  readonly ageYears: number;
  readonly journal: JournalNumber;
}

/** queuePosition: the parent's view; null when the child is not waiting (referred, enrolled, out). */
export function queuePosition(entries: readonly QueueEntry[], applicationNumber: string, now: Date): QueuePosition | null {
  const entry = entries.find((e) => e.applicationNumber === applicationNumber);
  if (!entry || entry.status !== 'QUEUED') return null;
  const today = calendarDateInAlmaty(now);
  const ageYears = ageOf(entry, today);
  const group = entries
    .filter((e) => e.status === 'QUEUED' && e.providerId === entry.providerId && ageOf(e, today) === ageYears)
    .sort(journalOrder);
  return { position: group.indexOf(entry) + 1, waiting: group.length, ageYears, journal: entry.journal };
}

/** QueueState: the journal entries and the free places, as stored. */
export interface QueueState {
  readonly entries: readonly QueueEntry[];
  readonly places: readonly FreePlaces[];
}

/** ReferralPlan: the state after referring, and who was referred where. */
export interface ReferralPlan extends QueueState {
  readonly referred: readonly { readonly applicationNumber: string; readonly referral: Referral }[];
}

/** referToFreePlaces gives every free place to the head of its age group's queue, in journal order. */
export function referToFreePlaces(state: QueueState, now: Date, validDays = REFERRAL_VALID_DAYS): ReferralPlan {
  const today = calendarDateInAlmaty(now);
  const validUntil = endOfDayInAlmaty(addDays(today, validDays));
  const entries = [...state.entries];
  const referred: { applicationNumber: string; referral: Referral }[] = [];
  const places = state.places.map((place) => {
    let free = place.free;
    while (free > 0) {
      const head = entries
        .filter(
          (e) =>
            e.status === 'QUEUED' &&
            e.providerId === place.providerId &&
            ageOf(e, today) === place.ageYears &&
            (e.preferredOrganisations.length === 0 || e.preferredOrganisations.includes(place.organisationId)),
        )
        .sort(journalOrder)[0];
      if (!head) break;
      const referral: Referral = { organisationId: place.organisationId, ageYears: place.ageYears, issuedAt: now, validUntil };
      entries[entries.indexOf(head)] = { ...head, status: 'REFERRED', referral };
      referred.push({ applicationNumber: head.applicationNumber, referral });
      free -= 1;
    }
    return { ...place, free };
  });
  return { entries, places, referred };
}

/** ExpiryPlan: the state after expiring referrals, and which applications lost theirs. */
export interface ExpiryPlan extends QueueState {
  readonly expired: readonly string[];
}

function freePlaceOf(places: readonly FreePlaces[], entry: QueueEntry, referral: Referral): FreePlaces[] {
  const { organisationId, ageYears } = referral;
  const existing = places.find(
    (p) => p.providerId === entry.providerId && p.organisationId === organisationId && p.ageYears === ageYears,
  );
  return existing
    ? places.map((p) => (p === existing ? { ...p, free: p.free + 1 } : p))
    : [...places, { providerId: entry.providerId, organisationId, ageYears, free: 1 }];
}

function expireWhere(state: QueueState, due: (entry: QueueEntry, referral: Referral) => boolean): ExpiryPlan {
  const expired: string[] = [];
  let places = [...state.places];
  const entries = state.entries.map((entry) => {
    if (entry.status !== 'REFERRED' || !entry.referral || !due(entry, entry.referral)) return entry;
    expired.push(entry.applicationNumber);
    places = freePlaceOf(places, entry, entry.referral);
    return { ...entry, status: 'EXPIRED' as const };
  });
  return { entries, places, expired };
}

/**
 * expireReferrals ends referrals not presented in time and frees their places. The child leaves
 * the queue (EXPIRED); taking the child back (REQUEUE) is a decision the provider records.
 */
export function expireReferrals(state: QueueState, now: Date): ExpiryPlan {
  return expireWhere(state, (_entry, referral) => referral.validUntil <= now);
}

/**
 * expireReferral ends one named referral: what the workflow's EXPIRE_REFERRAL does when its
 * deadline (the authoritative timer, set when the referral is signed) has passed.
 */
export function expireReferral(state: QueueState, applicationNumber: string): ExpiryPlan {
  return expireWhere(state, (entry) => entry.applicationNumber === applicationNumber);
}

/** enrol records that the referral was presented; the place stays taken. */
export function enrol(state: QueueState, applicationNumber: string): QueueState {
  return {
    places: state.places,
    entries: state.entries.map((e) =>
      e.applicationNumber === applicationNumber && e.status === 'REFERRED' ? { ...e, status: 'ENROLLED' as const } : e,
    ),
  };
}

/** requeue puts a child whose referral expired back in the queue under the original journal number. */
export function requeue(state: QueueState, applicationNumber: string): QueueState {
  return {
    places: state.places,
    entries: state.entries.map((e) =>
      e.applicationNumber === applicationNumber && e.status === 'EXPIRED' ? { ...e, status: 'QUEUED' as const, referral: null } : e,
    ),
  };
}

/** agedOut lists waiting children who reached the service's age limit and leave the queue (AGE_OUT). */
export function agedOut(entries: readonly QueueEntry[], now: Date, ageLimit: number): string[] {
  const today = calendarDateInAlmaty(now);
  return entries.filter((e) => e.status === 'QUEUED' && ageOf(e, today) >= ageLimit).map((e) => e.applicationNumber);
}
