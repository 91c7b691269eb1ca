/**
 * The pure workflow engine: which actions an actor may take, and what taking one produces (next
 * state, history entry, deadline, notification, documents). No I/O: the use cases store the
 * result, render the documents and send the notifications in one transaction.
 */
import {
  calendarDateInAlmaty,
  DATE_WINDOW_YEARS,
  deadlineFor,
  type ActionDefinition,
  type ActionInput,
  type HistoryEntry,
  type Outcome,
  type Role,
  type ServiceDefinition,
  type StateDefinition,
  type WorkflowApplication,
} from '../domain/index.js';
import { endOfDayInAlmaty, type WorkingCalendar } from './calendar.js';
import {
  ActionNotAllowedError,
  ApplicationTerminalError,
  DeadlineNotLaterError,
  DeadlineOutOfRangeError,
  InputRequiredError,
  NotOwnApplicationError,
  ReasonNotAllowedError,
  RoleNotAllowedError,
  UnknownStateError,
} from './errors.js';

/** Actor: who acts; an APPLICANT is identified by IIN and may act only on their own application. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly iin?: string;
}

/** TransitionInput: the inputs an action may require. */
export interface TransitionInput {
  readonly reason?: string;
  readonly comment?: string;
  readonly newDeadline?: Date;
}

export type { HistoryEntry };

/** DocumentsToIssue: the outcome whose documents the transition issues, and their kind ids. */
export interface DocumentsToIssue {
  readonly outcome: Outcome;
  readonly kinds: readonly string[];
}

/** TransitionResult: everything the caller stores and does after a transition. */
export interface TransitionResult {
  readonly state: string;
  readonly status: string;
  readonly terminal: Outcome | null;
  readonly history: HistoryEntry;
  /** deadline: when the new state is due, or null when it has no norm on this channel. */
  readonly deadline: Date | null;
  readonly notify: boolean;
  readonly documents: DocumentsToIssue | null;
}

/** AvailableAction: an action the actor may take now, with what it will ask for. */
export interface AvailableAction {
  readonly action: string;
  readonly to: string;
  readonly requires: readonly ActionInput[];
  readonly reasons: readonly string[];
  readonly notify: boolean;
}

function stateOf(definition: Pick<ServiceDefinition<unknown>, 'id' | 'states'>, name: string): StateDefinition {
  const state = definition.states[name];
  if (!state) throw new UnknownStateError({ state: name, service: definition.id });
  return state;
}

function onChannel(action: ActionDefinition, application: WorkflowApplication<unknown>): boolean {
  return !action.channels || action.channels.includes(application.channel);
}

function mayAct(actor: Actor, action: ActionDefinition, application: WorkflowApplication<unknown>): boolean {
  if (!action.roles.includes(actor.role)) return false;
  return actor.role !== 'APPLICANT' || actor.iin === application.applicant.iin;
}

/** availableActions lists what `actor` may do with the application now, in definition order. */
export function availableActions<Form>(
  definition: ServiceDefinition<Form>,
  application: WorkflowApplication<Form>,
  actor: Actor,
): AvailableAction[] {
  const state = stateOf(definition, application.state);
  return Object.entries(state.actions ?? {})
    .filter(([, action]) => onChannel(action, application) && mayAct(actor, action, application))
    .map(([name, action]) => ({
      action: name,
      to: action.to,
      requires: action.requires ?? [],
      reasons: action.reasons ?? [],
      notify: action.notify,
    }));
}

function checkInput(name: string, action: ActionDefinition, input: TransitionInput, deadline: Date | null, now: Date): void {
  const requires = action.requires ?? [];
  const missing = requires.filter((key) => {
    const value = input[key];
    return value === undefined || (typeof value === 'string' && value.trim() === '');
  });
  if (missing.length > 0) throw new InputRequiredError({ action: name, missing: missing.join(', ') });
  if (requires.includes('reason') && input.reason !== undefined && !(action.reasons ?? []).includes(input.reason)) {
    throw new ReasonNotAllowedError({ reason: input.reason, allowed: (action.reasons ?? []).join(', ') });
  }
  if (requires.includes('newDeadline') && input.newDeadline) {
    // An extension moves the term later than it is, and later than now: an overdue one too.
    const earliest = deadline && deadline > now ? deadline : now;
    if (input.newDeadline <= earliest) {
      throw new DeadlineNotLaterError({ newDeadline: input.newDeadline.toISOString(), deadline: earliest.toISOString() });
    }
    // No further than a date of any form or document may lie, which the notification prints.
    const latestYear = calendarDateInAlmaty(now).year + DATE_WINDOW_YEARS.ahead;
    if (calendarDateInAlmaty(input.newDeadline).year > latestYear) {
      const latest = endOfDayInAlmaty({ year: latestYear, month: 12, day: 31 });
      throw new DeadlineOutOfRangeError({ newDeadline: input.newDeadline.toISOString(), latest: latest.toISOString() });
    }
  }
}

/** TransitionRequest: the arguments of one transition. */
export interface TransitionRequest<Form> {
  readonly definition: ServiceDefinition<Form>;
  readonly application: WorkflowApplication<Form>;
  readonly action: string;
  readonly actor: Actor;
  readonly input: TransitionInput;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
}

/**
 * transition checks the action against the state, the channel, the actor's role and the required
 * inputs, and returns the result; it throws the engine's typed errors otherwise.
 */
export function transition<Form>(request: TransitionRequest<Form>): TransitionResult {
  const { definition, application, actor, input, now, calendar } = request;
  const from = stateOf(definition, application.state);
  if (from.terminal) throw new ApplicationTerminalError({ state: application.state });
  const action = from.actions?.[request.action];
  if (!action || !onChannel(action, application)) {
    throw new ActionNotAllowedError({ action: request.action, state: application.state, channel: application.channel });
  }
  if (!action.roles.includes(actor.role)) {
    throw new RoleNotAllowedError({ action: request.action, role: actor.role, allowed: action.roles.join(', ') });
  }
  if (!mayAct(actor, action, application)) throw new NotOwnApplicationError({});
  checkInput(request.action, action, input, application.deadline, now);

  const to = stateOf(definition, action.to);
  const requires = action.requires ?? [];
  const norm = deadlineFor(to.deadline, application.channel);
  const deadline = requires.includes('newDeadline')
    ? (input.newDeadline ?? null)
    : norm
      ? calendar.dueAt(norm, now)
      : null;
  const kinds = action.issues ? (definition.outputs[action.issues] ?? []) : [];

  return {
    state: action.to,
    status: to.status,
    terminal: to.terminal ?? null,
    history: {
      at: now,
      actorId: actor.id,
      role: actor.role,
      action: request.action,
      from: application.state,
      to: action.to,
      comment: input.comment?.trim() || null,
      reason: requires.includes('reason') ? (input.reason ?? null) : null,
    },
    deadline,
    notify: action.notify,
    documents: action.issues ? { outcome: action.issues, kinds } : null,
  };
}

/** startDeadline: the deadline of the initial state for an application received at `now`. */
export function startDeadline<Form>(
  definition: ServiceDefinition<Form>,
  channel: WorkflowApplication<Form>['channel'],
  now: Date,
  calendar: WorkingCalendar,
): Date | null {
  const norm = deadlineFor(stateOf(definition, definition.initial).deadline, channel);
  return norm ? calendar.dueAt(norm, now) : null;
}
