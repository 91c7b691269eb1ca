/**
 * JSON Schemas of what the application routes answer, for /v1/openapi.json. The use cases' views
 * are TypeScript types (usecases/applications/types.ts); these describe the same shapes.
 */
import type { JsonSchema } from './api.js';

const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };
const time = { type: 'string', format: 'date-time' };
const nullableTime = { type: ['string', 'null'], format: 'date-time' };
const localized = { type: 'object', required: ['kk', 'ru'], properties: { kk: text, ru: text } };

const summary = {
  number: text,
  serviceId: text,
  channel: { enum: ['portal', 'con', 'provider'] },
  providerId: text,
  applicant: { type: 'object', properties: { iin: text, fullName: text } },
  state: text,
  status: text,
  terminal: { type: ['string', 'null'] },
  assignee: nullableText,
  receivedAt: time,
  registeredAt: nullableTime,
  deadline: nullableTime,
  overdue: { type: 'boolean' },
};

const QueuePosition: JsonSchema = {
  type: 'object',
  properties: {
    applicationNumber: text,
    status: { enum: ['QUEUED', 'REFERRED', 'ENROLLED', 'EXPIRED', 'WITHDRAWN'] },
    journal: { type: 'object', properties: { number: { type: 'integer' }, year: { type: 'integer' }, date: text } },
    ageYears: { type: 'integer' },
    position: { type: ['integer', 'null'] },
    waiting: { type: ['integer', 'null'] },
    referral: { type: ['object', 'null'], properties: { organisationId: text, validUntil: text } },
  },
};

/** SCHEMAS: the components the route specs point at with `ref(name)`. */
export const SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  ApplicationSummary: { type: 'object', properties: summary },
  Application: {
    type: 'object',
    properties: {
      ...summary,
      regulation: {
        type: 'object',
        description: 'the regulation the application was taken under and kept (GET /v1/services/{id} gives its act in kk and ru)',
        properties: {
          id: text,
          act: {
            type: 'object',
            properties: {
              id: text,
              adopted: { type: 'object', properties: { date: text, number: text } },
              registered: { type: 'object', properties: { date: text, number: text } },
              repealed: { oneOf: [{ type: 'null' }, { type: 'object', properties: { date: text, number: text } }] },
            },
          },
        },
      },
      language: { enum: ['kk', 'ru'] },
      form: { type: 'object', description: 'the form as submitted (the service’s schema in GET /v1/services)' },
      attachments: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: text, mediaType: text, size: { type: 'integer' }, sha256: text } } },
      history: {
        type: 'array',
        description: 'append-only; each entry starts where the previous one ended',
        items: {
          type: 'object',
          properties: { seq: { type: 'integer' }, at: time, actorId: text, role: text, action: text, from: text, to: text, comment: nullableText, reason: nullableText },
        },
      },
      documents: {
        type: 'array',
        description: 'documents issued by the transitions; GET /v1/documents/{number}.pdf reads one',
        items: { type: 'object', properties: { number: text, kind: text, language: text, outcome: text, issuedAt: time } },
      },
      actions: {
        type: 'array',
        description: 'what the calling key may do now',
        items: { type: 'object', properties: { action: text, to: text, requires: { type: 'array', items: text }, reasons: { type: 'array', items: text }, notify: { type: 'boolean' } } },
      },
      queue: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/QueuePosition' }] },
      questionnaireAnswered: { type: 'boolean' },
    },
  },
  ApplicationPage: page('#/components/schemas/ApplicationSummary'),
  Notification: { type: 'object', properties: { id: { type: 'integer' }, at: time, applicationNumber: text, kind: { enum: ['status', 'extension', 'deadline'] }, text: localized } },
  NotificationPage: page('#/components/schemas/Notification'),
  QueuePosition,
  JournalPage: { ...page('#/components/schemas/QueuePosition'), description: 'journal entries: the queue position with the child’s IIN, birth date and preferred organisations' },
  FreePlaces: { type: 'array', items: { type: 'object', properties: { providerId: text, organisationId: text, ageYears: { type: 'integer' }, free: { type: 'integer' } } } },
  QualityReport: {
    type: 'object',
    properties: {
      from: text,
      to: text,
      rows: {
        type: 'array',
        items: { type: 'object', properties: { serviceId: text, question: { enum: ['quality', 'accessibility'] }, total: { type: 'integer' }, answers: { type: 'object' } } },
      },
    },
  },
};

function page(items: string): JsonSchema {
  return { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: items } }, nextCursor: nullableText } };
}

/** ref points at one of SCHEMAS. */
export function ref(name: keyof typeof SCHEMAS & string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}
