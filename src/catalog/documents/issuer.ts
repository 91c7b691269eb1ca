import { z } from 'zod';
import { binSchema, localizedTextSchema } from '../../domain/index.js';

/** issuerSchema: the body that issues a document (a department of an akimat), named in both languages. */
export const issuerSchema = z.strictObject({
  name: localizedTextSchema(),
  bin: binSchema,
});
