/**
 * The preschool queue as staff and parents see it: the journal, free places, positions; and the
 * referral of the head of each age group whenever places are set or freed (REFER as SYSTEM, one
 * application at a time, each in its own transaction).
 */
import { InvalidInputError } from '../../domain/index.js';
import { referToFreePlaces } from '../../workflow/index.js';
import { ownProvider, SYSTEM_PRINCIPAL, visible, type ApplicationsDeps, type Lookups } from './context.js';
import { NotInQueueError, OrganisationNotFoundError } from './errors.js';
import type { Perform } from './perform.js';
import type { FreePlacesView, JournalEntryView, Page, PageQuery, Principal, QueuePositionView, SetFreePlacesRequest } from './types.js';
import { positionView, toQueueEntry, waitingEntries } from './views.js';

const MAX_PLACES = 10_000;

export function createQueue(deps: ApplicationsDeps, lookups: Lookups, perform: Perform) {
  /**
   * referHeads plans with the pure referToFreePlaces over the waiting children and the free
   * places, then takes REFER for each planned child; a child whose application moved meanwhile
   * is skipped (the next run plans again).
   */
  async function referHeads(providerId: string): Promise<number> {
    const now = deps.clock.now();
    const places = (await deps.store.read.freePlaces(providerId)).filter((p) => p.free > 0);
    if (places.length === 0) return 0;
    const waiting = await waitingEntries(deps.store.read, providerId);
    const plan = referToFreePlaces({ entries: waiting.map(toQueueEntry), places }, now);
    let referred = 0;
    for (const { applicationNumber, referral } of plan.referred) {
      try {
        await perform(applicationNumber, 'REFER', { organisationId: referral.organisationId }, SYSTEM_PRINCIPAL);
        referred += 1;
      } catch (error) {
        deps.onError?.('queue.refer_failed', error);
      }
    }
    return referred;
  }

  return {
    referHeads,

    async position(number: string, principal: Principal): Promise<QueuePositionView> {
      visible(principal, await deps.store.read.find(number), number);
      const entry = await deps.store.read.queueEntry(number);
      if (!entry) throw new NotInQueueError({ number });
      return positionView(deps.store.read, entry, deps.clock.now());
    },

    async journal(providerId: string, principal: Principal, page: PageQuery): Promise<Page<JournalEntryView>> {
      ownProvider(principal, providerId);
      lookups.provider(providerId);
      const limit = Math.min(Math.max(page.limit, 1), 200);
      const after = page.cursor ? /^(\d{4})-(\d+)$/.exec(page.cursor) : null;
      if (page.cursor && !after) throw new InvalidInputError({ details: [{ path: 'cursor', rule: 'INVALID_FORMAT', params: {} }] });
      const entries = await deps.store.read.queueEntries(
        providerId,
        null,
        limit,
        after ? { year: Number(after[1]), number: Number(after[2]) } : null,
      );
      const now = deps.clock.now();
      const items: JournalEntryView[] = [];
      for (const entry of entries) {
        items.push({
          ...(await positionView(deps.store.read, entry, now)),
          childIin: entry.childIin,
          birthDate: entry.birthDate,
          preferredOrganisations: entry.preferredOrganisations,
        });
      }
      const last = entries.at(-1);
      return { items, nextCursor: entries.length === limit && last ? `${last.journalYear}-${last.journalNumber}` : null };
    },

    async freePlaces(providerId: string, principal: Principal): Promise<readonly FreePlacesView[]> {
      ownProvider(principal, providerId);
      lookups.provider(providerId);
      return deps.store.read.freePlaces(providerId);
    },

    async setFreePlaces(providerId: string, request: SetFreePlacesRequest, principal: Principal): Promise<readonly FreePlacesView[]> {
      ownProvider(principal, providerId);
      const provider = lookups.provider(providerId);
      if (!provider.organisations.some((o) => o.id === request.organisationId)) {
        throw new OrganisationNotFoundError({ organisationId: request.organisationId });
      }
      const issues = [
        ...(Number.isInteger(request.free) && request.free >= 0 && request.free <= MAX_PLACES ? [] : [{ path: 'free', rule: 'NOT_ALLOWED_VALUE', params: {} }]),
        ...(Number.isInteger(request.ageYears) && request.ageYears >= 0 && request.ageYears < 7
          ? []
          : [{ path: 'ageYears', rule: 'NOT_ALLOWED_VALUE', params: {} }]),
      ];
      if (issues.length > 0) throw new InvalidInputError({ details: issues });
      await deps.store.transaction((tx) =>
        tx.setFreePlaces({ providerId, organisationId: request.organisationId, ageYears: request.ageYears, free: request.free }),
      );
      await referHeads(providerId);
      return deps.store.read.freePlaces(providerId);
    },
  };
}
