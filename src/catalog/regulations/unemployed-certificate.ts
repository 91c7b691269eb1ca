/**
 * The regulations of «Выдача справок безработным гражданам» / «Жұмыссыз азаматтарға анықтама беру»:
 * the 2012–13 e-service acts (000 Pavlodar, 001 Ekibastuz, 002 Urdzhar, 004 Mamlyut, all under
 * Standard № 394) and the 2014 Aktobe state-service act (003, service 19, Standard № 217).
 *
 * How a table maps onto the workflow's states: SUBMITTED is the intake step; REGISTERED the
 * registration and routing steps up to «принятие в работу»; IN_WORK the decision; RESULT_PREPARED /
 * REFUSAL_PREPARED the forming and signing of the output; RESULT_SIGNED / REFUSAL_SIGNED its issue.
 * Where a table splits a state into several timed steps, the state's norm is their sum along the
 * path without failures; a step given in seconds or as a range counts at its upper bound, rounded up
 * to a whole minute. A state the act times no step of has no norm under it.
 */
import type { Regulation, RegulationStep } from '../../domain/index.js';
import { AKTOBE_2014, EKIBASTUZ_2013, MAMLYUT_2012, PAVLODAR_2013, URDZHAR_2012 } from './acts.js';

/** The refusal grounds every e-service act names: EDS not confirmed, no data in ГБД ФЛ, violations in the documents. */
const E_SERVICE_REASONS = ['EDS_NOT_CONFIRMED', 'PERSON_NOT_FOUND', 'DOCUMENTS_NONCONFORMING'] as const;

/** signedAndIssued: the same norm for the prepared and the signed state of both outcomes. */
function outputSteps(prepared: RegulationStep, signed: RegulationStep): Record<string, RegulationStep> {
  return { RESULT_PREPARED: prepared, REFUSAL_PREPARED: prepared, RESULT_SIGNED: signed, REFUSAL_SIGNED: signed };
}

/** Urdzhar (002): the tables of Appendix 2 — МИО table 1 (L304–L553), ЦОН table 2 (L555–L838), ПЭП table 3 (L840–L1157). */
export const UNEMPLOYED_URDZHAR: Regulation = {
  id: 'unemployed-certificate/urdzhar-2012',
  act: URDZHAR_2012,
  source: { seed: '002', lines: [42, 1199] },
  channels: ['portal', 'con', 'provider'],
  channelsSource: { seed: '002', lines: [47, 53] },
  steps: {
    // ПЭП step 1 ≤ 1 мин; ЦОН step 1 ≤ 10 мин; МИО step 1 ≤ 5 мин.
    SUBMITTED: { deadline: { portal: { minutes: 1 }, con: { minutes: 10 }, provider: { minutes: 5 } }, source: { seed: '002', lines: [379, 961] } },
    // ПЭП step 5 «Принятие в работу» ≤ 10 мин (L973); ЦОН step 5 ≤ 10 мин (L638); МИО steps 2–4, ≤ 1 мин each (L379).
    REGISTERED: { deadline: { portal: { minutes: 10 }, con: { minutes: 10 }, provider: { minutes: 3 } }, source: { seed: '002', lines: [379, 973] } },
    IN_WORK: {
      deadline: {
        portal: { minutes: 10 }, // ПЭП step 6 ≤ 10 мин (L1037–L1038)
        // ЦОН step 6 «Три рабочих дня (день приема и день выдачи документов не входят в срок…)» (L715–L722)
        con: { workingDays: 3, countReceiptDay: false, countIssueDay: false },
        provider: { minutes: 4 }, // МИО step 5 ≤ 4 мин (L447)
      },
      source: { seed: '002', lines: [447, 1038] },
    },
    // Signing: МИО step 10, ПЭП step 12, ≤ 1 мин. Issue: ПЭП step 14 ≤ 1 мин, ЦОН step 15 ≤ 10 мин (L835), МИО step 9 ≤ 1 мин.
    ...outputSteps(
      { deadline: { minutes: 1 }, source: { seed: '002', lines: [540, 1142] } },
      { deadline: { portal: { minutes: 1 }, con: { minutes: 10 }, provider: { minutes: 1 } }, source: { seed: '002', lines: [540, 1142] } },
    ),
  },
  reasons: E_SERVICE_REASONS,
  reasonsSource: { seed: '002', lines: [132, 221] },
};

/**
 * Pavlodar (000), Appendix 1 tables: ПЭП (L374–L428), provider (L495–L541), ЦОН (L602–L680). The
 * tables end with the result (action 8, ЦОН action 9): forming, signing and issuing it are not timed.
 */
export const UNEMPLOYED_PAVLODAR: Regulation = {
  id: 'unemployed-certificate/pavlodar-2013',
  act: PAVLODAR_2013,
  source: { seed: '000', lines: [39, 763] },
  channels: ['portal', 'con', 'provider'],
  channelsSource: { seed: '000', lines: [45, 51] },
  steps: {
    // ПЭП action 1 «30 секунд – 1 минута»; provider actions 1–2, 10–15 s + 10 s; ЦОН action 1, 30 s – 1 min.
    SUBMITTED: { deadline: { portal: { minutes: 1 }, con: { minutes: 1 }, provider: { minutes: 1 } }, source: { seed: '000', lines: [374, 602] } },
    // ПЭП actions 2, 3, 5, 6 (30 s + 1.5 + 1 + 1 min); provider 3, 5, 6 (1.5 min + 15 s + 1.5 min); ЦОН 2, 3, 5, 6, 7 (30 s + 1.5 + 1 + 1 + 1 min).
    REGISTERED: { deadline: { portal: { minutes: 4 }, con: { minutes: 5 }, provider: { minutes: 4 } }, source: { seed: '000', lines: [374, 673] } },
    // ПЭП action 8 «4 минуты» (L428); provider action 8 «4 минуты» (L541); ЦОН action 9 «2 рабочих дня» (L673–L680).
    IN_WORK: {
      deadline: { portal: { minutes: 4 }, con: { workingDays: 2, countReceiptDay: false }, provider: { minutes: 4 } },
      source: { seed: '000', lines: [428, 680] },
    },
  },
  reasons: E_SERVICE_REASONS,
  reasonsSource: { seed: '000', lines: [142, 191] },
};

/**
 * Ekibastuz (001), the Kazakh sister act of 000 with its own norms: ЭҮП (L633–L690), қызмет беруші
 * (L355–L406), ХҚКО (L481–L550). As in 000, the tables end with the result.
 */
export const UNEMPLOYED_EKIBASTUZ: Regulation = {
  id: 'unemployed-certificate/ekibastuz-2013',
  act: EKIBASTUZ_2013,
  source: { seed: '001', lines: [45, 783] },
  channels: ['portal', 'con', 'provider'],
  channelsSource: { seed: '001', lines: [50, 56] },
  steps: {
    // ЭҮП action 1 «30 секунд – 1 минут» (L633); provider actions 1–2 «10 – 15 секунд», «10 секунд» (L355); ХҚКО action 1 (L481).
    SUBMITTED: { deadline: { portal: { minutes: 1 }, con: { minutes: 1 }, provider: { minutes: 1 } }, source: { seed: '001', lines: [355, 633] } },
    // ЭҮП actions 2, 3, 5, 6; provider 3, 5, 6; ХҚКО 2, 3, 5, 6, 7 — the same steps and norms as 000.
    REGISTERED: { deadline: { portal: { minutes: 4 }, con: { minutes: 5 }, provider: { minutes: 4 } }, source: { seed: '001', lines: [355, 690] } },
    // ЭҮП action 8 «10 минут» (L690); provider action 8 «10 минут» (L406); ХҚКО action 9 «3 жұмыс күн» (L542–L550).
    IN_WORK: {
      deadline: { portal: { minutes: 10 }, con: { workingDays: 3, countReceiptDay: false }, provider: { minutes: 10 } },
      source: { seed: '001', lines: [406, 690] },
    },
  },
  reasons: E_SERVICE_REASONS,
  reasonsSource: { seed: '001', lines: [138, 216] },
};

/** Mamlyut (004), Appendix 1: МИО table 1 (L210–L233), ЦОН table 2 (L237–L261), ПЭП table 3 (L265–L295). */
export const UNEMPLOYED_MAMLYUT: Regulation = {
  id: 'unemployed-certificate/mamlyut-2012',
  act: MAMLYUT_2012,
  source: { seed: '004', lines: [45, 525] },
  channels: ['portal', 'con', 'provider'],
  channelsSource: { seed: '004', lines: [51, 51] },
  steps: {
    // МИО step 1 «Не более 10 минут» (L218); ЦОН step 1 «30 минут» (L245); ПЭП step 1 ≤ 1 мин (L274).
    SUBMITTED: { deadline: { portal: { minutes: 1 }, con: { minutes: 30 }, provider: { minutes: 10 } }, source: { seed: '004', lines: [218, 274] } },
    // МИО steps 2–4 ≤ 1 мин each (L218); ЦОН steps 2–5 «30 минут» each (L245); ПЭП step 5 ≤ 10 мин (L274).
    REGISTERED: { deadline: { portal: { minutes: 10 }, con: { minutes: 120 }, provider: { minutes: 3 } }, source: { seed: '004', lines: [218, 274] } },
    IN_WORK: {
      deadline: {
        portal: { minutes: 10 }, // ПЭП step 6 ≤ 10 мин (L285)
        // ЦОН step 6 «Три рабочих дня (день приема и день выдачи документов не входят в срок…)» (L252)
        con: { workingDays: 3, countReceiptDay: false, countIssueDay: false },
        provider: { minutes: 10 }, // МИО step 5 ≤ 10 мин (L225)
      },
      source: { seed: '004', lines: [225, 285] },
    },
    // Forming and signing ≤ 1 мин (МИО L233, ЦОН L261, ПЭП L295); issue ≤ 1 мин, at the ЦОН ≤ 10 мин (step 15, L261).
    ...outputSteps(
      { deadline: { minutes: 1 }, source: { seed: '004', lines: [233, 295] } },
      { deadline: { portal: { minutes: 1 }, con: { minutes: 10 }, provider: { minutes: 1 } }, source: { seed: '004', lines: [233, 295] } },
    ),
  },
  reasons: E_SERVICE_REASONS,
  reasonsSource: { seed: '004', lines: [109, 161] },
};

/**
 * Aktobe (003, service 19), Standard № 217: the desk's five steps канцелярия → руководство →
 * исполнитель → руководство → канцелярия (L3616–L3643), the ЦОН route (L3658–L3714). The portal
 * route (L3715–L3759) gives no durations, so the portal has no norms.
 */
export const UNEMPLOYED_AKTOBE: Regulation = {
  id: 'unemployed-certificate/aktobe-2014',
  act: AKTOBE_2014,
  source: { seed: '003', lines: [3564, 3838] },
  channels: ['portal', 'con', 'provider'],
  channelsSource: { seed: '003', lines: [3582, 3590] },
  steps: {
    // Desk step 1, канцелярия, «10 (десять) минут»; ЦОН: queue 2 + login 1 + form 2 + ГБД ФЛ/ЕНИС 2 + check 1 min (L3658–L3701).
    SUBMITTED: { deadline: { con: { minutes: 8 }, provider: { minutes: 10 } }, source: { seed: '003', lines: [3616, 3701] } },
    // Desk step 2, руководство's resolution, «5 (пять) минут»; ЦОН процесс 5 (to АИС «Рынок труда») 2 + registration there 2 min (L3702–L3714).
    REGISTERED: { deadline: { con: { minutes: 4 }, provider: { minutes: 5 } }, source: { seed: '003', lines: [3616, 3714] } },
    // Desk step 3, исполнитель, «10 (десять) минут»; ЦОН условие 2, the provider's check, 2 min.
    IN_WORK: { deadline: { con: { minutes: 2 }, provider: { minutes: 10 } }, source: { seed: '003', lines: [3616, 3714] } },
    // Desk step 4, руководство signs, «5 (пять) минут»; step 5, канцелярия issues, «10 (десять) минут»; ЦОН процесс 8, issue by the operator, 2 min.
    ...outputSteps(
      { deadline: { provider: { minutes: 5 } }, source: { seed: '003', lines: [3630, 3643] } },
      { deadline: { con: { minutes: 2 }, provider: { minutes: 10 } }, source: { seed: '003', lines: [3630, 3714] } },
    ),
  },
  reasons: E_SERVICE_REASONS,
  reasonsSource: { seed: '003', lines: [3658, 3759] },
};

export const UNEMPLOYED_CERTIFICATE_REGULATIONS: readonly Regulation[] = [
  UNEMPLOYED_URDZHAR,
  UNEMPLOYED_PAVLODAR,
  UNEMPLOYED_EKIBASTUZ,
  UNEMPLOYED_MAMLYUT,
  UNEMPLOYED_AKTOBE,
];
