/** The unemployed certificate through every channel: intake, refusals, decision, signing, issue. */
import { expect, it } from 'vitest';
import type { Harness } from '../../helpers/applications.js';
import { describeEachDialect } from '../../helpers/databases.js';
import { applicant, codeOf, con, employee, EMPLOYMENT, head, OMAROV, system, UNKNOWN_IIN, unemployedRequest } from './fixtures.js';
import { harnessesOnSharedPool } from './harness.js';

const start = harnessesOnSharedPool();
const staff = employee(EMPLOYMENT);
const boss = head(EMPLOYMENT);

describeEachDialect('unemployed certificate', (dialect) => {
  let h: Harness;

  it('portal: registered by SYSTEM at intake, decided, signed, delivered to the cabinet; the certificate is registered, linked and verifiable', async () => {
    h = await start(dialect);
    const submitted = await h.apps.submit(unemployedRequest('portal'), applicant(OMAROV.iin));
    expect(submitted.number).toMatch(/^1401-2026-\d{6}$/);
    expect(submitted.state).toBe('REGISTERED');
    expect(submitted.registeredAt).not.toBeNull();
    expect(submitted.history.map((l) => [l.action, l.role])).toEqual([
      ['SUBMIT', 'APPLICANT'],
      ['REGISTER', 'SYSTEM'],
    ]);
    // The applicant sees no staff action.
    expect(submitted.actions).toEqual([]);

    const taken = await h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, staff);
    expect(taken.state).toBe('IN_WORK');
    expect(taken.assignee).toBe(staff.id);
    await h.apps.act(submitted.number, 'APPROVE', {}, staff);
    // The certificate states the day of registration as unemployed: a fact of the decision, not of the form.
    const missing = await codeOf(h.apps.act(submitted.number, 'SIGN', {}, boss));
    expect(missing).toBe('INVALID_INPUT');
    expect((await h.apps.get(submitted.number, boss)).documents).toEqual([]);

    const signed = await h.apps.act(submitted.number, 'SIGN', { document: { registeredFrom: '2026-03-02' } }, boss);
    expect(signed.state).toBe('ISSUED');
    expect(signed.status).toBe('COMPLETED');
    expect(signed.terminal).toBe('positive');
    expect(signed.history.map((l) => l.action)).toEqual(['SUBMIT', 'REGISTER', 'TAKE_INTO_WORK', 'APPROVE', 'SIGN', 'DELIVER_TO_CABINET']);
    expect(signed.documents).toHaveLength(1);
    const [document] = signed.documents;
    expect(document).toMatchObject({ kind: 'unemployed-certificate', outcome: 'positive', language: 'kk' });
    const registered = await h.registry.find(document?.number ?? '');
    expect(registered?.applicant.iin).toBe(OMAROV.iin);
    expect(registered?.issuer.bin).toBe('140540001231');
    expect(await h.verifyXml(document?.number ?? '')).toBe(true);

    const notes = await h.apps.notifications(OMAROV.iin, applicant(OMAROV.iin), { limit: 50 });
    // REGISTER, TAKE_INTO_WORK and DELIVER_TO_CABINET notify; APPROVE and SIGN do not.
    expect(notes.items).toHaveLength(3);
    expect(notes.items[0]?.text.ru).toContain('Услуга оказана');
    expect(notes.items[0]?.text.kk).toContain('Қызмет көрсетілді');
  });

  it('ЦОН: the operator registers; the head extends the term with a notification; refusal with a reason gives a signed letter', async () => {
    h = await start(dialect);
    const submitted = await h.apps.submit(unemployedRequest('con'), con);
    expect(submitted.state).toBe('SUBMITTED');
    expect(submitted.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['REGISTER', 'REFUSE_DOCUMENTS_AT_INTAKE', 'REFUSE_PERSON_NOT_FOUND']),
    );
    await h.apps.act(submitted.number, 'REGISTER', {}, con);
    await h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, staff);
    const before = (await h.apps.get(submitted.number, boss)).deadline ?? '';
    const later = new Date(new Date(before).getTime() + 5 * 86_400_000).toISOString();
    expect(await codeOf(h.apps.act(submitted.number, 'EXTEND', { newDeadline: later, comment: 'сұрау' }, staff))).toBe('ROLE_NOT_ALLOWED');
    const extended = await h.apps.act(submitted.number, 'EXTEND', { newDeadline: later, comment: 'Запрос в архив' }, boss);
    expect(extended.deadline).toBe(later);
    const notes = await h.apps.notifications(OMAROV.iin, system, { limit: 1 });
    expect(notes.items[0]?.kind).toBe('extension');
    expect(notes.items[0]?.text.ru).toMatch(/продлен до \d\d\.\d\d\.2026/);

    expect(await codeOf(h.apps.act(submitted.number, 'REFUSE', { reason: 'CHILD_OVER_AGE', comment: 'x' }, staff))).toBe('REASON_NOT_ALLOWED');
    expect(await codeOf(h.apps.act(submitted.number, 'REFUSE', { reason: 'NOT_ELIGIBLE' }, staff))).toBe('INPUT_REQUIRED');
    await h.apps.act(submitted.number, 'REFUSE', { reason: 'NOT_REGISTERED_UNEMPLOYED', comment: 'Тіркеуде жоқ' }, staff);
    const refused = await h.apps.act(submitted.number, 'SIGN', {}, boss);
    expect(refused.state).toBe('REFUSAL_SIGNED');
    expect(refused.documents.map((d) => [d.kind, d.outcome])).toEqual([['refusal-letter', 'negative']]);
    expect(await h.verifyXml(refused.documents[0]?.number ?? '')).toBe(true);
    expect(await codeOf(h.apps.act(submitted.number, 'ISSUE_AT_DESK', {}, staff))).toBe('ACTION_NOT_ALLOWED');
    const issued = await h.apps.act(submitted.number, 'ISSUE_AT_CON', {}, con);
    expect(issued.state).toBe('REFUSED');
    expect(await codeOf(h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, staff))).toBe('APPLICATION_TERMINAL');
    const history = issued.history.find((l) => l.action === 'REFUSE');
    expect(history).toMatchObject({ reason: 'NOT_REGISTERED_UNEMPLOYED', comment: 'Тіркеуде жоқ', role: 'PROVIDER_EMPLOYEE' });
  });

  it('provider desk: a person unknown to ГБД ФЛ is stored and refused by SYSTEM with a letter; documents refused at intake; wrong state and role refused', async () => {
    h = await start(dialect);
    const unknown = await h.apps.submit(unemployedRequest('provider', { iin: UNKNOWN_IIN, fullName: 'Белгісіз Адам' }), staff);
    expect(unknown.state).toBe('REFUSED');
    expect(unknown.history.at(-1)).toMatchObject({ action: 'REFUSE_PERSON_NOT_FOUND', role: 'SYSTEM', reason: 'PERSON_NOT_FOUND' });
    expect(unknown.documents.map((d) => d.kind)).toEqual(['refusal-letter']);

    const desk = await h.apps.submit(unemployedRequest('provider'), staff);
    expect(desk.state).toBe('SUBMITTED');
    expect(await codeOf(h.apps.act(desk.number, 'TAKE_INTO_WORK', {}, staff))).toBe('ACTION_NOT_ALLOWED');
    expect(await codeOf(h.apps.act(desk.number, 'REGISTER', {}, applicant(OMAROV.iin)))).toBe('ROLE_NOT_ALLOWED');
    const refused = await h.apps.act(
      desk.number,
      'REFUSE_DOCUMENTS_AT_INTAKE',
      { reason: 'DOCUMENTS_INCOMPLETE', comment: 'Жеке куәлік жоқ' },
      staff,
    );
    expect(refused.state).toBe('REFUSED');
    expect(refused.documents.map((d) => d.outcome)).toEqual(['negative']);

    // Intake per channel and role.
    expect(await codeOf(h.apps.submit(unemployedRequest('con'), staff))).toBe('INTAKE_NOT_ALLOWED');
    expect(await codeOf(h.apps.submit(unemployedRequest('portal'), applicant('920228401036')))).toBe('NOT_OWN_APPLICATION');
    expect(await codeOf(h.apps.submit({ ...unemployedRequest('portal'), form: { iin: OMAROV.iin } }, applicant(OMAROV.iin)))).toBe(
      'INVALID_INPUT',
    );
    // Another provider's staff does not see the application.
    expect(await codeOf(h.apps.get(desk.number, employee('urzhar-education')))).toBe('APPLICATION_NOT_FOUND');
    // The portal has no refusal step for an unknown person: the request is not formed.
    expect(
      await codeOf(h.apps.submit(unemployedRequest('portal', { iin: UNKNOWN_IIN, fullName: 'Белгісіз Адам' }), system)),
    ).toBe('PERSON_NOT_IN_REGISTRY');
  });
});
