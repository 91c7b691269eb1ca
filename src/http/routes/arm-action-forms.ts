/**
 * The АРМ's action forms: one per action the use case says the operator may take now, with the
 * inputs the action requires (a reason from its own reason codes, a justification, a new deadline),
 * the preschool organisation of a referral, and the decision facts of the documents the action
 * issues that the application form does not hold. A posted form is read back into the use case's
 * ActionRequest; a bad value is an INVALID_INPUT issue, shown on the page with its kk and ru text.
 */
import { InvalidInputError, parseCalendarDate, type AnyServiceDefinition, type InputIssue } from '../../domain/index.js';
import type { ActionRequest, ApplicationView, ProviderInfo } from '../../usecases/index.js';
import { endOfDayInAlmaty } from '../../workflow/index.js';

type AvailableAction = ApplicationView['actions'][number];

/** FactField: one decision fact an issuing action asks for; `path` is where it goes in the document data. */
interface FactField {
  readonly name: string;
  readonly path: readonly string[];
  readonly widget: 'date' | 'textarea' | 'number';
  readonly required: boolean;
  readonly maxLength?: number;
}

/**
 * DECISION_FACTS: per document kind, the facts that come from the provider's decision or records
 * rather than from the application (see each service's documentData).
 */
const DECISION_FACTS: Readonly<Record<string, readonly FactField[]>> = {
  'unemployed-certificate': [{ name: 'registeredFrom', path: ['registeredFrom'], widget: 'date', required: true }],
  'disability-support-notification': [
    { name: 'basisKk', path: ['basis', 'kk'], widget: 'textarea', required: true, maxLength: 600 },
    { name: 'basisRu', path: ['basis', 'ru'], widget: 'textarea', required: true, maxLength: 600 },
    { name: 'monthlyAmount', path: ['monthlyAmount'], widget: 'number', required: false },
  ],
};

/** ALL_FACTS: every fact field, by its unique name. */
const ALL_FACTS = Object.values(DECISION_FACTS).flat();

type Values = Readonly<Record<string, string>>;

/** issuedKinds: the document kinds the action issues in the application's current state. */
function issuedKinds(service: AnyServiceDefinition, state: string, action: string): readonly string[] {
  const outcome = service.states[state]?.actions?.[action]?.issues;
  return outcome ? (service.outputs[outcome] ?? []) : [];
}

function factsOf(service: AnyServiceDefinition, state: string, action: string): FactField[] {
  return issuedKinds(service, state, action).flatMap((kind) => DECISION_FACTS[kind] ?? []);
}

/** actionForms: what the template draws for each available action; `values` refill a form that had problems. */
export function actionForms(
  view: ApplicationView,
  service: AnyServiceDefinition,
  provider: ProviderInfo | undefined,
  keyOf: () => string,
  posted: { readonly action: string; readonly values: Values } | null,
) {
  return view.actions.map((available: AvailableAction) => {
    const values: Values = posted?.action === available.action ? posted.values : {};
    const id = (name: string) => `a-${available.action}-${name}`;
    const requires = new Set(available.requires);
    return {
      action: available.action,
      labelKey: `workflow:actions.${available.action}`,
      key: keyOf(),
      reason: requires.has('reason')
        ? { id: id('reason'), options: available.reasons.map((code) => ({ value: code, key: `reasons:${code}`, selected: values.reason === code })) }
        : null,
      comment: requires.has('comment') ? { id: id('comment'), value: values.comment ?? '' } : null,
      newDeadline: requires.has('newDeadline') ? { id: id('newDeadline'), value: values.newDeadline ?? '' } : null,
      organisation:
        available.action === 'REFER' && provider?.organisations.length
          ? {
              id: id('organisation'),
              options: provider.organisations.map((o) => ({ value: o.id, name: o.name ?? null, number: o.number, selected: values.organisation === o.id })),
            }
          : null,
      facts: factsOf(service, view.state, available.action).map((fact) => ({
        ...fact,
        id: id(fact.name),
        labelKey: `screens:arm.fields.${fact.name}`,
        value: values[fact.name] ?? '',
      })),
      danger: available.reasons.length > 0,
    };
  });
}

/** postedValues: the posted fields as trimmed strings (the first of repeated ones). */
export function postedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const raw = Array.isArray(value) ? value[0] : value;
    if (typeof raw === 'string') values[key] = raw.trim().slice(0, 2000);
  }
  return values;
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
}

/**
 * actionRequest reads a posted action form from what was posted alone, so that the same form sent
 * twice makes the same request (and its idempotency key replays the first answer). Required inputs
 * left empty are reported here, in the form's words, when the action is open now; whether the
 * values fit (a reason the action accepts, a later deadline, the document's rules) is the use
 * case's decision.
 */
export function actionRequest(service: AnyServiceDefinition, view: ApplicationView, action: string, values: Values): ActionRequest {
  const available = view.actions.find((a) => a.action === action);
  const required = new Set<string>([...(available?.requires ?? []), ...(available ? factsOf(service, view.state, action).filter((f) => f.required).map((f) => f.name) : [])]);
  const issues: InputIssue[] = [];
  const value = (name: string) => {
    const text = values[name] ?? '';
    if (text === '' && required.has(name)) issues.push({ path: name, rule: 'REQUIRED', params: {} });
    return text === '' ? undefined : text;
  };
  const request: { -readonly [K in keyof ActionRequest]: ActionRequest[K] } = {};
  const reason = value('reason');
  if (reason) request.reason = reason;
  const comment = value('comment');
  if (comment) request.comment = comment;
  const deadline = value('newDeadline');
  if (deadline) {
    const date = parseCalendarDate(deadline);
    if (date) request.newDeadline = endOfDayInAlmaty(date).toISOString();
    else issues.push({ path: 'newDeadline', rule: 'INVALID_DATE', params: {} });
  }
  const organisation = value('organisation');
  if (organisation) request.organisationId = organisation;
  const document: Record<string, unknown> = {};
  for (const fact of ALL_FACTS) {
    const text = value(fact.name);
    if (text === undefined) continue;
    const number = Number(text.replace(',', '.'));
    if (fact.widget === 'number' && !Number.isFinite(number)) issues.push({ path: fact.name, rule: 'INVALID_FORMAT', params: {} });
    setAt(document, fact.path, fact.widget === 'number' ? number : text);
  }
  if (Object.keys(document).length > 0) request.document = document;
  if (issues.length > 0) throw new InvalidInputError({ details: issues });
  return request;
}
