/**
 * The АРМ tests' service: the whole service composed as `qujat serve` composes it, listening on a
 * free port, with its operator accounts, an API client per role (applications come in through the
 * /v1 API, as a ЦОН or desk system would send them) and a clock the test can move forward.
 */
import { compose, composeOperators, type Service } from '../../../src/compose.js';
import type { OperatorAccounts } from '../../../src/accounts/index.js';
import type { Role } from '../../../src/domain/index.js';
import { listen, runningClock, testConfig } from '../../helpers/service.js';
import { silentLogger } from '../../helpers/silent-logger.js';

export const EMPLOYMENT = 'ekibastuz-employment';
export const EDUCATION = 'urzhar-education';
export const PASSWORD = 'Жұмыс-орны-2026!';

/** OMAROV: an adult in samples/registry/people.json. */
export const OMAROV = { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы' };

export interface ApplicationJson {
  readonly number: string;
  readonly state: string;
  readonly deadline: string | null;
  readonly history: ReadonlyArray<{ readonly action: string; readonly to: string }>;
  readonly documents: ReadonlyArray<{ readonly number: string; readonly kind: string; readonly outcome: string }>;
}

export interface ArmService {
  readonly url: string;
  readonly service: Service;
  readonly accounts: OperatorAccounts;
  /** api: a JSON call with a key of the role (bound to the provider for provider staff). */
  api(role: Role, method: string, path: string, body?: unknown, providerId?: string): Promise<{ status: number; json: ApplicationJson }>;
  /** submit: an unemployed certificate application taken at the channel's desk. */
  submitUnemployed(channel: 'con' | 'provider', person?: { iin: string; fullName: string }): Promise<ApplicationJson>;
  /** issueUnemployed: an application taken at the provider's desk through to an issued certificate, by API. */
  issueUnemployed(person?: { iin: string; fullName: string }): Promise<ApplicationJson>;
  /** now: the service's clock (it starts at TEST_EPOCH). */
  now(): Date;
  advance(ms: number): void;
  stop(): Promise<void>;
}

export async function startArmService(name: string): Promise<ArmService> {
  const clock = runningClock();
  const config = await testConfig(name, {}, clock);
  const service = await compose(config, { logger: silentLogger, clock });
  const operators = await composeOperators(config, { logger: silentLogger });
  const http = await listen(service);
  const keys = new Map<string, string>();
  const keyOf = async (role: Role, providerId?: string) => {
    const id = `${role}/${providerId ?? ''}`;
    if (!keys.has(id)) keys.set(id, (await service.apiKeys.add({ role, ...(providerId ? { providerId } : {}) })).key);
    return keys.get(id) as string;
  };
  const api: ArmService['api'] = async (role, method, path, body, providerId) => {
    const headers: Record<string, string> = { authorization: `Bearer ${await keyOf(role, providerId)}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${http.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: response.status, json: (await response.json()) as ApplicationJson };
  };
  const submitUnemployed: ArmService['submitUnemployed'] = async (channel, person = OMAROV) => {
    const role: Role = channel === 'con' ? 'CON_OPERATOR' : 'PROVIDER_EMPLOYEE';
    const body = { serviceId: 'unemployed-certificate', channel, language: 'kk', form: { ...person, period: { from: '2026-03-01', to: '2026-11-20' }, attachments: [] } };
    const { status, json } = await api(role, 'POST', '/v1/applications', body, channel === 'provider' ? EMPLOYMENT : undefined);
    if (status !== 201) throw new Error(`intake answered ${status}: ${JSON.stringify(json)}`);
    return json;
  };
  return {
    url: http.url,
    service,
    accounts: operators.accounts,
    api,
    submitUnemployed,
    async issueUnemployed(person = OMAROV) {
      let application = await submitUnemployed('provider', person);
      for (const action of ['REGISTER', 'TAKE_INTO_WORK', 'APPROVE', 'SIGN', 'ISSUE_AT_DESK']) {
        const body = action === 'SIGN' ? { document: { registeredFrom: '2026-03-02' } } : {};
        const { status, json } = await api('PROVIDER_EMPLOYEE', 'POST', `/v1/applications/${application.number}/actions/${action}`, body, EMPLOYMENT);
        if (status !== 200) throw new Error(`${action} answered ${status}: ${JSON.stringify(json)}`);
        application = json;
      }
      return application;
    },
    now: () => clock.now(),
    advance: (ms) => {
      clock.advance(ms);
    },
    stop: async () => {
      await http.close();
      await operators.stop();
      await service.stop();
    },
  };
}
