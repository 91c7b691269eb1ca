/**
 * The preschool queue in the АРМ (`/arm/queue`): the provider's journal in queue order (number,
 * date, child, age group, status, position), the referrals with the day they expire, and the free
 * places per organisation and age group with a form to set them. Setting places refers the heads
 * of the queue (the use case does it). For the provider's own staff: a ЦОН keeps no journal.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { AppError, defineError, validateInput, type LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { Applications, Principal, ProviderInfo } from '../../usecases/index.js';
import { statusOf } from '../errors.js';
import type { RenderScreen } from '../screens/error-page.js';
import { screenView } from '../screens/index.js';
import type { SessionControl } from '../screens/session.js';
import { postedValues } from './arm-action-forms.js';
import { almatyTime, errorMessages, requireStaff, staff } from './arm-shared.js';
import { formBody } from '../bodies.js';

/** QueueForProviderStaffError: the journal and free places are the provider's own staff's. */
export const QueueForProviderStaffError = defineError('QUEUE_FOR_PROVIDER_STAFF', 'forbidden');

export interface ArmQueueDeps {
  readonly applications: Applications;
  readonly providers: readonly ProviderInfo[];
  readonly translator: Translator;
  readonly render: RenderScreen;
  readonly session: SessionControl;
  readonly now: () => Date;
}

/** AGE_GROUPS: the preschool age groups, in whole years (the use case accepts 0–6). */
const AGE_GROUPS = [0, 1, 2, 3, 4, 5, 6] as const;
const JOURNAL_PAGE = 50;

/** PLACE_FIELDS: the labels of the free-places form's inputs, for its problems. */
const PLACE_FIELDS: Readonly<Record<string, string>> = {
  organisation: 'screens:arm.queue.organisation',
  organisationId: 'screens:arm.queue.organisation',
  ageYears: 'screens:arm.queue.age',
  free: 'screens:arm.queue.free',
};

const PlacesForm = z.strictObject({
  _csrf: z.string(),
  organisation: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  ageYears: z.coerce.number().int().min(0).max(6),
  free: z.coerce.number().int().min(0).max(10_000),
});

export function armQueueRoutes(deps: ArmQueueDeps): Router {
  const router = Router();
  const { translator } = deps;
  const providers = new Map(deps.providers.map((p) => [p.id, p]));
  const form = formBody({ bytes: '4kb', fields: 10 });

  const providerOf = (principal: Principal): ProviderInfo => {
    const provider = principal.providerId === undefined ? undefined : providers.get(principal.providerId);
    if (principal.role === 'CON_OPERATOR' || !provider) throw new QueueForProviderStaffError({});
    return provider;
  };

  const show = async (req: Request, res: Response, status: number, problem: { values: Record<string, string>; messages: LocalizedText[] } | null) => {
    const principal = staff(res);
    const provider = providerOf(principal);
    const cursor = typeof req.query.cursor === 'string' && /^\d{4}-\d{1,9}$/.test(req.query.cursor) ? req.query.cursor : undefined;
    const journal = await deps.applications.journal(provider.id, principal, { limit: JOURNAL_PAGE, ...(cursor ? { cursor } : {}) });
    const places = await deps.applications.freePlaces(provider.id, principal);
    const organisations = new Map(provider.organisations.map((o) => [o.id, o]));
    const now = deps.now();
    const orgView = (id: string) => ({ id, number: organisations.get(id)?.number ?? id, name: organisations.get(id)?.name ?? null });
    const entries = journal.items.map((e) => ({
      ...e,
      statusKey: `screens:arm.queue.statuses.${e.status}`,
      referralView: e.referral
        ? { organisation: orgView(e.referral.organisationId), until: almatyTime(e.referral.validUntil), expired: new Date(e.referral.validUntil) < now }
        : null,
    }));
    const values = problem?.values ?? {};
    const page = {
      pageTitle: 'screens:arm.queue.title',
      principal,
      csrf: deps.session.csrfToken(res),
      provider: { id: provider.id, name: provider.name },
      entries,
      referrals: entries.filter((e) => e.referralView !== null && e.status === 'REFERRED'),
      places: places.map((p) => ({ ...p, organisation: orgView(p.organisationId) })),
      organisations: provider.organisations.map((o) => ({ ...orgView(o.id), selected: values.organisation === o.id })),
      ages: AGE_GROUPS.map((age) => ({ value: age, selected: values.ageYears === String(age) })),
      freeValue: values.free ?? '',
      next: journal.nextCursor ? `/arm/queue?cursor=${encodeURIComponent(journal.nextCursor)}` : null,
      saved: req.query.saved === '1',
      problem,
    };
    res.status(status).type('html').send(deps.render('screens/arm-queue', screenView(req, res, page)));
  };

  router.get('/arm/queue', requireStaff, async (req, res) => {
    await show(req, res, 200, null);
  });

  router.post('/arm/queue/free-places', requireStaff, form, async (req, res) => {
    deps.session.assertCsrf(req, res);
    const principal = staff(res);
    const provider = providerOf(principal);
    const values = postedValues(req.body);
    try {
      const input = validateInput(PlacesForm, values);
      await deps.applications.setFreePlaces(provider.id, { organisationId: input.organisation, ageYears: input.ageYears, free: input.free }, principal);
    } catch (error) {
      if (!(error instanceof AppError) || error.kind === 'internal' || error.kind === 'unavailable') throw error;
      await show(req, res, statusOf(error), { values, messages: errorMessages(translator, error, (path) => PLACE_FIELDS[path] ?? null) });
      return;
    }
    res.redirect(303, '/arm/queue?saved=1');
  });

  return router;
}
