/** The accounts room without a database: the KDF, signed sessions and login throttling. */
import { describe, expect, it } from 'vitest';
import { createLoginThrottle, createSessions, hashPassword, verifyPassword } from '../../../src/accounts/index.js';

describe('password hashes', () => {
  it('are scrypt with N=2^15, r=8, p=1 and a random salt, all in the stored string', async () => {
    const [a, b] = [await hashPassword('correct horse battery'), await hashPassword('correct horse battery')];
    expect(a).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse battery', b)).toBe(true);
  });

  it('do not verify a wrong password, a changed hash or weakened parameters', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    const key = hash.split('$')[3] as string;
    const changed = hash.replace(key, `${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`);
    expect(await verifyPassword('correct horse battery', changed)).toBe(false);
    expect(await verifyPassword('correct horse battery', hash.replace('N=32768', 'N=1024'))).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain')).toBe(false);
  });

  it('treat a Kazakh password the same in any Unicode normal form', async () => {
    const hash = await hashPassword('Құпиясөз-әліпби-2026');
    expect(await verifyPassword('Құпиясөз-әліпби-2026'.normalize('NFD'), hash)).toBe(true);
  });
});

describe('sessions', () => {
  const secret = Buffer.alloc(32, 7);
  const config = { idleMs: 30 * 60_000, maxAgeMs: 12 * 3_600_000 };

  it('open what they sealed, and nothing forged or signed with another secret', () => {
    let now = 1_800_000_000_000;
    const sessions = createSessions(secret, config, () => now);
    const session = sessions.start({ id: 'op-1', role: 'PROVIDER_HEAD', providerId: 'p1' }, 'Head');
    const token = sessions.seal(session);
    expect(sessions.open(token)).toEqual(session);
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(Buffer.from(body, 'base64url').toString().replace('PROVIDER_HEAD', 'SYSTEM')).toString('base64url');
    expect(sessions.open(`${forged}.${mac}`)).toBeNull();
    expect(createSessions(Buffer.alloc(32, 8), config, () => now).open(token)).toBeNull();
    now += 31 * 60_000;
    expect(sessions.open(token)).toBeNull();
  });

  it('stay open while used, up to the maximum age', () => {
    let now = 1_800_000_000_000;
    const sessions = createSessions(secret, config, () => now);
    let session = sessions.start(null, null);
    let renewals = 0;
    for (;;) {
      now += 20 * 60_000;
      const opened = sessions.open(sessions.seal(session));
      if (!opened) break;
      session = sessions.touch(opened);
      renewals++;
    }
    expect(renewals).toBe(36);
    expect(now - session.issuedAt).toBeGreaterThan(config.maxAgeMs);
  });

  it("carry an applicant's IIN, and refuse a principal of no known role", () => {
    const sessions = createSessions(secret, config);
    const citizen = sessions.start({ id: 'applicant:880424400519', role: 'APPLICANT', iin: '880424400519' }, 'Сәрсенов Нұрлан');
    expect(sessions.open(sessions.seal(citizen))?.principal).toEqual({ id: 'applicant:880424400519', role: 'APPLICANT', iin: '880424400519' });
    const stranger = sessions.start({ id: 'x', role: 'ROOT' as 'SYSTEM' }, null);
    expect(sessions.open(sessions.seal(stranger))).toBeNull();
  });

  it('give each session its own CSRF token', () => {
    const sessions = createSessions(secret, config);
    const [a, b] = [sessions.start(null, null), sessions.start(null, null)];
    expect(sessions.checkCsrf(a, sessions.csrfToken(a))).toBe(true);
    expect(sessions.checkCsrf(a, sessions.csrfToken(b))).toBe(false);
    expect(sessions.checkCsrf(a, '')).toBe(false);
  });
});

describe('login throttle', () => {
  it('blocks a username and address after five failures until the first leaves the window', () => {
    const throttle = createLoginThrottle({ maxFailures: 5, windowMs: 60_000, maxKeys: 10 });
    for (let i = 0; i < 5; i++) {
      expect(throttle.blockedFor('alice|1.2.3.4', i * 1000)).toBe(0);
      throttle.fail('alice|1.2.3.4', i * 1000);
    }
    expect(throttle.blockedFor('alice|1.2.3.4', 5000)).toBe(55_000);
    expect(throttle.blockedFor('alice|5.6.7.8', 5000)).toBe(0);
    expect(throttle.blockedFor('alice|1.2.3.4', 60_001)).toBe(0);
  });

  it('forgets the failures on success and bounds its memory', () => {
    const throttle = createLoginThrottle({ maxFailures: 2, windowMs: 60_000, maxKeys: 3 });
    throttle.fail('a', 0);
    throttle.fail('a', 1);
    throttle.succeed('a');
    expect(throttle.blockedFor('a', 2)).toBe(0);
    for (const key of ['k1', 'k2', 'k3', 'k4']) {
      throttle.fail(key, 0);
      throttle.fail(key, 1);
    }
    expect(throttle.blockedFor('k1', 2)).toBe(0);
    expect(throttle.blockedFor('k4', 2)).toBeGreaterThan(0);
  });
});
