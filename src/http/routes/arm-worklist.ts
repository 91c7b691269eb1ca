/**
 * The АРМ's worklist (`/arm`): the applications of the operator's provider (a ЦОН operator: those
 * taken at the ЦОН) from the use cases' worklist, ordered by deadline, filtered by a GET form that
 * keeps its values, paged by the use case's cursor. Rows past their deadline say so in words and
 * with a mark, not by colour alone. Rows with issued documents can be ticked for a batch print.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { CHANNELS, validateInput, type AnyServiceDefinition, type Channel } from '../../domain/index.js';
import type { OperatorAccounts } from '../../accounts/index.js';
import type { Translator } from '../../i18n/index.js';
import { apiKeyPrincipalId, type ApiKeys, type Applications, type ApplicationSummary, type Principal, type ProviderInfo, type WorklistQuery } from '../../usecases/index.js';
import type { RenderScreen } from '../screens/error-page.js';
import { screenView } from '../screens/index.js';
import type { SessionControl } from '../screens/session.js';
import { sessionOf } from '../screens/session.js';
import { deadlineView, requireStaff, staff } from './arm-shared.js';

export interface ArmWorklistDeps {
  readonly applications: Applications;
  readonly services: readonly AnyServiceDefinition[];
  readonly accounts: Pick<OperatorAccounts, 'list'>;
  /** apiKeys: to name a system that took an application into work through the API. */
  readonly apiKeys: Pick<ApiKeys, 'list'>;
  readonly translator: Translator;
  readonly render: RenderScreen;
  readonly session: SessionControl;
  readonly now: () => Date;
  /** providers: to name the operator's provider. */
  readonly providers: readonly ProviderInfo[];
}

/** PAGE_SIZE: rows per worklist page. */
const PAGE_SIZE = 25;

/**
 * printableStates: per service, the states an application is in once a transition issued its
 * documents (the targets of issuing actions and every state after them).
 */
export function printableStates(services: readonly AnyServiceDefinition[]): ReadonlyMap<string, ReadonlySet<string>> {
  const result = new Map<string, Set<string>>();
  for (const service of services) {
    const states = Object.values(service.states);
    const reached = new Set(states.flatMap((state) => Object.values(state.actions ?? {}).filter((a) => a.issues).map((a) => a.to)));
    const pending = [...reached];
    for (let state = pending.pop(); state !== undefined; state = pending.pop()) {
      for (const action of Object.values(service.states[state]?.actions ?? {})) {
        if (reached.has(action.to)) continue;
        reached.add(action.to);
        pending.push(action.to);
      }
    }
    result.set(service.id, reached);
  }
  return result;
}

function worklistFilters(services: readonly AnyServiceDefinition[]) {
  const statuses = [...new Set(services.flatMap((s) => Object.values(s.states).map((state) => state.status)))];
  return {
    statuses,
    schema: z.strictObject({
      status: z.enum(statuses as [string, ...string[]]).or(z.literal('')).optional(),
      service: z.enum(services.map((s) => s.id) as [string, ...string[]]).or(z.literal('')).optional(),
      channel: z.enum(CHANNELS).or(z.literal('')).optional(),
      overdue: z.literal('true').optional(),
      assignee: z.enum(['', 'me']).optional(),
      cursor: z.string().regex(/^[A-Za-z0-9_=.:-]{1,200}$/).optional(),
      lang: z.string().optional(),
    }),
  };
}

export function armWorklistRoutes(deps: ArmWorklistDeps): Router {
  const router = Router();
  const filters = worklistFilters(deps.services);
  const printable = printableStates(deps.services);

  const queryOf = (filter: z.output<typeof filters.schema>, principal: Principal): WorklistQuery => {
    // The ЦОН operator's АРМ is the ЦОН's desk: the applications taken there.
    const channel: Channel | undefined = principal.role === 'CON_OPERATOR' ? 'con' : filter.channel || undefined;
    const entries = {
      status: filter.status || undefined,
      serviceId: filter.service || undefined,
      channel,
      overdue: filter.overdue === 'true' ? true : undefined,
      assignee: filter.assignee === 'me' ? principal.id : undefined,
      cursor: filter.cursor,
    };
    return { limit: PAGE_SIZE, ...Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) };
  };

  /** pageLink: the worklist with the same filters, at a cursor (or the first page). */
  const pageLink = (req: Request, cursor: string | null) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query)) if (key !== 'cursor' && key !== 'lang' && typeof value === 'string' && value !== '') params.set(key, value);
    if (cursor) params.set('cursor', cursor);
    return `/arm?${params.toString()}`;
  };

  const rowOf = (item: ApplicationSummary, names: ReadonlyMap<string, string>, principal: Principal, now: Date) => ({
    ...item,
    serviceKey: `services:${item.serviceId}.name`,
    deadlineView: deadlineView(deps.translator, item.deadline, item.overdue, now),
    assigneeName: item.assignee === null ? null : item.assignee === principal.id ? null : (names.get(item.assignee) ?? item.assignee),
    assignedToMe: item.assignee === principal.id,
    printable: printable.get(item.serviceId)?.has(item.state) ?? false,
  });

  router.get('/arm', requireStaff, async (req: Request, res: Response) => {
    const principal = staff(res);
    const filter = validateInput(filters.schema, req.query);
    const page = await deps.applications.list(queryOf(filter, principal), principal);
    const names = new Map([
      ...(await deps.apiKeys.list()).map((k) => [apiKeyPrincipalId(k.keyId), k.label] as const),
      ...(await deps.accounts.list()).map((a) => [a.id, a.displayName] as const),
    ]);
    const now = deps.now();
    const view = screenView(
      req,
      res,
      {
        pageTitle: 'screens:arm.title',
        principal,
        providerName: deps.providers.find((p) => p.id === principal.providerId)?.name ?? null,
        displayName: sessionOf(res).displayName,
        csrf: deps.session.csrfToken(res),
        filter: { ...filter, status: filter.status ?? '', service: filter.service ?? '', channel: filter.channel ?? '', assignee: filter.assignee ?? '' },
        conOperator: principal.role === 'CON_OPERATOR',
        statuses: filters.statuses.map((status) => ({ value: status, key: `workflow:statuses.${status}`, selected: status === filter.status })),
        services: deps.services.map((s) => ({ value: s.id, key: s.nameKey, selected: s.id === filter.service })),
        channels: CHANNELS.map((c) => ({ value: c, key: `screens:portal.channel.${c}`, selected: c === filter.channel })),
        rows: page.items.map((item) => rowOf(item, names, principal, now)),
        anyPrintable: page.items.some((item) => printable.get(item.serviceId)?.has(item.state)),
        next: page.nextCursor ? pageLink(req, page.nextCursor) : null,
        first: filter.cursor === undefined ? null : pageLink(req, null),
      },
    );
    res.type('html').send(deps.render('screens/arm-worklist', view));
  });

  return router;
}
