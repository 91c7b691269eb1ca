/**
 * The embedded registries: synthetic people and birth records read once from
 * samples/registry/{people,births}.json, for development, demos and tests.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  BirthRecord,
  Person,
  PersonNotFoundError,
  type CivilRegistry,
  type PersonRegistry,
} from './ports.js';

const PeopleFile = z.object({ people: z.array(Person) });
const BirthsFile = z.object({ births: z.array(BirthRecord) });

/** EmbeddedRegistriesConfig: the folder holding people.json and births.json. */
export interface EmbeddedRegistriesConfig {
  readonly dir: string;
}

/** createEmbeddedRegistries reads the sample files on first use and answers from memory. */
export function createEmbeddedRegistries(config: EmbeddedRegistriesConfig): { persons: PersonRegistry; civil: CivilRegistry } {
  let loaded: Promise<{ people: Map<string, Person>; births: BirthRecord[] }> | undefined;
  const load = () => {
    loaded ??= (async () => {
      const read = async (file: string) => JSON.parse(await fs.readFile(path.join(config.dir, file), 'utf8')) as unknown;
      const people = PeopleFile.parse(await read('people.json')).people;
      const births = BirthsFile.parse(await read('births.json')).births;
      return { people: new Map(people.map((p) => [p.iin, p])), births };
    })();
    return loaded;
  };
  return {
    persons: {
      async findPerson(iin) {
        const person = (await load()).people.get(iin);
        if (!person) throw new PersonNotFoundError({ iin });
        return person;
      },
    },
    civil: {
      async childrenOf(parentIin) {
        return (await load()).births.filter((b) => b.motherIin === parentIin || b.fatherIin === parentIin);
      },
      async birthRecord(childIin) {
        const record = (await load()).births.find((b) => b.childIin === childIin);
        if (!record) throw new PersonNotFoundError({ iin: childIin });
        return record;
      },
    },
  };
}
