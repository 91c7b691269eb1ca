import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeQrRow,
  encodeQrRow,
  QrInflateLimitError,
  QrPartForeignError,
  QrPartMissingError,
  QrPayloadMalformedError,
} from '../../../src/barcode/index.js';
import type { AppError } from '../../../src/domain/index.js';
import { egovRow, javaStyleZip, signedXmlOfSize } from './fixtures.js';

const LIMIT = { maxInflatedBytes: 1024 * 1024 };
const FAVOR_ID = '10100464053940';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
}

describe('e-gov BarcodeElement row', () => {
  const xml = signedXmlOfSize(7 * 1024);
  const row = egovRow(javaStyleZip('one', xml), FAVOR_ID);

  it('is decoded from its wrappers in any order', () => {
    expect(row.length).toBeGreaterThanOrEqual(4);
    expect(row[0]).toContain('<BarcodeElement xmlns="http://barcodes.pdf.shep.nitec.kz/">');
    const back = decodeQrRow([row[2]!, row[0]!, ...row.slice(3), row[1]!], LIMIT);
    expect(back).toMatchObject({ number: FAVOR_ID, format: 'egov' });
    expect(Buffer.from(back.xml).equals(Buffer.from(xml))).toBe(true);
  });

  it('reads a ZIP whose sizes are only in the central directory and one stored entry', () => {
    const stored = javaStyleZip('one', xml, 0);
    expect(stored.includes(Buffer.from(xml))).toBe(true);
    expect(Buffer.from(decodeQrRow(egovRow(stored, FAVOR_ID), LIMIT).xml).equals(Buffer.from(xml))).toBe(true);
  });

  it('rejects a missing part, a foreign FavorID and a row mixed with ours', () => {
    expect(codeOf(() => decodeQrRow(row.slice(1), LIMIT))).toBe(QrPartMissingError.code);
    const foreign = row[1]!.replace(FAVOR_ID, '10100464053941');
    expect(codeOf(() => decodeQrRow([row[0]!, foreign, ...row.slice(2)], LIMIT))).toBe(QrPartForeignError.code);
    const ours = encodeQrRow(xml, { number: FAVOR_ID }).parts;
    expect(codeOf(() => decodeQrRow([...row, ...ours], LIMIT))).toBe(QrPartForeignError.code);
  });

  it('rejects DOCTYPE, entities, unknown or repeated elements and bad Base64', () => {
    const first = row[0]!;
    const cases = [
      first.replace('<BarcodeElement', '<!DOCTYPE x [<!ENTITY e "x">]><BarcodeElement'),
      first.replace('<FavorID>', '<FavorID>&e;'),
      first.replace('<FavorID>', '<extra>1</extra><FavorID>'),
      first.replace('</FavorID>', `</FavorID><FavorID>${FAVOR_ID}</FavorID>`),
      first.replace('<elementData>', '<elementData>*'),
      first.replace('<elementNumber>1<', '<elementNumber>0<'),
      first.replace('http://barcodes.pdf.shep.nitec.kz/', 'http://example.org/'),
    ];
    for (const bad of cases) {
      expect(bad).not.toBe(first);
      expect(codeOf(() => decodeQrRow([bad, ...row.slice(1)], LIMIT))).toBe(QrPayloadMalformedError.code);
    }
  });

  it('rejects a ZIP whose content fails its CRC', () => {
    const zip = javaStyleZip('one', xml);
    const crcAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16;
    zip.writeUInt32LE((zip.readUInt32LE(crcAt) ^ 1) >>> 0, crcAt);
    expect(codeOf(() => decodeQrRow(egovRow(zip, FAVOR_ID), LIMIT))).toBe(QrPayloadMalformedError.code);
  });

  it('rejects a ZIP bomb, whether it declares its size or lies about it', () => {
    const zeros = Buffer.alloc(32 * 1024 * 1024);
    const honest = javaStyleZip('one', zeros);
    expect(codeOf(() => decodeQrRow(egovRow(honest, FAVOR_ID), LIMIT))).toBe(QrInflateLimitError.code);
    // The same bomb with the central directory claiming 1000 bytes: the bounded inflate stops it.
    const lying = Buffer.from(honest);
    const sizeAt = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24;
    lying.writeUInt32LE(1000, sizeAt);
    expect(codeOf(() => decodeQrRow(egovRow(lying, FAVOR_ID), LIMIT))).toBe(QrInflateLimitError.code);
    expect(zlib.deflateRawSync(zeros).length).toBeLessThan(64 * 1024);
  });
});
