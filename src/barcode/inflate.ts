/**
 * Bounded raw inflate. zlib stops as soon as the output would pass maxOutputLength, so a deflate
 * bomb costs at most `limit` bytes of memory, never the size it claims.
 */
import zlib from 'node:zlib';
import { QrInflateLimitError, QrPayloadMalformedError } from './errors.js';

/** inflateRawBounded inflates a raw DEFLATE stream of at most `limit` output bytes. */
export function inflateRawBounded(data: Uint8Array, limit: number): Uint8Array {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new TypeError('inflate limit must be a positive integer');
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: limit });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new QrInflateLimitError({ limit }, { cause });
    }
    throw new QrPayloadMalformedError({ reason: 'deflate stream is corrupt' }, { cause });
  }
}
