/** GET /v1/document-kinds over HTTP: every kind, its kk and ru names, and a JSON Schema a client can validate against. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { samplesOf, startService } from '../documents/harness.js';

interface KindEntry {
  id: string;
  name: { kk: string; ru: string };
  schema: { $schema?: string; type?: string; oneOf?: unknown[]; required?: string[]; properties?: Record<string, unknown> };
}

let service: Service;
let server: Server;
let base: string;
beforeAll(async () => {
  service = await startService();
  server = service.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await service.stop();
});

describe('GET /v1/document-kinds', () => {
  it('lists every kind with its names in kk and ru and its input schema', async () => {
    const response = await fetch(`${base}/v1/document-kinds`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { kinds } = (await response.json()) as { kinds: KindEntry[] };
    expect(kinds.map((k) => k.id)).toEqual([
      'unemployed-certificate',
      'preschool-referral',
      'preschool-queue-notice',
      'disability-support-notification',
      'refusal-letter',
      'application',
      'status-notification',
      'quality-questionnaire',
    ]);
    const byId = new Map(kinds.map((k) => [k.id, k]));
    expect(byId.get('preschool-referral')?.name).toEqual({ kk: 'Жолдама', ru: 'Направление' });
    expect(byId.get('application')?.name).toEqual({ kk: 'Өтініш', ru: 'Заявление' });
    for (const kind of kinds) {
      expect(kind.name.kk, kind.id).toBe(service.translator.t('kk', `documents:${kind.id}.title`));
      expect(kind.name.ru, kind.id).toBe(service.translator.t('ru', `documents:${kind.id}.title`));
      expect(kind.schema.$schema, kind.id).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('describes the inputs: required fields, defaults optional, derived fields absent, the application as one variant per service', async () => {
    const { kinds } = (await (await fetch(`${base}/v1/document-kinds`)).json()) as { kinds: KindEntry[] };
    const byId = new Map(kinds.map((k) => [k.id, k]));
    const notice = byId.get('preschool-queue-notice')?.schema;
    expect(notice?.required).toEqual(expect.arrayContaining(['issuer', 'parent', 'child', 'journal', 'head']));
    expect(notice?.required).not.toContain('portal');
    expect(Object.keys(notice?.properties ?? {})).not.toContain('parentDative');
    const application = byId.get('application')?.schema;
    const variants = (application?.oneOf ?? []) as Array<{ properties: { service: { const: string } } }>;
    expect(variants.map((v) => v.properties.service.const)).toEqual(['unemployed-certificate', 'disabled-children-home-education', 'preschool-queue']);
    // Every sample's top-level fields are properties the schema names.
    for (const sample of samplesOf('refusal-letter')) {
      for (const key of Object.keys(sample.data)) expect(Object.keys(byId.get('refusal-letter')?.schema.properties ?? {})).toContain(key);
    }
  });
});
