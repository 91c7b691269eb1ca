/**
 * Applications: intake (JSON, or a request signed with the applicant's EDS as XML), the card
 * with history, deadlines, documents and the caller's actions, the worklist, actions and
 * attachments. Per-application visibility is the use cases' decision: a key that may not see an
 * application gets 404, as if it did not exist.
 */
import express, { type Request } from 'express';
import { z } from 'zod';
import { CHANNELS, LANGUAGES, ROLES, instantSchema, validateInput, type AnyServiceDefinition, type Role } from '../../domain/index.js';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type Applications, type WorklistQuery } from '../../usecases/index.js';
import type { Api, RouteSpec } from '../api.js';
import { UnsupportedMediaTypeError } from '../errors.js';
import { principal } from '../middleware/authenticate.js';
import { ref } from '../schemas.js';
import { idempotencyKey, jsonBody, PAGE_QUERY, pathParameter } from './inputs.js';

/** EVERYONE: any valid key; the use cases narrow what each role sees and may do. */
export const EVERYONE: readonly Role[] = ROLES;

const NAME = z.string().trim().min(1).max(200);
/** MAX_ATTACHMENT_BASE64: one attachment's largest size written in base64; the body limit bounds them all. */
const MAX_ATTACHMENT_BASE64 = 4 * Math.ceil(MAX_ATTACHMENT_BYTES / 3);

const AttachmentBody = z.strictObject({
  name: NAME,
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/).max(100),
  content: z.string().max(MAX_ATTACHMENT_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

/** submitBody: the envelope of a JSON application; `form` is checked by the service's own schema. */
function submitBody(services: readonly AnyServiceDefinition[]) {
  const ids = services.map((s) => s.id) as [string, ...string[]];
  return z.strictObject({
    serviceId: z.enum(ids),
    channel: z.enum(CHANNELS),
    providerId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
    language: z.enum(LANGUAGES).default('kk'),
    form: z.unknown(),
    attachments: z.array(AttachmentBody).max(MAX_ATTACHMENTS).optional(),
  });
}

/** submitDocumentation: the same envelope with each service's form, for the OpenAPI document. */
function submitDocumentation(services: readonly AnyServiceDefinition[]) {
  const options = services.map((s) =>
    z.strictObject({
      serviceId: z.literal(s.id),
      channel: z.enum(s.channels as [string, ...string[]]),
      providerId: z.string().optional(),
      language: z.enum(LANGUAGES).optional(),
      form: s.form.schema,
      attachments: z.array(AttachmentBody).max(MAX_ATTACHMENTS).optional(),
    }),
  );
  return z.union(options as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

const ActionBody = z.strictObject({
  reason: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/).optional(),
  comment: z.string().trim().min(1).max(2000).optional(),
  newDeadline: instantSchema.optional(),
  assignee: z.string().trim().min(1).max(100).optional(),
  organisationId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
  /** document: decision facts for the documents the action issues; their kinds' schemas check them. */
  document: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), z.unknown()).optional(),
});

const STATE = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/);

function worklistQuery(services: readonly AnyServiceDefinition[]) {
  const ids = services.map((s) => s.id) as [string, ...string[]];
  return z.strictObject({
    status: STATE.optional(),
    state: STATE.optional(),
    service: z.enum(ids).optional(),
    channel: z.enum(CHANNELS).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    assignee: z.string().min(1).max(100).optional(),
    provider: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
    ...PAGE_QUERY,
  });
}

const SIGNED_XML_TYPES = ['application/xml', 'text/xml', 'application/xades+xml', 'application/xmldsig+xml'];
const VIEW = ref('Application');
const NUMBER = { number: 'application number' };

function worklistOf(query: z.output<ReturnType<typeof worklistQuery>>): WorklistQuery {
  const entries = {
    status: query.status,
    state: query.state,
    serviceId: query.service,
    channel: query.channel,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
    assignee: query.assignee,
    providerId: query.provider,
    cursor: query.cursor,
  };
  return { limit: query.limit, ...Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) } as WorklistQuery;
}

function toBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function isSignedXml(req: Request): boolean {
  return typeof req.is(SIGNED_XML_TYPES) === 'string';
}

export function applicationsRoutes(
  api: Api,
  deps: { applications: Applications; services: readonly AnyServiceDefinition[]; xmlLimit: string },
): void {
  const { applications } = deps;
  const SubmitBody = submitBody(deps.services);
  const Worklist = worklistQuery(deps.services);
  const rawXml = express.raw({ type: SIGNED_XML_TYPES, limit: deps.xmlLimit });

  const submit: RouteSpec = {
    method: 'post',
    path: '/v1/applications',
    operationId: 'submitApplication',
    tag: 'applications',
    summary: 'Submit an application: JSON, or an XML request signed with the applicant’s EDS',
    access: { kind: 'key', roles: EVERYONE },
    idempotent: true,
    body: {
      'application/json': submitDocumentation(deps.services),
      ...Object.fromEntries(SIGNED_XML_TYPES.map((type) => [type, { type: 'string', description: 'the signed request (enveloped XMLDSig)' }])),
    },
    responses: { '201': { description: 'received (or the first result of a repeated Idempotency-Key)', content: { 'application/json': VIEW } } },
  };
  api.route(submit, rawXml, async (req, res) => {
    const options = idempotencyKey(req);
    const who = principal(res);
    let view;
    if (isSignedXml(req)) {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      view = await applications.submitSigned(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), who, options);
    } else {
      if (!req.is('application/json')) throw new UnsupportedMediaTypeError({ contentType: req.get('content-type') ?? '' });
      const body = validateInput(SubmitBody, req.body);
      const { attachments, providerId, ...rest } = body;
      view = await applications.submit(
        {
          ...rest,
          ...(providerId ? { providerId } : {}),
          ...(attachments ? { attachments: attachments.map((a) => ({ name: a.name, mediaType: a.mediaType, bytes: toBytes(a.content) })) } : {}),
        },
        who,
        options,
      );
    }
    res.setHeader('Location', `/v1/applications/${encodeURIComponent(view.number)}`);
    res.status(201).json(view);
  });

  api.route(
    {
      method: 'get',
      path: '/v1/applications',
      operationId: 'listApplications',
      tag: 'applications',
      summary: 'The worklist: filters by status, state, service, channel, overdue, assignee and provider; ordered by deadline; keyset paging',
      access: { kind: 'key', roles: EVERYONE },
      query: Worklist,
      responses: { '200': { description: 'one page; nextCursor is null on the last', content: { 'application/json': ref('ApplicationPage') } } },
    },
    async (req, res) => {
      const query = worklistOf(validateInput(Worklist, req.query));
      res.json(await applications.list(query, principal(res)));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/v1/applications/{number}',
      operationId: 'getApplication',
      tag: 'applications',
      summary: 'One application: history, deadlines, documents and the actions the caller may take',
      access: { kind: 'key', roles: EVERYONE },
      params: NUMBER,
      responses: { '200': { description: 'the application', content: { 'application/json': VIEW } } },
    },
    async (req, res) => {
      res.json(await applications.get(pathParameter(req, 'number'), principal(res)));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/v1/applications/{number}/actions/{action}',
      operationId: 'actOnApplication',
      tag: 'applications',
      summary: 'Take an action (register, take into work, approve, refuse with a reason, sign, issue, extend …)',
      access: { kind: 'key', roles: EVERYONE },
      params: { ...NUMBER, action: 'action name, as GET /v1/services lists it' },
      idempotent: true,
      body: { 'application/json': ActionBody },
      optionalBody: true,
      responses: {
        '200': { description: 'the application after the transition', content: { 'application/json': VIEW } },
        '409': { description: 'the action is not possible in the current state' },
      },
    },
    async (req, res) => {
      const number = pathParameter(req, 'number');
      const action = pathParameter(req, 'action');
      const options = idempotencyKey(req);
      const body = validateInput(ActionBody, jsonBody(req, { optional: true }));
      const request = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      res.json(await applications.act(number, action, request, principal(res), options));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/v1/applications/{number}/attachments/{attachment}',
      operationId: 'getAttachment',
      tag: 'applications',
      summary: 'One attachment of an application, as it was handed in',
      access: { kind: 'key', roles: EVERYONE },
      params: { ...NUMBER, attachment: 'attachment id' },
      responses: { '200': { description: 'the file', content: { 'application/octet-stream': { type: 'string', format: 'binary' } } } },
    },
    async (req, res) => {
      const file = await applications.attachment(pathParameter(req, 'number'), Number(pathParameter(req, 'attachment')), principal(res));
      res
        .type(file.mediaType)
        .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .setHeader('Content-Length', String(file.bytes.byteLength))
        .end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
    },
  );
}
