/**
 * The registry keeps each document's printed HTML (migration 0004, gzip) with its page count, on
 * both dialects; a document registered without it, as every one issued before 0004, says so.
 */
import { expect, it } from 'vitest';
import { AppError } from '../../../src/domain/index.js';
import { createDocumentRegistry } from '../../../src/registry/index.js';
import { sql } from 'kysely';
import { describeEachDialect } from '../../helpers/databases.js';
import { sampleRecord } from '../../helpers/issued-documents.js';

const HTML = `<!doctype html><html lang="kk"><body>${'<p>Әйгерім Қуанышқызы — Ғалым Өмірұлы; Һ І Ү Ұ Ң</p>'.repeat(400)}</body></html>`;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describeEachDialect('registry: printed HTML', (dialect) => {
  it('is read back as registered, stored compressed, and missing for a document registered without it', async () => {
    const db = await (await dialect.fresh()).open();
    const registry = createDocumentRegistry(db);
    const issuedAt = new Date('2026-11-22T06:30:00Z');
    const withHtml = await registry.next('unemployed-certificate', issuedAt);
    const without = await registry.next('unemployed-certificate', issuedAt);
    await db.transaction((trx) => registry.register(trx, sampleRecord(withHtml, { printed: { html: HTML, pages: 2 } })));
    await db.transaction((trx) => registry.register(trx, sampleRecord(without)));

    expect(await registry.readHtml(withHtml)).toEqual({ html: HTML, pages: 2 });
    const stored = await sql<{ size: number }>`select length(html_gzip) as size from issued_document_html where number = ${withHtml}`.execute(db.kysely);
    expect(Number(stored.rows[0]?.size)).toBeLessThan(Buffer.byteLength(HTML) / 10);

    const missing = await rejection(registry.readHtml(without));
    expect(missing).toMatchObject({ code: 'DOCUMENT_PRINT_COPY_MISSING', kind: 'not_found', params: { number: without } });
    const unknown = await rejection(registry.readHtml('260099999990'));
    expect(unknown).toMatchObject({ code: 'DOCUMENT_NOT_FOUND', kind: 'not_found' });
  });
});
