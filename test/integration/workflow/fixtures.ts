/** Principals, providers and forms of the workflow tests: synthetic people of samples/registry. */
import type { Principal, SubmitRequest } from '../../../src/usecases/index.js';

export const EMPLOYMENT = 'ekibastuz-employment';
export const EDUCATION = 'urzhar-education';

export const applicant = (iin: string): Principal => ({ id: `citizen-${iin}`, role: 'APPLICANT', iin });
export const con: Principal = { id: 'con-operator-1', role: 'CON_OPERATOR' };
export const employee = (providerId: string): Principal => ({ id: `employee-${providerId}`, role: 'PROVIDER_EMPLOYEE', providerId });
export const head = (providerId: string): Principal => ({ id: `head-${providerId}`, role: 'PROVIDER_HEAD', providerId });
export const system: Principal = { id: 'system', role: 'SYSTEM' };

/** OMAROV: an adult in samples/registry/people.json. */
export const OMAROV = { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы' };
/** IVANOVA: mother of a disabled child (150319502043) and of 200825602032. */
export const IVANOVA = { iin: '920228401036', fullName: 'Иванова Елена Петровна' };
/** OMAROVA: mother of 210510502015 (born 2021) and 230214602026 (born 2023). */
export const OMAROVA = { iin: '900903401021', fullName: 'Омарова Айгүл Болатқызы' };
/** A valid IIN nobody in the sample registry has. */
export const UNKNOWN_IIN = '850101300015';

export function unemployedRequest(channel: SubmitRequest['channel'], person = OMAROV): SubmitRequest {
  return {
    serviceId: 'unemployed-certificate',
    channel,
    language: 'kk',
    form: { ...person, period: { from: '2026-03-01', to: '2026-11-20' }, attachments: [] },
  };
}

export function disabledRequest(channel: SubmitRequest['channel']): SubmitRequest {
  return {
    serviceId: 'disabled-children-home-education',
    channel,
    language: 'ru',
    form: {
      ...IVANOVA,
      child: { iin: '150319502043', fullName: 'Иванов Артём Сергеевич', birthDate: '2015-03-19' },
      conclusion: { number: 'ПМПК-17', date: '2026-09-01' },
      homeEducationPeriod: { from: '2026-09-01', to: '2027-05-31' },
      attachments: [],
    },
  };
}

export const CHILDREN = {
  alikhan: { iin: '210510502015', fullName: 'Омаров Әлихан Ерланұлы', birthDate: '2021-05-10' },
  aisha: { iin: '230214602026', fullName: 'Омарова Айша Ерланқызы', birthDate: '2023-02-14' },
  maria: { iin: '200825602032', fullName: 'Иванова Мария Сергеевна', birthDate: '2020-08-25' },
  ilyas: { iin: '240630502073', fullName: 'Сейітов Ильяс Нұрланұлы', birthDate: '2024-06-30' },
};

export function preschoolRequest(
  channel: SubmitRequest['channel'],
  parent = OMAROVA,
  child: { iin: string; fullName: string; birthDate: string } = CHILDREN.alikhan,
): SubmitRequest {
  return { serviceId: 'preschool-queue', channel, language: 'kk', form: { ...parent, child, preferredOrganisations: [], language: 'kk' } };
}

/** DISABILITY_DECISION: what the provider's decision states for the support notification. */
export const DISABILITY_DECISION = {
  basis: {
    kk: 'Екібастұз қаласы әкімдігінің жұмыспен қамту және әлеуметтік бағдарламалар бөлімінің 2026 жылғы 24 қарашадағы № 412 шешімі',
    ru: 'Решение отдела занятости и социальных программ акимата города Экибастуза от 24 ноября 2026 года № 412',
  },
  monthlyAmount: 19750,
};

/** codeOf: the error code a call fails with, or 'no error'. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'no error';
}
