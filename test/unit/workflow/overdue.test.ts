import { describe, expect, it } from 'vitest';
import { services } from '../../../src/catalog/index.js';
import { findOverdue } from '../../../src/workflow/index.js';
import { makeApplication } from '../../helpers/workflow.js';

const definitions = new Map(services.map((s) => [s.id, s]));
const byId = (id: string) => definitions.get(id) ?? (() => { throw new Error(id); })();
const now = new Date('2026-03-27T20:00:00Z');

describe('findOverdue', () => {
  it('lists passed deadlines, oldest first, with the escalation of the state', () => {
    const items = findOverdue(
      definitions,
      [
        makeApplication(byId('unemployed-certificate'), 'con', { number: 'A', state: 'IN_WORK', deadline: new Date('2026-03-27T19:00:00Z') }),
        makeApplication(byId('preschool-queue'), 'portal', { number: 'B', state: 'REFERRAL_ISSUED', deadline: new Date('2026-03-24T19:00:00Z') }),
        makeApplication(byId('unemployed-certificate'), 'con', { number: 'C', state: 'IN_WORK', deadline: new Date('2026-03-30T19:00:00Z') }),
        makeApplication(byId('unemployed-certificate'), 'con', { number: 'D', state: 'ISSUED', deadline: new Date('2026-03-01T00:00:00Z') }),
        makeApplication(byId('preschool-queue'), 'portal', { number: 'E', state: 'IN_QUEUE', deadline: null }),
      ],
      now,
    );
    expect(items).toEqual([
      {
        number: 'B',
        serviceId: 'preschool-queue',
        state: 'REFERRAL_ISSUED',
        deadline: new Date('2026-03-24T19:00:00Z'),
        overdueMinutes: 3 * 24 * 60 + 60,
        action: 'EXPIRE_REFERRAL',
        notify: ['PROVIDER_EMPLOYEE'],
      },
      {
        number: 'A',
        serviceId: 'unemployed-certificate',
        state: 'IN_WORK',
        deadline: new Date('2026-03-27T19:00:00Z'),
        overdueMinutes: 60,
        action: null,
        notify: ['PROVIDER_HEAD', 'PROVIDER_EMPLOYEE'],
      },
    ]);
  });

  it('records a breach without an action once, but retries an escalation action', () => {
    const recorded = new Date('2026-03-27T19:30:00Z');
    const items = findOverdue(
      definitions,
      [
        makeApplication(byId('unemployed-certificate'), 'con', { number: 'A', state: 'IN_WORK', deadline: new Date('2026-03-27T19:00:00Z'), breachRecordedAt: recorded }),
        makeApplication(byId('preschool-queue'), 'portal', { number: 'B', state: 'REFERRAL_ISSUED', deadline: new Date('2026-03-24T19:00:00Z'), breachRecordedAt: recorded }),
      ],
      now,
    );
    expect(items.map((i) => i.number)).toEqual(['B']);
  });
});
