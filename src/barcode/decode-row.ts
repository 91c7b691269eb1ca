/**
 * Reassembling a scanned row. The scanned texts come in any order and may include codes that are
 * not row parts (the verification-link QR on the same page, a stray code on the desk): those are
 * ignored. Every part must agree on the format, the number, the part count (and for our format,
 * the digest); each part number 1..n must be present; a part scanned twice is fine only when both
 * scans are identical. Inflation is bounded by `maxInflatedBytes`.
 */
import { base45Decode } from './base45.js';
import { isEgovPart, parseEgovPart, unzipSingleEntry } from './egov-row.js';
import {
  QrPartDuplicatedError,
  QrPartForeignError,
  QrPartMissingError,
  QrPayloadMalformedError,
  QrRowNotFoundError,
} from './errors.js';
import { inflateRawBounded } from './inflate.js';
import { rowDigest } from './qr-row.js';

/** QrRowFormat tells which row format a decoded document came in. */
export type QrRowFormat = 'qujat' | 'egov';

/** DecodedQrRow is the reassembled document: its number and the signed XML bytes. */
export interface DecodedQrRow {
  readonly number: string;
  readonly xml: Uint8Array;
  readonly format: QrRowFormat;
}

/** DecodeQrRowOptions bounds the work an untrusted row can cause. */
export interface DecodeQrRowOptions {
  /** Hard cap on the inflated XML size in bytes. */
  readonly maxInflatedBytes: number;
}

interface Part {
  readonly text: string;
  readonly format: QrRowFormat;
  readonly number: string;
  readonly index: number;
  readonly count: number;
  /** Our digest, or '' for e-gov parts, which have none. */
  readonly digest: string;
  readonly data: Uint8Array;
}

/** A scanned text longer than this is no QR code at all (v40 holds at most 4296 characters). */
const MAX_PART_CHARS = 8192;
const OURS = /^QJ([0-9]+):/;
const PART_V1 = /^QJ1:([0-9A-Za-z._/-]{1,40}):([1-9][0-9]?)\/([1-9][0-9]?):([0-9A-Z $%*+\-./:]*):([0-9A-F]{12})$/;

function malformed(reason: string): never {
  throw new QrPayloadMalformedError({ reason });
}

function parseOurs(text: string): Part {
  const version = OURS.exec(text)![1];
  if (version !== '1') malformed(`QR row format version ${version} is not supported`);
  const match = PART_V1.exec(text);
  if (!match) malformed('QR row part does not follow the QJ1 format');
  const [, number, index, count, data, digest] = match as unknown as [string, string, string, string, string, string];
  if (+index > +count) malformed('part number is greater than the part count');
  const bytes = base45Decode(data);
  if (!bytes || bytes.length === 0) malformed('part data is not Base45');
  return { text, format: 'qujat', number, index: +index, count: +count, digest, data: bytes };
}

function parsePart(text: string): Part | null {
  if (OURS.test(text)) return text.length > MAX_PART_CHARS ? malformed('QR row part is too long') : parseOurs(text);
  if (isEgovPart(text)) {
    if (text.length > MAX_PART_CHARS) malformed('QR row part is too long');
    return { text, format: 'egov', digest: '', ...parseEgovPart(text) };
  }
  return null;
}

/** decodeQrRow reassembles and inflates a row, or throws a QR_* error that says what is wrong. */
export function decodeQrRow(payloads: readonly string[], options: DecodeQrRowOptions): DecodedQrRow {
  const parts = payloads.map(parsePart).filter((p): p is Part => p !== null);
  const first = parts[0];
  if (!first) throw new QrRowNotFoundError({ scanned: payloads.length });
  const byIndex = new Map<number, Part>();
  for (const part of parts) {
    const field =
      part.format !== first.format ? 'format'
      : part.number !== first.number ? 'number'
      : part.count !== first.count ? 'count'
      : part.digest !== first.digest ? 'digest'
      : null;
    if (field) throw new QrPartForeignError({ part: part.index, field });
    const seen = byIndex.get(part.index);
    if (seen && seen.text !== part.text) throw new QrPartDuplicatedError({ part: part.index });
    byIndex.set(part.index, part);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new QrPartMissingError({ missing: missing.join(', '), count: first.count });
  const joined = Buffer.concat(Array.from({ length: first.count }, (_, i) => byIndex.get(i + 1)!.data));
  if (first.format === 'egov') {
    return { number: first.number, xml: unzipSingleEntry(joined, options.maxInflatedBytes), format: 'egov' };
  }
  if (rowDigest(joined) !== first.digest) malformed('the reassembled row does not match its digest');
  return { number: first.number, xml: inflateRawBounded(joined, options.maxInflatedBytes), format: 'qujat' };
}
