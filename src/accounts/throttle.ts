/**
 * Login throttling per username and client address, in memory: after `maxFailures` failures within
 * `windowMs` that pair is refused until the oldest failure leaves the window. One instance's memory
 * is enough: it slows guessing, and the KDF's cost does the rest.
 */

export interface ThrottleConfig {
  readonly maxFailures: number;
  readonly windowMs: number;
  /** maxKeys bounds the memory a flood of invented usernames can take. */
  readonly maxKeys: number;
}

export interface LoginThrottle {
  /** blockedFor: milliseconds until the pair may try again, 0 when it may now. */
  blockedFor(key: string, now: number): number;
  fail(key: string, now: number): void;
  succeed(key: string): void;
}

export function createLoginThrottle(config: ThrottleConfig): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((at) => now - at < config.windowMs);
  return {
    blockedFor(key, now) {
      const times = recent(key, now);
      if (times.length < config.maxFailures) return 0;
      return config.windowMs - (now - (times[times.length - config.maxFailures] as number));
    },
    fail(key, now) {
      const times = [...recent(key, now), now].slice(-config.maxFailures);
      failures.delete(key);
      failures.set(key, times);
      // A Map iterates in insertion order: the first key is the one untouched longest.
      if (failures.size > config.maxKeys) failures.delete(failures.keys().next().value as string);
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
