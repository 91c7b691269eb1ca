/** GET /v1/document-kinds: every kind Qujat prints, its names in kk and ru, and its input's JSON Schema. */
import { Router } from 'express';
import { z } from 'zod';
import type { DocumentKind } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';

export function documentKindsRoutes(deps: { kinds: readonly DocumentKind[]; translator: Translator }): Router {
  // The list never changes while the process runs, so it is built once.
  const body = {
    kinds: deps.kinds.map((kind) => ({
      id: kind.id,
      name: { kk: deps.translator.t('kk', kind.titleKey), ru: deps.translator.t('ru', kind.titleKey) },
      // io 'input': the schema a caller sends; defaults are optional and derived fields are absent.
      schema: z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }),
    })),
  };
  const router = Router();
  router.get('/v1/document-kinds', (_req, res) => {
    res.json(body);
  });
  return router;
}
