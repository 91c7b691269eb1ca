/**
 * Test helpers that fake a photo of a printed page in plain JS (pngjs, jpeg-js): an affine
 * resample (scale and rotate about the centre, bilinear), additive noise from a seeded generator
 * and a slightly grey paper, so the tests need no ImageMagick.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

/** Gray is a one-channel image. */
export interface Gray {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** readPng converts any PNG (gray or colour) to one gray channel. */
export function readPng(bytes: Uint8Array): Gray {
  const png = PNG.sync.read(Buffer.from(bytes));
  const data = new Uint8Array(png.width * png.height);
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.round(0.299 * png.data[i * 4]! + 0.587 * png.data[i * 4 + 1]! + 0.114 * png.data[i * 4 + 2]!);
  }
  return { width: png.width, height: png.height, data };
}

function rgba(image: Gray): Buffer {
  const out = Buffer.alloc(image.width * image.height * 4);
  for (let i = 0; i < image.data.length; i++) {
    out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = image.data[i]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** writePng and writeJpeg encode a gray image. */
export function writePng(image: Gray): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  rgba(image).copy(png.data);
  return PNG.sync.write(png);
}
export function writeJpeg(image: Gray, quality = 80): Buffer {
  return jpeg.encode({ width: image.width, height: image.height, data: rgba(image) }, quality).data;
}

/** PhotoOptions: what the camera did to the page. */
export interface PhotoOptions {
  readonly scale: number;
  readonly angleDeg: number;
  /** Noise amplitude in grey levels (uniform ±noise). */
  readonly noise: number;
  readonly seed?: number;
}

/** photograph resamples the page as a tilted, scaled, noisy camera picture. */
export function photograph(page: Gray, options: PhotoOptions): Gray {
  const { scale, angleDeg, noise, seed = 12345 } = options;
  const width = Math.round(page.width * scale);
  const height = Math.round(page.height * scale);
  const out = new Uint8Array(width * height);
  const cos = Math.cos((angleDeg * Math.PI) / 180);
  const sin = Math.sin((angleDeg * Math.PI) / 180);
  let x32 = seed >>> 0 || 1;
  const random = () => {
    x32 ^= x32 << 13;
    x32 ^= x32 >>> 17;
    x32 ^= x32 << 5;
    return (x32 >>> 0) / 0x100000000;
  };
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= page.width || y >= page.height ? 255 : page.data[y * page.width + x]!;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      // Inverse map: output pixel → page coordinates (rotate about the centre, then unscale).
      const dx = u - width / 2;
      const dy = v - height / 2;
      const sx = (cos * dx + sin * dy) / scale + page.width / 2;
      const sy = (-sin * dx + cos * dy) / scale + page.height / 2;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const value =
        at(x0, y0) * (1 - fx) * (1 - fy) + at(x0 + 1, y0) * fx * (1 - fy) + at(x0, y0 + 1) * (1 - fx) * fy + at(x0 + 1, y0 + 1) * fx * fy;
      const paper = value * 0.85 + 20;
      out[v * width + u] = Math.max(0, Math.min(255, Math.round(paper + (random() * 2 - 1) * noise)));
    }
  }
  return { width, height, data: out };
}

/** qrSheet draws QR codes side by side at `pixelsPerModule` on white, `margin` pixels around (room to rotate). */
export function qrSheet(texts: readonly string[], pixelsPerModule: number, margin = 0): Gray {
  const symbols = texts.map((text) => QRCode.create(text, { errorCorrectionLevel: 'M' }).modules);
  const cell = Math.max(...symbols.map((s) => s.size + 8)) * pixelsPerModule;
  const width = cell * symbols.length + 2 * margin;
  const height = cell + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  symbols.forEach((symbol, i) => {
    for (let y = 0; y < symbol.size; y++) {
      for (let x = 0; x < symbol.size; x++) {
        if (!symbol.get(y, x)) continue;
        for (let py = 0; py < pixelsPerModule; py++) {
          const row = margin + (4 + y) * pixelsPerModule + py;
          const start = row * width + margin + i * cell + (4 + x) * pixelsPerModule;
          data.fill(0, start, start + pixelsPerModule);
        }
      }
    }
  });
  return { width, height, data };
}
