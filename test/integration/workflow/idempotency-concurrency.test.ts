/** Idempotency keys on intake and actions, parallel intakes and parallel actions on one application. */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../helpers/databases.js';
import { codeOf, con, employee, EMPLOYMENT, head, OMAROV, unemployedRequest } from './fixtures.js';
import { harnessesOnSharedPool } from './harness.js';

const start = harnessesOnSharedPool();

const staff = employee(EMPLOYMENT);

describeEachDialect('idempotency and concurrency', (dialect) => {
  it('a repeated intake or action with the same key returns the first result and writes nothing twice; another request under the key is a 409', async () => {
    const h = await start(dialect);
    const first = await h.apps.submit(unemployedRequest('con'), con, { idempotencyKey: 'intake-1' });
    const again = await h.apps.submit(unemployedRequest('con'), con, { idempotencyKey: 'intake-1' });
    expect(again).toEqual(first);
    const all = await h.apps.list({ limit: 50 }, con);
    expect(all.items.map((a) => a.number)).toEqual([first.number]);
    expect(await codeOf(h.apps.submit(unemployedRequest('provider'), con, { idempotencyKey: 'intake-1' }))).toBe('IDEMPOTENCY_KEY_REUSED');
    // The key is the caller's own: another caller may use the same text.
    const other = await h.apps.submit(unemployedRequest('con'), { id: 'con-operator-2', role: 'CON_OPERATOR' }, { idempotencyKey: 'intake-1' });
    expect(other.number).not.toBe(first.number);

    const registered = await h.apps.act(first.number, 'REGISTER', {}, con, { idempotencyKey: 'act-1' });
    const repeated = await h.apps.act(first.number, 'REGISTER', {}, con, { idempotencyKey: 'act-1' });
    expect(repeated).toEqual(registered);
    expect((await h.apps.get(first.number, con)).history.map((l) => l.action)).toEqual(['SUBMIT', 'REGISTER']);
    expect(await codeOf(h.apps.act(first.number, 'TAKE_INTO_WORK', {}, con, { idempotencyKey: 'act-1' }))).toBe('IDEMPOTENCY_KEY_REUSED');
    // Without a key the repeat is a new request, which the state no longer allows.
    expect(await codeOf(h.apps.act(first.number, 'REGISTER', {}, con))).toBe('ACTION_NOT_ALLOWED');
  });

  it('100 parallel intakes get 100 distinct numbers of the provider and the year, each with its history', async () => {
    const h = await start(dialect);
    const views = await Promise.all(Array.from({ length: 100 }, () => h.apps.submit(unemployedRequest('con'), con)));
    const numbers = views.map((v) => v.number);
    expect(new Set(numbers).size).toBe(100);
    expect(numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    for (const number of numbers.slice(0, 100)) {
      const view = await h.apps.get(number, con);
      expect(view.history.map((l) => l.action)).toEqual(['SUBMIT']);
    }
    let cursor: string | undefined;
    const paged: string[] = [];
    do {
      const page = await h.apps.list({ limit: 30, ...(cursor ? { cursor } : {}) }, con);
      paged.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged.sort()).toEqual([...numbers].sort());
  });

  it('two parallel actions on one application: one wins, the other is refused (409 when both read first) and leaves nothing; a lost signing registers no document', async () => {
    const h = await start(dialect);
    const submitted = await h.apps.submit(unemployedRequest('con'), con);
    await h.apps.act(submitted.number, 'REGISTER', {}, con);
    await h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, staff);
    const results = await Promise.allSettled([
      h.apps.act(submitted.number, 'APPROVE', {}, staff),
      h.apps.act(submitted.number, 'REFUSE', { reason: 'NOT_ELIGIBLE', comment: 'x' }, staff),
    ]);
    // The loser either read the application before the winner's commit (409) or after it (the state moved on).
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(['APPLICATION_CHANGED', 'ACTION_NOT_ALLOWED']).toContain(codes.find((c) => c !== 'ok'));
    const view = await h.apps.get(submitted.number, staff);
    expect(view.history.map((l) => l.action).slice(0, 3)).toEqual(['SUBMIT', 'REGISTER', 'TAKE_INTO_WORK']);
    expect(view.history).toHaveLength(4);

    if (view.state === 'REFUSAL_PREPARED') await h.apps.act(submitted.number, 'RETURN_TO_WORK', { comment: 'қайта' }, head(EMPLOYMENT));
    if (view.state !== 'RESULT_PREPARED') await h.apps.act(submitted.number, 'APPROVE', {}, staff);
    const signs = await Promise.allSettled(
      [1, 2].map(() => h.apps.act(submitted.number, 'SIGN', { document: { registeredFrom: '2026-03-02' } }, head(EMPLOYMENT))),
    );
    expect(signs.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // Both read the application before either had printed its document: the loser's commit finds a newer version.
    expect(signs.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []))).toEqual(['APPLICATION_CHANGED']);
    const final = await h.apps.get(submitted.number, staff);
    expect(final.state).toBe('RESULT_SIGNED');
    expect(final.documents).toHaveLength(1);
    const rows = await h.db.kysely.selectFrom('issued_documents').select('number').execute();
    expect(rows.map((r) => r.number)).toEqual([final.documents[0]?.number]);
  });

  it('the worklist filters by status, service, channel, assignee, overdue and the applicant, in deadline order', async () => {
    const h = await start(dialect);
    const a = await h.apps.submit(unemployedRequest('con'), con);
    const b = await h.apps.submit(unemployedRequest('provider'), staff);
    await h.apps.act(b.number, 'REGISTER', {}, staff);
    await h.apps.act(b.number, 'TAKE_INTO_WORK', {}, staff);
    expect((await h.apps.list({ status: 'IN_WORK', limit: 10 }, staff)).items.map((i) => i.number)).toEqual([b.number]);
    expect((await h.apps.list({ channel: 'con', limit: 10 }, staff)).items.map((i) => i.number)).toEqual([a.number]);
    expect((await h.apps.list({ assignee: staff.id, limit: 10 }, staff)).items.map((i) => i.number)).toEqual([b.number]);
    expect((await h.apps.list({ serviceId: 'preschool-queue', limit: 10 }, staff)).items).toEqual([]);
    expect((await h.apps.list({ overdue: true, limit: 10 }, staff)).items).toEqual([]);
    h.clock.advance(11 * 60_000);
    const overdue = await h.apps.list({ overdue: true, limit: 10 }, staff);
    // Ekibastuz's own act (001): the ЦОН intake is due in 1 minute, the desk decision in 10.
    expect(overdue.items.map((i) => i.number)).toEqual([a.number, b.number]);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    const mine = await h.apps.list({ limit: 10 }, { id: 'citizen', role: 'APPLICANT', iin: OMAROV.iin });
    expect(mine.items).toHaveLength(2);
    const stranger = await h.apps.list({ limit: 10 }, { id: 'citizen-2', role: 'APPLICANT', iin: '920228401036' });
    expect(stranger.items).toEqual([]);
    expect((await h.apps.list({ limit: 10 }, employee('urzhar-education'))).items).toEqual([]);
  });

  it('attachments are kept with their sniffed media type and digest; a file that is no PDF, PNG or JPEG is refused', async () => {
    const h = await start(dialect);
    const pdf = new TextEncoder().encode('%PDF-1.7\n% synthetic\n');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const view = await h.apps.submit(
      { ...unemployedRequest('con'), attachments: [{ name: 'kuälik.pdf', mediaType: 'image/png', bytes: pdf }, { name: 'scan.png', mediaType: 'application/pdf', bytes: png }] },
      con,
    );
    expect(view.attachments.map((a) => [a.id, a.name, a.mediaType, a.size])).toEqual([
      [1, 'kuälik.pdf', 'application/pdf', pdf.byteLength],
      [2, 'scan.png', 'image/png', png.byteLength],
    ]);
    const file = await h.apps.attachment(view.number, 2, staff);
    expect([...file.bytes]).toEqual([...png]);
    expect(await codeOf(h.apps.attachment(view.number, 3, staff))).toBe('ATTACHMENT_NOT_FOUND');
    const script = new TextEncoder().encode('<script>alert(1)</script>');
    expect(await codeOf(h.apps.submit({ ...unemployedRequest('con'), attachments: [{ name: 'x.pdf', mediaType: 'application/pdf', bytes: script }] }, con))).toBe(
      'ATTACHMENT_NOT_ALLOWED',
    );
  });
});
