import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkCatalog,
  documentKinds,
  type CatalogCheckInput,
  REFUSAL_REASONS,
  services,
  unemployedCertificateService,
} from '../../../src/catalog/index.js';
import { definedErrorCodes, LANGUAGES, type AnyServiceDefinition, type StateDefinition } from '../../../src/domain/index.js';
import { createTranslator, readLocales } from '../../../src/i18n/index.js';
import '../../../src/workflow/index.js';
import '../../../src/population/index.js';

const texts = createTranslator(readLocales(path.resolve(import.meta.dirname, '../../../locales')));
const base: Omit<CatalogCheckInput, 'services'> = { documentKinds: documentKinds.map((k) => k.id), reasons: REFUSAL_REASONS, texts };
const good = unemployedCertificateService as AnyServiceDefinition;

function broken(states: Record<string, StateDefinition>, extra: Partial<AnyServiceDefinition> = {}): AnyServiceDefinition {
  return { ...good, id: 'broken', states: { ...good.states, ...states }, ...extra };
}
const codes = (service: AnyServiceDefinition, input: Partial<typeof base> = {}) =>
  checkCatalog({ ...base, ...input, services: [service] }).map((p) => `${p.code}: ${p.message}`);

describe('the catalogue check', () => {
  it('passes on the real catalogue, in kk and ru', () => {
    expect(checkCatalog({ ...base, services })).toEqual([]);
    expect(services.map((s) => s.id)).toEqual(['unemployed-certificate', 'disabled-children-home-education', 'preschool-queue']);
  });

  it('finds a state that cannot be reached', () => {
    expect(codes(broken({ LIMBO: { status: 'IN_WORK', actions: { REGISTER: { to: 'REGISTERED', roles: ['SYSTEM'], notify: false } } } }))).toContain(
      'UNREACHABLE_STATE: state LIMBO cannot be reached from SUBMITTED',
    );
  });

  it('finds a queue with an age limit that no state lets SYSTEM leave by AGE_OUT', () => {
    expect(codes(broken({}, { queue: { ageLimit: 7 } }))).toEqual(['QUEUE_WITHOUT_AGE_OUT: the queue has an age limit, but no state lets SYSTEM take AGE_OUT']);
  });

  it('finds a dead end, also one that exists on a single channel only', () => {
    const deadEnd = broken({ RESULT_SIGNED: { status: 'READY_FOR_ISSUE', actions: {} } });
    expect(codes(deadEnd)).toContain('DEAD_END: non-terminal state RESULT_SIGNED has no action on channel portal');
    const noConIssue = broken({
      RESULT_SIGNED: {
        status: 'READY_FOR_ISSUE',
        actions: { DELIVER_TO_CABINET: { to: 'ISSUED', roles: ['SYSTEM'], channels: ['portal'], notify: true } },
      },
    });
    expect(codes(noConIssue)).toEqual([
      'DEAD_END: non-terminal state RESULT_SIGNED has no action on channel con',
      'DEAD_END: non-terminal state RESULT_SIGNED has no action on channel provider',
    ]);
  });

  it('finds channels the service does not offer', () => {
    const disabledLike = broken({}, { channels: ['portal', 'provider'] });
    expect(codes(disabledLike)).toEqual(
      expect.arrayContaining([
        'REGULATION_CHANNEL_NOT_OFFERED: regulation unemployed-certificate/urdzhar-2012 offers channel con, which the service has not',
        'CHANNEL_NOT_OFFERED: RESULT_SIGNED.ISSUE_AT_CON names channel con',
      ]),
    );
  });

  it('finds a missing target, a missing initial state and a bad escalation', () => {
    const result = codes(
      broken(
        { IN_WORK: { status: 'IN_WORK', onDeadline: { action: 'ESCALATE', notify: [] }, actions: { APPROVE: { to: 'NOWHERE', roles: ['PROVIDER_HEAD'], notify: false } } } },
        { initial: 'SUBMITTED' },
      ),
    );
    expect(result).toContain('UNKNOWN_TARGET: IN_WORK.APPROVE goes to undefined state NOWHERE');
    expect(result).toContain('UNKNOWN_ESCALATION: IN_WORK escalates with ESCALATE, which does not leave IN_WORK');
    expect(codes(broken({}, { initial: 'START' }))).toContain('UNKNOWN_INITIAL: initial state START is not defined');
  });

  it('finds a reason requirement with no reasons, and unknown reasons', () => {
    const result = codes(
      broken({
        IN_WORK: {
          status: 'IN_WORK',
          actions: {
            APPROVE: { to: 'RESULT_PREPARED', roles: ['PROVIDER_HEAD'], notify: false },
            REFUSE: { to: 'REFUSAL_PREPARED', roles: ['PROVIDER_HEAD'], requires: ['reason'], notify: false },
            EXTEND: { to: 'IN_WORK', roles: ['PROVIDER_HEAD'], requires: ['reason'], reasons: ['BECAUSE'], notify: true },
          },
        },
      }),
    );
    expect(result).toContain('MISSING_REASONS: IN_WORK.REFUSE requires a reason but lists none');
    expect(result.some((p) => p.startsWith('UNKNOWN_REASON: IN_WORK.EXTEND names unknown reason BECAUSE'))).toBe(true);
  });

  it('finds unknown document kinds and kinds without a data mapping', () => {
    const result = codes(broken({}, { outputs: { ...good.outputs, positive: ['gold-medal'] } }));
    expect(result).toContain('UNKNOWN_DOCUMENT_KIND: document kind gold-medal is not known');
    expect(result).toContain('MISSING_MAPPING: document kind gold-medal has no data mapping');
    expect(codes(broken({}, { outputs: { ...good.outputs, positive: [] } }))).toContain(
      'NO_DOCUMENTS_FOR_OUTCOME: RESULT_PREPARED.SIGN issues outcome positive, which has no documents',
    );
  });

  it('finds a missing kk or ru text', () => {
    const withoutKazakhStatus = { has: (language: 'kk' | 'ru', key: string) => !(language === 'kk' && key === 'workflow:statuses.RECEIVED') && texts.has(language, key) };
    expect(codes(good, { texts: withoutKazakhStatus })).toEqual(['MISSING_TEXT: kk has no text for workflow:statuses.RECEIVED']);
    const inWork = good.states.IN_WORK as StateDefinition;
    const newState = broken({
      LIMBO: { status: 'LIMBO', terminal: 'closed' },
      IN_WORK: { ...inWork, actions: { ...inWork.actions, PARK: { to: 'LIMBO', roles: ['PROVIDER_HEAD'], notify: false } } },
    });
    expect(codes(newState)).toEqual(
      expect.arrayContaining([
        'MISSING_TEXT: kk has no text for workflow:states.LIMBO',
        'MISSING_TEXT: ru has no text for workflow:statuses.LIMBO',
        'MISSING_TEXT: ru has no text for workflow:actions.PARK',
      ]),
    );
  });

  it('finds a layout hint naming a field the form does not have', () => {
    const form = { ...good.form, layout: [...good.form.layout, { field: 'shoeSize', widget: 'text' as const, labelKey: 'workflow:fields.iin.label' }] };
    expect(codes(broken({}, { form }))).toEqual(['UNKNOWN_FIELD: layout names field shoeSize, not in the form']);
  });

  it('every error code declared so far has a kk and a ru text', () => {
    const missing = [...definedErrorCodes().keys()].flatMap((code) =>
      LANGUAGES.filter((l) => !texts.has(l, `errors:${code}`)).map((l) => `${l}:${code}`),
    );
    expect(missing).toEqual([]);
    expect([...definedErrorCodes().keys()]).toEqual(expect.arrayContaining(['ACTION_NOT_ALLOWED', 'REGISTRY_UNAVAILABLE', 'PERSON_NOT_FOUND']));
  });
});
