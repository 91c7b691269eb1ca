/**
 * The scheduler: each tick records every new breach once (history line DEADLINE_BREACHED, from =
 * to = the state, and notifications to the roles the state names), then takes the escalation
 * actions as SYSTEM (expiring a referral), retried on every tick until the state moves; a freed
 * place refers the next child. On the first tick of each day (Almaty time) the children of a
 * queue who reached its age limit leave it (AGE_OUT as SYSTEM): ages change by the day, and the
 * whole waiting list is read for it.
 */
import { calendarDateInAlmaty } from '../../domain/index.js';
import { agedOut } from '../../workflow/index.js';
import { SYSTEM_PRINCIPAL, type ApplicationsDeps, type Lookups } from './context.js';
import { createNotifications } from './notifications.js';
import type { Perform } from './perform.js';
import type { DeadlineRun } from './types.js';
import { toQueueEntry, waitingEntries } from './views.js';

/** BATCH: applications handled per query; a tick loops until a batch comes back short. */
const BATCH = 200;

export const DEADLINE_BREACHED = 'DEADLINE_BREACHED';

export function createDeadlines(
  deps: ApplicationsDeps,
  lookups: Lookups,
  perform: Perform,
  referHeads: (providerId: string) => Promise<number>,
) {
  const notifications = createNotifications(deps.texts);

  async function recordBreaches(now: Date): Promise<{ breaches: number; failures: number }> {
    let breaches = 0;
    let failures = 0;
    for (;;) {
      const due = await deps.store.read.breached(now, BATCH);
      let moved = 0;
      for (const record of due) {
        const state = lookups.definition(record.serviceId).states[record.state];
        const next = { ...record, breachRecordedAt: now, version: record.version + 1 };
        try {
          const recorded = await deps.store.transaction(async (tx) => {
            // Somebody acted meanwhile: the breach of the old state no longer stands.
            if (!(await tx.update(next))) return false;
            await tx.appendHistory(record.number, [
              {
                at: now,
                actorId: SYSTEM_PRINCIPAL.id,
                role: 'SYSTEM',
                action: DEADLINE_BREACHED,
                from: record.state,
                to: record.state,
                comment: null,
                reason: null,
              },
            ]);
            await tx.notify(notifications.breached(record, state?.onDeadline?.notify ?? [], now));
            return true;
          });
          if (recorded) breaches += 1;
          moved += 1;
        } catch (error) {
          failures += 1;
          deps.onError?.('deadlines.breach_failed', error);
        }
      }
      if (due.length < BATCH || moved === 0) return { breaches, failures };
    }
  }

  async function escalate(now: Date): Promise<{ actions: number; failures: number }> {
    let actions = 0;
    let failures = 0;
    const providers = new Set<string>();
    const due = await deps.store.read.dueForAction(lookups.escalations, now, BATCH);
    for (const record of due) {
      const action = lookups.definition(record.serviceId).states[record.state]?.onDeadline?.action;
      if (!action) continue;
      try {
        const done = await perform(record.number, action, {}, SYSTEM_PRINCIPAL);
        actions += 1;
        if (done.freed) providers.add(record.providerId);
      } catch (error) {
        failures += 1;
        deps.onError?.('deadlines.action_failed', error);
      }
    }
    for (const providerId of providers) await referHeads(providerId);
    return { actions, failures };
  }

  let agedOutOn: string | null = null;

  async function ageOut(now: Date): Promise<{ agedOut: number; failures: number }> {
    const { year, month, day } = calendarDateInAlmaty(now);
    const today = `${year}-${month}-${day}`;
    if (agedOutOn === today) return { agedOut: 0, failures: 0 };
    let count = 0;
    let failures = 0;
    for (const definition of deps.definitions) {
      if (!definition.queue) continue;
      for (const provider of deps.providers.filter((p) => p.services.includes(definition.id))) {
        const waiting = (await waitingEntries(deps.store.read, provider.id)).map(toQueueEntry);
        for (const number of agedOut(waiting, now, definition.queue.ageLimit)) {
          try {
            await perform(number, 'AGE_OUT', {}, SYSTEM_PRINCIPAL);
            count += 1;
          } catch (error) {
            failures += 1;
            deps.onError?.('queue.age_out_failed', error);
          }
        }
      }
    }
    // A day with failures is tried again on the next tick.
    if (failures === 0) agedOutOn = today;
    return { agedOut: count, failures };
  }

  async function runDeadlines(now: Date = deps.clock.now()): Promise<DeadlineRun> {
    const breached = await recordBreaches(now);
    const escalated = await escalate(now);
    const aged = await ageOut(now);
    return {
      breaches: breached.breaches,
      actions: escalated.actions,
      agedOut: aged.agedOut,
      failures: breached.failures + escalated.failures + aged.failures,
    };
  }

  /** startScheduler runs a tick every intervalMs; a tick still running makes the next one skip; stop waits for it. */
  function startScheduler(options: { readonly intervalMs: number }): () => Promise<void> {
    let current: Promise<void> | null = null;
    let stopped = false;
    const timer = setInterval(() => {
      if (current || stopped) return;
      current = runDeadlines()
        .then(
          () => undefined,
          (error: unknown) => deps.onError?.('deadlines.tick_failed', error),
        )
        .finally(() => {
          current = null;
        });
    }, options.intervalMs);
    timer.unref();
    return async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    };
  }

  return { runDeadlines, startScheduler };
}
