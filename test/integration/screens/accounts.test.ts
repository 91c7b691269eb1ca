/**
 * The АРМ's door over real HTTP: sign-in with a scrypt-hashed password, wrong passwords, disabled
 * accounts, CSRF on every POST form, throttling per username and address, idle expiry and the
 * cookie's attributes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeFile } from '../../helpers/project.js';
import { startScreenService, textOf, Visitor, type ScreenService } from './screen-client.js';

const PASSWORD = 'Жұмыс-орны-2026!';
const errors = { kk: localeFile('kk', 'errors') as Record<string, string>, ru: localeFile('ru', 'errors') as Record<string, string> };

let service: ScreenService;

beforeAll(async () => {
  service = await startScreenService('screens-accounts');
  await service.accounts.add({ username: 'aigerim', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: 'employment-ekibastuz', displayName: 'Айгерім Сәрсенова' });
  await service.accounts.add({ username: 'ruslan', password: PASSWORD, role: 'CON_OPERATOR', providerId: 'con-ekibastuz' });
  await service.accounts.add({ username: 'dana', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: 'employment-ekibastuz' });
  await service.accounts.add({ username: 'timur', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: 'employment-ekibastuz' });
});
afterAll(async () => {
  await service?.stop();
});

async function signIn(visitor: Visitor, username: string, password: string) {
  await visitor.get('/arm/login');
  return visitor.post('/arm/login', { username, password });
}

describe('sign-in', () => {
  it('sends an anonymous visitor of /arm to the sign-in page', async () => {
    const page = await new Visitor(service.url).get('/arm');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/arm/login');
  });

  it('lets an operator in with the right password, as a principal of their role and provider', async () => {
    const visitor = new Visitor(service.url);
    const page = await signIn(visitor, 'Aigerim', PASSWORD);
    expect(page.status).toBe(303);
    expect(page.location).toBe('/arm');
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith('qujat_session='));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const home = await visitor.get('/arm?lang=ru');
    expect(home.status).toBe(200);
    expect(textOf(home.html)).toContain('Айгерім Сәрсенова');
    expect(textOf(home.html)).toContain('Сотрудник услугодателя');
    expect(textOf(home.html)).toContain('employment-ekibastuz');
  });

  it('refuses a wrong password and an unknown username with the same kk and ru message', async () => {
    for (const [username, password] of [['aigerim', `${PASSWORD}x`], ['nobody', PASSWORD]] as const) {
      const page = await signIn(new Visitor(service.url), username, password);
      expect(page.status).toBe(401);
      expect(textOf(page.html)).toContain(errors.kk.LOGIN_FAILED);
      expect(textOf(page.html)).toContain(errors.ru.LOGIN_FAILED);
      expect(page.html).toContain(`value="${username}"`);
    }
  });

  it('refuses a disabled account, and ends the sessions it already has', async () => {
    const visitor = new Visitor(service.url);
    expect((await signIn(visitor, 'ruslan', PASSWORD)).status).toBe(303);
    expect((await visitor.get('/arm')).status).toBe(200);
    await service.accounts.disable('ruslan');
    const after = await visitor.get('/arm');
    expect(after.status).toBe(303);
    expect(after.location).toBe('/arm/login');
    const again = await signIn(new Visitor(service.url), 'ruslan', PASSWORD);
    expect(again.status).toBe(401);
    expect(textOf(again.html)).toContain(errors.ru.LOGIN_FAILED);
  });

  it('signs out, after which the old cookie no longer opens /arm', async () => {
    const visitor = new Visitor(service.url);
    await signIn(visitor, 'dana', PASSWORD);
    const home = await visitor.get('/arm');
    const signedInCookie = visitor.cookieHeader;
    expect(home.status).toBe(200);
    const out = await visitor.post('/arm/logout', {});
    expect(out.status).toBe(303);
    expect((await visitor.get('/arm')).status).toBe(303);
    expect(visitor.cookieHeader).not.toBe(signedInCookie);
  });
});

describe('a copied session cookie', () => {
  /** copyOf: a visitor holding the same cookie, on the instance at `url`. */
  const copyOf = (visitor: Visitor, url: string) => {
    const copy = new Visitor(url);
    copy.setCookie('qujat_session', /qujat_session=([^;]+)/.exec(visitor.cookieHeader)?.[1] as string);
    return copy;
  };

  it('opens /arm on no instance once its operator has signed out', async () => {
    const other = await service.anotherInstance();
    try {
      const visitor = new Visitor(service.url);
      await signIn(visitor, 'timur', PASSWORD);
      const here = copyOf(visitor, service.url);
      const there = copyOf(visitor, other.url);
      expect((await here.get('/arm')).status).toBe(200);
      expect((await there.get('/arm')).status).toBe(200);
      expect((await visitor.get('/arm')).status).toBe(200);
      expect((await visitor.post('/arm/logout', {})).status).toBe(303);
      for (const copy of [copyOf(here, service.url), copyOf(there, other.url)]) {
        const page = await copy.get('/arm');
        expect(page.status).toBe(303);
        expect(page.location).toBe('/arm/login');
      }
    } finally {
      await other.stop();
    }
  });

  it('opens /arm on no instance once the account is disabled', async () => {
    const other = await service.anotherInstance();
    try {
      await service.accounts.add({ username: 'erlan', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: 'employment-ekibastuz' });
      const visitor = new Visitor(service.url);
      await signIn(visitor, 'erlan', PASSWORD);
      expect((await copyOf(visitor, other.url).get('/arm')).status).toBe(200);
      await service.accounts.disable('erlan');
      expect((await copyOf(visitor, service.url).get('/arm')).location).toBe('/arm/login');
      expect((await copyOf(visitor, other.url).get('/arm')).location).toBe('/arm/login');
    } finally {
      await other.stop();
    }
  });
});

describe('CSRF', () => {
  it('refuses a sign-in posted without the token with 403 and the kk and ru texts', async () => {
    const visitor = new Visitor(service.url);
    await visitor.get('/arm/login');
    const page = await visitor.post('/arm/login', { username: 'aigerim', password: PASSWORD }, { csrf: false });
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain(errors.kk.CSRF_TOKEN_INVALID);
    expect(textOf(page.html)).toContain(errors.ru.CSRF_TOKEN_INVALID);
    expect(page.html).toContain('CSRF_TOKEN_INVALID');
  });

  it("refuses another session's token, and a portal form without a token", async () => {
    const [mallory, victim] = [new Visitor(service.url), new Visitor(service.url)];
    await mallory.get('/arm/login');
    await victim.get('/arm/login');
    const forged = await victim.post('/arm/login', { _csrf: mallory.csrf, username: 'aigerim', password: PASSWORD });
    expect(forged.status).toBe(403);
    const form = new FormData();
    form.append('iin', '880424400519');
    const portal = await victim.post('/apply/unemployed-certificate', form, { csrf: false });
    expect(portal.status).toBe(403);
    expect(textOf(portal.html)).toContain(errors.kk.CSRF_TOKEN_INVALID);
  });

  it('refuses a sign-out posted from elsewhere, leaving the operator signed in', async () => {
    const visitor = new Visitor(service.url);
    await signIn(visitor, 'aigerim', PASSWORD);
    expect((await visitor.post('/arm/logout', {}, { csrf: false })).status).toBe(403);
    expect((await visitor.get('/arm')).status).toBe(200);
  });
});

describe('throttling', () => {
  it('refuses even the right password after five failures for that username and address, with 429', async () => {
    const visitor = new Visitor(service.url);
    for (let i = 0; i < 5; i++) expect((await signIn(visitor, 'timur', 'wrong password')).status).toBe(401);
    const blocked = await signIn(visitor, 'timur', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(textOf(blocked.html)).toContain((errors.ru.LOGIN_THROTTLED as string).replace('{{minutes}}', '15'));
    expect(textOf(blocked.html)).toContain((errors.kk.LOGIN_THROTTLED as string).replace('{{minutes}}', '15'));
    // Another username from the same address is not held back.
    expect((await signIn(new Visitor(service.url), 'dana', PASSWORD)).status).toBe(303);
    service.advance(16 * 60_000);
    expect((await signIn(new Visitor(service.url), 'timur', PASSWORD)).status).toBe(303);
  });
});

describe('sessions', () => {
  it('end after the idle time, and a tampered cookie is an anonymous visit', async () => {
    const visitor = new Visitor(service.url);
    await signIn(visitor, 'dana', PASSWORD);
    expect((await visitor.get('/arm')).status).toBe(200);
    service.advance(20 * 60_000);
    expect((await visitor.get('/arm')).status).toBe(200);
    service.advance(31 * 60_000);
    expect((await visitor.get('/arm')).status).toBe(303);

    const other = new Visitor(service.url);
    await signIn(other, 'dana', PASSWORD);
    const token = /qujat_session=([^;]+)/.exec(other.cookieHeader)?.[1] as string;
    const [body, mac] = token.split('.') as [string, string];
    const edited = Buffer.from(Buffer.from(body, 'base64url').toString().replace('PROVIDER_HEAD', 'PROVIDER_HEAD ')).toString('base64url');
    other.setCookie('qujat_session', `${edited}.${mac}`);
    expect((await other.get('/arm')).status).toBe(303);
  });

  it('are Secure cookies when the public URL is https', async () => {
    const https = await startScreenService('screens-https', { QUJAT_PUBLIC_URL: 'https://qujat.example.kz' });
    try {
      const page = await new Visitor(https.url).get('/arm/login');
      expect(page.headers.getSetCookie().find((c) => c.startsWith('qujat_session='))).toMatch(/; Secure/);
    } finally {
      await https.stop();
    }
  });
});
