/**
 * The screen form of a service, drawn from its form definition: the layout gives the order, the
 * widget, the label and the hint of each top-level field; the zod schema gives what is required,
 * the nested fields of a person or an object, the options of an enum and the longest value. The
 * same model reads a submitted form back into the input the schema validates.
 */
import type { z } from 'zod';
import { calendarDateSchema, iinSchema, periodSchema, type FieldHint, type ServiceForm } from '../../domain/index.js';

/** InputWidget: how one input is drawn. */
export type InputWidget = 'iin' | 'text' | 'date' | 'select' | 'textarea' | 'phone' | 'email' | 'file';

export interface FieldModel {
  /** name: the dotted path of the value in the form data (`child.iin`, `preferredOrganisations.0`). */
  readonly name: string;
  readonly id: string;
  readonly widget: InputWidget;
  readonly labelKey: string;
  readonly hintKey?: string;
  readonly required: boolean;
  readonly maxLength?: number;
  /** options: the values of an enum, each with its label key. */
  readonly options?: readonly { readonly value: string; readonly labelKey: string }[];
  /** kind: for a file input, the attachment kind its files are filed under. */
  readonly kind?: string;
}

/** ItemModel: one entry of the layout, a single input or a group of them (a fieldset). */
export interface ItemModel {
  readonly field: string;
  readonly labelKey: string;
  readonly hintKey?: string;
  readonly required: boolean;
  readonly group: boolean;
  readonly files: boolean;
  readonly fields: readonly FieldModel[];
}

type Schema = z.core.$ZodType;
interface Def {
  readonly type: string;
  readonly innerType?: Schema;
  readonly shape?: Record<string, Schema>;
  readonly element?: Schema;
  readonly entries?: Record<string, string>;
  readonly checks?: ReadonlyArray<{ readonly _zod: { readonly def: { readonly check: string; readonly maximum?: number } } }>;
}

const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;

/** unwrap strips optional and default, and says whether the value may be left out. */
function unwrap(schema: Schema): { schema: Schema; required: boolean } {
  let current = schema;
  let required = true;
  for (let def = defOf(current); (def.type === 'optional' || def.type === 'default') && def.innerType; def = defOf(current)) {
    required = false;
    current = def.innerType;
  }
  return { schema: current, required };
}

function maximum(schema: Schema): number | undefined {
  return defOf(schema).checks?.find((check) => check._zod.def.check === 'max_length')?._zod.def.maximum;
}

const idOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** Keys of the nested fields' labels: one list for every service (`workflow:subfields.<key>`). */
const subfieldLabel = (key: string) => `workflow:subfields.${key}`;
const optionLabel = (field: string, value: string) => `workflow:options.${field}.${value}`;
const attachmentKindLabel = (kind: string) => `workflow:attachmentKinds.${kind}`;

function enumValues(schema: Schema): string[] | null {
  const def = defOf(schema);
  return def.type === 'enum' && def.entries ? Object.values(def.entries) : null;
}

function inputOf(name: string, schema: Schema, labelKey: string, required: boolean, widget: InputWidget, optionsOf: string): FieldModel {
  const values = enumValues(schema);
  const max = maximum(schema);
  return {
    name,
    id: idOf(name),
    widget: values ? 'select' : widget,
    labelKey,
    required,
    ...(max !== undefined ? { maxLength: max } : {}),
    ...(values ? { options: values.map((value) => ({ value, labelKey: optionLabel(optionsOf, value) })) } : {}),
  };
}

/** widgetOf: the widget of a nested field, known by the shared schema it is. */
function widgetOf(schema: Schema): InputWidget {
  if (schema === (iinSchema as Schema)) return 'iin';
  if (schema === (calendarDateSchema as Schema)) return 'date';
  return 'text';
}

/**
 * nested lists the inputs of an object. In an optional group (a proxy) no input is marked required:
 * the group may be left empty, and the schema names what is missing when it is filled in part.
 */
function nested(prefix: string, schema: Schema, groupRequired: boolean): FieldModel[] {
  const shape = defOf(schema).shape ?? {};
  return Object.entries(shape).flatMap(([key, child]) => {
    const { schema: inner, required } = unwrap(child);
    if (inner === (periodSchema as Schema)) return nested(`${prefix}.${key}`, inner, groupRequired && required);
    return [inputOf(`${prefix}.${key}`, inner, subfieldLabel(key), groupRequired && required, widgetOf(inner), key)];
  });
}

function itemOf(hint: FieldHint, schema: Schema, required: boolean): ItemModel {
  const base = { field: hint.field, labelKey: hint.labelKey, ...(hint.hintKey ? { hintKey: hint.hintKey } : {}), required };
  const def = defOf(schema);
  if (hint.widget === 'files') {
    const kinds = (def.element && enumValues(defOf(def.element).shape?.kind ?? def.element)) ?? ['other'];
    const fields = kinds.map<FieldModel>((kind) => ({
      name: `${hint.field}.${kind}`,
      id: idOf(`${hint.field}.${kind}`),
      widget: 'file',
      labelKey: attachmentKindLabel(kind),
      required: false,
      kind,
    }));
    return { ...base, group: true, files: true, fields };
  }
  if (def.type === 'object') return { ...base, group: true, files: false, fields: nested(hint.field, schema, required) };
  if (def.type === 'array' && def.element) {
    const slots = maximum(schema) ?? 1;
    const element = unwrap(def.element).schema;
    const fields = Array.from({ length: slots }, (_, i) =>
      inputOf(`${hint.field}.${i}`, element, hint.labelKey, false, 'text', hint.field),
    );
    return { ...base, group: true, files: false, fields };
  }
  const widget: InputWidget = hint.widget === 'person' || hint.widget === 'period' ? 'text' : hint.widget;
  const field = inputOf(hint.field, schema, hint.labelKey, required, widget, hint.field);
  return { ...base, group: false, files: false, fields: [{ ...field, ...(hint.hintKey ? { hintKey: hint.hintKey } : {}) }] };
}

/** formModel builds the screen form of a service form definition, in layout order. */
export function formModel(form: ServiceForm<unknown>): ItemModel[] {
  const shape = defOf(form.schema).shape ?? {};
  return form.layout.map((hint) => {
    const field = shape[hint.field];
    if (!field) throw new TypeError(`layout names ${hint.field}, which the form schema does not have`);
    const { schema, required } = unwrap(field);
    return itemOf(hint, schema, required);
  });
}

/** SubmittedFile: an attachment of the form, already judged by its content. */
export interface SubmittedFile {
  readonly kind: string;
  readonly name: string;
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
}

/**
 * readSubmission turns the posted fields (name → text) into the input the schema validates: empty
 * inputs are left out, a group left wholly empty is left out (so an optional person stays absent),
 * the slots of a list become an array of the filled ones, and the attachments become their list.
 */
export function readSubmission(model: readonly ItemModel[], body: Readonly<Record<string, unknown>>, files: readonly SubmittedFile[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const text = (name: string) => {
    const value = body[name];
    const raw = Array.isArray(value) ? value[0] : value;
    return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
  };
  for (const item of model) {
    if (item.files) {
      input[item.field] = files.map((file) => ({ kind: file.kind, name: file.name }));
      continue;
    }
    if (!item.group) {
      const value = text(item.field);
      if (value !== undefined) input[item.field] = value;
      continue;
    }
    const isList = item.fields.every((field, i) => field.name === `${item.field}.${i}`);
    if (isList) {
      input[item.field] = item.fields.map((field) => text(field.name)).filter((value) => value !== undefined);
      continue;
    }
    const values = item.fields.map((field) => [field.name, text(field.name)] as const);
    if (!item.required && values.every(([, value]) => value === undefined)) continue;
    const group: Record<string, unknown> = {};
    for (const [name, value] of values) if (value !== undefined) setAt(group, name.split('.').slice(1), value);
    input[item.field] = group;
  }
  return input;
}

/** fieldFor: the input an issue at a dotted path belongs to (the nearest one above it, or the item's first). */
export function fieldFor(model: readonly ItemModel[], path: string): FieldModel | null {
  const fields = model.flatMap((item) => item.fields);
  const exact = fields.find((field) => field.name === path);
  if (exact) return exact;
  const above = fields.filter((field) => path.startsWith(`${field.name}.`)).sort((a, b) => b.name.length - a.name.length)[0];
  if (above) return above;
  const item = model.find((entry) => path === entry.field || path.startsWith(`${entry.field}.`));
  return item?.fields[0] ?? null;
}
