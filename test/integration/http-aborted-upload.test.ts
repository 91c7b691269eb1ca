/**
 * A client that aborts its upload midway is the client's doing: the service logs it at info
 * level with its code, not as an internal error (real service, real sockets).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, type Service } from '../../src/compose.js';
import type { Logger } from '../../src/log/index.js';
import { listen, testConfig, type HttpHandle } from '../helpers/service.js';

interface Entry {
  readonly level: string;
  readonly event: string;
  readonly fields: Record<string, unknown>;
}

const entries: Entry[] = [];
const record = (level: string) => (event: string, fields: Record<string, unknown> = {}) => {
  entries.push({ level, event, fields });
};
const logger: Logger = { debug: () => undefined, info: record('info'), warn: record('warn'), error: record('error') };

let service: Service;
let http: HttpHandle;

beforeAll(async () => {
  service = await compose(await testConfig('aborted-upload'), { logger });
  http = await listen(service);
});

afterAll(async () => {
  await http?.close();
  await service?.stop();
});

/** abortUpload sends the head and part of a body that announces more, then resets the connection. */
async function abortUpload(path: string, contentType: string): Promise<Entry> {
  const before = entries.length;
  const { port } = new URL(http.url);
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      const part = Buffer.alloc(64 * 1024, 0x41);
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${contentType}\r\nContent-Length: ${part.length * 16}\r\n\r\n`);
      socket.write(part, () => {
        socket.resetAndDestroy();
        resolve();
      });
    });
    socket.on('error', reject);
  });
  const answered = () => entries.slice(before).find((e) => e.event === 'http.error');
  while (!answered()) await new Promise((resolve) => setImmediate(resolve));
  return answered()!;
}

describe('an upload the client aborts', () => {
  it.each([
    ['/v1/verify', 'application/pdf'],
    ['/v1/documents', 'application/json'],
  ])('to %s (%s) is logged at info as REQUEST_ABORTED', async (path, contentType) => {
    const entry = await abortUpload(path, contentType);
    expect(entry.level).toBe('info');
    expect(entry.fields.code).toBe('REQUEST_ABORTED');
    expect(entries.filter((e) => e.level === 'error')).toEqual([]);
  });
});
