/**
 * Bodies the screens cannot take, over real HTTP: a form with more fields than its parser allows
 * answers 413 with the error page in both languages, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYMENT, PASSWORD, startArmService, type ArmService } from './screens/arm-service.js';
import { Visitor } from './screens/screen-client.js';

let arm: ArmService;
let staff: Visitor;
let citizen: Visitor;
let number: string;

beforeAll(async () => {
  arm = await startArmService('screens-bad-bodies');
  await arm.accounts.add({ username: 'aigerim', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: EMPLOYMENT });
  staff = new Visitor(arm.url);
  await staff.get('/arm/login');
  expect((await staff.post('/arm/login', { username: 'aigerim', password: PASSWORD })).status).toBe(303);
  citizen = new Visitor(arm.url);
  await citizen.get('/signin');
  expect((await citizen.post('/signin', { certificate: '990809301249' })).status).toBe(303);
  number = (await arm.submitUnemployed('provider')).number;
}, 60_000);

afterAll(async () => {
  await arm?.stop().catch(() => undefined);
});

/** crowded: a URL-encoded form with far more fields than any screen form has, in under 2 kB (inside every size limit). */
function crowded(visitor: Visitor): URLSearchParams {
  const body = new URLSearchParams({ _csrf: visitor.csrf });
  for (let i = 0; i < 600; i++) body.append('a', '');
  return body;
}

describe('a form with too many fields', () => {
  it.each([
    ['citizen', '/signin'],
    ['citizen', '/signout'],
    ['citizen', '/apply/unemployed-certificate/sign'],
    ['citizen', `/cabinet/applications/NUMBER/questionnaire`],
    ['anonymous', '/arm/login'],
    ['staff', '/arm/logout'],
    ['staff', '/arm/print'],
    ['staff', '/arm/applications/NUMBER/actions/REGISTER'],
    ['staff', '/arm/queue/free-places'],
  ] as const)('%s POST %s answers 413 with the bilingual error page', async (who, template) => {
    const visitor = who === 'staff' ? staff : who === 'citizen' ? citizen : new Visitor(arm.url);
    const page = await visitor.request(template.replace('NUMBER', number), { method: 'POST', body: crowded(visitor) });
    expect(page.status).toBe(413);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.html).toContain('FORM_TOO_MANY_FIELDS');
    expect(page.html).toContain('өрістер тым көп');
    expect(page.html).toContain('слишком много полей');
  });
});

describe('EXTEND to an implausible day', () => {
  it('is refused with 400 for a day already past and for a year no calendar of the service reaches', async () => {
    const application = await arm.submitUnemployed('provider');
    for (const action of ['REGISTER', 'TAKE_INTO_WORK']) {
      expect((await arm.api('PROVIDER_EMPLOYEE', 'POST', `/v1/applications/${application.number}/actions/${action}`, {}, EMPLOYMENT)).status).toBe(200);
    }
    const extend = (newDeadline: string) =>
      arm.api('PROVIDER_HEAD', 'POST', `/v1/applications/${application.number}/actions/EXTEND`, { newDeadline, comment: 'Қосымша тексеру' }, EMPLOYMENT);
    const day = 24 * 3600 * 1000;
    const yesterday = new Date(arm.now().getTime() - day).toISOString();
    const past = await extend(yesterday);
    expect(past.status).toBe(400);
    expect((past.json as unknown as { error: { code: string } }).error.code).toBe('DEADLINE_NOT_LATER');
    // The API refuses a year outside the window a date may take as input, before the engine sees it.
    const far = await extend('9999-12-31T18:59:59.999Z');
    expect(far.status).toBe(400);
    expect(far.json as unknown as { error: { code: string; details: Array<{ path: string; rule: string }> } }).toMatchObject({
      error: { code: 'INVALID_INPUT', details: [{ path: 'newDeadline', rule: 'DATE_OUT_OF_RANGE' }] },
    });
    const later = await extend(new Date(arm.now().getTime() + 40 * day).toISOString());
    expect(later.status).toBe(200);
  });
});

describe('an internal failure behind a screen', () => {
  // Last in the file: the service's store is closed under the listening server.
  it('answers 500 with the HTML error page, not JSON labelled as HTML', async () => {
    await arm.service.stop();
    const page = await staff.get('/arm');
    expect(page.status).toBe(500);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.html).toMatch(/^<!doctype html>/i);
    expect(page.html).toContain('INTERNAL');
    expect(page.html).toContain(page.headers.get('x-request-id'));
  });
});
