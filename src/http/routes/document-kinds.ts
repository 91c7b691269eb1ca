/** GET /v1/document-kinds: every kind Qujat prints, its names in kk and ru, and its input's JSON Schema. */
import { z } from 'zod';
import type { DocumentKind } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { Api } from '../api.js';

export function documentKindsRoutes(api: Api, deps: { kinds: readonly DocumentKind[]; translator: Translator }): void {
  // The list never changes while the process runs, so it is built once.
  const body = {
    kinds: deps.kinds.map((kind) => ({
      id: kind.id,
      name: { kk: deps.translator.t('kk', kind.titleKey), ru: deps.translator.t('ru', kind.titleKey) },
      // io 'input': the schema a caller sends; defaults are optional and derived fields are absent.
      schema: z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }),
    })),
  };
  api.route(
    {
      method: 'get',
      path: '/v1/document-kinds',
      operationId: 'listDocumentKinds',
      tag: 'documents',
      summary: 'The document kinds, their kk/ru names and the JSON Schema of their data',
      access: { kind: 'public' },
      responses: { '200': { description: 'the kinds', content: { 'application/json': { type: 'object', properties: { kinds: { type: 'array' } } } } } },
    },
    (_req, res) => {
      res.json(body);
    },
  );
}
