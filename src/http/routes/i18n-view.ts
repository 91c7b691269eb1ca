/** The /i18n page's pure parts: the key table, the kind and sample choice, and preview HTML highlighting. */
import { LANGUAGES, type Language, type OutputLanguage } from '../../domain/index.js';
import { entriesOf, PREVIEW_MARKS, type CheckReport, type DocumentSample, type Finding, type LocaleResources } from '../../i18n/index.js';

/** KeyRow is one row of the key table. */
export interface KeyRow {
  readonly key: string;
  readonly namespace: string;
  readonly kk: string | null;
  readonly ru: string | null;
  readonly problems: readonly { readonly rule: string; readonly severity: string; readonly message: string }[];
  readonly gap: boolean;
}

/** TableFilter is what the query string asks for. */
export interface TableFilter {
  readonly namespace: string;
  readonly gapsOnly: boolean;
  readonly search: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** keyRows lists every key of both languages (plural forms together under their base key), keys used but absent, and the check's findings for each. */
export function keyRows(locales: LocaleResources, report: CheckReport): KeyRow[] {
  const rows = new Map<string, { key: string; namespace: string; kk: string[]; ru: string[] }>();
  for (const language of LANGUAGES) {
    for (const entry of entriesOf(locales[language])) {
      const row = rows.get(entry.base) ?? { key: entry.base, namespace: entry.namespace, kk: [], ru: [] };
      row[language].push(entry.form ? `_${entry.form}: ${text(entry.value)}` : text(entry.value));
      rows.set(entry.base, row);
    }
  }
  const byKey = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    // Findings on one plural form belong to the row of its base key.
    const key = rows.has(finding.key) ? finding.key : finding.key.replace(/_(zero|one|two|few|many|other)$/, '');
    byKey.set(key, [...(byKey.get(key) ?? []), finding]);
    if (!rows.has(key)) rows.set(key, { key, namespace: key.slice(0, key.indexOf(':')), kk: [], ru: [] });
  }
  return [...rows.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((row) => {
      const problems = (byKey.get(row.key) ?? []).map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.language ? `${f.language}: ${f.message}` : f.message,
      }));
      const [kk, ru] = [row.kk.length > 0 ? row.kk.join('\n') : null, row.ru.length > 0 ? row.ru.join('\n') : null];
      const gap = problems.length > 0 || kk === null || ru === null || kk.trim() === '' || ru.trim() === '' || kk === ru;
      return { key: row.key, namespace: row.namespace, kk, ru, problems, gap };
    });
}

/** filterRows applies the table filter. */
export function filterRows(rows: readonly KeyRow[], filter: TableFilter): KeyRow[] {
  const needle = filter.search.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!filter.namespace || row.namespace === filter.namespace) &&
      (!filter.gapsOnly || row.gap) &&
      (!needle || [row.key, row.kk ?? '', row.ru ?? ''].some((value) => value.toLowerCase().includes(needle))),
  );
}

/** lookup reads `ns:dotted.key` from one language, or null. */
export function lookup(locales: LocaleResources, language: Language, key: string): string | null {
  const [namespace = '', path = ''] = key.split(':');
  let node: unknown = locales[language][namespace];
  for (const part of path.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : null;
}

/** pickSample chooses the requested sample of a kind, or the kind's first. */
export function pickSample(samples: readonly DocumentSample[], kind: string, file: string | undefined): DocumentSample | null {
  const ofKind = samples.filter((s) => s.kind === kind);
  return ofKind.find((s) => s.file === file) ?? ofKind[0] ?? null;
}

/** asOutputLanguage reads the `lang` query parameter. */
export function asOutputLanguage(value: unknown): OutputLanguage | null {
  return value === 'kk' || value === 'ru' || value === 'kk+ru' ? value : null;
}

const MARKS = new RegExp(`[${Object.values(PREVIEW_MARKS).join('')}]`, 'g');
const MISSING = new RegExp(`${PREVIEW_MARKS.missingOpen}([^${Object.values(PREVIEW_MARKS).join('')}]*)${PREVIEW_MARKS.missingClose}`, 'g');
const IDENTICAL = new RegExp(`${PREVIEW_MARKS.identicalOpen}([^${Object.values(PREVIEW_MARKS).join('')}]*)${PREVIEW_MARKS.identicalClose}`, 'g');

const HIGHLIGHT_CSS =
  'mark.i18n-missing{background:#ffd7d7;color:#000;outline:2px solid #b00020;font-family:monospace}' +
  'mark.i18n-identical{background:#fff1a8;color:#000;outline:1px dashed #7a5c00}';

/**
 * highlightPreview turns the marking translator's marks into <mark> elements in text content
 * (the marked text is already escaped by the templates), drops them inside tags and <title>,
 * points font URLs at /i18n/fonts/ and adds the highlight style.
 */
export function highlightPreview(html: string): string {
  let inTitle = false;
  const body = html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<title[\s>]/i.test(part)) inTitle = true;
        if (/^<\/title>/i.test(part)) inTitle = false;
        return part.replace(MARKS, '');
      }
      if (inTitle) return part.replace(MARKS, '');
      return part
        .replace(MISSING, '<mark class="i18n-missing">⟦$1⟧</mark>')
        .replace(IDENTICAL, '<mark class="i18n-identical">$1</mark>')
        .replace(MARKS, '');
    })
    .join('');
  return body.replaceAll('url(/fonts/', 'url(/i18n/fonts/').replace('</head>', `<style>${HIGHLIGHT_CSS}</style></head>`);
}
