import { describe, expect, it } from 'vitest';
import {
  disabledChildrenHomeEducationService,
  preschoolQueueService,
  unemployedCertificateService,
} from '../../../src/catalog/index.js';
import type { AnyServiceDefinition, Channel, Role } from '../../../src/domain/index.js';
import { createKzCalendar } from '../../../src/workflow/index.js';
import { drive, makeApplication, type Step } from '../../helpers/workflow.js';

const calendar = createKzCalendar();
const registrar: Record<Channel, Role> = { portal: 'SYSTEM', con: 'CON_OPERATOR', provider: 'PROVIDER_EMPLOYEE' };
const issue: Record<Channel, readonly [string, Role]> = {
  portal: ['DELIVER_TO_CABINET', 'SYSTEM'],
  con: ['ISSUE_AT_CON', 'CON_OPERATOR'],
  provider: ['ISSUE_AT_DESK', 'PROVIDER_EMPLOYEE'],
};
const refusal = { reason: 'DOCUMENTS_NONCONFORMING', comment: 'Копия трудовой книжки нечитаема' } as const;

function commonPaths(channel: Channel, decision: readonly [string, string]): Record<string, readonly Step[]> {
  const [issueAction, issuer] = issue[channel];
  const intake: Step[] = [
    ['REGISTER', registrar[channel], 'REGISTERED'],
    ['TAKE_INTO_WORK', 'PROVIDER_EMPLOYEE', 'IN_WORK'],
  ];
  return {
    'EDS check failed before registration': [['REJECT_EDS', 'SYSTEM', 'REJECTED', { reason: 'EDS_NOT_CONFIRMED' }]],
    'refusal with a reason after the decision': [
      ...intake,
      ['REFUSE', 'PROVIDER_EMPLOYEE', 'REFUSAL_PREPARED', refusal],
      ['SIGN', 'PROVIDER_HEAD', 'REFUSAL_SIGNED'],
      [issueAction, issuer, 'REFUSED'],
    ],
    'documents refused after registration': [
      ['REGISTER', registrar[channel], 'REGISTERED'],
      ['REFUSE_DOCUMENTS', 'PROVIDER_EMPLOYEE', 'REFUSAL_PREPARED', refusal],
      ['SIGN', 'PROVIDER_EMPLOYEE', 'REFUSAL_SIGNED'],
      [issueAction, issuer, 'REFUSED'],
    ],
    'extension, return for rework, then the result': [
      ...intake,
      ['EXTEND', 'PROVIDER_HEAD', 'IN_WORK', { newDeadline: new Date('2026-12-31T00:00:00Z'), comment: 'Запрос в ИС ЦГО' }],
      [decision[0], 'PROVIDER_EMPLOYEE', decision[1]],
      ['RETURN_TO_WORK', 'PROVIDER_HEAD', 'IN_WORK', { comment: 'Уточнить период' }],
      [decision[0], 'PROVIDER_HEAD', decision[1]],
    ],
  };
}

function staffIntakeRefusals(channel: Channel): Record<string, readonly Step[]> {
  return {
    'person not found in ГБД ФЛ': [['REFUSE_PERSON_NOT_FOUND', registrar[channel], 'REFUSED', { reason: 'PERSON_NOT_FOUND' }]],
    'documents not conforming at intake': [['REFUSE_DOCUMENTS_AT_INTAKE', registrar[channel], 'REFUSED', refusal]],
  };
}

function resultPath(channel: Channel): readonly Step[] {
  const [issueAction, issuer] = issue[channel];
  return [
    ['REGISTER', registrar[channel], 'REGISTERED'],
    ['TAKE_INTO_WORK', 'PROVIDER_EMPLOYEE', 'IN_WORK'],
    ['APPROVE', 'PROVIDER_EMPLOYEE', 'RESULT_PREPARED'],
    ['SIGN', 'PROVIDER_HEAD', 'RESULT_SIGNED'],
    [issueAction, issuer, 'ISSUED'],
  ];
}

const queuePaths = (channel: Channel): Record<string, readonly Step[]> => ({
  'a place is free: referral at once, then enrolment': [
    ['REGISTER', registrar[channel], 'REGISTERED'],
    ['TAKE_INTO_WORK', 'PROVIDER_EMPLOYEE', 'IN_WORK'],
    ['REFER', 'PROVIDER_EMPLOYEE', 'REFERRAL_PREPARED'],
    ['SIGN', 'PROVIDER_HEAD', 'REFERRAL_ISSUED'],
    ['ENROL', 'PROVIDER_EMPLOYEE', 'ENROLLED'],
  ],
  'no place: queue, referral, expiry, requeue, withdrawal': [
    ['REGISTER', registrar[channel], 'REGISTERED'],
    ['TAKE_INTO_WORK', 'PROVIDER_EMPLOYEE', 'IN_WORK'],
    ['QUEUE', 'PROVIDER_EMPLOYEE', 'QUEUE_NOTICE_PREPARED'],
    ['SIGN', 'PROVIDER_HEAD', 'IN_QUEUE'],
    ['REFER', 'SYSTEM', 'REFERRAL_PREPARED'],
    ['SIGN', 'PROVIDER_EMPLOYEE', 'REFERRAL_ISSUED'],
    ['EXPIRE_REFERRAL', 'SYSTEM', 'REFERRAL_EXPIRED'],
    ['REQUEUE', 'PROVIDER_HEAD', 'IN_QUEUE', { comment: 'Родители просят вернуть в очередь' }],
    ['WITHDRAW', 'APPLICANT', 'WITHDRAWN', { comment: 'Переезд' }],
  ],
  'no place: queue until the child turns seven': [
    ['REGISTER', registrar[channel], 'REGISTERED'],
    ['TAKE_INTO_WORK', 'PROVIDER_EMPLOYEE', 'IN_WORK'],
    ['QUEUE', 'PROVIDER_EMPLOYEE', 'QUEUE_NOTICE_PREPARED'],
    ['SIGN', 'PROVIDER_HEAD', 'IN_QUEUE'],
    ['AGE_OUT', 'SYSTEM', 'AGED_OUT'],
  ],
  'referral expired and the case closed': [
    ['REGISTER', registrar[channel], 'REGISTERED'],
    ['TAKE_INTO_WORK', 'PROVIDER_EMPLOYEE', 'IN_WORK'],
    ['REFER', 'PROVIDER_EMPLOYEE', 'REFERRAL_PREPARED'],
    ['SIGN', 'PROVIDER_HEAD', 'REFERRAL_ISSUED'],
    ['EXPIRE_REFERRAL', 'SYSTEM', 'REFERRAL_EXPIRED'],
    ['CLOSE', 'PROVIDER_EMPLOYEE', 'CLOSED', { comment: 'Родители отказались от места' }],
  ],
});

const cases: [AnyServiceDefinition, Channel, string, readonly Step[]][] = [];
for (const channel of ['portal', 'con', 'provider'] as const) {
  const u = unemployedCertificateService as AnyServiceDefinition;
  cases.push([u, channel, 'result issued', resultPath(channel)]);
  for (const [name, steps] of Object.entries(commonPaths(channel, ['APPROVE', 'RESULT_PREPARED']))) cases.push([u, channel, name, steps]);
  const p = preschoolQueueService as AnyServiceDefinition;
  for (const [name, steps] of Object.entries(queuePaths(channel))) cases.push([p, channel, name, steps]);
  for (const [name, steps] of Object.entries(commonPaths(channel, ['QUEUE', 'QUEUE_NOTICE_PREPARED']))) cases.push([p, channel, name, steps]);
  if (channel !== 'portal') {
    for (const [name, steps] of Object.entries(staffIntakeRefusals(channel))) cases.push([u, channel, name, steps]);
  }
  if (channel !== 'con') {
    const d = disabledChildrenHomeEducationService as AnyServiceDefinition;
    cases.push([d, channel, 'result issued', resultPath(channel)]);
    for (const [name, steps] of Object.entries(commonPaths(channel, ['APPROVE', 'RESULT_PREPARED']))) cases.push([d, channel, name, steps]);
    if (channel === 'provider') {
      for (const [name, steps] of Object.entries(staffIntakeRefusals(channel))) cases.push([d, channel, name, steps]);
    }
  }
}
cases.push([
  preschoolQueueService as AnyServiceDefinition,
  'portal',
  'child not found in ГБД ФЛ / ЗАГС (checked on the portal too)',
  [['REFUSE_PERSON_NOT_FOUND', 'SYSTEM', 'REFUSED', { reason: 'PERSON_NOT_FOUND' }]],
]);

describe('every path of every service and channel', () => {
  it.each(cases.map(([s, c, name, steps]) => [s.id, c, name, s, steps] as const))(
    '%s on %s: %s',
    (_id, channel, _name, service, steps) => {
      const { application, results } = drive(service, makeApplication(service, channel), steps, calendar);
      expect(application.state).toBe(steps.at(-1)?.[2]);
      expect(results.map((r) => r.history.to)).toEqual(steps.map((s) => s[2]));
      expect(results.every((r, i) => r.history.from === (i === 0 ? service.initial : steps[i - 1]?.[2]))).toBe(true);
    },
  );

  it('covers each service on each of its channels and nothing more', () => {
    const seen = new Set(cases.map(([s, c]) => `${s.id}/${c}`));
    expect([...seen].sort()).toEqual([
      'disabled-children-home-education/portal',
      'disabled-children-home-education/provider',
      'preschool-queue/con',
      'preschool-queue/portal',
      'preschool-queue/provider',
      'unemployed-certificate/con',
      'unemployed-certificate/portal',
      'unemployed-certificate/provider',
    ]);
    for (const [service, channel] of cases) expect(service.channels).toContain(channel);
  });
});
