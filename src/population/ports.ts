/** The registries Qujat asks about people: ГБД ФЛ (persons) and ЗАГС (birth records), as ports. */
import { z } from 'zod';
import { calendarDateSchema, defineError, iinSchema, localizedTextSchema, text } from '../domain/index.js';

/** RegistryUnavailableError: the registry did not answer in time, or answered nonsense. */
export const RegistryUnavailableError = defineError<{ registry: string }>('REGISTRY_UNAVAILABLE', 'unavailable');
/** PersonNotFoundError: the registry has no record for the IIN. */
export const PersonNotFoundError = defineError<{ iin: string }>('PERSON_NOT_FOUND', 'not_found');

export const Person = z.object({
  iin: iinSchema,
  lastName: text(),
  firstName: text(),
  middleName: text().optional(),
  birthDate: calendarDateSchema,
  sex: z.enum(['male', 'female']),
  address: localizedTextSchema(),
  /** disability: present for a person with an established disability (a disabled child). */
  disability: z
    .object({ category: text(), since: calendarDateSchema, until: calendarDateSchema, homeEducation: z.boolean() })
    .optional(),
});
/** Person: what ГБД ФЛ tells about one person. */
export type Person = z.output<typeof Person>;

export const BirthRecord = z.object({
  childIin: iinSchema,
  recordNumber: text(32),
  registeredOn: calendarDateSchema,
  registryOffice: localizedTextSchema(),
  motherIin: iinSchema.nullable(),
  fatherIin: iinSchema.nullable(),
});
/** BirthRecord: a ЗАГС birth record linking a child to the parents. */
export type BirthRecord = z.output<typeof BirthRecord>;

/** PersonRegistry: ГБД ФЛ. */
export interface PersonRegistry {
  /** findPerson returns the person, or throws PersonNotFoundError / RegistryUnavailableError. */
  findPerson(iin: string): Promise<Person>;
}

/** CivilRegistry: ЗАГС. */
export interface CivilRegistry {
  /** childrenOf lists the birth records naming the IIN as mother or father (empty when none). */
  childrenOf(parentIin: string): Promise<BirthRecord[]>;
  /** birthRecord returns the child's birth record, or throws PersonNotFoundError. */
  birthRecord(childIin: string): Promise<BirthRecord>;
}

/** fullNameOf: «Фамилия Имя Отчество», as documents print it. */
export function fullNameOf(person: Pick<Person, 'lastName' | 'firstName' | 'middleName'>): string {
  return [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ');
}
