/**
 * A service definition is data: the form, the workflow (states keyed by name, actions keyed by
 * state), the deadlines and the documents per outcome. The engine in workflow/ reads these types
 * and knows no service by name. Imports nothing outside domain/ except zod's types.
 */
import type { z } from 'zod';
import type { InputIssue } from './errors.js';
import type { CalendarDate } from './official-date.js';
import type { Regulation } from './regulation.js';

export const CHANNELS = ['portal', 'con', 'provider'] as const;
/** Channel: the e-gov portal (ПЭП), a public service centre (ЦОН), or the provider's desk (МИО). */
export type Channel = (typeof CHANNELS)[number];

export const ROLES = ['APPLICANT', 'CON_OPERATOR', 'PROVIDER_EMPLOYEE', 'PROVIDER_HEAD', 'SYSTEM'] as const;
/** Role: who may take an action; SYSTEM is the scheduler and the automatic intake checks. */
export type Role = (typeof ROLES)[number];

export const OUTCOMES = ['positive', 'negative', 'rejected', 'queued', 'withdrawn', 'closed'] as const;
/**
 * Outcome: what a finished (or, for `queued`, an intermediate) result means; it selects the
 * documents. `rejected` is a request not accepted before registration (EDS check), `negative` a
 * motivated refusal, `closed` an end without a result (a child aged out, a referral not used).
 */
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Duration is a deadline as the regulations state it. Working days follow the Kazakhstan calendar;
 * `countReceiptDay: false` (the default) starts counting on the next working day, and
 * `countIssueDay: false` leaves one more working day for handing the result out.
 */
export type Duration =
  | { readonly minutes: number }
  | { readonly workingDays: number; readonly countReceiptDay?: boolean; readonly countIssueDay?: boolean }
  | { readonly calendarDays: number };

/** ChannelDurations: a step whose norm differs per channel; a channel left out has no deadline there. */
export type ChannelDurations = { readonly [C in Channel]?: Duration };

/** DeadlineRule: one norm for every channel, or one per channel. */
export type DeadlineRule = Duration | ChannelDurations;

/** ActionInput is what an action may require besides the actor. */
export const ACTION_INPUTS = ['reason', 'comment', 'newDeadline'] as const;
export type ActionInput = (typeof ACTION_INPUTS)[number];

/** ActionDefinition: one edge of the workflow graph. */
export interface ActionDefinition {
  readonly to: string;
  readonly roles: readonly Role[];
  /** channels restricts the action where the regulation differs per channel; absent means every channel. */
  readonly channels?: readonly Channel[];
  readonly requires?: readonly ActionInput[];
  /** reasons: the refusal reason codes (`reasons:<CODE>`) this action accepts when it requires a reason. */
  readonly reasons?: readonly string[];
  /** notify: the applicant gets a kk/ru notification of this transition. */
  readonly notify: boolean;
  /** issues: the transition produces the documents of this outcome (rendered, signed, registered with it). */
  readonly issues?: Outcome;
}

/** Escalation: what the scheduler does when a state's deadline passes. */
export interface Escalation {
  /** action is taken by SYSTEM (e.g. expiring a referral); absent means record the breach only. */
  readonly action?: string;
  readonly notify: readonly Role[];
}

/**
 * StateDefinition: a node; `status` is what the citizen sees (`workflow:statuses.<STATUS>`). A
 * service's own states carry no deadline: the regulation an application is under supplies it
 * (applyRegulation), so the engine reads the norm of the application's act.
 */
export interface StateDefinition {
  readonly status: string;
  /** terminal: the outcome of a final state; a terminal state has no actions. */
  readonly terminal?: Outcome;
  readonly deadline?: DeadlineRule;
  readonly onDeadline?: Escalation;
  readonly actions?: { readonly [action: string]: ActionDefinition };
}

/** FieldWidget: how the screen form draws a field. */
export type FieldWidget = 'text' | 'iin' | 'date' | 'period' | 'select' | 'textarea' | 'phone' | 'email' | 'person' | 'files';

/** FieldHint: screen-form layout for one top-level field of the form, in display order. */
export interface FieldHint {
  readonly field: string;
  readonly widget: FieldWidget;
  readonly labelKey: string;
  readonly hintKey?: string;
}

/** FormContext: what rules relative to "now" need (a child's age on the day of application). */
export interface FormContext {
  readonly today: CalendarDate;
}

/** ServiceForm: the zod schema (validator and type), rules that need today's date, and layout. */
export interface ServiceForm<Data = unknown> {
  readonly schema: z.ZodType<Data>;
  rules?(data: Data, context: FormContext): readonly InputIssue[];
  readonly layout: readonly FieldHint[];
}

/** LegalBasis: the act the service follows; the text is an i18n key. */
export interface LegalBasis {
  readonly key: string;
  readonly act: { readonly date: string; readonly number: string };
}

/** WorkflowApplication: what the engine needs to know about an application. */
export interface WorkflowApplication<Form = Record<string, unknown>> {
  /** number is null until registration assigns one. */
  readonly number: string | null;
  readonly serviceId: string;
  readonly channel: Channel;
  readonly providerId: string;
  readonly applicant: { readonly iin: string; readonly fullName: string };
  readonly form: Form;
  readonly state: string;
  readonly receivedAt: Date;
  readonly stateEnteredAt: Date;
  readonly deadline: Date | null;
  /** breachRecordedAt: when the scheduler recorded that the current state's deadline passed. */
  readonly breachRecordedAt?: Date | null;
}

/** DocumentContext: data the mapping functions cannot take from the form. */
export interface DocumentContext {
  readonly now: Date;
  readonly reason?: string | null;
  readonly comment?: string | null;
  /** facts the use case knows and the form does not: journal number, organisation, validity. */
  readonly facts?: Readonly<Record<string, string | number>>;
}

/**
 * DocumentData is loose on purpose: the document kinds' schemas belong to the documents room;
 * a mapping fills what the form knows and the issuing use case adds issuer, numbers, signatures.
 */
export type DocumentData = Record<string, unknown>;

/**
 * DocumentMapping: (application, context) → the part of a document's data the form provides.
 * Declared as a method so that a definition of any form fits the catalogue's common type.
 */
export type DocumentMapping<Form> = {
  map(application: WorkflowApplication<Form>, context: DocumentContext): DocumentData;
}['map'];

/** ServiceDefinition: one e-service as data. */
export interface ServiceDefinition<Form = Record<string, unknown>> {
  readonly id: string;
  /**
   * regulations: the acts that regulate the service, each with its channels and norms; a provider
   * names the one it works under (samples/providers.json), an application keeps it.
   */
  readonly regulations: readonly Regulation[];
  /** nameKey: `services:<id>.name`. */
  readonly nameKey: string;
  readonly legalBasis: LegalBasis;
  /** providerKind: `workflow:providerKinds.<kind>`. */
  readonly providerKind: string;
  readonly channels: readonly Channel[];
  readonly form: ServiceForm<Form>;
  readonly initial: string;
  readonly states: { readonly [state: string]: StateDefinition };
  /** outputs: document kind ids issued per outcome. */
  readonly outputs: { readonly [O in Outcome]?: readonly string[] };
  /** documentData: for each document kind id in `outputs`, how the application maps onto it. */
  readonly documentData: { readonly [kind: string]: DocumentMapping<Form> };
  /**
   * queue: a service whose applications wait in a journal; a child who reaches `ageLimit` full
   * years leaves it, by the scheduler taking AGE_OUT as SYSTEM.
   */
  readonly queue?: { readonly ageLimit: number };
}

/** AnyServiceDefinition: a definition whose form type does not matter (the catalogue, the engine's checks). */
export type AnyServiceDefinition = ServiceDefinition<unknown>;

/** defineService ties a form's data type to its mappings so they are type-checked together. */
export function defineService<Form>(definition: ServiceDefinition<Form>): ServiceDefinition<Form> {
  return definition;
}

/**
 * applyRegulation: the service as it runs under one regulation — the regulation's channels, and on
 * each state the regulation's norm (none where the regulation times no step of that state; the
 * catalogue check keeps deadlines off the service's own states).
 */
export function applyRegulation<Form>(service: ServiceDefinition<Form>, regulation: Regulation): ServiceDefinition<Form> {
  const states = Object.fromEntries(
    Object.entries(service.states).map(([name, state]) => {
      const step = regulation.steps[name];
      return [name, step ? { ...state, deadline: step.deadline } : state];
    }),
  );
  return { ...service, channels: service.channels.filter((c) => regulation.channels.includes(c)), states };
}

/** isChannelDurations tells a per-channel rule from a single duration. */
export function isChannelDurations(rule: DeadlineRule): rule is ChannelDurations {
  return !('minutes' in rule) && !('workingDays' in rule) && !('calendarDays' in rule);
}

/** deadlineFor picks the norm that applies on a channel, or null when the step has none there. */
export function deadlineFor(rule: DeadlineRule | undefined, channel: Channel): Duration | null {
  if (!rule) return null;
  return isChannelDurations(rule) ? (rule[channel] ?? null) : rule;
}
