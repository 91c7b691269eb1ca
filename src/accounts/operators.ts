/**
 * Operator accounts of the workstation (АРМ): create, list, disable, and sign in with username and
 * password. A signed-in operator is the use cases' Principal.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../usecases/index.js';
import { InvalidOperatorError, LoginFailedError, LoginThrottledError, OperatorExistsError, OperatorNotFoundError } from './errors.js';
import { hashPassword, verifyPassword } from './password.js';
import type { LoginThrottle } from './throttle.js';

export const OPERATOR_ROLES = ['CON_OPERATOR', 'PROVIDER_EMPLOYEE', 'PROVIDER_HEAD'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** OperatorRecord: a stored account as the accounts room sees it. */
export interface OperatorRecord {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly role: OperatorRole;
  readonly providerId: string;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** OperatorStore is the port onto the store's operators table. */
export interface OperatorStore {
  insert(record: Omit<OperatorRecord, 'disabled'>): Promise<void>;
  findByUsername(username: string): Promise<OperatorRecord | undefined>;
  findById(id: string): Promise<OperatorRecord | undefined>;
  list(): Promise<OperatorRecord[]>;
  setDisabled(username: string, disabled: boolean): Promise<boolean>;
}

/** OperatorSummary is an account without its password hash. */
export type OperatorSummary = Omit<OperatorRecord, 'passwordHash'>;

export interface NewOperator {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly providerId: string;
  readonly displayName?: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const PROVIDER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** MIN_PASSWORD: twelve characters; a generated development password has more. */
export const MIN_PASSWORD = 12;

const summary = ({ passwordHash: _hash, ...rest }: OperatorRecord): OperatorSummary => rest;

/**
 * principalOf: the use cases' principal of an account. Provider staff are bound to their provider;
 * a ЦОН serves every provider, so its operator is not bound to one: the account's providerId names
 * the ЦОН itself (`conId`), the АРМ shows it the applications taken at the ЦОН and it reads the
 * documents of those only.
 */
export function principalOf(record: OperatorRecord): Principal {
  return record.role === 'CON_OPERATOR'
    ? { id: record.id, role: record.role, conId: record.providerId }
    : { id: record.id, role: record.role, providerId: record.providerId };
}

export interface OperatorAccounts {
  add(input: NewOperator): Promise<OperatorSummary>;
  list(): Promise<OperatorSummary[]>;
  disable(username: string): Promise<void>;
  /** signIn: the operator's principal; LOGIN_FAILED or LOGIN_THROTTLED otherwise. */
  signIn(username: string, password: string, clientAddress: string): Promise<{ principal: Principal; displayName: string }>;
  /** active: the principal of an enabled account with this id, or null (a session of a disabled account ends). */
  active(id: string): Promise<{ principal: Principal; displayName: string } | null>;
}

export function createOperatorAccounts(deps: { store: OperatorStore; throttle: LoginThrottle; now: () => Date }): OperatorAccounts {
  const { store, throttle } = deps;
  return {
    async add(input) {
      const username = input.username.trim().toLowerCase();
      if (!USERNAME.test(username)) throw new InvalidOperatorError({ field: 'username' });
      const role = OPERATOR_ROLES.find((r) => r === input.role);
      if (!role) throw new InvalidOperatorError({ field: 'role' });
      if (!PROVIDER.test(input.providerId)) throw new InvalidOperatorError({ field: 'provider' });
      if ([...input.password].length < MIN_PASSWORD) throw new InvalidOperatorError({ field: 'password' });
      if (await store.findByUsername(username)) throw new OperatorExistsError({ username });
      const record = {
        id: randomUUID(),
        username,
        passwordHash: await hashPassword(input.password),
        role,
        providerId: input.providerId,
        displayName: input.displayName?.trim() || username,
        createdAt: deps.now().toISOString(),
      };
      await store.insert(record);
      return summary({ ...record, disabled: false });
    },
    async list() {
      return (await store.list()).map(summary);
    },
    async disable(username) {
      if (!(await store.setDisabled(username.trim().toLowerCase(), true))) throw new OperatorNotFoundError({ username });
    },
    async signIn(username, password, clientAddress) {
      const name = username.trim().toLowerCase();
      const key = `${name}\u0000${clientAddress}`;
      const now = deps.now().getTime();
      const wait = throttle.blockedFor(key, now);
      if (wait > 0) throw new LoginThrottledError({ minutes: Math.ceil(wait / 60_000) });
      const record = await store.findByUsername(name);
      // An unknown name costs a KDF run too, so timing does not tell which usernames exist.
      const ok = await verifyPassword(password, record?.passwordHash ?? UNKNOWN_USER_HASH);
      if (!record || !ok || record.disabled) {
        throttle.fail(key, now);
        throw new LoginFailedError({});
      }
      throttle.succeed(key);
      return { principal: principalOf(record), displayName: record.displayName };
    },
    async active(id) {
      const record = await store.findById(id);
      return record && !record.disabled ? { principal: principalOf(record), displayName: record.displayName } : null;
    },
  };
}

/** UNKNOWN_USER_HASH: a valid hash of no one's password (the salt and key are random constants). */
const UNKNOWN_USER_HASH = 'scrypt$N=32768,r=8,p=1$3q2-7wAAAAAAAAAAAAAAAA$wHcHxNaV7Zx4k9bXbA7mA4x9y0b8vXhF5gq0r3sT2uE';
