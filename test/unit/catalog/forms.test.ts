import { describe, expect, it } from 'vitest';
import {
  disabledChildrenHomeEducationService,
  preschoolQueueService,
  unemployedCertificateService,
} from '../../../src/catalog/index.js';
import { InvalidInputError, type AnyServiceDefinition } from '../../../src/domain/index.js';
import { validateForm } from '../../../src/workflow/index.js';

const now = new Date('2026-03-19T05:00:00Z');
const parent = { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы' };

function issues(service: AnyServiceDefinition, input: unknown): string[] {
  try {
    validateForm(service, input, now);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.params.details.map((d) => `${d.path}:${d.rule}`);
    throw error;
  }
  return [];
}

const preschool = preschoolQueueService as AnyServiceDefinition;
const disabled = disabledChildrenHomeEducationService as AnyServiceDefinition;
const unemployed = unemployedCertificateService as AnyServiceDefinition;
const ali = { iin: '210510502015', fullName: 'Омаров Әлихан Ерланұлы', birthDate: '2021-05-10' };

describe('service forms: the format-logical rules', () => {
  it('accepts a correct preschool request and fills defaults', () => {
    expect(validateForm(preschool, { ...parent, child: ali, language: 'kk' }, now)).toMatchObject({ preferredOrganisations: [] });
  });

  it.each([
    ['a child of seven or more', { ...parent, child: { iin: '180404502080', fullName: 'Сейітов Алан', birthDate: '2018-04-04' }, language: 'kk' }, 'child.birthDate:AGE_OUT_OF_RANGE'],
    ['a birth date the IIN does not encode', { ...parent, child: { ...ali, birthDate: '2021-05-11' }, language: 'ru' }, 'child.birthDate:IIN_BIRTH_DATE_MISMATCH'],
    ['a child IIN with a wrong check digit', { ...parent, child: { ...ali, iin: '210510502016' }, language: 'ru' }, 'child.iin:INVALID_IIN'],
    ['a language other than kk or ru', { ...parent, child: ali, language: 'en' }, 'language:NOT_ALLOWED_VALUE'],
    ['an unknown field', { ...parent, child: ali, language: 'kk', shoeSize: 30 }, 'shoeSize:UNKNOWN_FIELD'],
  ])('preschool refuses %s', (_name, input, expected) => {
    expect(issues(preschool, input)).toContain(expected);
  });

  it('disabled children: the child must be under eighteen, the conclusion not dated in the future', () => {
    const base = { ...parent, child: { iin: '150319502043', fullName: 'Иванов Артём Сергеевич', birthDate: '2015-03-19' }, homeEducationPeriod: { from: '2025-09-01', to: '2026-05-25' } };
    expect(issues(disabled, { ...base, conclusion: { number: '117', date: '2025-08-20' } })).toEqual([]);
    expect(issues(disabled, { ...base, conclusion: { number: '117', date: '2026-04-01' } })).toEqual(['conclusion.date:DATE_IN_FUTURE']);
    expect(issues(disabled, { ...base, homeEducationPeriod: { from: '2026-05-25', to: '2025-09-01' }, conclusion: { number: '1', date: '2025-08-20' } })).toEqual([
      'homeEducationPeriod.to:DATE_ORDER',
    ]);
  });

  it('unemployed: the period may not start in the future; phone and IIN formats are checked', () => {
    expect(issues(unemployed, { ...parent, period: { from: '2026-01-01', to: '2026-03-01' } })).toEqual([]);
    expect(issues(unemployed, { ...parent, period: { from: '2026-04-01', to: '2026-05-01' } })).toEqual(['period.from:DATE_IN_FUTURE']);
    expect(issues(unemployed, { ...parent, iin: '880412301011', phone: '87011234567', period: { from: '2026-01-01', to: '2026-03-01' } })).toEqual([
      'iin:INVALID_IIN',
      'phone:INVALID_FORMAT',
    ]);
  });
});
