/** The quality questionnaire (two questions, three answers) and the report of its indicators. */
import { z } from 'zod';
import { calendarDateSchema, validateInput, type Role } from '../../domain/index.js';
import { QUALITY_ANSWERS, type Applications } from '../../usecases/index.js';
import type { Api } from '../api.js';
import { principal } from '../middleware/authenticate.js';
import { ref } from '../schemas.js';
import { jsonBody, pathParameter } from './inputs.js';

const ANSWERING: readonly Role[] = ['APPLICANT', 'CON_OPERATOR', 'PROVIDER_EMPLOYEE', 'SYSTEM'];
const REPORTING: readonly Role[] = ['PROVIDER_HEAD', 'SYSTEM'];

const Answers = z.strictObject({ quality: z.enum(QUALITY_ANSWERS), accessibility: z.enum(QUALITY_ANSWERS) });

export function qualityRoutes(api: Api, deps: { applications: Applications; serviceIds: readonly string[] }): void {
  const ReportQuery = z
    .strictObject({ service: z.enum(deps.serviceIds as [string, ...string[]]).optional(), from: calendarDateSchema, to: calendarDateSchema })
    .refine((q) => q.from <= q.to, { params: { rule: 'DATE_ORDER' }, path: ['to'] });

  api.route(
    {
      method: 'post',
      path: '/v1/applications/{number}/questionnaire',
      operationId: 'answerQuestionnaire',
      tag: 'quality',
      summary: 'Answer the quality questionnaire of a completed application (once)',
      access: { kind: 'key', roles: ANSWERING },
      params: { number: 'application number' },
      body: { 'application/json': Answers },
      responses: { '204': { description: 'recorded' } },
    },
    async (req, res) => {
      const number = pathParameter(req, 'number');
      const answers = validateInput(Answers, jsonBody(req, { optional: false }));
      await deps.applications.answerQuestionnaire(number, answers, principal(res));
      res.status(204).end();
    },
  );

  api.route(
    {
      method: 'get',
      path: '/v1/reports/quality',
      operationId: 'qualityReport',
      tag: 'quality',
      summary: 'Quality indicators per service and question over a period (dates inclusive)',
      access: { kind: 'key', roles: REPORTING },
      query: ReportQuery,
      responses: { '200': { description: 'counts and shares of each answer', content: { 'application/json': ref('QualityReport') } } },
    },
    async (req, res) => {
      const query = validateInput(ReportQuery, req.query);
      res.json(await deps.applications.qualityReport({ from: query.from, to: query.to, ...(query.service ? { serviceId: query.service } : {}) }, principal(res)));
    },
  );
}
