import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeQrRow,
  encodePrintedQrRow,
  encodeQrRow,
  PRINTED_ROW_MAX_PARTS,
  QrInflateLimitError,
  QrPartDuplicatedError,
  QrPartForeignError,
  QrPartMissingError,
  QrPayloadMalformedError,
  QrRowNotFoundError,
  QrRowTooLargeError,
  type PrintedBarcode,
} from '../../../src/barcode/index.js';
import type { AppError } from '../../../src/domain/index.js';
import { seededBytes, signedXmlOfSize } from './fixtures.js';

const LIMIT = { maxInflatedBytes: 1024 * 1024 };
const NUMBER = '261234567890';

/** The QR version of a printed code: the grid is the symbol plus a 4-module quiet zone each side. */
function codeVersion(code: PrintedBarcode): number {
  return (code.columns - 8 - 17) / 4;
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
}

describe('QR row round trip', () => {
  for (const size of [2 * 1024, 8 * 1024, 30 * 1024]) {
    it(`carries a ${size / 1024} KB signed XML in codes of version ≤ 25`, () => {
      const xml = signedXmlOfSize(size);
      const row = encodeQrRow(xml, { number: NUMBER });
      expect(row.parts.length).toBe(row.codes.length);
      for (const code of row.codes) {
        expect(codeVersion(code)).toBe(row.version);
        expect(codeVersion(code)).toBeLessThanOrEqual(25);
        expect(code.rows).toBe(code.columns);
        // 0.35 mm per module, quiet zone included.
        expect(code.widthMm).toBeCloseTo(code.columns * 0.35, 2);
      }
      for (const [i, part] of row.parts.entries()) {
        expect(part.startsWith(`QJ1:${NUMBER}:${i + 1}/${row.parts.length}:`)).toBe(true);
        // The whole part stays in the QR alphanumeric set.
        expect(part).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
      }
      // Any order, with an unrelated code (the verification link) among them.
      const scanned = ['https://qujat.example/verify/261234567890?t=abc', ...row.parts.slice().reverse()];
      const back = decodeQrRow(scanned, LIMIT);
      expect(back.number).toBe(NUMBER);
      expect(back.format).toBe('qujat');
      expect(Buffer.from(back.xml).equals(Buffer.from(xml))).toBe(true);
    });
  }

  it('keeps every code within a lower maxVersion and the chosen error correction', () => {
    const xml = signedXmlOfSize(8 * 1024);
    const row = encodeQrRow(xml, { number: NUMBER, maxVersion: 15, errorCorrection: 'Q' });
    expect(row.version).toBeLessThanOrEqual(15);
    expect(row.codes.every((code) => codeVersion(code) <= 15)).toBe(true);
    expect(Buffer.from(decodeQrRow(row.parts, LIMIT).xml).equals(Buffer.from(xml))).toBe(true);
  });

  it('carries a number outside the alphanumeric set (header in byte mode) and refuses one it cannot carry', () => {
    const xml = signedXmlOfSize(8 * 1024);
    const row = encodeQrRow(xml, { number: 'kz-2026_000123' });
    expect(row.version).toBeLessThanOrEqual(25);
    expect(decodeQrRow(row.parts, LIMIT).number).toBe('kz-2026_000123');
    expect(() => encodeQrRow(xml, { number: 'a:b' })).toThrow(TypeError);
    expect(() => encodeQrRow(xml, { number: NUMBER, maxVersion: 26 })).toThrow(TypeError);
  });

  it('refuses a document that would need more than 99 codes', () => {
    expect(codeOf(() => encodeQrRow(seededBytes(150_000, 5), { number: NUMBER }))).toBe(QrRowTooLargeError.code);
  });

  it('accepts a string and tolerates the same part scanned twice', () => {
    const xml = Buffer.from(signedXmlOfSize(8 * 1024)).toString('utf8');
    const row = encodeQrRow(xml, { number: NUMBER });
    const back = decodeQrRow([...row.parts, row.parts[0]!], LIMIT);
    expect(Buffer.from(back.xml).toString('utf8')).toBe(xml);
  });
});

describe('QR row rejects', () => {
  const row = encodeQrRow(signedXmlOfSize(8 * 1024), { number: NUMBER });
  const other = encodeQrRow(signedXmlOfSize(8 * 1024, 99), { number: NUMBER });

  it('a missing part, naming it', () => {
    expect(row.parts.length).toBeGreaterThanOrEqual(3);
    try {
      decodeQrRow([row.parts[0]!, row.parts[2]!], LIMIT);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QrPartMissingError);
      expect((error as InstanceType<typeof QrPartMissingError>).params.missing).toContain('2');
    }
  });

  it('a conflicting duplicate part', () => {
    const head = `QJ1:${NUMBER}:2/${row.parts.length}:`;
    const data = row.parts[1]!.slice(head.length);
    const forged = `${head}${data.startsWith('A') ? 'B' : 'A'}${data.slice(1)}`;
    expect(forged).not.toBe(row.parts[1]);
    expect(codeOf(() => decodeQrRow([...row.parts, forged], LIMIT))).toBe(QrPartDuplicatedError.code);
  });

  it('a part of another document: other number, other part count, other issue', () => {
    const renumbered = row.parts[1]!.replace(`QJ1:${NUMBER}:`, 'QJ1:261234567891:');
    expect(codeOf(() => decodeQrRow([row.parts[0]!, renumbered, ...row.parts.slice(2)], LIMIT))).toBe(QrPartForeignError.code);
    const recounted = row.parts[1]!.replace(/:2\/\d+:/, `:2/${row.parts.length + 1}:`);
    expect(codeOf(() => decodeQrRow([row.parts[0]!, recounted, ...row.parts.slice(2)], LIMIT))).toBe(QrPartForeignError.code);
    // Same number and count, but a different issue (say, the superseded version): the digest differs.
    expect(other.parts.length).toBe(row.parts.length);
    expect(codeOf(() => decodeQrRow([row.parts[0]!, other.parts[1]!, ...row.parts.slice(2)], LIMIT))).toBe(QrPartForeignError.code);
  });

  it('a malformed part, a bad digest and an unknown format version', () => {
    expect(codeOf(() => decodeQrRow(['QJ1:261234567890:1/1:abc:000000000000'], LIMIT))).toBe(QrPayloadMalformedError.code);
    expect(codeOf(() => decodeQrRow(['QJ1:261234567890:3/2:AAA:000000000000'], LIMIT))).toBe(QrPayloadMalformedError.code);
    expect(codeOf(() => decodeQrRow(['QJ2:261234567890:1/1:AAA:000000000000'], LIMIT))).toBe(QrPayloadMalformedError.code);
    const single = encodeQrRow('<a/>', { number: NUMBER }).parts[0]!;
    expect(codeOf(() => decodeQrRow([single.slice(0, -12) + '000000000000'], LIMIT))).toBe(QrPayloadMalformedError.code);
  });

  it('a scan without any row part', () => {
    expect(codeOf(() => decodeQrRow(['https://example.org/', 'hello'], LIMIT))).toBe(QrRowNotFoundError.code);
  });

  it('a deflate bomb, without allocating its output', async () => {
    // 1 GiB of zeros compresses to ~1 MB; we build it in 16 MiB steps so the test itself stays small.
    const deflate = zlib.createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (c: Buffer) => chunks.push(c));
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    for (let i = 0; i < 64; i++) deflate.write(zeros);
    await new Promise<void>((resolve) => deflate.end(resolve));
    const bomb = Buffer.concat(chunks);
    expect(bomb.length).toBeLessThan(1_100_000);
    const { base45Encode } = await import('../../../src/barcode/base45.js');
    const { rowDigest } = await import('../../../src/barcode/qr-row.js');
    const digest = rowDigest(bomb);
    const slice = Math.ceil(bomb.length / 99);
    const parts = Array.from({ length: 99 }, (_, i) => `QJ1:${NUMBER}:${i + 1}/99:${base45Encode(bomb.subarray(i * slice, (i + 1) * slice))}:${digest}`);
    // Parts this long exceed any QR code, so the decoder refuses them before inflating…
    expect(codeOf(() => decodeQrRow(parts, LIMIT))).toBe(QrPayloadMalformedError.code);
    // …and a bomb small enough to be scanned (64 MiB of zeros in ~64 KB) hits the inflate cap.
    const small = zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const n = Math.ceil(small.length / 5000);
    const piece = Math.ceil(small.length / n);
    const smallParts = Array.from({ length: n }, (_, i) => `QJ1:${NUMBER}:${i + 1}/${n}:${base45Encode(small.subarray(i * piece, (i + 1) * piece))}:${rowDigest(small)}`);
    const before = process.memoryUsage().rss;
    expect(codeOf(() => decodeQrRow(smallParts, LIMIT))).toBe(QrInflateLimitError.code);
    expect(process.memoryUsage().rss - before).toBeLessThan(32 * 1024 * 1024);
  });
});

describe('encodePrintedQrRow', () => {
  it('keeps error correction M while four codes hold the XML, then falls back to L, then refuses', () => {
    const small = signedXmlOfSize(4_000);
    expect(encodePrintedQrRow(small, NUMBER).parts).toEqual(encodeQrRow(small, { number: NUMBER, errorCorrection: 'M' }).parts);
    const sizes = Array.from({ length: 40 }, (_, i) => 6_000 + i * 500);
    const between = sizes.map((size) => signedXmlOfSize(size)).find(
      (xml) =>
        encodeQrRow(xml, { number: NUMBER, errorCorrection: 'M' }).parts.length > PRINTED_ROW_MAX_PARTS &&
        encodeQrRow(xml, { number: NUMBER, errorCorrection: 'L' }).parts.length <= PRINTED_ROW_MAX_PARTS,
    );
    expect(between).toBeDefined();
    const printed = encodePrintedQrRow(between as Uint8Array | string, NUMBER);
    expect(printed.parts).toEqual(encodeQrRow(between as Uint8Array | string, { number: NUMBER, errorCorrection: 'L' }).parts);
    expect(() => encodePrintedQrRow(signedXmlOfSize(60_000), NUMBER)).toThrow(QrRowTooLargeError);
  });
});
