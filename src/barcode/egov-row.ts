/**
 * Reader for the e-gov `BarcodeElement` row (reference §1.1): each QR code holds
 *
 *     <?xml …?><BarcodeElement xmlns="http://barcodes.pdf.shep.nitec.kz/"><creationDate>…</creationDate>
 *     <elementData>Base64 of a slice of a ZIP</elementData><elementNumber>i</elementNumber>
 *     <elementsAmount>n</elementsAmount><FavorID>document number</FavorID></BarcodeElement>
 *
 * and the slices, joined in elementNumber order, form a ZIP with one DEFLATEd entry (`one`).
 * The wrapper is tiny and fixed, so it is read with a strict pattern instead of an XML parser:
 * no DOCTYPE, no entities, no CDATA, no comments, only the five known leaf elements, each once.
 */
import zlib from 'node:zlib';
import { QrInflateLimitError, QrPayloadMalformedError } from './errors.js';
import { inflateRawBounded } from './inflate.js';

/** EGOV_ROW_NAMESPACE identifies an e-gov row part. */
export const EGOV_ROW_NAMESPACE = 'http://barcodes.pdf.shep.nitec.kz/';

/** EgovPart is one parsed BarcodeElement. */
export interface EgovPart {
  readonly number: string;
  readonly index: number;
  readonly count: number;
  readonly data: Uint8Array;
}

const FIELDS = ['creationDate', 'elementData', 'elementNumber', 'elementsAmount', 'FavorID'] as const;
type Field = (typeof FIELDS)[number];

const DECLARATION = /^<\?xml(?:\s+(?:version|encoding|standalone)\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*\?>\s*/;
const ROOT = /^<BarcodeElement\s+xmlns\s*=\s*(?:"http:\/\/barcodes\.pdf\.shep\.nitec\.kz\/"|'http:\/\/barcodes\.pdf\.shep\.nitec\.kz\/')\s*>([\s\S]*)<\/BarcodeElement>\s*$/;
const LEAF = /^\s*<([A-Za-z]+)>([^<&]*)<\/\1>/;

/** isEgovPart tells whether a scanned text claims to be a BarcodeElement. */
export function isEgovPart(text: string): boolean {
  return text.includes('<BarcodeElement');
}

function malformed(reason: string): never {
  throw new QrPayloadMalformedError({ reason });
}

/** parseEgovPart reads one wrapper; anything beyond the fixed shape is malformed. */
export function parseEgovPart(text: string): EgovPart {
  if (/<!/.test(text)) malformed('BarcodeElement contains a DOCTYPE, comment or CDATA');
  const root = ROOT.exec(text.replace(/^\uFEFF/, '').trimStart().replace(DECLARATION, ''));
  if (!root) malformed('not a BarcodeElement wrapper');
  const values = new Map<Field, string>();
  let rest = root[1]!;
  while (rest.trim() !== '') {
    const leaf = LEAF.exec(rest);
    if (!leaf) malformed('BarcodeElement has an unexpected child');
    const name = leaf[1] as Field;
    if (!FIELDS.includes(name) || values.has(name)) malformed(`BarcodeElement has an unexpected or repeated <${leaf[1]}>`);
    values.set(name, leaf[2]!.trim());
    rest = rest.slice(leaf[0].length);
  }
  const number = values.get('FavorID') ?? '';
  const index = values.get('elementNumber') ?? '';
  const count = values.get('elementsAmount') ?? '';
  const data = (values.get('elementData') ?? '').replace(/\s+/g, '');
  if (!/^[0-9A-Za-z._/-]{1,40}$/.test(number)) malformed('FavorID is missing or invalid');
  if (!/^[1-9][0-9]?$/.test(index) || !/^[1-9][0-9]?$/.test(count) || +index > +count) {
    malformed('elementNumber / elementsAmount are missing or out of range');
  }
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(data) || data === '') {
    malformed('elementData is not Base64');
  }
  return { number, index: +index, count: +count, data: Buffer.from(data, 'base64') };
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

/**
 * unzipSingleEntry extracts the one DEFLATEd (or stored) entry of a ZIP. Sizes and CRC come from
 * the central directory, because Java's ZipOutputStream (flag bit 3) leaves them zero in the
 * local header; the inflate is bounded by `limit` whatever the directory claims.
 */
export function unzipSingleEntry(zip: Uint8Array, limit: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u32 = (at: number) => (at + 4 <= zip.length ? view.getUint32(at, true) : malformed('ZIP is truncated'));
  const u16 = (at: number) => (at + 2 <= zip.length ? view.getUint16(at, true) : malformed('ZIP is truncated'));
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL) {
      end = at;
      break;
    }
  }
  if (end < 0 || u32(0) !== LOCAL_HEADER) malformed('not a ZIP archive');
  if (u16(end + 10) !== 1) malformed('the ZIP must hold exactly one entry');
  const central = u32(end + 16);
  if (u32(central) !== CENTRAL_HEADER) malformed('ZIP central directory not found');
  const method = u16(central + 10);
  const crc = u32(central + 16);
  const compressedSize = u32(central + 20);
  const size = u32(central + 24);
  const local = u32(central + 42);
  if (u16(central + 8) & 0x0001) malformed('the ZIP entry is encrypted');
  if (u32(local) !== LOCAL_HEADER) malformed('ZIP local header not found');
  if (size > limit) throw new QrInflateLimitError({ limit });
  const start = local + 30 + u16(local + 26) + u16(local + 28);
  if (start + compressedSize > zip.length) malformed('ZIP entry is truncated');
  const stored = zip.subarray(start, start + compressedSize);
  let content: Uint8Array;
  if (method === 8) content = inflateRawBounded(stored, limit);
  else if (method === 0) content = stored;
  else malformed(`ZIP compression method ${method} is not supported`);
  if (content.length !== size || zlib.crc32(content) !== crc) malformed('ZIP entry fails its size or CRC check');
  return content;
}
