/**
 * GET /v1/openapi.json: OpenAPI 3.1 built from the route table. Schemas come from zod where they
 * exist (JSON Schema 2020-12, which OpenAPI 3.1 uses as is) and are written by hand otherwise.
 */
import { z } from 'zod';
import type { BodySchema, JsonSchema, RouteSpec } from './api.js';
import { SCHEMAS } from './schemas.js';

/** ERROR_SCHEMA: the body of every 4xx and 5xx. */
const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
        message: { type: 'object', required: ['kk', 'ru'], properties: { kk: { type: 'string' }, ru: { type: 'string' } } },
        details: {},
        requestId: { type: 'string' },
      },
    },
  },
};

function jsonSchema(schema: BodySchema, io: 'input' | 'output'): JsonSchema {
  if (schema instanceof z.ZodType) {
    const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
    return rest;
  }
  return schema;
}

function content(bodies: { readonly [mediaType: string]: BodySchema }, io: 'input' | 'output') {
  return Object.fromEntries(Object.entries(bodies).map(([type, schema]) => [type, { schema: jsonSchema(schema, io) }]));
}

/** queryParameters lists the fields of a query schema as `in: query` parameters. */
function queryParameters(query: z.ZodType): JsonSchema[] {
  const schema = jsonSchema(query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: (schema.required ?? []).includes(name),
    schema: property,
  }));
}

function errorResponses(spec: RouteSpec) {
  const ref = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  const statuses: Record<string, string> = { '400': 'invalid input (kk and ru texts)' };
  if (spec.access.kind !== 'public') statuses['401'] = 'no key, or not a valid one';
  if (spec.access.kind === 'key') statuses['403'] = "the key's role may not call this";
  if (spec.params) statuses['404'] = 'not found (or not visible to this key)';
  return Object.fromEntries(Object.entries(statuses).map(([status, description]) => [status, { description, content: ref }]));
}

function operation(spec: RouteSpec) {
  const parameters: JsonSchema[] = [
    ...Object.entries(spec.params ?? {}).map(([name, description]) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } })),
    ...(spec.query ? queryParameters(spec.query) : []),
    ...(spec.idempotent
      ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'a repeat with the same key returns the first result', schema: { type: 'string', maxLength: 200 } }]
      : []),
  ];
  const roles = spec.access.kind === 'key' ? ` Roles: ${spec.access.roles.join(', ')}.` : spec.access.kind === 'admin' ? ' Administrative key.' : '';
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    description: `${spec.summary}.${roles}`,
    ...(spec.access.kind === 'public' ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: spec.optionalBody !== true, content: content(spec.body, 'input') } } : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(spec.responses).map(([status, response]) => [
          status,
          { description: response.description, ...(response.content ? { content: content(response.content, 'output') } : {}) },
        ]),
      ),
      ...errorResponses(spec),
    },
  };
}

/** openApiDocument builds the whole document; the routes never change while the process runs. */
export function openApiDocument(specs: readonly RouteSpec[], info: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) (paths[spec.path] ??= {})[spec.method] = operation(spec);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Qujat API',
      version: info.version,
      description: 'Signed bilingual (kk/ru) documents and the applications of Kazakh e-government services.',
    },
    servers: [{ url: info.serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'an API key, qj_<id>_<secret>; the revocation admin key for /v1/documents/{number}/revoke' },
      },
      schemas: { Error: ERROR_SCHEMA, ...SCHEMAS },
    },
  };
}
