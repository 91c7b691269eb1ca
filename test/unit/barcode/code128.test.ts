import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { code128Svg, qrSvg } from '../../../src/barcode/index.js';

const run = promisify(execFile);

describe('code128Svg', () => {
  it('draws the number sized in mm with its quiet zones', () => {
    const svg = code128Svg('261234567890');
    // Code set C: start + 6 digit pairs + check + stop = 101 modules, plus 2 × 10 quiet modules.
    expect(svg).toContain('viewBox="0 0 121 ');
    expect(svg).toMatch(/^<svg width="39\.93mm" height="10\.\d\dmm"/);
    expect(svg).toContain('aria-label="Code 128 261234567890"');
  });

  it('refuses text a desk scanner could not type back', () => {
    expect(() => code128Svg('Құжат')).toThrow(TypeError);
    expect(() => code128Svg('')).toThrow(TypeError);
  });

  it('is read back by zbarimg, as is the verification QR', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qujat-c128-'));
    try {
      // zbarimg cannot read SVG; rsvg would be another dependency, so draw the bars into a PGM.
      const svg = code128Svg('261234567890');
      const bars = [...svg.matchAll(/M([\d.]+) [\d.]+L[\d.]+ [\d.]+/g)].map((m) => Number(m[1]));
      const widths = [...svg.matchAll(/stroke-width="(\d+)" d="([^"]+)"/g)].flatMap((m) =>
        [...m[2]!.matchAll(/M([\d.]+) /g)].map((x) => [Number(x[1]), Number(m[1])] as const),
      );
      expect(widths.length).toBe(bars.length);
      const scale = 3;
      const width = 121 * scale;
      const height = 60;
      const pixels = Buffer.alloc(width * height, 255);
      for (const [centre, w] of widths) {
        for (let x = Math.round((centre - w / 2) * scale); x < Math.round((centre + w / 2) * scale); x++) {
          for (let y = 0; y < height; y++) pixels[y * width + x] = 0;
        }
      }
      const file = path.join(dir, 'c128.pgm');
      await writeFile(file, Buffer.concat([Buffer.from(`P5 ${width} ${height} 255\n`), pixels]));
      const { stdout } = await run('zbarimg', ['--raw', '-q', file]);
      expect(stdout.trim()).toBe('261234567890');
      expect(qrSvg('https://qujat.example.kz/verify/261234567890?t=x')).toMatch(/^<svg[^>]+width="2\d(\.\d+)?mm"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
