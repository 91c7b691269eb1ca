/**
 * The overdue planner: which applications passed their current state's deadline and what the
 * scheduler should do about each. Pure; the scheduler (wired in usecases/) runs it, records the
 * breach in the history, notifies, and takes the escalation action as SYSTEM.
 */
import type { AnyServiceDefinition, Role, WorkflowApplication } from '../domain/index.js';

/** OverdueItem: one application past its deadline. */
export interface OverdueItem {
  readonly number: string | null;
  readonly serviceId: string;
  readonly state: string;
  readonly deadline: Date;
  readonly overdueMinutes: number;
  /** action: the SYSTEM action to take (e.g. expire a referral), or null to record the breach only. */
  readonly action: string | null;
  readonly notify: readonly Role[];
}

/** findOverdue lists applications whose deadline has passed and whose breach is not yet handled. */
export function findOverdue(
  definitions: ReadonlyMap<string, AnyServiceDefinition>,
  applications: Iterable<WorkflowApplication<unknown>>,
  now: Date,
): OverdueItem[] {
  const items: OverdueItem[] = [];
  for (const application of applications) {
    const { deadline } = application;
    if (!deadline || deadline > now) continue;
    const state = definitions.get(application.serviceId)?.states[application.state];
    if (!state || state.terminal) continue;
    const action = state.onDeadline?.action ?? null;
    // A breach without an action is recorded once; an action is retried until it moves the state.
    if (!action && application.breachRecordedAt) continue;
    items.push({
      number: application.number,
      serviceId: application.serviceId,
      state: application.state,
      deadline,
      overdueMinutes: Math.floor((now.getTime() - deadline.getTime()) / 60_000),
      action,
      notify: state.onDeadline?.notify ?? [],
    });
  }
  return items.sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
}
