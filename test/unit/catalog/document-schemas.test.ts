/** Each document kind's schema: its samples pass; a missing required field and a bad IIN fail with the right rule. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentKinds, formatTenge } from '../../../src/catalog/index.js';
import { AppError, InvalidInputError, validateInput, type DocumentKind, type InputIssue } from '../../../src/domain/index.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../samples/documents');

function samples(kind: string): Array<{ file: string; data: Record<string, unknown> }> {
  return fs
    .readdirSync(SAMPLES)
    .filter((f) => f.startsWith(`${kind}.`))
    .map((file) => {
      const json = JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')) as { kind: string; data: Record<string, unknown> };
      expect(json.kind).toBe(kind);
      return { file, data: json.data };
    });
}

function kind(id: string): DocumentKind {
  const found = documentKinds.find((k) => k.id === id);
  if (!found) throw new Error(`no kind ${id}`);
  return found;
}

function issues(id: string, data: unknown): readonly InputIssue[] {
  try {
    validateInput(kind(id).schema, data);
  } catch (error) {
    if (error instanceof AppError && error.code === InvalidInputError.code) {
      return (error as InstanceType<typeof InvalidInputError>).params.details;
    }
    throw error;
  }
  return [];
}

/** without returns a deep copy of data with the value at a dotted path removed. */
function without(data: Record<string, unknown>, dotted: string): Record<string, unknown> {
  const copy = structuredClone(data);
  const keys = dotted.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
  delete parent[last];
  return copy;
}

function withValue(data: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(data);
  const keys = dotted.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
  parent[last] = value;
  return copy;
}

/** Per kind: a required field to remove and the path of an IIN to spoil (one digit off breaks the check digit). */
const CASES: Array<[id: string, required: string, iin: string]> = [
  ['preschool-referral', 'preschool.locality', 'applicant.iin'],
  ['preschool-queue-notice', 'child.sex', 'parent.iin'],
  ['disability-support-notification', 'basis', 'child.iin'],
  ['refusal-letter', 'reason', 'applicant.iin'],
  ['application', 'applicant.address', 'applicant.iin'],
  ['status-notification', 'status', 'applicant.iin'],
  ['quality-questionnaire', 'answers.information', 'applicant.iin'],
];

const spoil = (iin: string) => `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
const get = (data: Record<string, unknown>, dotted: string) =>
  dotted.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], data);

describe.each(CASES)('%s schema', (id, required, iinPath) => {
  const all = samples(id);

  it('accepts every sample', () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const sample of all) expect(issues(id, sample.data), sample.file).toEqual([]);
  });

  it(`rejects a missing ${required} as REQUIRED`, () => {
    const data = all[0]?.data ?? {};
    expect(issues(id, without(data, required))).toContainEqual(expect.objectContaining({ path: required, rule: 'REQUIRED' }));
  });

  it(`rejects a bad ${iinPath} as INVALID_IIN`, () => {
    const data = all[0]?.data ?? {};
    const iin = String(get(data, iinPath));
    expect(issues(id, withValue(data, iinPath, spoil(iin)))).toEqual([expect.objectContaining({ path: iinPath, rule: 'INVALID_IIN' })]);
  });

  it('rejects an unknown field', () => {
    const data = all[0]?.data ?? {};
    expect(issues(id, { ...data, extra: 1 })).toContainEqual(expect.objectContaining({ path: 'extra', rule: 'UNKNOWN_FIELD' }));
  });
});

describe('per-kind rules', () => {
  const first = (id: string) => samples(id).find((s) => s.file.endsWith('.kk+ru.json'))?.data ?? {};

  it('application: each service has its own variant', () => {
    const certificate = first('application');
    expect(certificate.service).toBe('unemployed-certificate');
    expect(issues('application', without(certificate, 'period'))).toContainEqual(expect.objectContaining({ path: 'period', rule: 'REQUIRED' }));
    expect(issues('application', { ...certificate, service: 'preschool-queue' })).toContainEqual(
      expect.objectContaining({ path: 'child', rule: 'REQUIRED' }),
    );
    expect(issues('application', { ...certificate, service: 'tax-refund' })).toContainEqual(
      expect.objectContaining({ path: 'service', rule: 'NOT_ALLOWED_VALUE' }),
    );
  });

  it('application: the period ends after it starts', () => {
    const certificate = first('application');
    expect(issues('application', { ...certificate, period: { from: '2026-11-19', to: '2026-03-02' } })).toContainEqual(
      expect.objectContaining({ path: 'period.to', rule: 'DATE_ORDER' }),
    );
  });

  it('status notification: an extension needs its new deadline, other statuses refuse one', () => {
    const base = first('status-notification');
    expect(issues('status-notification', { ...base, status: 'extended' })).toContainEqual(
      expect.objectContaining({ path: 'newDeadline', rule: 'REQUIRED' }),
    );
    expect(issues('status-notification', { ...base, newDeadline: '2026-12-04' })).toContainEqual(
      expect.objectContaining({ path: 'newDeadline', rule: 'NOT_ALLOWED_VALUE' }),
    );
    expect(issues('status-notification', { ...base, reason: 'CHILD_OVER_AGE' })).toContainEqual(
      expect.objectContaining({ path: 'reason', rule: 'NOT_ALLOWED_VALUE' }),
    );
  });

  it('refusal letter: the explanation is needed in both languages, the reason from the catalogue', () => {
    const base = first('refusal-letter');
    expect(issues('refusal-letter', { ...base, explanation: { kk: 'Мәтін' } })).toContainEqual(
      expect.objectContaining({ path: 'explanation.ru', rule: 'REQUIRED' }),
    );
    expect(issues('refusal-letter', { ...base, reason: 'BAD_MOOD' })).toContainEqual(
      expect.objectContaining({ path: 'reason', rule: 'NOT_ALLOWED_VALUE' }),
    );
  });

  it('queue notice: the dative comes from the input, else from the rules, else is null', () => {
    const base = first('preschool-queue-notice');
    const parse = (parent: Record<string, unknown>) =>
      validateInput(kind('preschool-queue-notice').schema, { ...base, parent }) as { parentDative: string | null; portal: string };
    expect(parse({ iin: '860512401234', fullName: 'Иванова Мария Петровна', fullNameDative: 'Ивановой М. П.' }).parentDative).toBe('Ивановой М. П.');
    expect(parse({ iin: '860512401234', fullName: 'Иванова Мария Петровна' }).parentDative).toBe('Ивановой Марии Петровне');
    expect(parse({ iin: '841102304561', fullName: 'Сәрсенбаев Ерлан Қуанышұлы' }).parentDative).toBeNull();
    expect(parse({ iin: '841102304561', fullName: 'Сәрсенбаев Ерлан Қуанышұлы' }).portal).toBe('www.egov.kz');
  });

  it('disability notification: the amount is positive with at most two decimals, and printed with grouped digits', () => {
    const base = first('disability-support-notification');
    expect(issues('disability-support-notification', { ...base, monthlyAmount: -5 })).not.toEqual([]);
    expect(issues('disability-support-notification', { ...base, monthlyAmount: 1.005 })).not.toEqual([]);
    expect(formatTenge(19750)).toBe('19\u00a0750,00');
    expect(formatTenge(1234567.5)).toBe('1\u00a0234\u00a0567,50');
  });

  it('every kind names its parties from the data', () => {
    for (const k of documentKinds) {
      const data = validateInput(k.schema, samples(k.id)[0]?.data);
      const parties = k.parties(data);
      expect(parties.applicant.iin, k.id).toMatch(/^\d{12}$/);
      expect(parties.applicant.fullName.length, k.id).toBeGreaterThan(0);
      expect(parties.issuer.bin, k.id).toMatch(/^\d{12}$/);
      expect(parties.issuer.name.kk && parties.issuer.name.ru, k.id).toBeTruthy();
    }
  });
});
