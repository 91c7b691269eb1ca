/**
 * Which Unicode code points a TrueType/OpenType font maps to a glyph, read from its `cmap` table
 * (formats 4 and 12, the two that every Unicode font carries). About eighty lines of parsing
 * instead of a font library: the check needs nothing else from the font.
 */

/** FontCoverage tells whether a font has a glyph for a code point. */
export interface FontCoverage {
  readonly file: string;
  covers(codePoint: number): boolean;
}

/** InvalidFontError: the bytes are not a font with a Unicode cmap. */
export class InvalidFontError extends Error {
  constructor(file: string, why: string) {
    super(`${file}: ${why}`);
    this.name = 'InvalidFontError';
  }
}

interface Range {
  readonly start: number;
  readonly end: number;
}

function format4(view: DataView, at: number): Set<number> {
  const points = new Set<number>();
  const segCount = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let i = 0; i < segCount; i++) {
    const end = view.getUint16(ends + i * 2);
    const start = view.getUint16(starts + i * 2);
    const delta = view.getInt16(deltas + i * 2);
    const rangeOffsetAt = rangeOffsets + i * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const glyphAt = rangeOffsetAt + rangeOffset + (c - start) * 2;
        const raw = glyphAt + 2 <= view.byteLength ? view.getUint16(glyphAt) : 0;
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
  return points;
}

function format12(view: DataView, at: number): Range[] {
  const groups = view.getUint32(at + 12);
  const ranges: Range[] = [];
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const start = view.getUint32(g);
    const end = view.getUint32(g + 4);
    // A group starting at glyph 0 maps its first code point to .notdef.
    ranges.push({ start: view.getUint32(g + 8) === 0 ? start + 1 : start, end });
  }
  return ranges;
}

/** readFontCoverage parses a font file's cmap; throws InvalidFontError on anything else. */
export function readFontCoverage(file: string, bytes: Uint8Array): FontCoverage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) throw new InvalidFontError(file, 'too short');
  const tables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (String.fromCharCode(...bytes.subarray(record, record + 4)) === 'cmap') cmap = view.getUint32(record + 8);
  }
  if (cmap < 0) throw new InvalidFontError(file, 'no cmap table');
  const subtables = view.getUint16(cmap + 2);
  let best: { format: number; at: number } | null = null;
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const at = cmap + view.getUint32(record + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    const format = view.getUint16(at);
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format === 4)) best = { format, at };
  }
  if (!best) throw new InvalidFontError(file, 'no Unicode cmap subtable of format 4 or 12');
  if (best.format === 4) {
    const points = format4(view, best.at);
    return { file, covers: (c) => points.has(c) };
  }
  const ranges = format12(view, best.at);
  return { file, covers: (c) => ranges.some((r) => c >= r.start && c <= r.end) };
}
