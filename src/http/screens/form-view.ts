/**
 * What the form templates receive: the model's inputs with the values typed, the message of each
 * input's problem in every language, and the error summary that links to the inputs.
 */
import { LANGUAGES, type InputIssue, type Language, type LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import { fieldFor, type FieldModel, type ItemModel } from './form-model.js';

/** Problem: a message for an input (or for the whole form when `path` names none). */
export interface Problem {
  readonly path: string;
  readonly message: LocalizedText;
}

const both = (text: (language: Language) => string): LocalizedText =>
  Object.fromEntries(LANGUAGES.map((l) => [l, text(l)])) as unknown as LocalizedText;

/** issueProblems: validation issues as messages from validation.json, with their parameters. */
export function issueProblems(translator: Translator, issues: readonly InputIssue[]): Problem[] {
  return issues.map((issue) => ({ path: issue.path, message: both((l) => translator.t(l, `validation:${issue.rule}`, issue.params)) }));
}

/** errorProblem: an error code's text (errors.json) as the problem of one input. */
export function errorProblem(translator: Translator, path: string, code: string, params: Readonly<Record<string, string | number>>): Problem {
  return { path, message: both((l) => translator.t(l, `errors:${code}`, params)) };
}

type Values = Readonly<Record<string, unknown>>;

function valueOf(values: Values, name: string): string {
  const value = values[name];
  const raw = Array.isArray(value) ? value[0] : value;
  return typeof raw === 'string' ? raw : '';
}

function fieldView(field: FieldModel, values: Values, error: LocalizedText | undefined, slot: number | null) {
  const describedBy = [field.hintKey ? `${field.id}-hint` : null, `${field.id}-error`].filter(Boolean).join(' ');
  return { ...field, value: valueOf(values, field.name), error: error ?? null, describedBy, slot };
}

/** formView lays the model out with values and problems; the summary lists problems in form order. */
export function formView(model: readonly ItemModel[], values: Values, problems: readonly Problem[]) {
  const byField = new Map<string, LocalizedText>();
  const loose: Problem[] = [];
  for (const problem of problems) {
    const field = fieldFor(model, problem.path);
    if (field && !byField.has(field.name)) byField.set(field.name, problem.message);
    else if (!field) loose.push(problem);
  }
  const items = model.map((item) => {
    const list = item.group && !item.files && item.fields.every((f, i) => f.name === `${item.field}.${i}`);
    return {
      ...item,
      id: `g-${item.field}`,
      fields: item.fields.map((field, i) => fieldView(field, values, byField.get(field.name), list ? i + 1 : null)),
    };
  });
  const summary = [
    ...items.flatMap((item) =>
      item.fields.filter((field) => field.error).map((field) => ({ href: `#${field.id}`, labelKey: field.labelKey, groupKey: item.group ? item.labelKey : null, message: field.error })),
    ),
    ...loose.map((problem) => ({ href: '#form', labelKey: null, groupKey: null, message: problem.message })),
  ];
  return { items, errors: summary };
}

/** reviewView: the filled inputs in form order, as the citizen will sign them. */
export function reviewView(model: readonly ItemModel[], values: Values) {
  return model
    .filter((item) => !item.files)
    .flatMap((item) => {
      const list = item.group && item.fields.every((f, i) => f.name === `${item.field}.${i}`);
      return item.fields.map((field, i) => {
        const value = valueOf(values, field.name).trim();
        const option = field.options?.find((o) => o.value === value);
        return {
          groupKey: item.group && !list ? item.labelKey : null,
          labelKey: field.labelKey,
          slot: list ? i + 1 : null,
          value,
          optionKey: option?.labelKey ?? null,
          date: field.widget === 'date',
        };
      });
    })
    .filter((entry) => entry.value !== '');
}
