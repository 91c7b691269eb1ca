/**
 * The catalogue check: proves each service definition is a sound graph on every channel, that
 * every text and document it names exists, that each of its regulations times only states and
 * channels the service has and cites its seed, and that each provider works under a regulation of
 * every service it offers. A provider bound to a repealed act is a warning, not an error: the
 * seeds are all repealed acts, kept as the examples they are. Run by the unit tests and by
 * `qujat catalog check`; docs/services.md lists the rules.
 */
import { z } from 'zod';
import {
  isChannelDurations,
  isRepealed,
  LANGUAGES,
  type AnyServiceDefinition,
  type Channel,
  type Language,
  type Regulation,
  type SeedSource,
} from '../domain/index.js';

/** KeyLookup: what the check needs from a Translator. */
export interface KeyLookup {
  has(language: Language, key: string): boolean;
}

/** ProviderBinding: what the check needs of a provider (the catalogue's Provider fits). */
export interface ProviderBinding {
  readonly id: string;
  readonly services: readonly string[];
  readonly regulations: Readonly<Partial<Record<string, string>>>;
  readonly defaultFor: readonly string[];
}

/** CatalogCheckInput: the services, what they may refer to, and the providers bound to their regulations. */
export interface CatalogCheckInput {
  readonly services: readonly AnyServiceDefinition[];
  readonly documentKinds: readonly string[];
  readonly reasons: readonly string[];
  readonly texts: KeyLookup;
  readonly providers?: readonly ProviderBinding[];
}

/** CatalogProblem: one defect, for an operator to fix (English; not shown to citizens); a warning does not fail the check. */
export interface CatalogProblem {
  readonly service: string;
  readonly severity: 'error' | 'warning';
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
    | 'MISSING_TEXT'
    | 'SERVICE_STATE_DEADLINE'
    | 'NO_REGULATION'
    | 'DUPLICATE_REGULATION'
    | 'REGULATION_CHANNEL_NOT_OFFERED'
    | 'UNKNOWN_STEP'
    | 'STEP_CHANNEL_NOT_OFFERED'
    | 'ESCALATION_WITHOUT_DEADLINE'
    | 'BAD_SOURCE'
    | 'PROVIDER_WITHOUT_REGULATION'
    | 'UNKNOWN_REGULATION'
    | 'REGULATION_FOR_SERVICE_NOT_OFFERED'
    | 'DEFAULT_NOT_OFFERED'
    | 'DUPLICATE_DEFAULT'
    | 'REPEALED_ACT';
  readonly message: string;
}

type Report = (code: CatalogProblem['code'], message: string) => void;

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

function checkGraph(service: AnyServiceDefinition, report: Report): void {
  if (!service.states[service.initial]) report('UNKNOWN_INITIAL', `initial state ${service.initial} is not defined`);
  for (const [name, state] of Object.entries(service.states)) {
    // The norms are each regulation's: a deadline on the service's own state would be one for every act.
    if (state.deadline) report('SERVICE_STATE_DEADLINE', `state ${name} has a deadline of its own; deadlines belong to the regulations`);
    const actions = Object.entries(state.actions ?? {});
    if (state.terminal && actions.length > 0) report('TERMINAL_WITH_ACTIONS', `terminal state ${name} has actions`);
    for (const [actionName, action] of actions) {
      if (!service.states[action.to]) report('UNKNOWN_TARGET', `${name}.${actionName} goes to undefined state ${action.to}`);
      for (const channel of action.channels ?? []) {
        if (!service.channels.includes(channel)) report('CHANNEL_NOT_OFFERED', `${name}.${actionName} names channel ${channel}`);
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

function checkSource(where: string, source: SeedSource, seed: string, report: Report): void {
  const [first, last] = source.lines;
  if (source.seed !== seed || !Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first) {
    report('BAD_SOURCE', `${where} cites seed ${source.seed} lines ${first}–${last}; it must cite lines of the act's seed ${seed}`);
  }
}

function checkRegulation(service: AnyServiceDefinition, regulation: Regulation, input: CatalogCheckInput, report: Report): void {
  const where = `regulation ${regulation.id}`;
  const seed = regulation.act.seed;
  checkSource(where, regulation.source, seed, report);
  checkSource(`${where} channels`, regulation.channelsSource, seed, report);
  checkSource(`${where} reasons`, regulation.reasonsSource, seed, report);
  for (const field of ['adopted', 'registered', 'repealed'] as const) {
    const reference = regulation.act[field];
    if (reference) checkSource(`act ${regulation.act.id} ${field}`, reference.source, seed, report);
  }
  checkSource(`act ${regulation.act.id} inForce`, regulation.act.inForce.source, seed, report);
  for (const channel of regulation.channels) {
    if (!service.channels.includes(channel)) report('REGULATION_CHANNEL_NOT_OFFERED', `${where} offers channel ${channel}, which the service has not`);
  }
  for (const [name, step] of Object.entries(regulation.steps)) {
    const state = service.states[name];
    if (!state || state.terminal) {
      report('UNKNOWN_STEP', `${where} times ${name}, which is not a non-terminal state of the service`);
      continue;
    }
    checkSource(`${where} step ${name}`, step.source, seed, report);
    if (isChannelDurations(step.deadline)) {
      for (const channel of Object.keys(step.deadline) as Channel[]) {
        if (!regulation.channels.includes(channel)) report('STEP_CHANNEL_NOT_OFFERED', `${where} times ${name} on channel ${channel}, which it does not offer`);
      }
    }
  }
  // An escalation the scheduler takes on a deadline (expiring a referral) needs that deadline on every channel.
  for (const [name, state] of Object.entries(service.states)) {
    if (!state.onDeadline?.action) continue;
    const step = regulation.steps[name];
    for (const channel of regulation.channels) {
      const norm = step && (isChannelDurations(step.deadline) ? step.deadline[channel] : step.deadline);
      if (!norm) report('ESCALATION_WITHOUT_DEADLINE', `${where} sets no deadline for ${name} on channel ${channel}, where ${state.onDeadline.action} waits for one`);
    }
  }
  for (const reason of regulation.reasons) {
    if (!input.reasons.includes(reason)) report('UNKNOWN_REASON', `${where} names unknown reason ${reason}`);
  }
}

function checkProviders(input: CatalogCheckInput, problems: CatalogProblem[]): void {
  const byId = new Map(input.services.map((s) => [s.id, s]));
  const defaults = new Map<string, string>();
  for (const provider of input.providers ?? []) {
    const report = (service: string, code: CatalogProblem['code'], message: string, severity: CatalogProblem['severity'] = 'error') =>
      problems.push({ service, severity, code, message: `provider ${provider.id}: ${message}` });
    for (const serviceId of provider.services) {
      const regulationId = provider.regulations[serviceId];
      if (regulationId === undefined) {
        report(serviceId, 'PROVIDER_WITHOUT_REGULATION', `offers ${serviceId} but names no regulation for it`);
        continue;
      }
      const regulation = byId.get(serviceId)?.regulations.find((r) => r.id === regulationId);
      if (!regulation) {
        report(serviceId, 'UNKNOWN_REGULATION', `works under ${regulationId}, which is not a regulation of ${serviceId}`);
      } else if (isRepealed(regulation.act)) {
        const repeal = regulation.act.repealed;
        report(serviceId, 'REPEALED_ACT', `works under ${regulationId}, whose act ${regulation.act.id} was repealed on ${repeal?.date} (№ ${repeal?.number})`, 'warning');
      }
    }
    for (const serviceId of Object.keys(provider.regulations)) {
      if (!provider.services.includes(serviceId)) report(serviceId, 'REGULATION_FOR_SERVICE_NOT_OFFERED', `names a regulation for ${serviceId}, which it does not offer`);
    }
    for (const serviceId of provider.defaultFor) {
      if (!provider.services.includes(serviceId)) report(serviceId, 'DEFAULT_NOT_OFFERED', `is the default for ${serviceId}, which it does not offer`);
      const other = defaults.get(serviceId);
      if (other !== undefined) report(serviceId, 'DUPLICATE_DEFAULT', `is the default for ${serviceId}, as ${other} already is`);
      defaults.set(serviceId, provider.id);
    }
  }
}

function checkReferences(service: AnyServiceDefinition, input: CatalogCheckInput, report: Report): void {
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
  keys.push('regulations:label', 'regulations:status.repealed', 'regulations:status.inForce', 'regulations:inForce');
  for (const { act } of service.regulations) {
    keys.push(...['issuer', 'name', 'title', 'registered'].map((field) => `regulations:acts.${act.id}.${field}`));
    if (act.repealed) keys.push(`regulations:acts.${act.id}.repealed`);
  }
  return [...new Set(keys)];
}

/** checkCatalog returns every problem found; a list without errors means the catalogue is sound. */
export function checkCatalog(input: CatalogCheckInput): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const ids = new Set<string>();
  const regulationIds = new Set<string>();
  for (const service of input.services) {
    const report: Report = (code, message) => problems.push({ service: service.id, severity: 'error', code, message });
    if (ids.has(service.id)) report('DUPLICATE_SERVICE', `service id ${service.id} is used twice`);
    ids.add(service.id);
    checkGraph(service, report);
    checkReferences(service, input, report);
    if (service.regulations.length === 0) report('NO_REGULATION', `the service has no regulation`);
    for (const regulation of service.regulations) {
      if (regulationIds.has(regulation.id)) report('DUPLICATE_REGULATION', `regulation id ${regulation.id} is used twice`);
      regulationIds.add(regulation.id);
      checkRegulation(service, regulation, input, report);
    }
    for (const key of keysOf(service)) {
      for (const language of LANGUAGES) {
        if (!input.texts.has(language, key)) report('MISSING_TEXT', `${language} has no text for ${key}`);
      }
    }
  }
  checkProviders(input, problems);
  return problems;
}
