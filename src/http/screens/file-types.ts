/**
 * What an uploaded file is, judged by its bytes, never by its name or the Content-Type the browser
 * sent: the signature at the start and a light structural check (PDF: header and an end-of-file
 * marker; PNG: the IHDR chunk first and IEND last; JPEG: SOI, a marker after it, EOI at the end).
 */

export const ATTACHMENT_TYPES = ['pdf', 'png', 'jpeg'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const MEDIA_TYPES: Record<AttachmentType, string> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(Math.max(0, from), to)).toString('latin1');

function isPdf(bytes: Uint8Array): boolean {
  // Readers accept a header within the first 1024 bytes, and trailing bytes after %%EOF.
  const head = ascii(bytes, 0, 1024);
  if (!/%PDF-[12]\.\d/.test(head)) return false;
  return ascii(bytes, bytes.length - 1024, bytes.length).includes('%%EOF');
}

function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < 8 + 25 + 12 || !startsWith(bytes, PNG_SIGNATURE)) return false;
  const ihdr = ascii(bytes, 12, 16) === 'IHDR' && bytes[11] === 13;
  return ihdr && ascii(bytes, bytes.length - 8, bytes.length - 4) === 'IEND';
}

function isJpeg(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || !startsWith(bytes, [0xff, 0xd8, 0xff])) return false;
  const marker = bytes[3] ?? 0;
  // The marker after SOI is an APPn, a table (DQT/DHT) or a frame header; 0xFF00 or 0xFFD8 again is not.
  const plausible = (marker >= 0xe0 && marker <= 0xef) || marker === 0xdb || marker === 0xc4 || (marker >= 0xc0 && marker <= 0xcf) || marker === 0xfe;
  let end = bytes.length;
  // Some cameras pad after EOI; look for it in the last bytes.
  while (end > 2 && bytes.length - end < 1024 && !(bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9)) end--;
  return plausible && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

/** detectAttachmentType: pdf, png or jpeg when the bytes are one, otherwise null. */
export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (isPdf(bytes)) return 'pdf';
  if (isPng(bytes)) return 'png';
  if (isJpeg(bytes)) return 'jpeg';
  return null;
}
