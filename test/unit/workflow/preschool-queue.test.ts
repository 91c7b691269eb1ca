import { describe, expect, it } from 'vitest';
import {
  agedOut,
  enqueue,
  enrol,
  expireReferral,
  expireReferrals,
  queuePosition,
  referToFreePlaces,
  requeue,
  type NewQueueEntry,
  type QueueEntry,
} from '../../../src/workflow/index.js';

const child = (n: string, birthDate: string, extra: Partial<NewQueueEntry> = {}): NewQueueEntry => ({
  applicationNumber: n,
  providerId: 'urdzhar',
  childIin: `iin-${n}`,
  birthDate,
  preferredOrganisations: [],
  ...extra,
});

function build(): QueueEntry[] {
  let entries: QueueEntry[] = [];
  entries = enqueue(entries, child('Q1', '2022-05-10'), new Date('2026-02-02T05:00:00Z'));
  entries = enqueue(entries, child('Q2', '2022-08-01'), new Date('2026-02-03T05:00:00Z'));
  entries = enqueue(entries, child('Q3', '2023-06-14'), new Date('2026-02-04T05:00:00Z'));
  entries = enqueue(entries, child('Q4', '2022-04-20', { preferredOrganisations: ['balapan'] }), new Date('2026-02-05T05:00:00Z'));
  entries = enqueue(entries, child('Q5', '2022-06-03'), new Date('2026-02-06T05:00:00Z'));
  entries = enqueue(entries, child('P1', '2022-04-04', { providerId: 'pavlodar' }), new Date('2026-02-06T06:00:00Z'));
  return entries;
}

const march = new Date('2026-03-10T05:00:00Z');

describe('the preschool queue', () => {
  it('numbers the journal per provider and per year', () => {
    const entries = build();
    expect(entries.map((e) => `${e.providerId}:${e.journal.year}/${e.journal.number}`)).toEqual([
      'urdzhar:2026/1', 'urdzhar:2026/2', 'urdzhar:2026/3', 'urdzhar:2026/4', 'urdzhar:2026/5', 'pavlodar:2026/1',
    ]);
    expect(entries[0]?.journal.date).toBe('2026-02-02');
    const nextYear = enqueue(entries, child('Q6', '2023-01-01'), new Date('2027-01-11T05:00:00Z'));
    expect(nextYear.at(-1)?.journal).toEqual({ year: 2027, number: 1, date: '2027-01-11' });
  });

  it('gives each parent the position among waiting children of the same age', () => {
    const entries = build();
    // On 10 March 2026 Q1, Q2, Q4 and Q5 are three years old, Q3 is two.
    expect(queuePosition(entries, 'Q1', march)).toMatchObject({ position: 1, waiting: 4, ageYears: 3 });
    expect(queuePosition(entries, 'Q5', march)).toMatchObject({ position: 4, waiting: 4, ageYears: 3 });
    expect(queuePosition(entries, 'Q3', march)).toMatchObject({ position: 1, waiting: 1, ageYears: 2 });
    expect(queuePosition(entries, 'P1', march)).toMatchObject({ position: 1, waiting: 1 });
    expect(queuePosition(entries, 'nobody', march)).toBeNull();
  });

  it('refers the head of the queue to a free place, respecting preferences, valid five days', () => {
    const plan = referToFreePlaces(
      { entries: build(), places: [{ providerId: 'urdzhar', organisationId: 'balapan', ageYears: 3, free: 2 }] },
      march,
    );
    expect(plan.referred.map((r) => r.applicationNumber)).toEqual(['Q1', 'Q2']);
    expect(plan.referred[0]?.referral).toEqual({
      organisationId: 'balapan',
      ageYears: 3,
      issuedAt: march,
      validUntil: new Date('2026-03-15T19:00:00Z'),
    });
    expect(plan.places[0]?.free).toBe(0);
    expect(queuePosition(plan.entries, 'Q4', march)).toMatchObject({ position: 1, waiting: 2 });
    expect(queuePosition(plan.entries, 'Q1', march)).toBeNull();
  });

  it('skips a child who wants another organisation', () => {
    const entries = build().filter((e) => e.applicationNumber !== 'Q1' && e.applicationNumber !== 'Q2');
    const plan = referToFreePlaces({ entries, places: [{ providerId: 'urdzhar', organisationId: 'aqbota', ageYears: 3, free: 1 }] }, march);
    expect(plan.referred.map((r) => r.applicationNumber)).toEqual(['Q5']);
  });

  it('expires a referral after five days and refers the next child', () => {
    const first = referToFreePlaces(
      { entries: build(), places: [{ providerId: 'urdzhar', organisationId: 'balapan', ageYears: 3, free: 1 }] },
      march,
    );
    expect(first.referred.map((r) => r.applicationNumber)).toEqual(['Q1']);

    const stillValid = expireReferrals(first, new Date('2026-03-15T18:59:59Z'));
    expect(stillValid.expired).toEqual([]);
    expect(stillValid.places[0]?.free).toBe(0);

    const sixthDay = new Date('2026-03-16T04:00:00Z');
    const expired = expireReferrals(first, sixthDay);
    expect(expired.expired).toEqual(['Q1']);
    expect(expired.places[0]?.free).toBe(1);
    expect(expired.entries.find((e) => e.applicationNumber === 'Q1')?.status).toBe('EXPIRED');

    const next = referToFreePlaces(expired, sixthDay);
    expect(next.referred.map((r) => r.applicationNumber)).toEqual(['Q2']);
    expect(next.referred[0]?.referral.validUntil).toEqual(new Date('2026-03-21T19:00:00Z'));
  });

  it('expires one named referral when the workflow says so, and refers the next child', () => {
    const first = referToFreePlaces(
      { entries: build(), places: [{ providerId: 'urdzhar', organisationId: 'balapan', ageYears: 3, free: 1 }] },
      march,
    );
    const expired = expireReferral(first, 'Q1');
    expect(expired).toMatchObject({ expired: ['Q1'], places: [{ organisationId: 'balapan', free: 1 }] });
    expect(expireReferral(first, 'Q2').expired).toEqual([]);
    expect(referToFreePlaces(expired, march).referred.map((r) => r.applicationNumber)).toEqual(['Q2']);
  });

  it('enrols a referred child and can put an expired one back under the original number', () => {
    const first = referToFreePlaces(
      { entries: build(), places: [{ providerId: 'urdzhar', organisationId: 'balapan', ageYears: 3, free: 1 }] },
      march,
    );
    expect(enrol(first, 'Q1').entries.find((e) => e.applicationNumber === 'Q1')?.status).toBe('ENROLLED');
    const back = requeue(expireReferrals(first, new Date('2026-03-20T00:00:00Z')), 'Q1');
    const q1 = back.entries.find((e) => e.applicationNumber === 'Q1');
    expect(q1).toMatchObject({ status: 'QUEUED', referral: null, journal: { number: 1 } });
  });

  it('lists children who have turned seven', () => {
    const entries = enqueue(build(), child('OLD', '2019-03-01'), new Date('2026-02-07T05:00:00Z'));
    expect(agedOut(entries, march, 7)).toEqual(['OLD']);
    expect(agedOut(entries, new Date('2026-02-27T05:00:00Z'), 7)).toEqual([]);
  });
});
