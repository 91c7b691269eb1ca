/** readFontCoverage against fontconfig's own reading of the shipped fonts, and on a hand-built format 12 cmap. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidFontError, readFontCoverage } from '../../../src/i18n/index.js';

const fontsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fonts');
const fonts = fs.readdirSync(fontsDir).filter((f) => f.endsWith('.ttf'));
const hasFcQuery = spawnSync('sh', ['-c', 'command -v fc-query'], { stdio: 'ignore' }).status === 0;

function fontconfigCharset(file: string): Set<number> {
  const ranges = execFileSync('fc-query', ['--format', '%{charset}', file], { encoding: 'utf8' }).trim().split(/\s+/);
  const points = new Set<number>();
  for (const range of ranges) {
    const [from, to] = range.split('-').map((hex) => parseInt(hex, 16));
    for (let c = from ?? 0; c <= (to ?? from ?? 0); c++) points.add(c);
  }
  return points;
}

/** A minimal sfnt with one cmap table holding a (3,10) format 12 subtable. */
function format12Font(groups: Array<[start: number, end: number, glyph: number]>): Uint8Array {
  const subtable = Buffer.alloc(16 + groups.length * 12);
  subtable.writeUInt16BE(12, 0);
  subtable.writeUInt32BE(subtable.length, 4);
  subtable.writeUInt32BE(groups.length, 12);
  groups.forEach(([start, end, glyph], i) => {
    subtable.writeUInt32BE(start, 16 + i * 12);
    subtable.writeUInt32BE(end, 20 + i * 12);
    subtable.writeUInt32BE(glyph, 24 + i * 12);
  });
  const cmap = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12]), subtable]);
  const header = Buffer.alloc(12 + 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(1, 4);
  header.write('cmap', 12, 'latin1');
  header.writeUInt32BE(header.length, 20);
  header.writeUInt32BE(cmap.length, 24);
  return Buffer.concat([header, cmap]);
}

describe('readFontCoverage', () => {
  it.runIf(hasFcQuery)('reads exactly the code points fontconfig reads from every shipped font', () => {
    for (const file of fonts) {
      const coverage = readFontCoverage(file, fs.readFileSync(path.join(fontsDir, file)));
      const expected = fontconfigCharset(path.join(fontsDir, file));
      const differing: number[] = [];
      for (let c = 0; c < 0x110000; c++) if (coverage.covers(c) !== expected.has(c)) differing.push(c);
      expect({ file, size: expected.size > 2000, differing }).toEqual({ file, size: true, differing: [] });
    }
  });

  it('finds every Kazakh letter in every shipped font, and not a snowman', () => {
    for (const file of fonts) {
      const coverage = readFontCoverage(file, fs.readFileSync(path.join(fontsDir, file)));
      expect([...'ӘәҒғҚқҢңӨөҰұҮүҺһІі'].filter((ch) => !coverage.covers(ch.codePointAt(0) ?? 0))).toEqual([]);
      expect(coverage.covers(0x2603)).toBe(false);
    }
  });

  it('reads format 12 groups, leaving out a code point mapped to .notdef', () => {
    const coverage = readFontCoverage('synthetic.ttf', format12Font([[0x41, 0x43, 0], [0x1f600, 0x1f601, 10]]));
    expect([0x41, 0x42, 0x43, 0x44, 0x1f600, 0x1f601, 0x1f602].map((c) => coverage.covers(c))).toEqual([false, true, true, false, true, true, false]);
  });

  it('rejects bytes without a cmap', () => {
    expect(() => readFontCoverage('empty.ttf', new Uint8Array(4))).toThrow(InvalidFontError);
    expect(() => readFontCoverage('nocmap.ttf', Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/no cmap table/);
  });
});
