/**
 * Every font face of the document style, with every Kazakh letter, comes from the shipped
 * Liberation files. Chromium here sees only DejaVu through fontconfig, so a glyph taken from
 * anywhere but our files shows up in pdffonts as DejaVu (the control case proves it would),
 * and the system's own Liberation fonts cannot stand in for ours unnoticed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfEngine, type PdfEngine } from '../../src/render/index.js';
import { pdfFonts, pdfText } from '../helpers/poppler.js';
import { KAZAKH_LETTERS, ROOT } from '../helpers/project.js';
import { startPool, type TrackedPool } from '../helpers/pool.js';

const SHIPPED = ['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-Italic', 'LiberationSans', 'LiberationSans-Bold'];
const CSS = fs.readFileSync(path.join(ROOT, 'templates', 'styles', 'document.css'), 'utf8');
const LETTERS = KAZAKH_LETTERS.join('');

// One paragraph per @font-face of document.css, each with a marker to find it in the text.
const FACES = [
  { marker: 'serif-regular', style: "font-family: 'Qujat Serif'" },
  { marker: 'serif-bold', style: "font-family: 'Qujat Serif'; font-weight: 700" },
  { marker: 'serif-italic', style: "font-family: 'Qujat Serif'; font-style: italic" },
  { marker: 'sans-regular', style: "font-family: 'Qujat Sans'" },
  { marker: 'sans-bold', style: "font-family: 'Qujat Sans'; font-weight: 700" },
];

function page(body: string): string {
  return `<!doctype html><html lang="kk"><head><meta charset="utf-8"><style>${CSS}</style></head><body>${body}</body></html>`;
}

let tracked: TrackedPool;
let engine: PdfEngine;
let fontconfigDir: string;
const savedFontconfig = process.env.FONTCONFIG_FILE;

beforeAll(() => {
  fontconfigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-fontconfig-'));
  fs.writeFileSync(
    path.join(fontconfigDir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${fontconfigDir}/cache</cachedir></fontconfig>\n`,
  );
  // Chromium inherits the environment of the process that launches it.
  process.env.FONTCONFIG_FILE = path.join(fontconfigDir, 'fonts.conf');
  tracked = startPool({ concurrency: 1 });
  engine = createPdfEngine(tracked.pool);
});

afterAll(async () => {
  await tracked?.pool.close();
  if (savedFontconfig === undefined) delete process.env.FONTCONFIG_FILE;
  else process.env.FONTCONFIG_FILE = savedFontconfig;
  fs.rmSync(fontconfigDir, { recursive: true, force: true });
});

describe('fonts', () => {
  it('draws every Kazakh letter in every face of document.css from the shipped Liberation files', async () => {
    const body = FACES.map(({ marker, style }) => `<p style="${style}">${marker} ${LETTERS} ${LETTERS.toLowerCase()} Ааб</p>`).join('');
    const { bytes } = await engine.print(page(body));
    const fonts = pdfFonts(bytes);
    expect(fonts.map((f) => f.baseName).sort()).toEqual([...SHIPPED].sort());
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.subset, font.name).toBe(true);
      expect(font.unicode, font.name).toBe(true);
    }
    const text = pdfText(bytes);
    for (const { marker } of FACES) expect(text).toContain(`${marker} ${LETTERS} ${LETTERS.toLowerCase()} Ааб`);
  });

  it('would show a fallback font: a face the style does not define comes out as DejaVu (control)', async () => {
    const { bytes } = await engine.print(page(`<p style="font-family: 'Not Shipped'">${LETTERS}</p><p>${LETTERS}</p>`));
    const names = pdfFonts(bytes).map((f) => f.baseName);
    expect(names.some((name) => name.startsWith('DejaVu'))).toBe(true);
    expect(names).toContain('LiberationSerif');
  });
});
