/**
 * Every QR code in a photo or scan of a printed page (PNG or JPEG).
 *
 * zxing-cpp compiled to WebAssembly (npm `zxing-wasm`) finds several symbols per image, at any
 * rotation, and decodes PNG and JPEG itself, so no native image library is needed. By default the
 * package would fetch its .wasm from a CDN; here the binary is read from node_modules and handed
 * over as `wasmBinary`, so decoding never touches the network (a test proves it with fetch
 * disabled). zxing-wasm keeps one module instance per process by design; this file only decides
 * where its binary comes from.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { QrImageUnreadableError } from './errors.js';
import { imageDimensions } from './image-size.js';

/** DecodeImageOptions bounds the memory a hostile upload can cost (RGBA: 4 bytes per pixel). */
export interface DecodeImageOptions {
  /** Largest image accepted, in pixels (default 50 MP: an A4 page at 600 dpi is 35 MP). */
  readonly maxPixels?: number;
}

const READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 255,
  textMode: 'Plain',
};

let ready: Promise<unknown> | undefined;

function loadReader(): Promise<unknown> {
  ready ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const wasm = await readFile(wasmPath);
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    // locateFile too, so that even a refused binary could never send the loader to the CDN.
    return prepareZXingModule({
      overrides: { wasmBinary, locateFile: (file: string) => file },
      fireImmediately: true,
    });
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** decodeQrCodesInImage returns the text of every QR code found, in reading order of the decoder. */
export async function decodeQrCodesInImage(bytes: Uint8Array, options: DecodeImageOptions = {}): Promise<string[]> {
  const { maxPixels = 50_000_000 } = options;
  const size = imageDimensions(bytes);
  if (!size) throw new QrImageUnreadableError({ reason: 'not a PNG or JPEG image' });
  if (size.width * size.height > maxPixels) {
    throw new QrImageUnreadableError({ reason: `image is ${size.width}×${size.height}, larger than ${maxPixels} pixels` });
  }
  await loadReader();
  const results = await readBarcodes(bytes, READER_OPTIONS);
  return results.filter((r) => r.isValid).map((r) => r.text);
}
