/**
 * The catalogue check: proves each service definition is a sound graph on every channel and that
 * every text and document it names exists. Run by the unit tests and by `qujat catalog check`.
 */
import { z } from 'zod';
import { isChannelDurations, LANGUAGES, type AnyServiceDefinition, type Channel, type Language } from '../domain/index.js';

/** KeyLookup: what the check needs from a Translator. */
export interface KeyLookup {
  has(language: Language, key: string): boolean;
}

/** CatalogCheckInput: the services and what they may refer to. */
export interface CatalogCheckInput {
  readonly services: readonly AnyServiceDefinition[];
  readonly documentKinds: readonly string[];
  readonly reasons: readonly string[];
  readonly texts: KeyLookup;
}

/** CatalogProblem: one defect, for an operator to fix (English; not shown to citizens). */
export interface CatalogProblem {
  readonly service: string;
  readonly code:
    | 'DUPLICATE_SERVICE'
    | 'UNKNOWN_INITIAL'
    | 'UNKNOWN_TARGET'
    | 'UNKNOWN_ESCALATION'
    | 'UNREACHABLE_STATE'
    | 'DEAD_END'
    | 'TERMINAL_WITH_ACTIONS'
    | 'MISSING_REASONS'
    | 'UNKNOWN_REASON'
    | 'NO_DOCUMENTS_FOR_OUTCOME'
    | 'UNKNOWN_DOCUMENT_KIND'
    | 'MISSING_MAPPING'
    | 'CHANNEL_NOT_OFFERED'
    | 'UNKNOWN_FIELD'
    | 'QUEUE_WITHOUT_AGE_OUT'
    | 'MISSING_TEXT';
  readonly message: string;
}

function reachableOn(service: AnyServiceDefinition, channel: Channel): Set<string> {
  const seen = new Set<string>();
  const pending = [service.initial];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name) || !service.states[name]) continue;
    seen.add(name);
    for (const action of Object.values(service.states[name]?.actions ?? {})) {
      if (!action.channels || action.channels.includes(channel)) pending.push(action.to);
    }
  }
  return seen;
}

function checkGraph(service: AnyServiceDefinition, report: (code: CatalogProblem['code'], message: string) => void): void {
  if (!service.states[service.initial]) report('UNKNOWN_INITIAL', `initial state ${service.initial} is not defined`);
  for (const [name, state] of Object.entries(service.states)) {
    const actions = Object.entries(state.actions ?? {});
    if (state.terminal && actions.length > 0) report('TERMINAL_WITH_ACTIONS', `terminal state ${name} has actions`);
    for (const [actionName, action] of actions) {
      if (!service.states[action.to]) report('UNKNOWN_TARGET', `${name}.${actionName} goes to undefined state ${action.to}`);
      for (const channel of action.channels ?? []) {
        if (!service.channels.includes(channel)) report('CHANNEL_NOT_OFFERED', `${name}.${actionName} names channel ${channel}`);
      }
    }
    if (state.deadline && isChannelDurations(state.deadline)) {
      for (const channel of Object.keys(state.deadline) as Channel[]) {
        if (!service.channels.includes(channel)) report('CHANNEL_NOT_OFFERED', `${name} has a deadline for channel ${channel}`);
      }
    }
    const escalation = state.onDeadline?.action;
    if (escalation && !state.actions?.[escalation]) {
      report('UNKNOWN_ESCALATION', `${name} escalates with ${escalation}, which does not leave ${name}`);
    }
  }
  // The scheduler ages children out of a queue with AGE_OUT as SYSTEM: some state must offer it.
  const agesOut = Object.values(service.states).some((state) => state.actions?.AGE_OUT?.roles.includes('SYSTEM'));
  if (service.queue && !agesOut) report('QUEUE_WITHOUT_AGE_OUT', `the queue has an age limit, but no state lets SYSTEM take AGE_OUT`);
  const reachedAnywhere = new Set<string>();
  for (const channel of service.channels) {
    for (const name of reachableOn(service, channel)) {
      reachedAnywhere.add(name);
      const state = service.states[name];
      const onChannel = Object.values(state?.actions ?? {}).filter((a) => !a.channels || a.channels.includes(channel));
      if (state && !state.terminal && onChannel.length === 0) {
        report('DEAD_END', `non-terminal state ${name} has no action on channel ${channel}`);
      }
    }
  }
  for (const name of Object.keys(service.states)) {
    if (!reachedAnywhere.has(name)) report('UNREACHABLE_STATE', `state ${name} cannot be reached from ${service.initial}`);
  }
}

function checkReferences(
  service: AnyServiceDefinition,
  input: CatalogCheckInput,
  report: (code: CatalogProblem['code'], message: string) => void,
): void {
  for (const [name, state] of Object.entries(service.states)) {
    for (const [actionName, action] of Object.entries(state.actions ?? {})) {
      const where = `${name}.${actionName}`;
      if (action.requires?.includes('reason') && (action.reasons ?? []).length === 0) {
        report('MISSING_REASONS', `${where} requires a reason but lists none`);
      }
      for (const reason of action.reasons ?? []) {
        if (!input.reasons.includes(reason)) report('UNKNOWN_REASON', `${where} names unknown reason ${reason}`);
      }
      if (action.issues && (service.outputs[action.issues] ?? []).length === 0) {
        report('NO_DOCUMENTS_FOR_OUTCOME', `${where} issues outcome ${action.issues}, which has no documents`);
      }
    }
  }
  for (const kinds of Object.values(service.outputs)) {
    for (const kind of kinds ?? []) {
      if (!input.documentKinds.includes(kind)) report('UNKNOWN_DOCUMENT_KIND', `document kind ${kind} is not known`);
      if (!service.documentData[kind]) report('MISSING_MAPPING', `document kind ${kind} has no data mapping`);
    }
  }
  const schema = service.form.schema;
  const shape = schema instanceof z.ZodObject ? schema.shape : null;
  for (const hint of service.form.layout) {
    if (shape && !(hint.field in shape)) report('UNKNOWN_FIELD', `layout names field ${hint.field}, not in the form`);
  }
}

function keysOf(service: AnyServiceDefinition): string[] {
  const keys = [service.nameKey, service.legalBasis.key, `workflow:providerKinds.${service.providerKind}`];
  for (const [name, state] of Object.entries(service.states)) {
    keys.push(`workflow:states.${name}`, `workflow:statuses.${state.status}`);
    for (const [actionName, action] of Object.entries(state.actions ?? {})) {
      keys.push(`workflow:actions.${actionName}`, ...(action.reasons ?? []).map((r) => `reasons:${r}`));
    }
  }
  for (const hint of service.form.layout) keys.push(hint.labelKey, ...(hint.hintKey ? [hint.hintKey] : []));
  return [...new Set(keys)];
}

/** checkCatalog returns every problem found; an empty list means the catalogue is sound. */
export function checkCatalog(input: CatalogCheckInput): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const ids = new Set<string>();
  for (const service of input.services) {
    const report = (code: CatalogProblem['code'], message: string) => problems.push({ service: service.id, code, message });
    if (ids.has(service.id)) report('DUPLICATE_SERVICE', `service id ${service.id} is used twice`);
    ids.add(service.id);
    checkGraph(service, report);
    checkReferences(service, input, report);
    for (const key of keysOf(service)) {
      for (const language of LANGUAGES) {
        if (!input.texts.has(language, key)) report('MISSING_TEXT', `${language} has no text for ${key}`);
      }
    }
  }
  return problems;
}
