/** PDFs read back with poppler's own tools, never with our code: what a reader of the file would see. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function withFile<T>(bytes: Uint8Array, read: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-pdf-'));
  const file = path.join(dir, 'document.pdf');
  try {
    fs.writeFileSync(file, bytes);
    return read(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** normalise folds every run of whitespace (line breaks included) into one space. */
export function normalise(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** pdfText is pdftotext's reading-order text with whitespace normalised. */
export function pdfText(bytes: Uint8Array): string {
  return withFile(bytes, (file) => normalise(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })));
}

/** pdfPageText is the normalised text of one page (numbered from 1). */
export function pdfPageText(bytes: Uint8Array, page: number): string {
  return withFile(bytes, (file) =>
    normalise(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })),
  );
}

/** PdfFont is one row of pdffonts. */
export interface PdfFont {
  readonly name: string;
  /** family is the name without the subset tag and style: `LiberationSerif-Bold` → `LiberationSerif`. */
  readonly baseName: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

/** pdfFonts parses pdffonts' table (its columns are fixed-width, the names have no spaces). */
export function pdfFonts(bytes: Uint8Array): PdfFont[] {
  const out = withFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  const lines = out.split('\n');
  const header = lines[0] ?? '';
  const emb = header.indexOf('emb');
  return lines
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const name = line.slice(0, line.indexOf(' '));
      const [embedded, subset, unicode] = line.slice(emb).trim().split(/\s+/);
      return {
        name,
        baseName: name.replace(/^[A-Z]{6}\+/, ''),
        type: line.slice(name.length, emb).trim(),
        embedded: embedded === 'yes',
        subset: subset === 'yes',
        unicode: unicode === 'yes',
      };
    });
}

/** pdfPages is the page count pdfinfo reports. */
export function pdfPages(bytes: Uint8Array): number {
  const out = withFile(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const match = /^Pages:\s+(\d+)$/m.exec(out);
  if (!match) throw new Error(`pdfinfo printed no page count:\n${out}`);
  return Number(match[1]);
}

/** isPdf checks the file signature. */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}
