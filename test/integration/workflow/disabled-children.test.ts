/** Support for disabled children schooled at home: portal (EDS) and desk; the only service with an extension. */
import { expect, it } from 'vitest';
import { signedXml } from '../../helpers/applications.js';
import { describeEachDialect } from '../../helpers/databases.js';
import { applicant, codeOf, disabledRequest, DISABILITY_DECISION, EDUCATION, employee, EMPLOYMENT, head, IVANOVA, system, UNKNOWN_IIN } from './fixtures.js';
import { harnessesOnSharedPool } from './harness.js';

const start = harnessesOnSharedPool();
const staff = employee(EMPLOYMENT);
const boss = head(EMPLOYMENT);

describeEachDialect('disabled children home education', (dialect) => {
  it('a signed portal request: registered, decided, signed; the notification is issued, linked and verifiable', async () => {
    const h = await start(dialect);
    const { serviceId, language, form } = disabledRequest('portal');
    const submitted = await h.apps.submitSigned(
      signedXml({ valid: true, signerIin: IVANOVA.iin, request: { serviceId, language, form } }),
      applicant(IVANOVA.iin),
    );
    expect(submitted).toMatchObject({ state: 'REGISTERED', channel: 'portal', language: 'ru' });
    await h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, staff);
    await h.apps.act(submitted.number, 'APPROVE', {}, staff);
    const done = await h.apps.act(submitted.number, 'SIGN', { document: DISABILITY_DECISION }, boss);
    expect(done.state).toBe('ISSUED');
    expect(done.documents.map((d) => [d.kind, d.outcome, d.language])).toEqual([['disability-support-notification', 'positive', 'ru']]);
    expect(await h.verifyXml(done.documents[0]?.number ?? '')).toBe(true);
  });

  it('EDS not confirmed (invalid signature, or the certificate of somebody else): stored and rejected, notified, no document', async () => {
    const h = await start(dialect);
    const { serviceId, language, form } = disabledRequest('portal');
    const revoked = await h.apps.submitSigned(signedXml({ valid: false, signerIin: IVANOVA.iin, request: { serviceId, language, form } }), system);
    const stranger = await h.apps.submitSigned(signedXml({ valid: true, signerIin: UNKNOWN_IIN, request: { serviceId, language, form } }), system);
    for (const rejected of [revoked, stranger]) {
      expect(rejected).toMatchObject({ state: 'REJECTED', status: 'REJECTED', terminal: 'rejected', documents: [] });
      expect(rejected.history.at(-1)).toMatchObject({ action: 'REJECT_EDS', role: 'SYSTEM', reason: 'EDS_NOT_CONFIRMED' });
    }
    const notes = await h.apps.notifications(IVANOVA.iin, applicant(IVANOVA.iin), { limit: 10 });
    expect(notes.items.map((n) => n.applicationNumber).sort()).toEqual([revoked.number, stranger.number].sort());
    expect(notes.items[0]?.text.ru).toContain('Отказ в приеме запроса');
    expect(await codeOf(h.apps.submitSigned(new TextEncoder().encode(JSON.stringify({ valid: false, signerIin: '' })), system))).toBe(
      'SIGNED_REQUEST_UNREADABLE',
    );
  });

  it('desk: the head extends the term (notified with the new date); a refusal is signed and issued at the desk; ЦОН is not a channel', async () => {
    const h = await start(dialect);
    const submitted = await h.apps.submit(disabledRequest('provider'), staff);
    await h.apps.act(submitted.number, 'REGISTER', {}, staff);
    const taken = await h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, staff);
    const extendedTo = new Date(new Date(taken.deadline ?? '').getTime() + 10 * 86_400_000).toISOString();
    expect(await codeOf(h.apps.act(submitted.number, 'EXTEND', { newDeadline: taken.receivedAt, comment: 'x' }, boss))).toBe(
      'DEADLINE_NOT_LATER',
    );
    const extended = await h.apps.act(submitted.number, 'EXTEND', { newDeadline: extendedTo, comment: 'ПМПК қорытындысы күтілуде' }, boss);
    expect(extended.deadline).toBe(extendedTo);
    const [note] = (await h.apps.notifications(IVANOVA.iin, staff, { limit: 1 })).items;
    expect(note?.kind).toBe('extension');
    expect(note?.text.kk).toContain('ұзартылды');
    // Another provider's staff do not read what this provider told the applicant.
    expect((await h.apps.notifications(IVANOVA.iin, employee(EDUCATION), { limit: 10 })).items).toEqual([]);

    await h.apps.act(submitted.number, 'REFUSE', { reason: 'NOT_ELIGIBLE', comment: 'Мүгедектік мерзімі өткен' }, staff);
    const signed = await h.apps.act(submitted.number, 'SIGN', {}, boss);
    expect(signed.documents.map((d) => d.kind)).toEqual(['refusal-letter']);
    const issued = await h.apps.act(submitted.number, 'ISSUE_AT_DESK', {}, staff);
    expect(issued).toMatchObject({ state: 'REFUSED', terminal: 'negative' });
    expect(await codeOf(h.apps.submit(disabledRequest('con'), { id: 'c', role: 'CON_OPERATOR' }))).toBe('CHANNEL_NOT_OFFERED');
  });
});
