/** GET /v1/applicants/{iin}/notifications: the kk/ru notifications of one applicant, newest first, paged. */
import { z } from 'zod';
import { defineError, validateInput } from '../../domain/index.js';
import type { Applications } from '../../usecases/index.js';
import type { Api } from '../api.js';
import { principal } from '../middleware/authenticate.js';
import { ref } from '../schemas.js';
import { EVERYONE } from './applications.js';
import { iinParameter, PAGE_QUERY, pageOf } from './inputs.js';

const PageQuery = z.strictObject(PAGE_QUERY);

/**
 * ApplicantNotFoundError: an applicant's key asked for another IIN. The answer is the one for an
 * IIN nobody applied with, so that a key cannot learn who has applications.
 */
export const ApplicantNotFoundError = defineError<{ iin: string }>('APPLICANT_NOT_FOUND', 'not_found');

export function notificationsRoutes(api: Api, deps: { applications: Applications }): void {
  api.route(
    {
      method: 'get',
      path: '/v1/applicants/{iin}/notifications',
      operationId: 'listNotifications',
      tag: 'applications',
      summary: 'Notifications of an applicant in kk and ru (an applicant’s key sees only its own IIN)',
      access: { kind: 'key', roles: EVERYONE },
      params: { iin: 'the applicant’s IIN' },
      query: PageQuery,
      responses: { '200': { description: 'one page', content: { 'application/json': ref('NotificationPage') } } },
    },
    async (req, res) => {
      const iin = iinParameter(req);
      const page = pageOf(validateInput(PageQuery, req.query));
      const who = principal(res);
      if (who.role === 'APPLICANT' && who.iin !== iin) throw new ApplicantNotFoundError({ iin });
      res.json(await deps.applications.notifications(iin, who, page));
    },
  );
}
