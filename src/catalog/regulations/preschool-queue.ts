/**
 * The regulation of «Постановка на очередь детей дошкольного возраста (до 7 лет) для направления
 * в детские дошкольные организации»: only Urdzhar (002) regulates it among the seeds. МИО table 1
 * (L2159–L2360), ЦОН table 2 (L2362–L2657), ПЭП table 3 (L2659–L2984).
 */
import type { Regulation } from '../../domain/index.js';
import { URDZHAR_2012 } from './acts.js';

export const PRESCHOOL_URDZHAR: Regulation = {
  id: 'preschool-queue/urdzhar-2012',
  act: URDZHAR_2012,
  source: { seed: '002', lines: [1881, 3063] },
  channels: ['portal', 'con', 'provider'],
  channelsSource: { seed: '002', lines: [1893, 1896] },
  steps: {
    SUBMITTED: {
      // ПЭП step 1 ≤ 1 мин (L2774); ЦОН step 1 «В течение 3 рабочих дней» (sic, L2446–L2447); МИО step 1 ≤ 5 мин (L2260).
      deadline: { portal: { minutes: 1 }, con: { workingDays: 3, countReceiptDay: false }, provider: { minutes: 5 } },
      source: { seed: '002', lines: [2260, 2774] },
    },
    REGISTERED: {
      // ПЭП step 5 ≤ 10 мин; ЦОН step 5 ≤ 30 мин (L2460); МИО steps 2–4 ≤ 1 мин each.
      deadline: { portal: { minutes: 10 }, con: { minutes: 30 }, provider: { minutes: 3 } },
      source: { seed: '002', lines: [2260, 2774] },
    },
    IN_WORK: {
      // ПЭП step 6 «В течение 3 рабочих дней» (L2865); ЦОН step 6 ≤ 30 мин (L2549); МИО step 5 «В течение 3 рабочих дней» (L2272).
      deadline: { portal: { workingDays: 3, countReceiptDay: false }, con: { minutes: 30 }, provider: { workingDays: 3, countReceiptDay: false } },
      source: { seed: '002', lines: [2272, 2865] },
    },
    // ЦОН step 11 «Создание выходного документа» ≤ 30 мин (L2640–L2641), on every channel as before (audit M13).
    QUEUE_NOTICE_PREPARED: { deadline: { minutes: 30 }, source: { seed: '002', lines: [2640, 2641] } },
    REFERRAL_PREPARED: { deadline: { minutes: 30 }, source: { seed: '002', lines: [2640, 2641] } },
    REFUSAL_PREPARED: { deadline: { minutes: 30 }, source: { seed: '002', lines: [2640, 2641] } },
    // «в течение пяти дней со дня его выдачи» (L3013–L3014); calendar days, the day of issue not counted.
    REFERRAL_ISSUED: { deadline: { calendarDays: 5 }, source: { seed: '002', lines: [3013, 3014] } },
    REFUSAL_SIGNED: {
      // ПЭП step 14 ≤ 1 мин; ЦОН step 15 and МИО step 9 «В течение 3 рабочих дней» (L2328–L2334, L2606–L2657).
      deadline: { portal: { minutes: 1 }, con: { workingDays: 3, countReceiptDay: false }, provider: { workingDays: 3, countReceiptDay: false } },
      source: { seed: '002', lines: [2328, 2657] },
    },
  },
  // The ЦОН also checks ИС ЗАГС (L2373–L2400); the grounds are those of the e-service acts.
  reasons: ['EDS_NOT_CONFIRMED', 'PERSON_NOT_FOUND', 'DOCUMENTS_NONCONFORMING'],
  reasonsSource: { seed: '002', lines: [2179, 2400] },
};

export const PRESCHOOL_QUEUE_REGULATIONS: readonly Regulation[] = [PRESCHOOL_URDZHAR];
