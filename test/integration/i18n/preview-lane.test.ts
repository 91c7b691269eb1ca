/**
 * Anonymous previews print in their own lane: however many arrive, they take one slot of the
 * browser pool and its queue at most, and issuing keeps the rest (real service, real Chromium).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { isPdf } from '../../helpers/poppler.js';
import { sample } from '../../helpers/project.js';
import { listen, startService, systemKey, type HttpHandle } from '../../helpers/service.js';

const PREVIEW = `/i18n/pdf?kind=unemployed-certificate&sample=${encodeURIComponent('unemployed-certificate.kk+ru.json')}&lang=kk`;

let service: Service;
let http: HttpHandle;
let key: string;

beforeAll(async () => {
  service = await startService({ QUJAT_RENDER_CONCURRENCY: '1', QUJAT_RENDER_QUEUE_LIMIT: '3', QUJAT_RETRY_AFTER_SECONDS: '4' });
  http = await listen(service);
  key = await systemKey(service);
});

afterAll(async () => {
  await http?.close();
  await service?.stop();
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('previews saturated', () => {
  it('refuse the previews beyond their lane with 503 and still issue documents', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => undefined as void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    // The one slot of the pool is busy, so every print waits in a queue.
    const busy = service.pool.run(async () => {
      started();
      await held;
    });
    await running;

    const answered: Response[] = [];
    const previews = Array.from({ length: 20 }, () => fetch(`${http.url}${PREVIEW}`).then((response) => (answered.push(response), response)));
    // Whatever the lanes, at most one slot and three places in queues are there to wait in.
    while (answered.length < 16) await tick();
    const refused = answered.filter((r) => r.status === 503);
    expect(refused.length).toBe(answered.length);
    expect(refused[0]!.headers.get('retry-after')).toBe('4');

    let settled = 0;
    const issues = [1, 2].map(() =>
      fetch(`${http.url}/v1/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(sample('kk+ru')),
      }).finally(() => settled++),
    );
    // Both documents are waiting for the pool (or, without a lane, already refused).
    while (service.pool.stats().queued < 3 && settled < 2) await tick();
    release();
    await busy;
    for (const response of await Promise.all(issues)) {
      expect(response.status).toBe(201);
      expect(isPdf(new Uint8Array(await response.arrayBuffer()))).toBe(true);
    }
    const all = await Promise.all(previews);
    const printed = all.filter((r) => r.status === 200);
    expect(printed.length).toBe(3);
    for (const response of all) await response.arrayBuffer();
  });
});
