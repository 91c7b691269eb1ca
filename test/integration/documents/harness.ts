/** A composed Qujat for document tests: the real catalog, templates, locales and Chromium; PDFs read back with poppler. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Service } from '../../../src/compose.js';
import { languagesOf, type Language, type OutputLanguage } from '../../../src/domain/index.js';
import { startTestService } from '../../helpers/service.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLES = path.join(ROOT, 'samples/documents');

/** A fixed clock: 22 November 2026, 10:00 in Almaty. */
export const ISSUED_AT = new Date('2026-11-22T05:00:00Z');

export function startService(): Promise<Service> {
  return startTestService('documents', { clock: { now: () => ISSUED_AT } });
}

export interface Sample {
  readonly file: string;
  readonly kind: string;
  readonly lang: OutputLanguage;
  readonly data: Record<string, unknown>;
}

/** samplesOf reads every samples/documents/<kind>.<lang>.json of a kind. */
export function samplesOf(kind: string): Sample[] {
  return fs
    .readdirSync(SAMPLES)
    .filter((file) => file.startsWith(`${kind}.`) && file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')) as Omit<Sample, 'file'>) }));
}

/**
 * pdfText extracts the text of a PDF in content order for comparison with normalise(expected):
 * white space and hyphens go, because pdftotext drops the hyphen of «ребенка-|инвалида» at a
 * line break and splits an unbroken value across lines.
 */
export function pdfText(pdf: Uint8Array): string {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  return normalise(text);
}

export const normalise = (text: string) => text.replace(/[-\s]+/g, '');

/** printed lists the languages an output language prints and those it must not. */
export function printed(lang: OutputLanguage): { yes: readonly Language[]; no: readonly Language[] } {
  const yes = languagesOf(lang);
  return { yes, no: (['kk', 'ru'] as const).filter((l) => !yes.includes(l)) };
}

export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}
export interface Page {
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
}

/** pdfWords reads every word's box per page with `pdftotext -bbox-layout` (points, origin top left). */
export function pdfWords(pdf: Uint8Array): Page[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  const pages: Page[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      (m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? '' }),
    );
    pages.push({ width: Number(size?.[1]), height: Number(size?.[2]), words });
  }
  return pages;
}

export const MM = 72 / 25.4;

/** pdfFonts lists the base names of the fonts a PDF embeds, without the subset prefix. */
export function pdfFonts(pdf: Uint8Array): string[] {
  const table = execFileSync('pdffonts', ['-'], { input: pdf }).toString('utf8');
  return table
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => (line.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, ''));
}
