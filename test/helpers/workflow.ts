/** Helpers for workflow tests: an application in a given state, and driving a path of actions. */
import type { AnyServiceDefinition, Channel, Role, WorkflowApplication } from '../../src/domain/index.js';
import { transition, type TransitionInput, type TransitionResult, type WorkingCalendar } from '../../src/workflow/index.js';

export const APPLICANT_IIN = '880412301010';

/** makeApplication: an application of the service on a channel, in `state` (the initial one by default). */
export function makeApplication(
  service: AnyServiceDefinition,
  channel: Channel,
  overrides: Partial<WorkflowApplication<unknown>> = {},
): WorkflowApplication<unknown> {
  const receivedAt = new Date('2026-03-19T05:00:00Z');
  return {
    number: null,
    serviceId: service.id,
    channel,
    providerId: 'urdzhar',
    applicant: { iin: APPLICANT_IIN, fullName: 'Омаров Ерлан Серікұлы' },
    form: {},
    state: service.initial,
    receivedAt,
    stateEnteredAt: receivedAt,
    deadline: null,
    ...overrides,
  };
}

/** Step: take `action` as `role` (with `input`) and expect to land in `to`. */
export type Step = readonly [action: string, role: Role, to: string, input?: TransitionInput];

/** drive applies the steps in order, checking each landing state; returns every result. */
export function drive(
  service: AnyServiceDefinition,
  start: WorkflowApplication<unknown>,
  steps: readonly Step[],
  calendar: WorkingCalendar,
  now = new Date('2026-03-19T05:00:00Z'),
): { application: WorkflowApplication<unknown>; results: TransitionResult[] } {
  let application = start;
  const results: TransitionResult[] = [];
  for (const [action, role, to, input] of steps) {
    const result = transition({
      definition: service,
      application,
      action,
      actor: { id: `${role.toLowerCase()}-1`, role, iin: role === 'APPLICANT' ? APPLICANT_IIN : undefined },
      input: input ?? {},
      now,
      calendar,
    });
    if (result.state !== to) throw new Error(`${application.state} --${action}/${role}--> ${result.state}, expected ${to}`);
    results.push(result);
    application = { ...application, state: result.state, deadline: result.deadline, number: application.number ?? 'KZ-1' };
  }
  return { application, results };
}
