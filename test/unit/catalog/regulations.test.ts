/**
 * The catalogue check's regulation and provider rules: the repository passes (with a warning per
 * provider bound to a repealed act), and a fixture that breaks each rule is caught.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkCatalog,
  documentKinds,
  loadProviders,
  preschoolQueueService,
  PRESCHOOL_URDZHAR,
  REFUSAL_REASONS,
  services,
  UNEMPLOYED_EKIBASTUZ,
  UNEMPLOYED_URDZHAR,
  unemployedCertificateService,
  type CatalogCheckInput,
  type ProviderBinding,
} from '../../../src/catalog/index.js';
import { applyRegulation, type AnyServiceDefinition, type Regulation } from '../../../src/domain/index.js';
import { createTranslator, readLocales } from '../../../src/i18n/index.js';
import '../../../src/workflow/index.js';
import '../../../src/population/index.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const texts = createTranslator(readLocales(path.join(ROOT, 'locales')));
const base: Omit<CatalogCheckInput, 'services'> = { documentKinds: documentKinds.map((k) => k.id), reasons: REFUSAL_REASONS, texts };
const unemployed = unemployedCertificateService as AnyServiceDefinition;
const providers = loadProviders(path.join(ROOT, 'samples', 'providers.json'));

/** withRegulations: the unemployed certificate service with only the regulations given. */
const withRegulations = (...regulations: Regulation[]): AnyServiceDefinition => ({ ...unemployed, regulations });
const problems = (input: Partial<CatalogCheckInput>) =>
  checkCatalog({ ...base, services: [unemployed], ...input }).map((p) => `${p.severity} ${p.code}: ${p.message}`);

const desk = (regulations: ProviderBinding['regulations'], extra: Partial<ProviderBinding> = {}): ProviderBinding => ({
  id: 'test-desk',
  services: ['unemployed-certificate'],
  regulations,
  defaultFor: [],
  ...extra,
});

describe('the catalogue check of regulations and providers', () => {
  it('passes on the repository: no error; a warning for each provider bound to a repealed act', () => {
    const found = checkCatalog({ ...base, services, providers });
    expect(found.filter((p) => p.severity === 'error')).toEqual([]);
    const bindings = providers.flatMap((p) => p.services.map((s) => `${p.id} ${s}`));
    expect(found.map((p) => p.code)).toEqual(bindings.map(() => 'REPEALED_ACT'));
    expect(found.map((p) => p.message)).toContain(
      'provider ekibastuz-employment: works under unemployed-certificate/ekibastuz-2013, whose act ekibastuz-2013-168-2 was repealed on 2013-06-19 (№ 555/6)',
    );
  });

  it('names every issuing body of the seeds, each under its own act', () => {
    const bound = Object.fromEntries(providers.map((p) => [p.id, p.regulations]));
    expect(bound).toEqual({
      'ekibastuz-employment': {
        'unemployed-certificate': 'unemployed-certificate/ekibastuz-2013',
        'disabled-children-home-education': 'disabled-children-home-education/ekibastuz-2013',
      },
      'urzhar-education': { 'preschool-queue': 'preschool-queue/urdzhar-2012' },
      'pavlodar-employment': {
        'unemployed-certificate': 'unemployed-certificate/pavlodar-2013',
        'disabled-children-home-education': 'disabled-children-home-education/pavlodar-2013',
      },
      'urzhar-employment': {
        'unemployed-certificate': 'unemployed-certificate/urdzhar-2012',
        'disabled-children-home-education': 'disabled-children-home-education/urdzhar-2012',
      },
      'mamlyut-employment': { 'unemployed-certificate': 'unemployed-certificate/mamlyut-2012' },
      'aktobe-employment': {
        'unemployed-certificate': 'unemployed-certificate/aktobe-2014',
        'disabled-children-home-education': 'disabled-children-home-education/aktobe-2014',
      },
    });
  });

  it('warns of a repealed act and says nothing of one in force', () => {
    const inForce: Regulation = { ...UNEMPLOYED_EKIBASTUZ, act: { ...UNEMPLOYED_EKIBASTUZ.act, repealed: null } };
    const bound = [desk({ 'unemployed-certificate': UNEMPLOYED_EKIBASTUZ.id })];
    expect(problems({ services: [withRegulations(UNEMPLOYED_EKIBASTUZ)], providers: bound })).toEqual([
      'warning REPEALED_ACT: provider test-desk: works under unemployed-certificate/ekibastuz-2013, whose act ekibastuz-2013-168-2 was repealed on 2013-06-19 (№ 555/6)',
    ]);
    expect(problems({ services: [withRegulations(inForce)], providers: bound })).toEqual([]);
  });

  it('fails on a provider binding that is missing, unknown, for a service not offered, or a default twice', () => {
    expect(problems({ providers: [desk({})] })).toEqual([
      'error PROVIDER_WITHOUT_REGULATION: provider test-desk: offers unemployed-certificate but names no regulation for it',
    ]);
    expect(problems({ providers: [desk({ 'unemployed-certificate': 'unemployed-certificate/astana-2020' })] })).toEqual([
      'error UNKNOWN_REGULATION: provider test-desk: works under unemployed-certificate/astana-2020, which is not a regulation of unemployed-certificate',
    ]);
    const withPreschool = desk({ 'unemployed-certificate': UNEMPLOYED_URDZHAR.id, 'preschool-queue': PRESCHOOL_URDZHAR.id }, { defaultFor: ['preschool-queue'] });
    expect(problems({ providers: [withPreschool] }).filter((p) => p.startsWith('error'))).toEqual([
      'error REGULATION_FOR_SERVICE_NOT_OFFERED: provider test-desk: names a regulation for preschool-queue, which it does not offer',
      'error DEFAULT_NOT_OFFERED: provider test-desk: is the default for preschool-queue, which it does not offer',
    ]);
    const twice = [desk({ 'unemployed-certificate': UNEMPLOYED_URDZHAR.id }, { defaultFor: ['unemployed-certificate'] })];
    const both = [...twice, { ...twice[0]!, id: 'other-desk' }];
    expect(problems({ providers: both }).filter((p) => p.startsWith('error'))).toEqual([
      'error DUPLICATE_DEFAULT: provider other-desk: is the default for unemployed-certificate, as test-desk already is',
    ]);
  });

  it('fails on a service without regulations, a regulation id used twice, or a deadline on the service’s own state', () => {
    expect(problems({ services: [withRegulations()] })).toEqual(['error NO_REGULATION: the service has no regulation']);
    expect(problems({ services: [withRegulations(UNEMPLOYED_URDZHAR, UNEMPLOYED_URDZHAR)] })).toEqual([
      'error DUPLICATE_REGULATION: regulation id unemployed-certificate/urdzhar-2012 is used twice',
    ]);
    const timedItself = applyRegulation(unemployed, UNEMPLOYED_URDZHAR);
    expect(problems({ services: [timedItself] })).toContain(
      'error SERVICE_STATE_DEADLINE: state IN_WORK has a deadline of its own; deadlines belong to the regulations',
    );
  });

  it('fails on a regulation that offers a channel the service lacks, times an unknown or terminal state, or a channel it does not offer', () => {
    const conOnly: Regulation = { ...UNEMPLOYED_URDZHAR, id: 'unemployed-certificate/con-less', channels: ['portal', 'provider'] };
    expect(problems({ services: [withRegulations(conOnly)] })).toEqual(
      ['SUBMITTED', 'REGISTERED', 'IN_WORK', 'RESULT_PREPARED', 'REFUSAL_PREPARED', 'RESULT_SIGNED', 'REFUSAL_SIGNED'].flatMap((state) =>
        // RESULT_PREPARED and REFUSAL_PREPARED have one norm for every channel: nothing names con there.
        state.endsWith('_PREPARED') ? [] : [`error STEP_CHANNEL_NOT_OFFERED: regulation unemployed-certificate/con-less times ${state} on channel con, which it does not offer`],
      ),
    );
    const wider: Regulation = { ...UNEMPLOYED_URDZHAR, id: 'unemployed-certificate/wider', channels: ['portal', 'con', 'provider'] };
    const narrowService = { ...withRegulations(wider), channels: ['portal', 'provider'] as const };
    expect(problems({ services: [narrowService] })).toContain(
      'error REGULATION_CHANNEL_NOT_OFFERED: regulation unemployed-certificate/wider offers channel con, which the service has not',
    );
    const strayStep: Regulation = {
      ...UNEMPLOYED_URDZHAR,
      steps: { ...UNEMPLOYED_URDZHAR.steps, LIMBO: { deadline: { minutes: 1 }, source: { seed: '002', lines: [1, 2] } }, ISSUED: { deadline: { minutes: 1 }, source: { seed: '002', lines: [1, 2] } } },
    };
    expect(problems({ services: [withRegulations(strayStep)] })).toEqual([
      'error UNKNOWN_STEP: regulation unemployed-certificate/urdzhar-2012 times LIMBO, which is not a non-terminal state of the service',
      'error UNKNOWN_STEP: regulation unemployed-certificate/urdzhar-2012 times ISSUED, which is not a non-terminal state of the service',
    ]);
  });

  it('fails on an escalation without a deadline under the regulation, an unknown reason, a citation of another seed, a missing act text', () => {
    const { REFERRAL_ISSUED: _expiry, ...withoutExpiry } = PRESCHOOL_URDZHAR.steps;
    const preschool = { ...(preschoolQueueService as AnyServiceDefinition), regulations: [{ ...PRESCHOOL_URDZHAR, steps: withoutExpiry }] };
    expect(problems({ services: [preschool] })).toEqual(
      ['portal', 'con', 'provider'].map(
        (channel) =>
          `error ESCALATION_WITHOUT_DEADLINE: regulation preschool-queue/urdzhar-2012 sets no deadline for REFERRAL_ISSUED on channel ${channel}, where EXPIRE_REFERRAL waits for one`,
      ),
    );
    const strayReason: Regulation = { ...UNEMPLOYED_URDZHAR, reasons: ['BECAUSE'] };
    expect(problems({ services: [withRegulations(strayReason)] })).toEqual(['error UNKNOWN_REASON: regulation unemployed-certificate/urdzhar-2012 names unknown reason BECAUSE']);
    const miscited: Regulation = { ...UNEMPLOYED_URDZHAR, source: { seed: '001', lines: [42, 1199] }, channelsSource: { seed: '002', lines: [53, 47] } };
    expect(problems({ services: [withRegulations(miscited)] })).toEqual([
      "error BAD_SOURCE: regulation unemployed-certificate/urdzhar-2012 cites seed 001 lines 42–1199; it must cite lines of the act's seed 002",
      "error BAD_SOURCE: regulation unemployed-certificate/urdzhar-2012 channels cites seed 002 lines 53–47; it must cite lines of the act's seed 002",
    ]);
    const unknownAct: Regulation = { ...UNEMPLOYED_URDZHAR, act: { ...UNEMPLOYED_URDZHAR.act, id: 'astana-2020-1' } };
    expect(problems({ services: [withRegulations(unknownAct)] })).toEqual(
      expect.arrayContaining([
        'error MISSING_TEXT: kk has no text for regulations:acts.astana-2020-1.name',
        'error MISSING_TEXT: ru has no text for regulations:acts.astana-2020-1.repealed',
      ]),
    );
  });

  it('each regulation cites its own seed for every act field and every norm', () => {
    for (const service of services) {
      for (const regulation of service.regulations) {
        const sources = [regulation.source, regulation.channelsSource, regulation.reasonsSource, ...Object.values(regulation.steps).map((s) => s.source)];
        expect(sources.every((s) => s.seed === regulation.act.seed), regulation.id).toBe(true);
      }
    }
  });
});
