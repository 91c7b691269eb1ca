/** GET /v1/applicants/{iin}/notifications: the kk/ru notifications of one applicant, newest first, paged. */
import { z } from 'zod';
import { validateInput } from '../../domain/index.js';
import type { Applications } from '../../usecases/index.js';
import type { Api } from '../api.js';
import { principal } from '../middleware/authenticate.js';
import { EVERYONE } from './applications.js';
import { iinParameter, PAGE_QUERY, pageOf } from './inputs.js';

const PageQuery = z.strictObject(PAGE_QUERY);

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
      responses: { '200': { description: 'one page', content: { 'application/json': { type: 'object', properties: { items: { type: 'array' }, nextCursor: { type: ['string', 'null'] } } } } } },
    },
    async (req, res) => {
      const iin = iinParameter(req);
      const page = pageOf(validateInput(PageQuery, req.query));
      res.json(await deps.applications.notifications(iin, principal(res), page));
    },
  );
}
