/** The queue notice's agreement: «поставлен / поставлена» by the child's sex, the parent in the Russian dative or a nominative phrasing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { normalise, pdfText, samplesOf, startService } from './harness.js';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.stop();
});

const base = samplesOf('preschool-queue-notice').find((s) => s.lang === 'ru')?.data as Record<string, unknown>;

async function notice(overrides: { parent: Record<string, unknown>; child: Record<string, unknown> }, lang: 'ru' | 'kk+ru' = 'ru') {
  const document = await service.issueDocument({ kind: 'preschool-queue-notice', lang, data: { ...base, ...overrides } });
  expect(document.pages).toBe(1);
  return pdfText(document.pdf);
}

const MARIA = { iin: '860512401234', fullName: 'Иванова Мария Петровна' };
const PETROV = { iin: '841102304561', fullName: 'Петров Сергей Николаевич' };
const ARTYOM = { fullName: 'Иванов Артём Сергеевич', sex: 'male' };
const ALINA = { fullName: 'Петрова Алина Сергеевна', sex: 'female' };

describe('preschool queue notice', () => {
  it('says «поставлен» for a boy and never «поставлена» or «поставлен (а)»', async () => {
    const text = await notice({ parent: MARIA, child: ARTYOM });
    expect(text).toContain(normalise('Иванов Артём Сергеевич поставлен на очередь'));
    expect(text).not.toContain(normalise('поставлена'));
    expect(text).not.toContain(normalise('(а)'));
  });

  it('says «поставлена» for a girl', async () => {
    const text = await notice({ parent: PETROV, child: ALINA });
    expect(text).toContain(normalise('Петрова Алина Сергеевна поставлена на очередь'));
  });

  it('prints the dative form the caller gives, as given', async () => {
    const text = await notice({ parent: { ...MARIA, fullNameDative: 'Ивановой Марии Петровне' }, child: ARTYOM });
    expect(text).toContain(normalise('Настоящее уведомление выдано Ивановой Марии Петровне в том, что'));
    expect(text).not.toContain(normalise(service.translator.t('ru', 'documents:preschool-queue-notice.recipient')));
  });

  it('declines a regular name itself, the sex read from the IIN', async () => {
    expect(await notice({ parent: PETROV, child: ALINA })).toContain(normalise('выдано Петрову Сергею Николаевичу в том, что'));
    expect(await notice({ parent: MARIA, child: ARTYOM })).toContain(normalise('выдано Ивановой Марии Петровне в том, что'));
  });

  it('lets an explicit sex override the IIN', async () => {
    const text = await notice({ parent: { iin: '841102304561', fullName: 'Смирнова Ольга Сергеевна', sex: 'female' }, child: ARTYOM });
    expect(text).toContain(normalise('выдано Смирновой Ольге Сергеевне в том, что'));
  });

  it.each([
    ['a Kazakh patronymic', { iin: '841102304561', fullName: 'Сәрсенбаев Ерлан Қуанышұлы' }],
    ['an indeclinable surname', { iin: '860512401234', fullName: 'Черных Анна Петровна' }],
    ['a foreign name', { iin: '841102304561', fullName: 'Ким Сон Хи' }],
  ])('names the parent in a «Получатель:» line for %s, never a nominative after «выдано»', async (_case, parent) => {
    const text = await notice({ parent, child: ALINA });
    expect(text).toContain(normalise(`${service.translator.t('ru', 'documents:preschool-queue-notice.recipient')} ${parent.fullName}`));
    expect(text).toContain(normalise('Настоящее уведомление выдано получателю в том, что Петрова Алина Сергеевна поставлена'));
    expect(text).not.toContain(normalise(`выдано ${parent.fullName}`));
  });

  it('keeps the Kazakh text free of Russian case endings: the parent is named in the nominative with «атты»', async () => {
    const text = await notice({ parent: MARIA, child: ARTYOM }, 'kk+ru');
    expect(text).toContain(normalise('Осы хабарлама Иванова Мария Петровна атты ата-анаға'));
    expect(text).toContain(normalise('Иванов Артём Сергеевич атты баланың'));
  });

  it('prints the journal number and date, and the portal (e-gov by default)', async () => {
    const text = await notice({ parent: MARIA, child: ARTYOM }, 'kk+ru');
    expect(text).toContain(normalise('за № 2026/0415 от 20 ноября 2026 года'));
    expect(text).toContain(normalise('2026 жылғы 20 қарашадағы № 2026/0415'));
    expect(text).toContain(normalise('портал «электронного правительства» www.egov.kz'));
    const custom = await service.issueDocument({
      kind: 'preschool-queue-notice',
      lang: 'ru',
      data: { ...base, parent: MARIA, child: ARTYOM, portal: 'www.urjar-bilim.kz' },
    });
    expect(pdfText(custom.pdf)).toContain(normalise('www.urjar-bilim.kz'));
  });
});
