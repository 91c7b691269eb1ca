/** The deadline scheduler (breach recorded once, notified, per state) and the quality questionnaire with its report. */
import { expect, it, vi } from 'vitest';
import { signedXml } from '../../helpers/applications.js';
import { describeEachDialect } from '../../helpers/databases.js';
import { applicant, codeOf, con, disabledRequest, employee, EMPLOYMENT, head, IVANOVA, OMAROV, system, unemployedRequest } from './fixtures.js';
import { harnessesOnSharedPool } from './harness.js';

const start = harnessesOnSharedPool();

describeEachDialect('deadlines and quality', (dialect) => {
  it('an overdue application is marked once per state: breach in the history, the head notified, shown as overdue', async () => {
    const h = await start(dialect);
    const submitted = await h.apps.submit(unemployedRequest('con'), con);
    expect(await h.apps.runDeadlines()).toEqual({ breaches: 0, actions: 0, agedOut: 0, failures: 0 });
    h.clock.advance(11 * 60_000); // ЦОН intake: 10 minutes
    expect(await h.apps.runDeadlines()).toEqual({ breaches: 1, actions: 0, agedOut: 0, failures: 0 });
    expect(await h.apps.runDeadlines()).toEqual({ breaches: 0, actions: 0, agedOut: 0, failures: 0 });
    const view = await h.apps.get(submitted.number, con);
    expect(view.overdue).toBe(true);
    expect(view.history.at(-1)).toMatchObject({ action: 'DEADLINE_BREACHED', role: 'SYSTEM', from: 'SUBMITTED', to: 'SUBMITTED' });
    const notes = await h.apps.staffNotifications(head(EMPLOYMENT), { limit: 10 });
    expect(notes.items).toHaveLength(1);
    expect(notes.items[0]).toMatchObject({ applicationNumber: submitted.number, kind: 'deadline' });
    expect(notes.items[0]?.text.ru).toContain(`По заявке № ${submitted.number} истек установленный срок`);
    expect(notes.items[0]?.text.kk).toContain('мерзімі өтті');

    // A new state has its own deadline and its own breach.
    await h.apps.act(submitted.number, 'REGISTER', {}, con);
    expect((await h.apps.get(submitted.number, con)).overdue).toBe(false);
    h.clock.advance(11 * 60_000);
    const stop = h.apps.startScheduler({ intervalMs: 20 });
    await vi.waitFor(async () => {
      const lines = (await h.apps.get(submitted.number, con)).history.filter((l) => l.action === 'DEADLINE_BREACHED');
      expect(lines.map((l) => l.from)).toEqual(['SUBMITTED', 'REGISTERED']);
    });
    await stop();
    expect(h.errors).toEqual([]);
  });

  it('the applicant of a finished application answers the questionnaire once; the report gives counts and shares per service', async () => {
    const h = await start(dialect);
    const { serviceId, language, form } = disabledRequest('portal');
    const rejected = [];
    for (let i = 0; i < 3; i++) {
      rejected.push(await h.apps.submitSigned(signedXml({ valid: false, signerIin: IVANOVA.iin, request: { serviceId, language, form } }), system));
    }
    const open = await h.apps.submit(unemployedRequest('con'), con);
    const parent = applicant(IVANOVA.iin);
    await h.apps.answerQuestionnaire(rejected[0]?.number ?? '', { quality: 'satisfied', accessibility: 'satisfied' }, parent);
    await h.apps.answerQuestionnaire(rejected[1]?.number ?? '', { quality: 'not-satisfied', accessibility: 'satisfied' }, parent);
    expect(await codeOf(h.apps.answerQuestionnaire(rejected[1]?.number ?? '', { quality: 'satisfied', accessibility: 'satisfied' }, parent))).toBe(
      'QUESTIONNAIRE_ANSWERED',
    );
    expect(await codeOf(h.apps.answerQuestionnaire(open.number, { quality: 'satisfied', accessibility: 'satisfied' }, applicant(OMAROV.iin)))).toBe(
      'QUESTIONNAIRE_NOT_AVAILABLE',
    );
    expect(await codeOf(h.apps.answerQuestionnaire(rejected[2]?.number ?? '', { quality: 'great', accessibility: 'satisfied' } as never, parent))).toBe(
      'INVALID_INPUT',
    );
    expect((await h.apps.get(rejected[0]?.number ?? '', parent)).questionnaireAnswered).toBe(true);

    const report = await h.apps.qualityReport({ from: '2026-11-01', to: '2026-11-30' }, employee(EMPLOYMENT));
    expect(report.rows).toEqual([
      {
        serviceId: 'disabled-children-home-education',
        question: 'quality',
        total: 2,
        answers: { 'not-satisfied': { count: 1, share: 0.5 }, 'partially-satisfied': { count: 0, share: 0 }, satisfied: { count: 1, share: 0.5 } },
      },
      {
        serviceId: 'disabled-children-home-education',
        question: 'accessibility',
        total: 2,
        answers: { 'not-satisfied': { count: 0, share: 0 }, 'partially-satisfied': { count: 0, share: 0 }, satisfied: { count: 2, share: 1 } },
      },
    ]);
    expect((await h.apps.qualityReport({ from: '2026-12-01', to: '2026-12-31' }, system)).rows).toEqual([]);
    expect((await h.apps.qualityReport({ serviceId: 'preschool-queue', from: '2026-11-01', to: '2026-11-30' }, system)).rows).toEqual([]);
    expect(await codeOf(h.apps.qualityReport({ from: '2026-11-01', to: '2026-11-30' }, parent))).toBe('REPORT_NOT_ALLOWED');
  });
});
