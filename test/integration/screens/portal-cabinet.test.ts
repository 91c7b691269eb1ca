/**
 * The portal's sign-in by test certificate, signing step and cabinet over real HTTP, as a browser
 * without JavaScript uses them: plain forms with the CSRF token, redirects, pages in kk and ru,
 * refusals as 4xx pages with kk and ru texts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeFile, strings } from '../../helpers/project.js';
import { startScreenService, textOf, Visitor, type ScreenService } from './screen-client.js';

const TURSYNOV = '990809301249';
const AKHMETOV_EXPIRED = '790719301208';
const texts = (language: 'kk' | 'ru', namespace: string) => new Map(strings(localeFile(language, namespace)));
const screens = { kk: texts('kk', 'screens'), ru: texts('ru', 'screens') };
const errors = { kk: texts('kk', 'errors'), ru: texts('ru', 'errors') };
const verify = { kk: texts('kk', 'verify'), ru: texts('ru', 'verify') };

let service: ScreenService;

beforeAll(async () => {
  service = await startScreenService('portal-cabinet');
});
afterAll(async () => {
  await service?.stop();
});

async function signIn(visitor: Visitor, iin: string, next?: string) {
  await visitor.get(`/signin${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  return visitor.post('/signin', { certificate: iin, ...(next ? { next } : {}) });
}

const FORM = {
  iin: TURSYNOV,
  fullName: 'Тұрсынов Бауыржан Ғаниұлы',
  phone: '+77012345678',
  'period.from': '2026-01-01',
  'period.to': '2026-06-30',
};

describe('sign-in by test certificate', () => {
  it('lists the development citizens, IINs masked, expired and revoked ones marked, labelled as a demonstration', async () => {
    const page = await new Visitor(service.url).get('/signin?lang=kk%2Bru');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    for (const language of ['kk', 'ru'] as const) expect(text).toContain(screens[language].get('portal.signin.demonstration'));
    expect(text).toContain('9908••••••49');
    expect(text).not.toContain(`>${TURSYNOV}<`);
    expect(page.html).toMatch(/class="certificate cert-revoked"/);
    expect(page.html).toMatch(/class="certificate cert-expired"/);
  });

  it('sends an anonymous visitor of the cabinet to sign in, and back afterwards; a foreign next is ignored', async () => {
    const visitor = new Visitor(service.url);
    const page = await visitor.get('/cabinet/notifications');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/signin?next=%2Fcabinet%2Fnotifications');
    const signedIn = await signIn(visitor, TURSYNOV, '/cabinet/notifications');
    expect(signedIn.location).toBe('/cabinet/notifications');
    expect((await signIn(new Visitor(service.url), TURSYNOV, '//evil.example/x')).location).toBe('/cabinet');
  });

  it('refuses a sign-in posted without the CSRF token, an unknown certificate and an expired one, with kk and ru texts', async () => {
    const visitor = new Visitor(service.url);
    await visitor.get('/signin');
    expect((await visitor.post('/signin', { certificate: TURSYNOV }, { csrf: false })).status).toBe(403);
    const unknown = await visitor.post('/signin', { certificate: '000000000000' });
    expect(unknown.status).toBe(404);
    for (const language of ['kk', 'ru'] as const) expect(textOf(unknown.html)).toContain(errors[language].get('DEMO_CERTIFICATE_UNKNOWN')?.replace('{{iin}}', '000000000000'));
    await visitor.get('/signin?lang=kk%2Bru');
    const expired = await visitor.post('/signin', { certificate: AKHMETOV_EXPIRED });
    expect(expired.status).toBe(403);
    const text = textOf(expired.html);
    for (const language of ['kk', 'ru'] as const) {
      expect(text).toContain(screens[language].get('portal.signin.refused'));
      expect([verify[language].get('reasons.CERTIFICATE_EXPIRED'), verify[language].get('reasons.CERTIFICATE_NO_LONGER_VALID')].some((t) => text.includes(t as string))).toBe(true);
    }
    expect((await visitor.get('/cabinet')).status).toBe(303);
  });
});

describe('the signing step and the cabinet without JavaScript', () => {
  it('keeps a form filled before sign-in, signs and submits it once, and shows it in the cabinet in the chosen language', async () => {
    const visitor = new Visitor(service.url);
    await visitor.get('/apply/unemployed-certificate?lang=kk');
    const form = new FormData();
    for (const [key, value] of Object.entries(FORM)) form.append(key, value);
    expect((await visitor.post('/apply/unemployed-certificate', form)).location).toBe('/apply/unemployed-certificate/review');
    const anonymous = await visitor.get('/apply/unemployed-certificate/sign');
    expect(anonymous.location).toBe('/signin?next=%2Fapply%2Funemployed-certificate%2Fsign');
    expect((await signIn(visitor, TURSYNOV, '/apply/unemployed-certificate/sign')).location).toBe('/apply/unemployed-certificate/sign');
    const sign = await visitor.get('/apply/unemployed-certificate/sign');
    expect(sign.status).toBe(200);
    expect(sign.html).toMatch(new RegExp(`id="cert-${TURSYNOV}"[^>]*checked`));
    const done = await visitor.post('/apply/unemployed-certificate/sign', { certificate: TURSYNOV });
    expect(done.status).toBe(303);
    const number = decodeURIComponent((done.location ?? '').replace('/cabinet/applications/', ''));
    expect(number).toMatch(/^\d{4}-2026-\d{6}$/);
    // Back and post again: the same application, not a second one.
    expect((await visitor.post('/apply/unemployed-certificate/sign', { certificate: TURSYNOV })).location).toBe(done.location);

    const cabinet = await visitor.get('/cabinet');
    expect(cabinet.html.match(/class="card[^"]*">\s*<h2><a href="\/cabinet\/applications\//g)).toHaveLength(1);
    const application = textOf((await visitor.get(`/cabinet/applications/${number}`)).html);
    expect(application).toContain(screens.kk.get('portal.application.submitted'));
    expect(application).not.toContain(screens.ru.get('portal.application.submitted'));

    const notifications = textOf((await visitor.get('/cabinet/notifications?lang=ru')).html);
    expect(notifications).toContain(`№ ${number}`);
    expect(notifications).toContain('Статус заявки');
    expect(notifications).not.toContain('өтініш');
  });

  it('refuses the questionnaire before completion, and bad answers, with a 4xx page', async () => {
    const visitor = new Visitor(service.url);
    await signIn(visitor, TURSYNOV);
    const cabinet = await visitor.get('/cabinet');
    const number = /href="\/cabinet\/applications\/([^"]+)"/.exec(cabinet.html)?.[1] ?? '';
    const page = await visitor.get(`/cabinet/applications/${number}`);
    expect(page.html).not.toContain('/questionnaire"');
    const early = await visitor.post(`/cabinet/applications/${number}/questionnaire`, { quality: 'satisfied', accessibility: 'satisfied' });
    expect(early.status).toBeGreaterThanOrEqual(400);
    expect(early.status).toBeLessThan(500);
    const bad = await visitor.post(`/cabinet/applications/${number}/questionnaire`, { quality: 'wonderful', accessibility: 'satisfied' });
    expect(bad.status).toBe(400);
  });

  it('signs out: the cabinet asks for sign-in again', async () => {
    const visitor = new Visitor(service.url);
    await signIn(visitor, TURSYNOV);
    await visitor.get('/cabinet');
    const copied = /qujat_session=([^;]+)/.exec(visitor.cookieHeader)?.[1] as string;
    const out = await visitor.post('/signout', {});
    expect(out.location).toBe('/');
    expect((await visitor.get('/cabinet')).status).toBe(303);
    // A copy of the cookie taken before sign-out opens nothing either.
    const copy = new Visitor(service.url);
    copy.setCookie('qujat_session', copied);
    const page = await copy.get('/cabinet');
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/signin/);
  });
});
