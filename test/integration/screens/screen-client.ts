/**
 * A visitor of the screens over real HTTP: fetch with a cookie jar, no redirects followed, and the
 * CSRF token read from the last page, as a browser without JavaScript would post it.
 */
import { compose, composeOperators, type Service } from '../../../src/compose.js';
import type { OperatorAccounts } from '../../../src/accounts/index.js';
import { listen, runningClock, testConfig, type HttpHandle } from '../../helpers/service.js';
import { silentLogger } from '../../helpers/silent-logger.js';

export interface ScreenService {
  readonly url: string;
  readonly accounts: OperatorAccounts;
  /** advance moves the service's clock forward. */
  advance(ms: number): void;
  /** anotherInstance: a second service over the same data directory and database, as a second process would be. */
  anotherInstance(): Promise<{ readonly url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

/** startScreenService composes the whole service and the CLI's operator accounts over one data directory. */
export async function startScreenService(name: string, env: Record<string, string> = {}): Promise<ScreenService> {
  const clock = runningClock();
  const config = await testConfig(name, env, clock);
  const service: Service = await compose(config, { logger: silentLogger, clock });
  const operators = await composeOperators(config, { logger: silentLogger });
  const http: HttpHandle = await listen(service);
  return {
    url: http.url,
    accounts: operators.accounts,
    advance: (ms) => {
      clock.advance(ms);
    },
    async anotherInstance() {
      const other: Service = await compose(config, { logger: silentLogger, clock });
      const otherHttp = await listen(other);
      return {
        url: otherHttp.url,
        stop: async () => {
          await otherHttp.close();
          await other.stop();
        },
      };
    },
    stop: async () => {
      await http.close();
      await operators.stop();
      await service.stop();
    },
  };
}

export interface Page {
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
  readonly location: string | null;
}

export class Visitor {
  private readonly cookies = new Map<string, string>();
  private csrfToken = '';

  constructor(private readonly base: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), value.join('='));
    }
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get csrf(): string {
    return this.csrfToken;
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const response = await fetch(`${this.base}${path}`, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader } });
    this.remember(response);
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrfToken = token[1] as string;
    return { status: response.status, headers: response.headers, html, location: response.headers.get('location') };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  /** post sends a form: URL-encoded from a record, multipart from FormData; the CSRF token is added unless given. */
  post(path: string, body: Record<string, string> | FormData, options: { csrf?: boolean } = {}): Promise<Page> {
    const withToken = options.csrf !== false;
    if (body instanceof FormData) {
      const form = new FormData();
      if (withToken) form.append('_csrf', this.csrfToken);
      for (const [key, value] of body) form.append(key, value);
      return this.request(path, { method: 'POST', body: form });
    }
    const params = new URLSearchParams(withToken ? { _csrf: this.csrfToken, ...body } : body);
    return this.request(path, { method: 'POST', body: params });
  }
}

/** textOf: a page's text without tags, for asserting on what a reader sees. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x3D;/g, '=')
    .replace(/\s+/g, ' ');
}
