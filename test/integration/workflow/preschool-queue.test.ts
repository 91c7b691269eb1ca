/**
 * The preschool queue: journal numbers, positions per age group, free places, the referral of the
 * head of the queue, its expiry by the scheduler and the referral of the next child, enrolment.
 */
import { expect, it } from 'vitest';
import type { Principal } from '../../../src/usecases/index.js';
import type { Harness } from '../../helpers/applications.js';
import { describeEachDialect } from '../../helpers/databases.js';
import { applicant, CHILDREN, codeOf, con, EDUCATION, employee, head, IVANOVA, OMAROVA, preschoolRequest } from './fixtures.js';
import { harnessesOnSharedPool } from './harness.js';

const start = harnessesOnSharedPool();

const staff = employee(EDUCATION);
const boss = head(EDUCATION);
const SEITOVA = { iin: '870308401079', fullName: 'Сейітова Гүлнар Ермекқызы' };
const TOMIRIS = { iin: '200107602069', fullName: 'Сейітова Томирис Нұрланқызы', birthDate: '2020-01-07' };

/** queueChild takes a desk request to IN_QUEUE with its queue notice. */
async function queueChild(h: Harness, parent: { iin: string; fullName: string }, child: typeof TOMIRIS) {
  const submitted = await h.apps.submit(preschoolRequest('provider', parent, child), staff);
  await h.apps.act(submitted.number, 'REGISTER', {}, staff);
  await h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, staff);
  await h.apps.act(submitted.number, 'QUEUE', {}, staff);
  return h.apps.act(submitted.number, 'SIGN', {}, boss);
}

describeEachDialect('preschool queue', (dialect) => {
  it('journal, positions, referral to the head of the age group, expiry and the next child, enrolment', async () => {
    const h = await start(dialect);
    const maria = await queueChild(h, IVANOVA, CHILDREN.maria);
    const tomiris = await queueChild(h, SEITOVA, TOMIRIS);
    const alikhan = await queueChild(h, OMAROVA, CHILDREN.alikhan);
    expect(maria.state).toBe('IN_QUEUE');
    expect(maria.documents.map((d) => [d.kind, d.outcome])).toEqual([['preschool-queue-notice', 'queued']]);
    expect(await h.verifyXml(maria.documents[0]?.number ?? '')).toBe(true);
    expect([maria, tomiris, alikhan].map((v) => v.queue?.journal.number)).toEqual([1, 2, 3]);
    // Positions count among waiting children of the same age: Maria and Tomiris are six, Alikhan five.
    // The view taken when Maria was queued counted her alone; now she heads two.
    expect(maria.queue).toMatchObject({ status: 'QUEUED', position: 1, waiting: 1 });
    expect((await h.apps.get(maria.number, staff)).queue).toMatchObject({ status: 'QUEUED', position: 1, waiting: 2, ageYears: 6 });
    expect((await h.apps.queuePosition(tomiris.number, applicant(SEITOVA.iin))).position).toBe(2);
    expect((await h.apps.queuePosition(alikhan.number, applicant(OMAROVA.iin)))).toMatchObject({ position: 1, waiting: 1, ageYears: 5 });
    expect(await codeOf(h.apps.queuePosition(alikhan.number, applicant(IVANOVA.iin)))).toBe('APPLICATION_NOT_FOUND');

    // A free place for six-year-olds: the head of that queue (Maria) is referred by SYSTEM.
    const places = await h.apps.setFreePlaces(EDUCATION, { organisationId: 'baldyrgan', ageYears: 6, free: 1 }, boss);
    expect(places).toEqual([{ providerId: EDUCATION, organisationId: 'baldyrgan', ageYears: 6, free: 0 }]);
    const referred = await h.apps.get(maria.number, staff);
    expect(referred.state).toBe('REFERRAL_PREPARED');
    expect(referred.history.at(-1)).toMatchObject({ action: 'REFER', role: 'SYSTEM' });
    expect((await h.apps.queuePosition(tomiris.number, staff))).toMatchObject({ position: 1, waiting: 1 });
    const signed = await h.apps.act(maria.number, 'SIGN', {}, boss);
    expect(signed.state).toBe('REFERRAL_ISSUED');
    const referral = signed.documents.find((d) => d.kind === 'preschool-referral');
    expect(referral?.outcome).toBe('positive');
    expect(await h.verifyXml(referral?.number ?? '')).toBe(true);
    expect(signed.queue?.referral?.organisationId).toBe('baldyrgan');

    // Five days pass without the referral being presented: the scheduler expires it and refers Tomiris.
    h.clock.advance(6 * 86_400_000);
    const run = await h.apps.runDeadlines();
    expect(run.actions).toBeGreaterThanOrEqual(1);
    const expired = await h.apps.get(maria.number, staff);
    expect(expired.state).toBe('REFERRAL_EXPIRED');
    expect(expired.history.slice(-2).map((l) => [l.action, l.role])).toEqual([
      ['DEADLINE_BREACHED', 'SYSTEM'],
      ['EXPIRE_REFERRAL', 'SYSTEM'],
    ]);
    expect(expired.queue?.status).toBe('EXPIRED');
    const next = await h.apps.get(tomiris.number, staff);
    expect(next.state).toBe('REFERRAL_PREPARED');
    expect(next.queue?.referral?.organisationId).toBe('baldyrgan');
    const staffNotes = await h.apps.staffNotifications(staff, { limit: 10 });
    expect(staffNotes.items.some((n) => n.applicationNumber === maria.number && n.kind === 'deadline')).toBe(true);

    await h.apps.act(tomiris.number, 'SIGN', {}, boss);
    const enrolled = await h.apps.act(tomiris.number, 'ENROL', {}, staff);
    expect(enrolled).toMatchObject({ state: 'ENROLLED', terminal: 'positive' });
    expect(enrolled.queue?.status).toBe('ENROLLED');
    expect(await h.apps.freePlaces(EDUCATION, staff)).toEqual([{ providerId: EDUCATION, organisationId: 'baldyrgan', ageYears: 6, free: 0 }]);
    // A second run finds nothing new: the breach is recorded once.
    const again = await h.apps.runDeadlines();
    expect(again.breaches).toBe(0);
    expect((await h.apps.get(maria.number, staff)).history.filter((l) => l.action === 'DEADLINE_BREACHED')).toHaveLength(1);
  });

  it('a child who turns seven leaves the queue on the scheduler\'s first tick of that day, and the parent is told', async () => {
    const h = await start(dialect);
    const maria = await queueChild(h, IVANOVA, CHILDREN.maria);
    const alikhan = await queueChild(h, OMAROVA, CHILDREN.alikhan);
    // Maria (born 2020-08-25) is six on the eve of her birthday, seven on the day (Almaty time).
    h.clock.set('2027-08-24T18:00:00Z');
    expect((await h.apps.runDeadlines()).agedOut).toBe(0);
    expect((await h.apps.get(maria.number, staff)).state).toBe('IN_QUEUE');
    h.clock.set('2027-08-24T19:30:00Z');
    expect(await h.apps.runDeadlines()).toMatchObject({ agedOut: 1, failures: 0 });
    const aged = await h.apps.get(maria.number, staff);
    expect(aged).toMatchObject({ state: 'AGED_OUT', terminal: 'closed' });
    expect(aged.history.at(-1)).toMatchObject({ action: 'AGE_OUT', role: 'SYSTEM', from: 'IN_QUEUE', to: 'AGED_OUT' });
    expect(aged.queue?.status).toBe('WITHDRAWN');
    const notes = await h.apps.notifications(IVANOVA.iin, applicant(IVANOVA.iin), { limit: 10 });
    expect(notes.items.some((n) => n.applicationNumber === maria.number && n.kind === 'status')).toBe(true);
    // Alikhan, five, stays and now waits alone; a second tick on the same day does nothing.
    expect((await h.apps.queuePosition(alikhan.number, staff))).toMatchObject({ status: 'QUEUED', position: 1, waiting: 1 });
    expect((await h.apps.runDeadlines()).agedOut).toBe(0);
  });

  it('a referral on the day of application needs a free place; the ЗАГС record must name the applicant; another provider is refused', async () => {
    const h = await start(dialect);
    const submitted = await h.apps.submit(preschoolRequest('provider', OMAROVA, CHILDREN.aisha), staff);
    await h.apps.act(submitted.number, 'REGISTER', {}, staff);
    await h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, staff);
    expect(await codeOf(h.apps.act(submitted.number, 'REFER', { organisationId: 'balapan' }, staff))).toBe('NO_FREE_PLACE');
    expect(await codeOf(h.apps.act(submitted.number, 'REFER', { organisationId: 'nowhere' }, staff))).toBe('ORGANISATION_NOT_FOUND');
    await h.apps.setFreePlaces(EDUCATION, { organisationId: 'balapan', ageYears: 3, free: 2 }, boss);
    const referred = await h.apps.act(submitted.number, 'REFER', { organisationId: 'balapan' }, staff);
    expect(referred.state).toBe('REFERRAL_PREPARED');
    expect(referred.queue).toMatchObject({ status: 'REFERRED', journal: { number: 1 } });
    expect(await h.apps.freePlaces(EDUCATION, boss)).toEqual([{ providerId: EDUCATION, organisationId: 'balapan', ageYears: 3, free: 1 }]);

    // Omarova is not Maria's mother: the ЦОН request is stored and refused with a letter.
    const notParent = await h.apps.submit(preschoolRequest('con', OMAROVA, CHILDREN.maria), con);
    expect(notParent.state).toBe('REFUSED');
    expect(notParent.history.at(-1)).toMatchObject({ action: 'REFUSE_PERSON_NOT_FOUND', reason: 'PERSON_NOT_FOUND' });
    expect(notParent.documents.map((d) => d.kind)).toEqual(['refusal-letter']);

    const outsider: Principal = { id: 'x', role: 'PROVIDER_HEAD', providerId: 'ekibastuz-employment' };
    expect(await codeOf(h.apps.setFreePlaces(EDUCATION, { organisationId: 'balapan', ageYears: 3, free: 5 }, outsider))).toBe('PROVIDER_NOT_OWN');
    expect(await codeOf(h.apps.journal(EDUCATION, applicant(OMAROVA.iin), { limit: 10 }))).toBe('PROVIDER_NOT_OWN');
    const journal = await h.apps.journal(EDUCATION, staff, { limit: 10 });
    expect(journal.items.map((e) => e.applicationNumber)).toEqual([submitted.number]);
  });
});
