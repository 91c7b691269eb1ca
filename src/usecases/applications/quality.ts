/**
 * The quality questionnaire (the regulations' «анкета для определения показателей … "качество" и
 * "доступность"»): once per finished application, by its applicant; the report gives per service
 * and period the count and share of each answer to each question.
 */
import { InvalidInputError, parseCalendarDate, validateInput } from '../../domain/index.js';
import { z } from 'zod';
import { startOfDayInAlmaty, endOfDayInAlmaty } from '../../workflow/index.js';
import { visible, type ApplicationsDeps, type Lookups } from './context.js';
import { QuestionnaireAnsweredError, QuestionnaireNotAvailableError, ReportNotAllowedError } from './errors.js';
import {
  QUALITY_ANSWERS,
  QUALITY_QUESTIONS,
  type Principal,
  type QualityAnswer,
  type QualityReport,
  type QualityReportQuery,
  type QualityReportRow,
  type QuestionnaireAnswers,
} from './types.js';

const Answers = z.strictObject({ quality: z.enum(QUALITY_ANSWERS), accessibility: z.enum(QUALITY_ANSWERS) });

function day(value: string, path: string) {
  const date = parseCalendarDate(value);
  if (!date) throw new InvalidInputError({ details: [{ path, rule: 'INVALID_DATE', params: {} }] });
  return date;
}

export function createQuality(deps: ApplicationsDeps, lookups: Lookups) {
  return {
    async answer(number: string, answers: QuestionnaireAnswers, principal: Principal): Promise<void> {
      const checked = validateInput(Answers, answers);
      const record = visible(principal, await deps.store.read.find(number), number);
      if (principal.role !== 'APPLICANT' || record.terminal === null) throw new QuestionnaireNotAvailableError({ number });
      const saved = await deps.store.transaction((tx) => tx.answerQuestionnaire(number, record.serviceId, checked, deps.clock.now()));
      if (!saved) throw new QuestionnaireAnsweredError({ number });
    },

    async report(query: QualityReportQuery, principal: Principal): Promise<QualityReport> {
      if (principal.role === 'APPLICANT') throw new ReportNotAllowedError({ role: principal.role });
      if (query.serviceId !== undefined) lookups.definition(query.serviceId);
      const from = startOfDayInAlmaty(day(query.from, 'from'));
      const to = endOfDayInAlmaty(day(query.to, 'to'));
      if (to <= from) throw new InvalidInputError({ details: [{ path: 'to', rule: 'DATE_ORDER', params: {} }] });
      const counts = await deps.store.read.qualityCounts(query.serviceId ?? null, from, to);
      const services = [...new Set(counts.map((c) => c.serviceId))].sort();
      const rows: QualityReportRow[] = services.flatMap((serviceId) =>
        QUALITY_QUESTIONS.map((question) => {
          const of = (answer: QualityAnswer) =>
            counts.find((c) => c.serviceId === serviceId && c.question === question && c.answer === answer)?.count ?? 0;
          const total = QUALITY_ANSWERS.reduce((sum, answer) => sum + of(answer), 0);
          const answers = Object.fromEntries(
            QUALITY_ANSWERS.map((answer) => [answer, { count: of(answer), share: total === 0 ? 0 : Math.round((of(answer) / total) * 10_000) / 10_000 }]),
          ) as QualityReportRow['answers'];
          return { serviceId, question, total, answers };
        }),
      );
      return { from: query.from, to: query.to, rows };
    },
  };
}
