/**
 * The regulations of «Оформление документов для материального обеспечения детей-инвалидов,
 * обучающихся и воспитывающихся на дому»: the e-service acts 000 Pavlodar, 001 Ekibastuz, 002
 * Urdzhar (Standard № 394) and Aktobe 2014 (003, service 3, Standard № 217). States map onto the
 * tables as for the unemployed certificate (see unemployed-certificate.ts).
 */
import type { Regulation, RegulationStep } from '../../domain/index.js';
import { AKTOBE_2014, EKIBASTUZ_2013, PAVLODAR_2013, URDZHAR_2012 } from './acts.js';

const E_SERVICE_REASONS = ['EDS_NOT_CONFIRMED', 'PERSON_NOT_FOUND', 'DOCUMENTS_NONCONFORMING'] as const;

function outputSteps(prepared: RegulationStep, signed: RegulationStep): Record<string, RegulationStep> {
  return { RESULT_PREPARED: prepared, REFUSAL_PREPARED: prepared, RESULT_SIGNED: signed, REFUSAL_SIGNED: signed };
}

/** Urdzhar (002): МИО table 1 (L1421–L1588), ПЭП table 2 (L1592–L1838). No ЦОН (L1212–L1214). */
export const DISABLED_URDZHAR: Regulation = {
  id: 'disabled-children-home-education/urdzhar-2012',
  act: URDZHAR_2012,
  source: { seed: '002', lines: [1200, 1880] },
  channels: ['portal', 'provider'],
  channelsSource: { seed: '002', lines: [1212, 1214] },
  steps: {
    // ПЭП step 1 ≤ 1 мин (L1681); МИО step 1 ≤ 15 мин (L1479).
    SUBMITTED: { deadline: { portal: { minutes: 1 }, provider: { minutes: 15 } }, source: { seed: '002', lines: [1479, 1681] } },
    // ПЭП step 4 «Принятие в работу» ≤ 15 мин (L1685); МИО steps 2–3 ≤ 1 мин each (L1479).
    REGISTERED: { deadline: { portal: { minutes: 15 }, provider: { minutes: 2 } }, source: { seed: '002', lines: [1479, 1685] } },
    // «В течение 10 рабочих дней»: МИО step 4 (L1534), ПЭП step 5 (L1745–L1746).
    IN_WORK: { deadline: { workingDays: 10, countReceiptDay: false }, source: { seed: '002', lines: [1534, 1746] } },
    // Signing МИО step 8 / ПЭП step 10 ≤ 1 мин; issue ПЭП step 12 ≤ 1 мин, МИО step 7 «Не более 1 минуты в случае отправки на электронную почту» (L1582–L1586).
    ...outputSteps(
      { deadline: { minutes: 1 }, source: { seed: '002', lines: [1581, 1826] } },
      { deadline: { minutes: 1 }, source: { seed: '002', lines: [1582, 1826] } },
    ),
  },
  reasons: E_SERVICE_REASONS,
  reasonsSource: { seed: '002', lines: [1288, 1351] },
};

/** Pavlodar (000): ПЭП table (L1072–L1130), provider table (L1200–L1243); no ЦОН (L776–L782). */
export const DISABLED_PAVLODAR: Regulation = {
  id: 'disabled-children-home-education/pavlodar-2013',
  act: PAVLODAR_2013,
  source: { seed: '000', lines: [764, 1336] },
  channels: ['portal', 'provider'],
  channelsSource: { seed: '000', lines: [776, 782] },
  steps: {
    // ПЭП action 1 «30 секунд – 1 минута»; provider actions 1–2, 10–15 s + 10 s.
    SUBMITTED: { deadline: { portal: { minutes: 1 }, provider: { minutes: 1 } }, source: { seed: '000', lines: [1072, 1200] } },
    // ПЭП actions 2, 3, 5, 6 (30 s + 1.5 + 1 + 1 min); provider 3, 5, 6 (1.5 min + 15 s + 1.5 min).
    REGISTERED: { deadline: { portal: { minutes: 4 }, provider: { minutes: 4 } }, source: { seed: '000', lines: [1072, 1243] } },
    // Action 8 «10 минут» on both channels (L1130, L1243) — minutes as the Russian act writes it; 001 says 10 working days.
    IN_WORK: { deadline: { minutes: 10 }, source: { seed: '000', lines: [1130, 1243] } },
  },
  reasons: E_SERVICE_REASONS,
  reasonsSource: { seed: '000', lines: [886, 929] },
};

/** Ekibastuz (001): ЭҮП table (L1052–L1124), қызмет беруші table (L1198–L1252). */
export const DISABLED_EKIBASTUZ: Regulation = {
  id: 'disabled-children-home-education/ekibastuz-2013',
  act: EKIBASTUZ_2013,
  source: { seed: '001', lines: [784, 1320] },
  channels: ['portal', 'provider'],
  channelsSource: { seed: '001', lines: [799, 801] },
  steps: {
    SUBMITTED: { deadline: { portal: { minutes: 1 }, provider: { minutes: 1 } }, source: { seed: '001', lines: [1052, 1198] } },
    // ЭҮП actions 2, 3, 5, 6 as in 000; provider 3, 5, 6: 1,5 минут + 15 s + «30 секунд-1 минут» (L1252).
    REGISTERED: { deadline: { portal: { minutes: 4 }, provider: { minutes: 3 } }, source: { seed: '001', lines: [1052, 1252] } },
    // Action 8 «10 жұмыс күн» on both channels (L1124 «жүмыс» sic, L1252).
    IN_WORK: { deadline: { workingDays: 10, countReceiptDay: false }, source: { seed: '001', lines: [1124, 1252] } },
  },
  reasons: E_SERVICE_REASONS,
  reasonsSource: { seed: '001', lines: [885, 933] },
};

/**
 * Aktobe (003, service 3): the desk's five steps (L468–L495). The act also names a ЦОН route
 * (L510–L568), which this service's workflow has no channel for, and the portal only «в части
 * предоставлении информации» (L429–L439): under this act the service is taken at the desk only.
 */
export const DISABLED_AKTOBE: Regulation = {
  id: 'disabled-children-home-education/aktobe-2014',
  act: AKTOBE_2014,
  source: { seed: '003', lines: [410, 691] },
  channels: ['provider'],
  channelsSource: { seed: '003', lines: [429, 439] },
  steps: {
    SUBMITTED: { deadline: { provider: { minutes: 20 } }, source: { seed: '003', lines: [470, 473] } }, // канцелярия, 20 min
    REGISTERED: { deadline: { provider: { minutes: 10 } }, source: { seed: '003', lines: [474, 478] } }, // руководство's resolution, 10 min
    IN_WORK: { deadline: { provider: { workingDays: 10, countReceiptDay: false } }, source: { seed: '003', lines: [479, 483] } }, // исполнитель, 10 wd
    ...outputSteps(
      { deadline: { provider: { minutes: 10 } }, source: { seed: '003', lines: [484, 490] } }, // руководство signs, 10 min
      { deadline: { provider: { minutes: 20 } }, source: { seed: '003', lines: [491, 495] } }, // канцелярия registers and issues, 20 min
    ),
  },
  reasons: E_SERVICE_REASONS,
  reasonsSource: { seed: '003', lines: [535, 609] },
};

export const DISABLED_CHILDREN_HOME_EDUCATION_REGULATIONS: readonly Regulation[] = [
  DISABLED_URDZHAR,
  DISABLED_PAVLODAR,
  DISABLED_EKIBASTUZ,
  DISABLED_AKTOBE,
];
