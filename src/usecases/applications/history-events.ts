/**
 * Every kind of line a history can hold: the ones the use cases write themselves (the intake's
 * SUBMIT, the scheduler's DEADLINE_BREACHED) and the actions of the service definitions (the
 * scheduler's and the intake's SYSTEM actions, such as AGE_OUT, EXPIRE_REFERRAL or REJECT_EDS,
 * are actions of the definitions too). The pages name an action line by `workflow:actions.<kind>`;
 * the i18n check reads this list, so that a kind without kk and ru text fails the check instead
 * of the page.
 */
import type { AnyServiceDefinition } from '../../domain/index.js';
import { DEADLINE_BREACHED } from './deadlines.js';

/** SUBMITTED: the first line of every history; each page names it in its own words (screens:*.submitted). */
export const SUBMITTED = 'SUBMIT';

/** OWN_HISTORY_EVENTS: the lines the use cases write that are no action of a definition. */
export const OWN_HISTORY_EVENTS = [SUBMITTED, DEADLINE_BREACHED] as const;

/** historyActions: every kind of history line named by `workflow:actions.<kind>`, sorted. */
export function historyActions(definitions: readonly AnyServiceDefinition[]): string[] {
  const actions = definitions.flatMap((definition) => Object.values(definition.states).flatMap((state) => Object.keys(state.actions ?? {})));
  return [...new Set([DEADLINE_BREACHED, ...actions])].sort();
}

/** historyEvents: every kind of history line the code can write, sorted. */
export function historyEvents(definitions: readonly AnyServiceDefinition[]): string[] {
  return [...new Set([...OWN_HISTORY_EVENTS, ...historyActions(definitions)])].sort();
}
