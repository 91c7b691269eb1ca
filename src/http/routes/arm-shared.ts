/**
 * What the АРМ's pages share: the signed-in staff member (the use cases' Principal), texts in kk
 * and ru, and how a deadline reads (date and time in Almaty, time left or overdue by).
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { InvalidInputError, LANGUAGES, type AppError, type InputIssue, type Language, type LocalizedText, type Role } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { Principal } from '../../usecases/index.js';
import { principalOf } from '../screens/session.js';

/** STAFF_ROLES: who may use the АРМ. */
export const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>(['CON_OPERATOR', 'PROVIDER_EMPLOYEE', 'PROVIDER_HEAD']);

/** staffOf: the signed-in staff member, or null. */
export function staffOf(res: Response): Principal | null {
  const principal = principalOf(res);
  return principal && STAFF_ROLES.has(principal.role) ? principal : null;
}

/** staff: the principal of a page behind requireStaff. */
export function staff(res: Response): Principal {
  const principal = staffOf(res);
  if (!principal) throw new TypeError('no staff principal: the route is not behind requireStaff');
  return principal;
}

/** requireStaff sends a visitor who is not signed in as staff to the sign-in page. */
export function requireStaff(_req: Request, res: Response, next: NextFunction): void {
  if (staffOf(res)) {
    next();
    return;
  }
  res.redirect(303, `/arm/login`);
}

/** both: one key's text in kk and ru. */
export function both(translator: Translator, key: string, params: Readonly<Record<string, string | number>> = {}): LocalizedText {
  return Object.fromEntries(LANGUAGES.map((l: Language) => [l, translator.t(l, key, params)])) as unknown as LocalizedText;
}

const ALMATY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** almatyTime: «YYYY-MM-DD HH:MM» in Asia/Almaty, the same in both languages. */
export function almatyTime(iso: string): string {
  const parts = Object.fromEntries(ALMATY.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** DeadlineView: a deadline as the worklist and the application page show it. */
export interface DeadlineView {
  readonly at: string;
  readonly overdue: boolean;
  /** left: the time left (or, when overdue, past) in kk and ru. */
  readonly left: LocalizedText;
}

/** deadlineView: the deadline's time and how long is left, in whole days, hours or minutes. */
export function deadlineView(translator: Translator, deadline: string | null, overdue: boolean, now: Date): DeadlineView | null {
  if (!deadline) return null;
  const ms = Math.abs(new Date(deadline).getTime() - now.getTime());
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const [unit, count] = minutes >= 2 * 24 * 60 ? ['days', Math.floor(minutes / (24 * 60))] : minutes >= 120 ? ['hours', Math.floor(minutes / 60)] : ['minutes', minutes];
  const span = both(translator, `screens:arm.span.${unit}`, { count });
  const late = overdue || new Date(deadline).getTime() < now.getTime();
  const left = Object.fromEntries(
    LANGUAGES.map((l) => [l, translator.t(l, late ? 'screens:arm.overdueBy' : 'screens:arm.timeLeft', { span: span[l] })]),
  ) as unknown as LocalizedText;
  return { at: almatyTime(deadline), overdue: late, left };
}

/** formKey: a fresh idempotency key for one rendered action form. */
export function formKey(): string {
  return `arm-${randomUUID()}`;
}

/**
 * errorMessages: what a refused request says, in kk and ru: each input issue (prefixed by its
 * field's label when `label` names one), or the error code's text with its parameters.
 */
export function errorMessages(translator: Translator, error: AppError, label: (path: string) => string | null = () => null): LocalizedText[] {
  const params = error.params as Record<string, unknown>;
  if (error.code === InvalidInputError.code && Array.isArray(params.details)) {
    return (params.details as InputIssue[]).map((issue) => {
      const rule = both(translator, `validation:${issue.rule}`, issue.params);
      const key = label(issue.path);
      if (!key) return rule;
      const field = both(translator, key);
      return { kk: `${field.kk}: ${rule.kk}`, ru: `${field.ru}: ${rule.ru}` };
    });
  }
  const texts = Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
  return [both(translator, `errors:${error.code}`, texts)];
}
