/**
 * Every kind of history line, on every page of an application: applications of each service are
 * driven through the real service (the API, signed portal requests, the scheduler's run on a fixed
 * clock the test moves on) until every event of the code's list (historyEvents) has landed in a
 * history; after each step the АРМ application page, the worklist, the cabinet application page,
 * the cabinet notifications, `GET /v1/applications/{n}` and the applicant's notifications answer
 * 200, and the АРМ and cabinet pages name each line of the history in words.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorAccounts } from '../../../src/accounts/index.js';
import { services } from '../../../src/catalog/index.js';
import { composeOperators, type Service } from '../../../src/compose.js';
import type { Role } from '../../../src/domain/index.js';
import { buildRequestXml, createDemoSigner, type DemoSigner } from '../../../src/sign/index.js';
import { historyEvents, SUBMITTED } from '../../../src/usecases/index.js';
import { mutableClock } from '../../helpers/applications.js';
import { localeFile } from '../../helpers/project.js';
import { listen, startTestService, type HttpHandle } from '../../helpers/service.js';
import { silentLogger } from '../../helpers/silent-logger.js';
import { textOf, Visitor } from './screen-client.js';

const EMPLOYMENT = 'ekibastuz-employment';
const EDUCATION = 'urzhar-education';
const PASSWORD = 'Жұмыс-орны-2026!';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Development citizens (src/sign/dev-ca.ts) who can sign in to the cabinet, and their children.
const TURSYNOV = { iin: '990809301249', fullName: 'Тұрсынов Бауыржан Ғаниұлы' };
const IVANOV = { iin: '891115301051', fullName: 'Иванов Сергей Николаевич' };
const OMAROVA = { iin: '900903401021', fullName: 'Омарова Айгүл Болатқызы' };
const PETROVA_REVOKED = '841201401212';
const ARTEM = { iin: '150319502043', fullName: 'Иванов Артём Сергеевич', birthDate: '2015-03-19' };
const AISHA = { iin: '230214602026', fullName: 'Омарова Айша Ерланқызы', birthDate: '2023-02-14' };
// Әлихан turns seven on 2028-05-10: a week after the clock's start, the scheduler takes him off the queue (AGE_OUT).
const ALIKHAN = { iin: '210510502015', fullName: 'Омаров Әлихан Ерланұлы', birthDate: '2021-05-10' };
const clock = mutableClock('2028-05-03T04:00:00Z');

const day = (offsetDays: number) => new Date(clock.now().getTime() + offsetDays * DAY).toISOString().slice(0, 10);
const actionTexts = {
  kk: (localeFile('kk', 'workflow') as { actions: Record<string, string> }).actions,
  ru: (localeFile('ru', 'workflow') as { actions: Record<string, string> }).actions,
};

type Channel = 'portal' | 'con' | 'provider';
interface Applicant {
  readonly iin: string;
  readonly fullName: string;
}
interface Path {
  readonly name: string;
  readonly serviceId: string;
  readonly providerId: string;
  readonly channel: Channel;
  readonly applicant: Applicant;
  /** signedBy: a portal request signed with this citizen's key (another's, or a revoked one, is REJECT_EDS). */
  readonly signedBy?: string;
  readonly form: () => Record<string, unknown>;
  readonly steps: readonly Step[];
}
type Step =
  | { readonly act: string; readonly as: Role; readonly body?: () => Record<string, unknown> }
  | { readonly tick: number }
  | { readonly freePlaces: { readonly organisationId: string; readonly ageYears: number; readonly free: number } };

const unemployedForm = (applicant: Applicant) => () => ({ ...applicant, period: { from: day(-200), to: day(-10) }, attachments: [] });
const disabledForm = () => ({
  ...IVANOV,
  child: ARTEM,
  conclusion: { number: 'ПМПК-17', date: day(-30) },
  homeEducationPeriod: { from: day(30), to: day(300) },
  attachments: [],
});
const preschoolForm = (child: typeof AISHA) => () => ({ ...OMAROVA, child, preferredOrganisations: [], language: 'kk' });

const comment = { comment: 'Тексеру нәтижесі бойынша / по результатам проверки' };
const extend = (): Record<string, unknown> => ({ newDeadline: new Date(clock.now().getTime() + 30 * DAY).toISOString(), ...comment });
const refusal = (reason: string) => () => ({ reason, ...comment });
const unemployedSign = () => ({ document: { registeredFrom: day(-200) } });
const disabledSign = () => ({
  document: { basis: { kk: 'Бөлімнің № 412 шешімі', ru: 'Решение отдела № 412' }, monthlyAmount: 19750 },
});

/** The desk intake refusals and the signed portal requests, the same for every service. */
function intakePaths(base: Omit<Path, 'name' | 'channel' | 'steps'>, desk: Channel): Path[] {
  return [
    { ...base, name: 'refused at intake', channel: desk, steps: [{ act: 'REFUSE_DOCUMENTS_AT_INTAKE', as: 'PROVIDER_EMPLOYEE', body: refusal('DOCUMENTS_INCOMPLETE') }] },
    { ...base, name: 'person not found', channel: desk, steps: [{ act: 'REFUSE_PERSON_NOT_FOUND', as: 'PROVIDER_EMPLOYEE', body: () => ({ reason: 'PERSON_NOT_FOUND' }) }] },
    { ...base, name: 'EDS not confirmed', channel: 'portal', signedBy: PETROVA_REVOKED, steps: [] },
  ];
}

const PATHS: readonly Path[] = [
  // Unemployed certificate: the desk with the breaches (one on the minute of signing), extension and rework; ЦОН; the portal.
  {
    name: 'desk, issued',
    serviceId: 'unemployed-certificate',
    providerId: EMPLOYMENT,
    channel: 'provider',
    applicant: TURSYNOV,
    form: unemployedForm(TURSYNOV),
    steps: [
      { tick: 6 * MINUTE },
      { act: 'REGISTER', as: 'PROVIDER_EMPLOYEE' },
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { act: 'EXTEND', as: 'PROVIDER_HEAD', body: extend },
      { act: 'APPROVE', as: 'PROVIDER_EMPLOYEE' },
      { tick: 2 * MINUTE },
      { act: 'RETURN_TO_WORK', as: 'PROVIDER_HEAD', body: () => comment },
      { act: 'APPROVE', as: 'PROVIDER_EMPLOYEE' },
      { act: 'SIGN', as: 'PROVIDER_HEAD', body: unemployedSign },
      { act: 'ISSUE_AT_DESK', as: 'PROVIDER_EMPLOYEE' },
    ],
  },
  {
    name: 'ЦОН, refused',
    serviceId: 'unemployed-certificate',
    providerId: EMPLOYMENT,
    channel: 'con',
    applicant: TURSYNOV,
    form: unemployedForm(TURSYNOV),
    steps: [
      { act: 'REGISTER', as: 'CON_OPERATOR' },
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { act: 'REFUSE', as: 'PROVIDER_EMPLOYEE', body: refusal('NOT_REGISTERED_UNEMPLOYED') },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { act: 'ISSUE_AT_CON', as: 'CON_OPERATOR' },
    ],
  },
  {
    name: 'portal, documents refused, delivered to the cabinet',
    serviceId: 'unemployed-certificate',
    providerId: EMPLOYMENT,
    channel: 'portal',
    applicant: TURSYNOV,
    signedBy: TURSYNOV.iin,
    form: unemployedForm(TURSYNOV),
    steps: [
      { act: 'REFUSE_DOCUMENTS', as: 'PROVIDER_EMPLOYEE', body: refusal('DOCUMENTS_NONCONFORMING') },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
    ],
  },
  ...intakePaths({ serviceId: 'unemployed-certificate', providerId: EMPLOYMENT, applicant: TURSYNOV, form: unemployedForm(TURSYNOV) }, 'provider'),

  // Home education of a disabled child: the portal (issued to the cabinet) and the desk.
  {
    name: 'portal, issued to the cabinet',
    serviceId: 'disabled-children-home-education',
    providerId: EMPLOYMENT,
    channel: 'portal',
    applicant: IVANOV,
    signedBy: IVANOV.iin,
    form: disabledForm,
    steps: [
      { tick: 16 * MINUTE },
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { act: 'EXTEND', as: 'PROVIDER_HEAD', body: extend },
      { act: 'APPROVE', as: 'PROVIDER_EMPLOYEE' },
      { act: 'RETURN_TO_WORK', as: 'PROVIDER_HEAD', body: () => comment },
      { act: 'APPROVE', as: 'PROVIDER_EMPLOYEE' },
      { tick: 2 * MINUTE },
      { act: 'SIGN', as: 'PROVIDER_HEAD', body: disabledSign },
    ],
  },
  {
    name: 'desk, documents refused, issued at the desk',
    serviceId: 'disabled-children-home-education',
    providerId: EMPLOYMENT,
    channel: 'provider',
    applicant: IVANOV,
    form: disabledForm,
    steps: [
      { act: 'REGISTER', as: 'PROVIDER_EMPLOYEE' },
      { act: 'REFUSE_DOCUMENTS', as: 'PROVIDER_EMPLOYEE', body: refusal('DOCUMENTS_INCOMPLETE') },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { act: 'ISSUE_AT_DESK', as: 'PROVIDER_EMPLOYEE' },
    ],
  },
  {
    name: 'desk, refused',
    serviceId: 'disabled-children-home-education',
    providerId: EMPLOYMENT,
    channel: 'provider',
    applicant: IVANOV,
    form: disabledForm,
    steps: [
      { act: 'REGISTER', as: 'PROVIDER_EMPLOYEE' },
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { act: 'REFUSE', as: 'PROVIDER_EMPLOYEE', body: refusal('NOT_ELIGIBLE') },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { act: 'ISSUE_AT_DESK', as: 'PROVIDER_EMPLOYEE' },
    ],
  },
  ...intakePaths({ serviceId: 'disabled-children-home-education', providerId: EMPLOYMENT, applicant: IVANOV, form: disabledForm }, 'provider'),

  // The preschool queue: Әлихан waits until he ages out; Айша is queued, referred, enrolled, withdrawn, expired, requeued, closed.
  {
    name: 'queued until the child is seven',
    serviceId: 'preschool-queue',
    providerId: EDUCATION,
    channel: 'provider',
    applicant: OMAROVA,
    form: preschoolForm(ALIKHAN),
    steps: [
      { act: 'REGISTER', as: 'PROVIDER_EMPLOYEE' },
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { act: 'QUEUE', as: 'PROVIDER_EMPLOYEE' },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
    ],
  },
  {
    name: 'ЦОН, referred from work, enrolled',
    serviceId: 'preschool-queue',
    providerId: EDUCATION,
    channel: 'con',
    applicant: OMAROVA,
    form: preschoolForm(AISHA),
    steps: [
      { act: 'REGISTER', as: 'CON_OPERATOR' },
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { freePlaces: { organisationId: 'baldyrgan', ageYears: 5, free: 1 } },
      { act: 'REFER', as: 'PROVIDER_EMPLOYEE', body: () => ({ organisationId: 'baldyrgan' }) },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { act: 'ENROL', as: 'PROVIDER_EMPLOYEE' },
    ],
  },
  {
    name: 'portal, queued, withdrawn',
    serviceId: 'preschool-queue',
    providerId: EDUCATION,
    channel: 'portal',
    applicant: OMAROVA,
    signedBy: OMAROVA.iin,
    form: preschoolForm(AISHA),
    steps: [
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { act: 'QUEUE', as: 'PROVIDER_EMPLOYEE' },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { act: 'WITHDRAW', as: 'APPLICANT', body: () => comment },
    ],
  },
  {
    name: 'desk, queued, referred by the system, expired twice, closed',
    serviceId: 'preschool-queue',
    providerId: EDUCATION,
    channel: 'provider',
    applicant: OMAROVA,
    form: preschoolForm(AISHA),
    steps: [
      { tick: 6 * MINUTE },
      { act: 'REGISTER', as: 'PROVIDER_EMPLOYEE' },
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { act: 'EXTEND', as: 'PROVIDER_HEAD', body: extend },
      { act: 'QUEUE', as: 'PROVIDER_EMPLOYEE' },
      { act: 'RETURN_TO_WORK', as: 'PROVIDER_HEAD', body: () => comment },
      { act: 'QUEUE', as: 'PROVIDER_EMPLOYEE' },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { freePlaces: { organisationId: 'baldyrgan', ageYears: 5, free: 1 } },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { tick: 6 * DAY },
      { act: 'REQUEUE', as: 'PROVIDER_EMPLOYEE', body: () => comment },
      { act: 'REFER', as: 'PROVIDER_HEAD', body: () => ({ organisationId: 'baldyrgan' }) },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { tick: 6 * DAY },
      { act: 'CLOSE', as: 'PROVIDER_HEAD', body: () => comment },
    ],
  },
  {
    name: 'ЦОН, refused, issued at ЦОН',
    serviceId: 'preschool-queue',
    providerId: EDUCATION,
    channel: 'con',
    applicant: OMAROVA,
    form: preschoolForm(AISHA),
    steps: [
      { act: 'REGISTER', as: 'CON_OPERATOR' },
      { act: 'REFUSE_DOCUMENTS', as: 'PROVIDER_EMPLOYEE', body: refusal('DOCUMENTS_INCOMPLETE') },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { act: 'ISSUE_AT_CON', as: 'CON_OPERATOR' },
    ],
  },
  {
    name: 'portal, refused, delivered to the cabinet',
    serviceId: 'preschool-queue',
    providerId: EDUCATION,
    channel: 'portal',
    applicant: OMAROVA,
    signedBy: OMAROVA.iin,
    form: preschoolForm(AISHA),
    steps: [
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { act: 'REFUSE', as: 'PROVIDER_EMPLOYEE', body: refusal('NOT_ELIGIBLE') },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
    ],
  },
  {
    name: 'desk, refused, issued at the desk',
    serviceId: 'preschool-queue',
    providerId: EDUCATION,
    channel: 'provider',
    applicant: OMAROVA,
    form: preschoolForm(AISHA),
    steps: [
      { act: 'REGISTER', as: 'PROVIDER_EMPLOYEE' },
      { act: 'TAKE_INTO_WORK', as: 'PROVIDER_EMPLOYEE' },
      { act: 'REFUSE', as: 'PROVIDER_EMPLOYEE', body: refusal('CHILD_OVER_AGE') },
      { act: 'SIGN', as: 'PROVIDER_HEAD' },
      { act: 'ISSUE_AT_DESK', as: 'PROVIDER_EMPLOYEE' },
    ],
  },
  ...intakePaths({ serviceId: 'preschool-queue', providerId: EDUCATION, applicant: OMAROVA, form: preschoolForm(AISHA) }, 'provider'),
];

interface ApplicationJson {
  readonly number: string;
  readonly serviceId: string;
  readonly state: string;
  readonly history: ReadonlyArray<{ readonly action: string }>;
}

let service: Service;
let http: HttpHandle;
let accounts: OperatorAccounts;
let stopOperators: () => Promise<void>;
let signer: DemoSigner;
const keys = new Map<string, string>();
/** applications: every application driven, with whom to sign in as to see it. */
const applications: Array<{ number: string; serviceId: string; providerId: string; applicant: Applicant }> = [];

beforeAll(async () => {
  service = await startTestService('history-pages', { clock });
  http = await listen(service);
  const operators = await composeOperators(service.config, { logger: silentLogger });
  accounts = operators.accounts;
  stopOperators = () => operators.stop();
  for (const providerId of [EMPLOYMENT, EDUCATION]) {
    await accounts.add({ username: `head-${providerId}`, password: PASSWORD, role: 'PROVIDER_HEAD', providerId, displayName: 'Бөлім басшысы' });
  }
  signer = await createDemoSigner(path.join(service.config.paths.data, 'keys'));
});
afterAll(async () => {
  await http?.close();
  await stopOperators?.();
  await service?.stop();
});

async function keyOf(role: Role, providerId: string, iin: string): Promise<string> {
  const bound = role === 'PROVIDER_EMPLOYEE' || role === 'PROVIDER_HEAD';
  const id = `${role}/${bound ? providerId : ''}/${role === 'APPLICANT' ? iin : ''}`;
  if (!keys.has(id)) {
    const key = await service.apiKeys.add({ role, label: id, ...(bound ? { providerId } : {}), ...(role === 'APPLICANT' ? { iin } : {}) });
    keys.set(id, key.key);
  }
  return keys.get(id) as string;
}

async function api(key: string, method: string, url: string, body?: string, type = 'application/json'): Promise<{ status: number; json: ApplicationJson }> {
  const response = await fetch(`${http.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${key}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': type } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: response.status, json: (await response.json()) as ApplicationJson };
}

async function submit(p: Path): Promise<ApplicationJson> {
  if (p.signedBy) {
    const xml = buildRequestXml({
      serviceId: p.serviceId,
      channel: 'portal',
      providerId: p.providerId,
      language: 'kk',
      applicant: { iin: p.applicant.iin },
      signedAt: new Date(Math.floor(clock.now().getTime() / 1000) * 1000),
      form: p.form() as never,
    });
    const answer = await api(await keyOf('SYSTEM', p.providerId, ''), 'POST', '/v1/applications', signer.signRequest(p.signedBy, xml).xml, 'application/xml');
    expect(answer.status, JSON.stringify(answer.json)).toBe(201);
    return answer.json;
  }
  const role: Role = p.channel === 'con' ? 'CON_OPERATOR' : 'PROVIDER_EMPLOYEE';
  const body = { serviceId: p.serviceId, channel: p.channel, providerId: p.providerId, language: 'ru', form: p.form() };
  const answer = await api(await keyOf(role, p.providerId, ''), 'POST', '/v1/applications', JSON.stringify(body));
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json;
}

async function step(p: Path, number: string, s: Step): Promise<void> {
  if ('tick' in s) {
    clock.advance(s.tick);
    expect((await service.applications.runDeadlines()).failures).toBe(0);
    return;
  }
  if ('freePlaces' in s) {
    const answer = await api(await keyOf('PROVIDER_HEAD', p.providerId, ''), 'PUT', `/v1/providers/${p.providerId}/free-places`, JSON.stringify(s.freePlaces));
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return;
  }
  const answer = await api(await keyOf(s.as, p.providerId, p.applicant.iin), 'POST', `/v1/applications/${number}/actions/${s.act}`, JSON.stringify(s.body?.() ?? {}));
  expect(answer.status, `${s.act}: ${JSON.stringify(answer.json)}`).toBe(200);
}

async function armVisitor(providerId: string): Promise<Visitor> {
  const visitor = new Visitor(http.url);
  await visitor.get('/arm/login');
  expect((await visitor.post('/arm/login', { username: `head-${providerId}`, password: PASSWORD })).status).toBe(303);
  return visitor;
}

async function cabinetVisitor(iin: string): Promise<Visitor> {
  const visitor = new Visitor(http.url);
  await visitor.get('/signin');
  expect((await visitor.post('/signin', { certificate: iin })).status).toBe(303);
  return visitor;
}

/** pagesAnswer opens every page of the application; the АРМ and cabinet pages name every action line in kk and ru. */
async function pagesAnswer(a: (typeof applications)[number]): Promise<ApplicationJson> {
  const card = await api(await keyOf('SYSTEM', a.providerId, ''), 'GET', `/v1/applications/${a.number}`);
  expect(card.status, JSON.stringify(card.json)).toBe(200);
  const notes = await api(await keyOf('SYSTEM', a.providerId, ''), 'GET', `/v1/applicants/${a.applicant.iin}/notifications?limit=100`);
  expect(notes.status, JSON.stringify(notes.json)).toBe(200);
  const named = card.json.history.map((h) => h.action).filter((action) => action !== SUBMITTED);

  const arm = await armVisitor(a.providerId);
  for (const page of [`/arm/applications/${a.number}?lang=kk`, `/arm/applications/${a.number}?lang=ru`, '/arm']) {
    const answer = await arm.get(page);
    expect(answer.status, `${page}: ${textOf(answer.html).slice(0, 300)}`).toBe(200);
  }
  const cabinet = await cabinetVisitor(a.applicant.iin);
  for (const language of ['kk', 'ru'] as const) {
    const armPage = textOf((await arm.get(`/arm/applications/${a.number}?lang=${language}`)).html);
    const cabinetPage = await cabinet.get(`/cabinet/applications/${a.number}?lang=${language}`);
    expect(cabinetPage.status, textOf(cabinetPage.html).slice(0, 300)).toBe(200);
    for (const action of named) {
      expect(armPage, `АРМ ${language} ${action}`).toContain(actionTexts[language][action]);
      expect(textOf(cabinetPage.html), `cabinet ${language} ${action}`).toContain(actionTexts[language][action]);
    }
  }
  const notifications = await cabinet.get('/cabinet/notifications');
  expect(notifications.status, textOf(notifications.html).slice(0, 300)).toBe(200);
  return card.json;
}

describe('every history event on every page', () => {
  it.each(PATHS.map((p) => [`${p.serviceId}: ${p.name}`, p] as const))('%s', async (_name, p) => {
    const submitted = await submit(p);
    const application = { number: submitted.number, serviceId: p.serviceId, providerId: p.providerId, applicant: p.applicant };
    applications.push(application);
    await pagesAnswer(application);
    for (const s of p.steps) {
      await step(p, submitted.number, s);
      await pagesAnswer(application);
    }
  });

  it('landed every event of the code’s list in a history of each service, and every page still opens', async () => {
    // The scheduler's daily run after Әлихан's seventh birthday (the referral expiries above moved the clock past it).
    clock.advance(DAY);
    expect((await service.applications.runDeadlines()).failures).toBe(0);
    const landed = new Map<string, Set<string>>();
    for (const a of applications) {
      const card = await pagesAnswer(a);
      const events = landed.get(a.serviceId) ?? new Set<string>();
      for (const line of card.history) events.add(line.action);
      landed.set(a.serviceId, events);
    }
    for (const definition of services) {
      expect([...(landed.get(definition.id) ?? [])].sort(), definition.id).toEqual(historyEvents([definition]));
    }
  });
});
