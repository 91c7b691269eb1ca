/**
 * The АРМ and the cabinet show the regulation an application is under: the act with its date and
 * number, its registration, and that it was repealed — in the page's languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeFile, strings } from '../../helpers/project.js';
import { EMPLOYMENT, PASSWORD, startArmService, type ArmService } from './arm-service.js';
import { textOf, Visitor } from './screen-client.js';

const TURSYNOV = { iin: '990809301249', fullName: 'Тұрсынов Бауыржан Ғаниұлы' };
const regulations = { kk: new Map(strings(localeFile('kk', 'regulations'))), ru: new Map(strings(localeFile('ru', 'regulations'))) };
const LANGUAGES = ['kk', 'ru'] as const;

let arm: ArmService;

beforeAll(async () => {
  arm = await startArmService('regulation-line');
  await arm.accounts.add({ username: 'aigerim', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: EMPLOYMENT, displayName: 'Айгерім Сәрсенова' });
});
afterAll(async () => {
  await arm?.stop();
});

/** expectEkibastuzAct: the page names Ekibastuz's act 168/2, its registration and its repeal, in kk and ru. */
function expectEkibastuzAct(html: string) {
  const text = textOf(html);
  for (const language of LANGUAGES) {
    const texts = regulations[language];
    for (const field of ['name', 'registered', 'repealed']) expect(text, `${language} ${field}`).toContain(texts.get(`acts.ekibastuz-2013-168-2.${field}`));
    expect(text).toContain(texts.get('status.repealed'));
    expect(text).toContain(texts.get('label'));
  }
}

describe('the regulation line', () => {
  it('on the АРМ application page', async () => {
    const submitted = await arm.submitUnemployed('provider');
    const visitor = new Visitor(arm.url);
    await visitor.get('/arm/login');
    expect((await visitor.post('/arm/login', { username: 'aigerim', password: PASSWORD })).status).toBe(303);
    const page = await visitor.get(`/arm/applications/${submitted.number}?lang=kk%2Bru`);
    expect(page.status).toBe(200);
    expectEkibastuzAct(page.html);
  });

  it('on the cabinet’s application page', async () => {
    const submitted = await arm.submitUnemployed('con', TURSYNOV);
    const visitor = new Visitor(arm.url);
    await visitor.get('/signin');
    expect((await visitor.post('/signin', { certificate: TURSYNOV.iin })).status).toBe(303);
    const page = await visitor.get(`/cabinet/applications/${submitted.number}?lang=kk%2Bru`);
    expect(page.status).toBe(200);
    expectEkibastuzAct(page.html);
  });
});
