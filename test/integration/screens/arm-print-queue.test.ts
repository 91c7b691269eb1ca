/**
 * The АРМ's batch print without JavaScript and the preschool queue's referral at the desk, over
 * real HTTP: a print form with nothing ticked or nothing issued is a 400 in kk and ru; another
 * provider's application is not found; the job page refreshes itself inside <noscript>, allows
 * its script to read the status from Qujat only, and offers the PDF when done; another operator
 * cannot follow the job. A child is queued and another referred to an organisation chosen on the
 * application page; the queue page shows the journal, positions and the referral's expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeFile } from '../../helpers/project.js';
import { EDUCATION, EMPLOYMENT, PASSWORD, startArmService, type ArmService } from './arm-service.js';
import { textOf, Visitor } from './screen-client.js';

const errors = { kk: localeFile('kk', 'errors') as Record<string, string>, ru: localeFile('ru', 'errors') as Record<string, string> };
const OMAROVA = { iin: '900903401021', fullName: 'Омарова Айгүл Болатқызы' };
const ALIKHAN = { iin: '210510502015', fullName: 'Омаров Әлихан Ерланұлы', birthDate: '2021-05-10' };
const AISHA = { iin: '230214602026', fullName: 'Омарова Айша Ерланқызы', birthDate: '2023-02-14' };

let arm: ArmService;

beforeAll(async () => {
  arm = await startArmService('arm-print-queue');
  await arm.accounts.add({ username: 'aigerim', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: EMPLOYMENT });
  await arm.accounts.add({ username: 'dana', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: EMPLOYMENT });
  await arm.accounts.add({ username: 'saule', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: EDUCATION });
});
afterAll(async () => {
  await arm?.stop();
});

async function signIn(username: string): Promise<Visitor> {
  const visitor = new Visitor(arm.url);
  await visitor.get('/arm/login');
  expect((await visitor.post('/arm/login', { username, password: PASSWORD })).status).toBe(303);
  await visitor.get('/arm');
  return visitor;
}

async function act(visitor: Visitor, number: string, action: string, fields: Record<string, string> = {}) {
  const page = await visitor.get(`/arm/applications/${number}`);
  const form = new RegExp(`<form[^>]*id="action-${action}"[\\s\\S]*?</form>`).exec(page.html)?.[0] ?? '';
  const key = /name="_key" value="([^"]+)"/.exec(form)?.[1] ?? '';
  return visitor.post(`/arm/applications/${number}/actions/${action}`, { _key: key, ...fields });
}

describe('batch print without JavaScript', () => {
  it('refuses a form with nothing ticked, or with nothing issued, in kk and ru', async () => {
    const visitor = await signIn('aigerim');
    const empty = await visitor.post('/arm/print', {});
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain(errors.kk.PRINT_SELECTION_EMPTY);
    expect(textOf(empty.html)).toContain(errors.ru.PRINT_SELECTION_EMPTY);
    const fresh = await arm.submitUnemployed('provider');
    await visitor.get('/arm');
    const nothing = await visitor.post('/arm/print', { application: fresh.number });
    expect(nothing.status).toBe(400);
    expect(textOf(nothing.html)).toContain(errors.ru.PRINT_SELECTION_NO_DOCUMENTS);
  });

  it('does not print another provider’s application', async () => {
    const issued = await arm.issueUnemployed();
    const other = await signIn('saule');
    expect((await other.post('/arm/print', { application: issued.number })).status).toBe(404);
  });

  it('runs the job, refreshes the page inside <noscript> while it runs, and then offers the PDF to its operator only', async () => {
    const issued = await arm.issueUnemployed();
    const visitor = await signIn('aigerim');
    const started = await visitor.post('/arm/print', { application: issued.number });
    expect(started.status).toBe(303);
    const job = started.location as string;
    expect(job).toMatch(/^\/arm\/print\/[A-Za-z0-9_-]+$/);
    let page = await visitor.get(job);
    expect(page.status).toBe(200);
    if (!page.html.includes('id="print-pdf"')) {
      expect(page.html).toContain('<noscript><meta http-equiv="refresh" content="2"></noscript>');
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(page.html).toContain('<script src="/assets/arm-print.js" defer></script>');
    }
    for (let i = 0; i < 120 && !page.html.includes('id="print-pdf"'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      page = await visitor.get(job);
    }
    expect(page.html).not.toContain('http-equiv="refresh"');
    expect(page.headers.get('content-security-policy')).not.toContain('connect-src');
    const status = (await (await fetch(`${arm.url}${job}/status`, { headers: { cookie: visitor.cookieHeader } })).json()) as Record<string, unknown>;
    expect(status).toEqual({ state: 'done', done: 1, total: 1 });
    const pdf = await fetch(`${arm.url}${job}.pdf`, { headers: { cookie: visitor.cookieHeader } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const head = await signIn('dana');
    expect((await head.get(job)).status).toBe(404);
    expect((await fetch(`${arm.url}${job}.pdf`, { headers: { cookie: head.cookieHeader } })).status).toBe(404);
  });
});

describe('the preschool queue at the desk', () => {
  it('queues one child, refers another to the organisation chosen on the page, and shows both on the queue page', async () => {
    const saule = await signIn('saule');
    expect((await saule.post('/arm/queue/free-places', { organisation: 'baldyrgan', ageYears: '5', free: '1' })).status).toBe(303);
    const submit = async (child: typeof ALIKHAN) => {
      const body = { serviceId: 'preschool-queue', channel: 'provider', language: 'kk', form: { ...OMAROVA, child, preferredOrganisations: [], language: 'kk' } };
      const { status, json } = await arm.api('PROVIDER_EMPLOYEE', 'POST', '/v1/applications', body, EDUCATION);
      expect(status).toBe(201);
      return json.number;
    };
    const waiting = await submit(AISHA);
    for (const action of ['REGISTER', 'TAKE_INTO_WORK', 'QUEUE', 'SIGN']) expect((await act(saule, waiting, action)).status, action).toBe(303);

    const referred = await submit(ALIKHAN);
    for (const action of ['REGISTER', 'TAKE_INTO_WORK']) expect((await act(saule, referred, action)).status, action).toBe(303);
    const page = await saule.get(`/arm/applications/${referred}?lang=ru`);
    expect(page.html).toMatch(/<select id="a-REFER-organisation" name="organisation">/);
    expect(textOf(page.html)).toContain('№ 3 « Балдырган »');
    const full = await act(saule, referred, 'REFER', { organisation: 'balapan' });
    expect(full.status).toBe(409);
    expect(textOf(full.html)).toContain(String(errors.ru.NO_FREE_PLACE).replace('{{organisationId}}', 'balapan').replace('{{ageYears}}', '5'));
    expect((await act(saule, referred, 'REFER', { organisation: 'baldyrgan' })).status).toBe(303);
    expect((await act(saule, referred, 'SIGN')).status).toBe(303);

    const queue = textOf((await saule.get('/arm/queue?lang=ru')).html);
    expect(queue).toContain(AISHA.iin);
    expect(queue).toMatch(/место в очереди: 1 из 1/);
    expect(queue).toMatch(new RegExp(`№ ${referred} — ${ALIKHAN.iin} → № 3 « Балдырган »; действительно до \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`));
    expect(queue).toContain('№ 3 « Балдырган » — возраст 5 : 0');
  });
});
