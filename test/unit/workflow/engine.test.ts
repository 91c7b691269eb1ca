import { describe, expect, it } from 'vitest';
import {
  DISABLED_URDZHAR,
  disabledChildrenHomeEducationService,
  PRESCHOOL_URDZHAR,
  preschoolQueueService,
  UNEMPLOYED_URDZHAR,
  unemployedCertificateService,
} from '../../../src/catalog/index.js';
import { AppError, applyRegulation, type AnyServiceDefinition, type Role } from '../../../src/domain/index.js';
import {
  availableActions,
  createKzCalendar,
  startDeadline,
  transition,
  type TransitionInput,
} from '../../../src/workflow/index.js';
import { APPLICANT_IIN, makeApplication } from '../../helpers/workflow.js';

const calendar = createKzCalendar();
// The services under Urdzhar's regulations, whose norms these deadlines are.
const unemployed = applyRegulation(unemployedCertificateService, UNEMPLOYED_URDZHAR) as AnyServiceDefinition;
const preschool = applyRegulation(preschoolQueueService, PRESCHOOL_URDZHAR) as AnyServiceDefinition;
const disabled = applyRegulation(disabledChildrenHomeEducationService, DISABLED_URDZHAR) as AnyServiceDefinition;
// Thursday 19 March 2026, 10:00 in Almaty (UTC+5): Nauryz (21–23 March) and its substitute days follow.
const now = new Date('2026-03-19T05:00:00Z');

function attempt(
  service: AnyServiceDefinition,
  state: string,
  action: string,
  role: Role,
  input: TransitionInput = {},
  extra: { channel?: 'portal' | 'con' | 'provider'; iin?: string; deadline?: Date } = {},
) {
  const application = makeApplication(service, extra.channel ?? 'provider', {
    state,
    number: 'KZ-1',
    deadline: extra.deadline ?? null,
  });
  return () =>
    transition({
      definition: service,
      application,
      action,
      actor: { id: 'u1', role, iin: extra.iin ?? (role === 'APPLICANT' ? APPLICANT_IIN : undefined) },
      input,
      now,
      calendar,
    });
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.code}/${error.kind}`;
    throw error;
  }
  return 'no error';
}

describe('transition refuses what the definition does not allow', () => {
  it.each([
    ['APPLICANT registers', unemployed, 'SUBMITTED', 'REGISTER', 'APPLICANT', {}, 'ROLE_NOT_ALLOWED/forbidden'],
    ['a ЦОН operator approves', unemployed, 'IN_WORK', 'APPROVE', 'CON_OPERATOR', {}, 'ROLE_NOT_ALLOWED/forbidden'],
    ['an employee extends the term', disabled, 'IN_WORK', 'EXTEND', 'PROVIDER_EMPLOYEE', {}, 'ROLE_NOT_ALLOWED/forbidden'],
    ['an employee expires a referral by hand', preschool, 'REFERRAL_ISSUED', 'EXPIRE_REFERRAL', 'PROVIDER_EMPLOYEE', {}, 'ROLE_NOT_ALLOWED/forbidden'],
    ['the system signs', unemployed, 'RESULT_PREPARED', 'SIGN', 'SYSTEM', {}, 'ROLE_NOT_ALLOWED/forbidden'],
    ['approving before taking into work', unemployed, 'REGISTERED', 'APPROVE', 'PROVIDER_EMPLOYEE', {}, 'ACTION_NOT_ALLOWED/forbidden'],
    ['an unknown action', unemployed, 'IN_WORK', 'PUBLISH', 'PROVIDER_HEAD', {}, 'ACTION_NOT_ALLOWED/forbidden'],
    ['refusing without a reason', unemployed, 'IN_WORK', 'REFUSE', 'PROVIDER_EMPLOYEE', { comment: 'нет' }, 'INPUT_REQUIRED/invalid'],
    ['refusing without a justification', unemployed, 'IN_WORK', 'REFUSE', 'PROVIDER_EMPLOYEE', { reason: 'NOT_ELIGIBLE', comment: '  ' }, 'INPUT_REQUIRED/invalid'],
    ['refusing with a reason the action does not accept', unemployed, 'IN_WORK', 'REFUSE', 'PROVIDER_EMPLOYEE', { reason: 'CHILD_OVER_AGE', comment: 'x' }, 'REASON_NOT_ALLOWED/invalid'],
    ['extending without a new deadline', disabled, 'IN_WORK', 'EXTEND', 'PROVIDER_HEAD', { comment: 'x' }, 'INPUT_REQUIRED/invalid'],
    ['acting on an issued result', unemployed, 'ISSUED', 'SIGN', 'PROVIDER_HEAD', {}, 'APPLICATION_TERMINAL/conflict'],
    ['acting on a refusal', preschool, 'REFUSED', 'REQUEUE', 'PROVIDER_HEAD', { comment: 'x' }, 'APPLICATION_TERMINAL/conflict'],
    ['acting on an enrolled child', preschool, 'ENROLLED', 'WITHDRAW', 'APPLICANT', { comment: 'x' }, 'APPLICATION_TERMINAL/conflict'],
  ] as const)('%s', (_name, service, state, action, role, input, expected) => {
    expect(codeOf(attempt(service, state, action, role, input))).toBe(expected);
  });

  it('refuses an extension that does not move the deadline later', () => {
    const run = attempt(disabled, 'IN_WORK', 'EXTEND', 'PROVIDER_HEAD', { comment: 'x', newDeadline: new Date('2026-03-20T00:00:00Z') }, {
      deadline: new Date('2026-04-02T19:00:00Z'),
    });
    expect(codeOf(run)).toBe('DEADLINE_NOT_LATER/invalid');
  });

  it('refuses an extension further than a date may lie (the АРМ form reaches the engine without the API schema)', () => {
    const run = attempt(disabled, 'IN_WORK', 'EXTEND', 'PROVIDER_HEAD', { comment: 'x', newDeadline: new Date('9999-12-31T18:59:59.999Z') }, {
      deadline: new Date('2026-04-02T19:00:00Z'),
    });
    expect(codeOf(run)).toBe('DEADLINE_OUT_OF_RANGE/invalid');
  });

  it('lets an applicant withdraw only their own child from the queue', () => {
    expect(codeOf(attempt(preschool, 'IN_QUEUE', 'WITHDRAW', 'APPLICANT', { comment: 'x' }, { iin: '900903401021' }))).toBe(
      'NOT_OWN_APPLICATION/forbidden',
    );
    expect(attempt(preschool, 'IN_QUEUE', 'WITHDRAW', 'APPLICANT', { comment: 'переезд' })().state).toBe('WITHDRAWN');
  });

  it('keeps channel-specific actions on their channel', () => {
    expect(codeOf(attempt(unemployed, 'RESULT_SIGNED', 'ISSUE_AT_CON', 'CON_OPERATOR', {}, { channel: 'portal' }))).toBe(
      'ACTION_NOT_ALLOWED/forbidden',
    );
    expect(codeOf(attempt(unemployed, 'SUBMITTED', 'REFUSE_PERSON_NOT_FOUND', 'SYSTEM', { reason: 'PERSON_NOT_FOUND' }, { channel: 'portal' }))).toBe(
      'ACTION_NOT_ALLOWED/forbidden',
    );
  });
});

describe('transition results', () => {
  it('records who, role, when, from, to, comment and reason', () => {
    const result = attempt(unemployed, 'IN_WORK', 'REFUSE', 'PROVIDER_HEAD', { reason: 'NOT_REGISTERED_UNEMPLOYED', comment: ' Нет регистрации ' })();
    expect(result.history).toEqual({
      at: now,
      actorId: 'u1',
      role: 'PROVIDER_HEAD',
      action: 'REFUSE',
      from: 'IN_WORK',
      to: 'REFUSAL_PREPARED',
      comment: 'Нет регистрации',
      reason: 'NOT_REGISTERED_UNEMPLOYED',
    });
    expect(result.documents).toBeNull();
    expect(result.notify).toBe(false);
  });

  it('signing issues the outcome documents of each service', () => {
    expect(attempt(unemployed, 'RESULT_PREPARED', 'SIGN', 'PROVIDER_HEAD')().documents).toEqual({
      outcome: 'positive',
      kinds: ['unemployed-certificate'],
    });
    expect(attempt(disabled, 'REFUSAL_PREPARED', 'SIGN', 'PROVIDER_HEAD')().documents).toEqual({ outcome: 'negative', kinds: ['refusal-letter'] });
    expect(attempt(preschool, 'QUEUE_NOTICE_PREPARED', 'SIGN', 'PROVIDER_HEAD')().documents).toEqual({
      outcome: 'queued',
      kinds: ['preschool-queue-notice'],
    });
    expect(attempt(preschool, 'REFERRAL_PREPARED', 'SIGN', 'PROVIDER_HEAD')().documents).toEqual({
      outcome: 'positive',
      kinds: ['preschool-referral'],
    });
    expect(attempt(unemployed, 'SUBMITTED', 'REJECT_EDS', 'SYSTEM', { reason: 'EDS_NOT_CONFIRMED' })()).toMatchObject({
      state: 'REJECTED',
      status: 'REJECTED',
      terminal: 'rejected',
      notify: true,
      documents: null,
    });
  });

  it('maps application data onto the documents it issues', () => {
    const application = makeApplication(unemployed, 'con', {
      number: 'KZ-7',
      form: { iin: APPLICANT_IIN, fullName: 'Омаров Ерлан Серікұлы', period: { from: '2026-01-01', to: '2026-03-01' }, attachments: [] },
    });
    const certificate = unemployed.documentData['unemployed-certificate']?.(application, { now });
    expect(certificate).toEqual({
      applicant: { iin: APPLICANT_IIN, fullName: 'Омаров Ерлан Серікұлы' },
      period: { from: '2026-01-01', to: '2026-03-01' },
      applicationDate: '2026-03-19',
    });
    const letter = unemployed.documentData['refusal-letter']?.(application, { now, reason: 'NOT_ELIGIBLE', comment: 'нет оснований' });
    expect(letter).toEqual({
      applicant: { iin: APPLICANT_IIN, fullName: 'Омаров Ерлан Серікұлы' },
      service: 'unemployed-certificate',
      reason: 'NOT_ELIGIBLE',
      application: { number: 'KZ-7', date: '2026-03-19' },
    });
    const child = { iin: '230214602026', fullName: 'Омарова Айша Ерланқызы', birthDate: '2023-02-14' };
    const queued = makeApplication(preschool, 'portal', { number: 'KZ-8', form: { iin: APPLICANT_IIN, fullName: 'Омаров Ерлан Серікұлы', child, language: 'kk' } });
    expect(preschool.documentData['preschool-queue-notice']?.(queued, { now, facts: { journalNumber: 17, journalDate: '2026-03-19' } })).toEqual({
      parent: { iin: APPLICANT_IIN, fullName: 'Омаров Ерлан Серікұлы' },
      child: { fullName: 'Омарова Айша Ерланқызы', sex: 'female' },
      journal: { number: '17', date: '2026-03-19' },
    });
  });

  it('sets the deadline of the state entered, per channel', () => {
    // ЦОН: 3 working days, the day of receipt and the day of issue not counted. After Thursday 19 March:
    // Fri 20 (1); 21–24 Nauryz and substitute days; Wed 25 (2), Thu 26 (3); Fri 27 is the day of issue.
    const con = attempt(unemployed, 'REGISTERED', 'TAKE_INTO_WORK', 'PROVIDER_EMPLOYEE', {}, { channel: 'con' })();
    expect(con.deadline).toEqual(new Date('2026-03-27T19:00:00Z'));
    const portal = attempt(unemployed, 'REGISTERED', 'TAKE_INTO_WORK', 'PROVIDER_EMPLOYEE', {}, { channel: 'portal' })();
    expect(portal.deadline).toEqual(new Date('2026-03-19T05:10:00Z'));
    // Disabled children: 10 working days counted from Friday 20 March; 21–24 March are off → Monday 6 April.
    const tenDays = attempt(disabled, 'REGISTERED', 'TAKE_INTO_WORK', 'PROVIDER_EMPLOYEE', {}, { channel: 'portal' })();
    expect(tenDays.deadline).toEqual(new Date('2026-04-06T19:00:00Z'));
    // A referral is valid five days after the day of issue (calendar days): through 24 March.
    const referral = attempt(preschool, 'REFERRAL_PREPARED', 'SIGN', 'PROVIDER_HEAD')();
    expect(referral.deadline).toEqual(new Date('2026-03-24T19:00:00Z'));
    expect(attempt(preschool, 'QUEUE_NOTICE_PREPARED', 'SIGN', 'PROVIDER_HEAD')().deadline).toBeNull();
  });

  it('an extension sets the new deadline and notifies the applicant', () => {
    const newDeadline = new Date('2026-04-16T19:00:00Z');
    const result = attempt(disabled, 'IN_WORK', 'EXTEND', 'PROVIDER_HEAD', { newDeadline, comment: 'Запрос в ИС ЦГО' }, {
      deadline: new Date('2026-04-06T19:00:00Z'),
    })();
    expect(result).toMatchObject({ state: 'IN_WORK', status: 'IN_WORK', deadline: newDeadline, notify: true });
    expect(result.history.comment).toBe('Запрос в ИС ЦГО');
  });

  it('startDeadline gives the intake norm of the channel', () => {
    expect(startDeadline(unemployed, 'con', now, calendar)).toEqual(new Date('2026-03-19T05:10:00Z'));
    expect(startDeadline(preschool, 'con', now, calendar)).toEqual(new Date('2026-03-26T19:00:00Z'));
  });
});

describe('availableActions', () => {
  const actionsOf = (service: AnyServiceDefinition, state: string, role: Role, channel: 'portal' | 'con' | 'provider', iin?: string) =>
    availableActions(service, makeApplication(service, channel, { state }), { id: 'u', role, iin }).map((a) => a.action);

  it('lists what the role may do on the channel', () => {
    expect(actionsOf(unemployed, 'SUBMITTED', 'CON_OPERATOR', 'con')).toEqual([
      'REFUSE_PERSON_NOT_FOUND',
      'REFUSE_DOCUMENTS_AT_INTAKE',
      'REGISTER',
    ]);
    expect(actionsOf(unemployed, 'SUBMITTED', 'SYSTEM', 'portal')).toEqual(['REJECT_EDS', 'REGISTER']);
    expect(actionsOf(unemployed, 'IN_WORK', 'PROVIDER_HEAD', 'provider')).toEqual(['APPROVE', 'REFUSE', 'EXTEND']);
    expect(actionsOf(unemployed, 'RESULT_SIGNED', 'PROVIDER_EMPLOYEE', 'con')).toEqual([]);
    expect(actionsOf(preschool, 'IN_QUEUE', 'APPLICANT', 'portal', APPLICANT_IIN)).toEqual(['WITHDRAW']);
    expect(actionsOf(preschool, 'IN_QUEUE', 'APPLICANT', 'portal', '900903401021')).toEqual([]);
    expect(actionsOf(unemployed, 'ISSUED', 'PROVIDER_HEAD', 'provider')).toEqual([]);
  });

  it('tells what an action requires and which reasons it accepts', () => {
    const refuse = availableActions(unemployed, makeApplication(unemployed, 'portal', { state: 'IN_WORK' }), { id: 'u', role: 'PROVIDER_EMPLOYEE' }).find(
      (a) => a.action === 'REFUSE',
    );
    expect(refuse).toMatchObject({ to: 'REFUSAL_PREPARED', requires: ['reason', 'comment'], notify: false });
    expect(refuse?.reasons).toContain('NOT_REGISTERED_UNEMPLOYED');
  });
});
