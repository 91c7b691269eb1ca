/**
 * The preschool queue: a child's position (the parent's view), the provider's journal and the free
 * places per organisation and age group (staff). Setting free places refers the heads of the queue.
 */
import { z } from 'zod';
import { validateInput, type Role } from '../../domain/index.js';
import type { Applications } from '../../usecases/index.js';
import type { Api } from '../api.js';
import { principal } from '../middleware/authenticate.js';
import { ref } from '../schemas.js';
import { EVERYONE } from './applications.js';
import { jsonBody, PAGE_QUERY, pageOf, pathParameter } from './inputs.js';

const STAFF: readonly Role[] = ['PROVIDER_EMPLOYEE', 'PROVIDER_HEAD', 'SYSTEM'];
const PageQuery = z.strictObject(PAGE_QUERY);
const FreePlacesBody = z.strictObject({
  organisationId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  ageYears: z.number().int().min(0).max(7),
  free: z.number().int().min(0).max(10_000),
});
const PROVIDER = { id: 'provider id (samples/providers.json)' };
const PLACES = ref('FreePlaces');

export function queueRoutes(api: Api, deps: { applications: Applications }): void {
  const { applications } = deps;
  api.route(
    {
      method: 'get',
      path: '/v1/applications/{number}/queue-position',
      operationId: 'getQueuePosition',
      tag: 'preschool queue',
      summary: 'Where the child of a preschool application stands in the provider’s journal',
      access: { kind: 'key', roles: EVERYONE },
      params: { number: 'application number' },
      responses: { '200': { description: 'journal number, position, waiting, referral', content: { 'application/json': ref('QueuePosition') } } },
    },
    async (req, res) => {
      res.json(await applications.queuePosition(pathParameter(req, 'number'), principal(res)));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/v1/providers/{id}/queue',
      operationId: 'getQueueJournal',
      tag: 'preschool queue',
      summary: 'The provider’s queue journal, in queue order, paged',
      access: { kind: 'key', roles: STAFF },
      params: PROVIDER,
      query: PageQuery,
      responses: { '200': { description: 'one page of journal entries', content: { 'application/json': ref('JournalPage') } } },
    },
    async (req, res) => {
      const page = pageOf(validateInput(PageQuery, req.query));
      res.json(await applications.journal(pathParameter(req, 'id'), principal(res), page));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/v1/providers/{id}/free-places',
      operationId: 'getFreePlaces',
      tag: 'preschool queue',
      summary: 'Free places per preschool organisation and age group',
      access: { kind: 'key', roles: STAFF },
      params: PROVIDER,
      responses: { '200': { description: 'the free places', content: { 'application/json': PLACES } } },
    },
    async (req, res) => {
      res.json(await applications.freePlaces(pathParameter(req, 'id'), principal(res)));
    },
  );

  api.route(
    {
      method: 'put',
      path: '/v1/providers/{id}/free-places',
      operationId: 'setFreePlaces',
      tag: 'preschool queue',
      summary: 'Set the free places of an organisation and age group; the heads of the queue are referred to them',
      access: { kind: 'key', roles: STAFF },
      params: PROVIDER,
      body: { 'application/json': FreePlacesBody },
      responses: { '200': { description: 'the free places after the referrals', content: { 'application/json': PLACES } } },
    },
    async (req, res) => {
      const id = pathParameter(req, 'id');
      const body = validateInput(FreePlacesBody, jsonBody(req, { optional: false }));
      res.json(await applications.setFreePlaces(id, body, principal(res)));
    },
  );
}
