/**
 * Handlebars templates: templates/layouts, partials, documents and screens (markup only) and
 * templates/styles (CSS, included as partials). Every value is escaped: the helpers return
 * SafeStrings only of text they escaped themselves, and templates never use triple braces.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import {
  addDays,
  calendarDateInAlmaty,
  defineError,
  formatOfficialDate,
  languagesOf,
  parseCalendarDate,
  toIsoDate,
  type CalendarDate,
  type DateForm,
  type Language,
  type LocalizedText,
  type OutputLanguage,
} from '../domain/index.js';
import type { TranslationParams, Translator } from '../i18n/index.js';

/** UnknownTemplateError: a document kind names a template that does not exist. */
export const UnknownTemplateError = defineError<{ template: string }>('UNKNOWN_TEMPLATE', 'internal');

/** TemplateView is what every template receives at its root. */
export interface TemplateView {
  readonly lang: OutputLanguage;
  readonly [key: string]: unknown;
}

/** HtmlTemplates renders a named template to a complete HTML document. */
export interface HtmlTemplates {
  render(name: string, view: TemplateView): string;
  has(name: string): boolean;
  names(): readonly string[];
  /** keysUsed lists the literal translation keys each template and partial names (for the i18n check). */
  sources(): ReadonlyMap<string, string>;
}

type HelperOptions = Handlebars.HelperOptions;

const escape = Handlebars.Utils.escapeExpression;
const safe = (html: string) => new Handlebars.SafeString(html);

function rootLang(options: HelperOptions): OutputLanguage {
  const lang = (options.data?.root as TemplateView | undefined)?.lang;
  if (lang !== 'kk' && lang !== 'ru' && lang !== 'kk+ru') throw new TypeError('template view has no lang');
  return lang;
}

function toCalendarDate(value: unknown): CalendarDate | null {
  if (value instanceof Date) return calendarDateInAlmaty(value);
  if (typeof value !== 'string') return null;
  return parseCalendarDate(value) ?? (Number.isNaN(Date.parse(value)) ? null : calendarDateInAlmaty(new Date(value)));
}

function asLanguage(value: unknown): Language {
  if (value !== 'kk' && value !== 'ru') throw new TypeError(`not a language: ${String(value)}`);
  return value;
}

function hashParams(options: HelperOptions): TranslationParams {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(options.hash ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return params;
}

/** bilingual wraps one text per language; CSS stacks them, Kazakh first. */
function perLanguage(lang: OutputLanguage, text: (language: Language) => string): Handlebars.SafeString {
  return safe(
    languagesOf(lang)
      .map((language) => `<span class="tx tx-${language}" lang="${language}">${escape(text(language))}</span>`)
      .join(''),
  );
}

function registerHelpers(hbs: typeof Handlebars, translator: Translator): void {
  // {{t "ns:key" name=value}}: the text in every language of the document.
  hbs.registerHelper('t', function (key: unknown, options: HelperOptions) {
    const params = hashParams(options);
    return perLanguage(rootLang(options), (language) => translator.t(language, String(key), params));
  });
  // {{tl @lang "ns:key"}}: the text in one language (inside {{#langs}}).
  hbs.registerHelper('tl', function (language: unknown, key: unknown, options: HelperOptions) {
    return translator.t(asLanguage(language), String(key), hashParams(options));
  });
  // {{title "ns:key"}}: plain text for <title> and PDF metadata: «kk / ru».
  hbs.registerHelper('title', function (key: unknown, options: HelperOptions) {
    return languagesOf(rootLang(options)).map((language) => translator.t(language, String(key))).join(' / ');
  });
  // {{#langs}}…{{/langs}}: the block once per language, with @lang set.
  hbs.registerHelper('langs', function (this: unknown, options: HelperOptions) {
    return languagesOf(rootLang(options))
      .map((language) => {
        const data = hbs.createFrame(options.data);
        data.lang = language;
        return options.fn(this, { data });
      })
      .join('');
  });
  // {{date @lang value "attributive"}}: an official date in one language; «—» when absent.
  hbs.registerHelper('date', function (language: unknown, value: unknown, ...rest: unknown[]) {
    const form = (typeof rest[0] === 'string' ? rest[0] : 'nominative') as DateForm;
    const date = toCalendarDate(value);
    return date ? formatOfficialDate(date, asLanguage(language), form) : '—';
  });
  // {{range @lang from to}}: a period «from – to» in one language, each end an official date.
  hbs.registerHelper('range', function (language: unknown, from: unknown, to: unknown) {
    const [start, end] = [toCalendarDate(from), toCalendarDate(to)];
    const lang = asLanguage(language);
    return `${start ? formatOfficialDate(start, lang) : '—'} – ${end ? formatOfficialDate(end, lang) : '—'}`;
  });
  // {{dates value}}: an official date in every language of the document.
  hbs.registerHelper('dates', function (value: unknown, options: HelperOptions) {
    const date = toCalendarDate(value);
    return perLanguage(rootLang(options), (language) => (date ? formatOfficialDate(date, language, 'nominative') : '—'));
  });
  // {{loc @lang text}}: a caller-supplied LocalizedText in one language.
  hbs.registerHelper('loc', function (language: unknown, value: unknown) {
    const text = value as LocalizedText | undefined;
    return text?.[asLanguage(language)] ?? '—';
  });
  // {{locs text}}: a caller-supplied LocalizedText in every language of the document.
  hbs.registerHelper('locs', function (value: unknown, options: HelperOptions) {
    const text = value as LocalizedText | undefined;
    return perLanguage(rootLang(options), (language) => text?.[language] ?? '—');
  });
  // (addDays value n): the calendar day n days after a date, as YYYY-MM-DD (validity periods).
  hbs.registerHelper('addDays', function (value: unknown, days: unknown) {
    const date = toCalendarDate(value);
    return date && typeof days === 'number' ? toIsoDate(addDays(date, days)) : '';
  });
  // (concat "a." b): builds a key from a fixed prefix and an enum value the schema has checked.
  hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  // (pick @lang kk=a ru=b): the value given for one language, when a sentence needs a different form per language.
  hbs.registerHelper('pick', (language: unknown, options: HelperOptions) => (options.hash as Record<string, unknown>)[asLanguage(language)]);
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('bilingual', (options: HelperOptions) => rootLang(options) === 'kk+ru');
}

function readTree(dir: string, extension: string): Array<[string, string]> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .sort()
    .map((file) => [file.slice(0, -extension.length).split(path.sep).join('/'), fs.readFileSync(path.join(dir, file), 'utf8')]);
}

/** loadTemplates compiles every template under templatesDir once, at start. */
export function loadTemplates(templatesDir: string, translator: Translator): HtmlTemplates {
  const hbs = Handlebars.create();
  registerHelpers(hbs, translator);
  const sources = new Map<string, string>();
  for (const folder of ['layouts', 'partials']) {
    for (const [name, source] of readTree(path.join(templatesDir, folder), '.hbs')) {
      hbs.registerPartial(`${folder}/${name}`, source);
      sources.set(`${folder}/${name}`, source);
    }
  }
  for (const [name, source] of readTree(path.join(templatesDir, 'styles'), '.css')) {
    hbs.registerPartial(`styles/${name}`, source);
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate<TemplateView>>();
  for (const folder of ['documents', 'screens']) {
    for (const [name, source] of readTree(path.join(templatesDir, folder), '.hbs')) {
      compiled.set(`${folder}/${name}`, hbs.compile<TemplateView>(source, { strict: false, preventIndent: true }));
      sources.set(`${folder}/${name}`, source);
    }
  }
  return {
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new UnknownTemplateError({ template: name });
      return template(view);
    },
    has: (name) => compiled.has(name),
    names: () => [...compiled.keys()],
    sources: () => sources,
  };
}
