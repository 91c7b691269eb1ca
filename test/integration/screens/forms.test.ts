/**
 * The portal's screen forms over real HTTP: drawn from each service's form definition in kk, ru
 * and both, validated by the API's own validateForm, with each message (validation.json) next to
 * its input, an error summary linking to the inputs, and the typed values kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../../../src/catalog/index.js';
import type { Language } from '../../../src/domain/index.js';
import { localeFile, strings } from '../../helpers/project.js';
import { startScreenService, textOf, Visitor, type ScreenService } from './screen-client.js';

const text = (language: Language, namespace: string) => new Map(strings(localeFile(language, namespace)));
const validation = { kk: text('kk', 'validation'), ru: text('ru', 'validation') };
const workflow = { kk: text('kk', 'workflow'), ru: text('ru', 'workflow') };
const errors = { kk: text('kk', 'errors'), ru: text('ru', 'errors') };

let service: ScreenService;
beforeAll(async () => {
  service = await startScreenService('screens-forms');
});
afterAll(async () => {
  await service?.stop();
});

async function submit(serviceId: string, lang: string, fields: Record<string, string>) {
  const visitor = new Visitor(service.url);
  await visitor.get(`/apply/${serviceId}?lang=${encodeURIComponent(lang)}`);
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return { visitor, page: await visitor.post(`/apply/${serviceId}`, form) };
}

describe('the service list', () => {
  it('names every portal service in kk and ru, with its form behind a link', async () => {
    const page = await new Visitor(service.url).get('/');
    expect(page.status).toBe(200);
    const services_ = { kk: text('kk', 'services'), ru: text('ru', 'services') };
    for (const definition of services.filter((s) => s.channels.includes('portal'))) {
      expect(page.html).toContain(`href="/apply/${definition.id}"`);
      for (const language of ['kk', 'ru'] as const) expect(textOf(page.html)).toContain(services_[language].get(`${definition.id}.name`));
    }
  });
});

describe('the language switch', () => {
  it('is remembered: a page opened without ?lang= keeps the language chosen before', async () => {
    const visitor = new Visitor(service.url);
    await visitor.get('/?lang=ru');
    const page = await visitor.get('/apply/unemployed-certificate');
    expect(page.html).toContain('<html lang="ru">');
    expect(textOf(page.html)).toContain(workflow.ru.get('fields.iin.label'));
    expect(textOf(page.html)).not.toContain(workflow.kk.get('fields.iin.label'));
    expect(page.html).toMatch(/<a href="\/apply\/unemployed-certificate\?lang(=|&#x3D;)kk" lang="kk">/);
  });
});

describe('each service form', () => {
  for (const definition of services) {
    for (const lang of ['kk', 'ru', 'kk+ru'] as const) {
      it(`${definition.id} is drawn in ${lang} with every label of its layout`, async () => {
        const page = await new Visitor(service.url).get(`/apply/${definition.id}?lang=${encodeURIComponent(lang)}`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
        const body = textOf(page.html);
        for (const hint of definition.form.layout) {
          const key = hint.labelKey.replace(/^workflow:/, '');
          for (const language of ['kk', 'ru'] as const) {
            const label = workflow[language].get(key) as string;
            if (lang === 'kk+ru' || lang === language) expect(body).toContain(label);
            else if (workflow.kk.get(key) !== workflow.ru.get(key)) expect(body).not.toContain(label);
          }
        }
        expect(page.html).toContain('<script src="/assets/form.js" defer></script>');
        expect(page.html).not.toMatch(/<script>/);
      });
    }
  }
});

describe('validation on the screen', () => {
  it('puts the kk message next to each wrong input, links it from the summary and keeps the values', async () => {
    const { page } = await submit('unemployed-certificate', 'kk', { iin: '880424400518', fullName: 'Сәрсенов Нұрлан', 'period.from': '2026-03-01', 'period.to': '2026-01-01', phone: '8701' });
    expect(page.status).toBe(400);
    const body = textOf(page.html);
    expect(body).toContain(validation.kk.get('INVALID_IIN'));
    expect(body).toContain(validation.kk.get('DATE_ORDER'));
    expect(body).toContain(validation.kk.get('INVALID_FORMAT'));
    expect(body).not.toContain(validation.ru.get('INVALID_IIN'));
    expect(page.html).toMatch(/<input id="f-iin"[^>]*aria-describedby="f-iin-hint f-iin-error"[^>]*aria-invalid="true"/);
    const iinError = /<p class="field-error" id="f-iin-error">(.*?)<\/p>/.exec(page.html)?.[1] ?? '';
    expect(textOf(iinError).trim()).toBe(validation.kk.get('INVALID_IIN'));
    expect(page.html).toMatch(/<input id="f-period-to"[^>]*aria-invalid="true"/);
    expect(page.html).not.toMatch(/<input id="f-period-from"[^>]*aria-invalid/);
    const summary = page.html.slice(page.html.indexOf('id="error-summary"'), page.html.indexOf('</div>', page.html.indexOf('id="error-summary"')));
    expect(summary).toContain('href="#f-iin"');
    expect(summary).toContain('href="#f-period-to"');
    expect(summary).toContain('href="#f-phone"');
    expect(page.html).toContain('value="880424400518"');
    expect(page.html).toContain('value="Сәрсенов Нұрлан"');
    expect(page.html).toContain('value="2026-03-01"');
  });

  it('uses the ru texts in Russian, and the same rules as the API (age on the day of application)', async () => {
    const { page } = await submit('preschool-queue', 'ru', {
      iin: '880424400519',
      fullName: 'Сәрсенова Айгүл',
      'child.iin': '150510502011',
      'child.fullName': 'Сәрсенов Алихан',
      'child.birthDate': '2015-05-11',
      language: 'kk',
    });
    expect(page.status).toBe(400);
    const body = textOf(page.html);
    expect(body).toContain(validation.ru.get('IIN_BIRTH_DATE_MISMATCH'));
    expect(body).not.toContain(validation.kk.get('IIN_BIRTH_DATE_MISMATCH'));
    expect(page.html).toMatch(/<input id="f-child-birthDate"[^>]*aria-invalid="true"/);
    expect(page.html).toMatch(/<option value="kk" selected>/);

    const older = await submit('preschool-queue', 'ru', {
      iin: '880424400519',
      fullName: 'Сәрсенова Айгүл',
      'child.iin': '150510502011',
      'child.fullName': 'Сәрсенов Алихан',
      'child.birthDate': '2015-05-10',
      language: 'kk',
    });
    expect(older.page.status).toBe(400);
    expect(textOf(older.page.html)).toContain((validation.ru.get('AGE_OUT_OF_RANGE') as string).replace('{{minimum}}', '0').replace('{{maximum}}', '7'));
  });

  it('names every missing required input, in both languages when both are shown', async () => {
    const { page } = await submit('disabled-children-home-education', 'kk+ru', {});
    expect(page.status).toBe(400);
    for (const id of ['f-iin', 'f-fullName', 'f-child-iin', 'f-child-fullName', 'f-child-birthDate', 'f-conclusion-number', 'f-conclusion-date', 'f-homeEducationPeriod-from', 'f-homeEducationPeriod-to']) {
      expect(page.html).toMatch(new RegExp(`<input id="${id}"[^>]*aria-invalid="true"`));
    }
    expect(textOf(page.html)).toContain(validation.kk.get('REQUIRED'));
    expect(textOf(page.html)).toContain(validation.ru.get('REQUIRED'));
  });

  it('leaves an optional person out when it is empty, and asks for the rest when it is filled in part', async () => {
    const base = { iin: '880424400519', fullName: 'Сәрсенова Айгүл', 'child.iin': '210510502015', 'child.fullName': 'Сәрсенов Алихан', 'child.birthDate': '2021-05-10', language: 'ru' };
    const { visitor, page } = await submit('preschool-queue', 'ru', base);
    expect(page.status).toBe(303);
    const review = await visitor.get(page.location as string);
    expect(review.status).toBe(200);
    const body = textOf(review.html);
    expect(body).toContain('210510502015');
    expect(body).toContain('10 мая 2021 года');
    expect(body).toContain('русский язык');
    expect(body).not.toContain(workflow.ru.get('fields.proxy.label'));

    const partial = await submit('preschool-queue', 'ru', { ...base, 'proxy.iin': '880424400519' });
    expect(partial.page.status).toBe(400);
    expect(partial.page.html).toMatch(/<input id="f-proxy-fullName"[^>]*aria-invalid="true"/);
    expect(partial.page.html).toMatch(/<input id="f-proxy-authority"[^>]*aria-invalid="true"/);
  });

  it('shows the review only for the service the draft belongs to, and fills the form again from it', async () => {
    const { visitor, page } = await submit('unemployed-certificate', 'ru', { iin: '880424400519', fullName: 'Сәрсенов Нұрлан', 'period.from': '2026-01-01', 'period.to': '2026-06-30' });
    expect(page.status).toBe(303);
    const elsewhere = await visitor.get('/apply/preschool-queue/review');
    expect(elsewhere.status).toBe(303);
    expect(elsewhere.location).toBe('/apply/preschool-queue');
    const edit = await visitor.get('/apply/unemployed-certificate');
    expect(edit.html).toContain('value="Сәрсенов Нұрлан"');
    expect((await new Visitor(service.url).get('/apply/unemployed-certificate/review')).status).toBe(303);
  });

  it('answers an unknown service with a 404 page in kk and ru', async () => {
    const page = await new Visitor(service.url).get('/apply/no-such-service');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    for (const language of ['kk', 'ru'] as const) {
      expect(textOf(page.html)).toContain((errors[language].get('NOT_FOUND') as string).replace('{{path}}', '/apply/no-such-service'));
    }
  });
});
