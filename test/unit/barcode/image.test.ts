import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeQrCodesInImage, decodeQrRow, encodeQrRow, QrImageUnreadableError } from '../../../src/barcode/index.js';
import type { AppError } from '../../../src/domain/index.js';
import { signedXmlOfSize } from './fixtures.js';
import { photograph, qrSheet, writeJpeg, writePng } from './photo.js';

describe('decodeQrCodesInImage', () => {
  const fetchCalls: unknown[] = [];
  // The wasm must come from node_modules: any fetch (the package's CDN default) fails the test.
  beforeEach(() => {
    vi.stubGlobal('fetch', (...args: unknown[]) => {
      fetchCalls.push(args);
      return Promise.reject(new Error('network is not allowed'));
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const xml = signedXmlOfSize(8 * 1024);
  const row = encodeQrRow(xml, { number: '261234567890' });
  const link = 'https://qujat.example.kz/verify/261234567890?t=AAAAAAAAAAAAAAAAAAAAAAAA';

  it('finds every code of a row and the link in one PNG, without the network', async () => {
    const sheet = qrSheet([...row.parts, link], 4);
    const found = await decodeQrCodesInImage(writePng(sheet));
    expect(found.sort()).toEqual([...row.parts, link].sort());
    expect(fetchCalls).toEqual([]);
  });

  it('finds them in a tilted, scaled, noisy JPEG and the row reassembles exactly', async () => {
    const photo = photograph(qrSheet(row.parts, 5, 200), { scale: 0.8, angleDeg: 4, noise: 40 });
    const found = await decodeQrCodesInImage(writeJpeg(photo, 75));
    expect(found.length).toBe(row.parts.length);
    const back = decodeQrRow(found, { maxInflatedBytes: 1 << 20 });
    expect(Buffer.from(back.xml).equals(Buffer.from(xml))).toBe(true);
    expect(fetchCalls).toEqual([]);
  });

  it('returns nothing for a picture without codes and refuses what is not an image or too large', async () => {
    expect(await decodeQrCodesInImage(writePng({ width: 64, height: 64, data: new Uint8Array(64 * 64).fill(200) }))).toEqual([]);
    const codeOf = (e: unknown) => (e as AppError).code;
    await expect(decodeQrCodesInImage(Buffer.from('%PDF-1.7')).catch(codeOf)).resolves.toBe(QrImageUnreadableError.code);
    const big = writePng({ width: 2000, height: 2000, data: new Uint8Array(4_000_000).fill(255) });
    await expect(decodeQrCodesInImage(big, { maxPixels: 1_000_000 }).catch(codeOf)).resolves.toBe(QrImageUnreadableError.code);
  });
});
