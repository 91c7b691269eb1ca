import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { code128, qrCode, type PrintedBarcode } from '../../../src/barcode/index.js';

const run = promisify(execFile);

/** pgm draws a grid into a greyscale image, `scale` pixels per module across and `height` down for one row. */
function pgm(code: PrintedBarcode, scale: number, rowHeight: number): Buffer {
  const width = code.columns * scale;
  const height = code.rows * rowHeight;
  const pixels = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (code.dark[Math.floor(y / rowHeight) * code.columns + Math.floor(x / scale)]) pixels[y * width + x] = 0;
  }
  return Buffer.concat([Buffer.from(`P5 ${width} ${height} 255\n`), pixels]);
}

async function zbar(image: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qujat-c128-'));
  try {
    const file = path.join(dir, 'code.pgm');
    await writeFile(file, image);
    return (await run('zbarimg', ['--raw', '-q', file])).stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('code128', () => {
  it('lays the number out in one row of modules with its quiet zones, sized in mm', () => {
    const code = code128('261234567890');
    // Code set C: start + 6 digit pairs + check + stop = 101 modules, plus 2 × 10 quiet modules.
    expect(code.columns).toBe(121);
    expect(code.rows).toBe(1);
    expect(code.widthMm).toBe(39.93);
    expect(code.heightMm).toBe(8);
    expect([...code.dark.subarray(0, 10), ...code.dark.subarray(111)].every((module) => module === 0)).toBe(true);
    // Start C is bars and spaces 2 1 1 2 3 2; the stop pattern 2 3 3 1 1 1 2.
    expect([...code.dark.subarray(10, 21)]).toEqual([1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0]);
    expect([...code.dark.subarray(98, 111)]).toEqual([1, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1]);
  });

  it('refuses text a desk scanner could not type back', () => {
    expect(() => code128('Құжат')).toThrow(TypeError);
    expect(() => code128('')).toThrow(TypeError);
  });

  it('is read back by zbarimg, as is the verification QR', async () => {
    expect(await zbar(pgm(code128('261234567890'), 3, 60))).toBe('261234567890');
    const link = 'https://qujat.example.kz/verify/261234567890?t=x';
    const qr = qrCode(link);
    expect(qr.widthMm).toBeGreaterThanOrEqual(20);
    expect(qr.widthMm).toBeLessThan(30);
    expect(await zbar(pgm(qr, 4, 4))).toBe(link);
  });
});
