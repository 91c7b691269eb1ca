/** The refusal letter cites every reason of the catalogue, for every service, in both languages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSAL_REASONS, SERVICE_IDS } from '../../../src/catalog/index.js';
import type { Service } from '../../../src/compose.js';
import { LANGUAGES } from '../../../src/domain/index.js';
import { normalise, pdfText, samplesOf, startService } from './harness.js';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.stop();
});

const base = samplesOf('refusal-letter').find((s) => s.lang === 'kk+ru')?.data as Record<string, unknown>;

describe('refusal letter', () => {
  it.each(REFUSAL_REASONS.map((reason, i) => [reason, SERVICE_IDS[i % SERVICE_IDS.length] ?? 'preschool-queue'] as const))(
    'cites %s in the refusal sentence of both languages (service %s)',
    async (reason, serviceId) => {
      const document = await service.issueDocument({ kind: 'refusal-letter', lang: 'kk+ru', data: { ...base, reason, service: serviceId } });
      expect(document.pages).toBe(1);
      const text = pdfText(document.pdf);
      for (const lang of LANGUAGES) {
        const sentence = service.translator.t(lang, 'documents:refusal-letter.text', {
          service: service.translator.t(lang, `services:${serviceId}.name`),
          reason: service.translator.t(lang, `reasons:${reason}`),
        });
        expect(text).toContain(normalise(sentence));
      }
      expect(text).toContain(normalise('Доводим до Вашего сведения, что Вам отказано в предоставлении государственной услуги «'));
    },
  );

  it('prints the free-text explanation in the printed language only, and omits its line when absent', async () => {
    const ru = pdfText((await service.issueDocument({ kind: 'refusal-letter', lang: 'ru', data: base })).pdf);
    const explanation = base.explanation as { kk: string; ru: string };
    expect(ru).toContain(normalise(explanation.ru));
    expect(ru).not.toContain(normalise(explanation.kk));
    const { explanation: _omitted, ...without } = base;
    const bare = pdfText((await service.issueDocument({ kind: 'refusal-letter', lang: 'ru', data: without })).pdf);
    expect(bare).not.toContain(normalise(service.translator.t('ru', 'documents:refusal-letter.explanation')));
  });
});
