/**
 * The HTTP registries: a deployment points Qujat at a gateway in front of ГБД ФЛ and ЗАГС.
 * Contract (JSON): GET {base}/persons/{iin} → Person; GET {base}/persons/{iin}/children →
 * { births: BirthRecord[] }; GET {base}/births/{iin} → BirthRecord; 404 means not found.
 * Any other status, a timeout, a network failure or a body that does not parse is REGISTRY_UNAVAILABLE.
 */
import { z } from 'zod';
import {
  BirthRecord,
  Person,
  PersonNotFoundError,
  RegistryUnavailableError,
  type CivilRegistry,
  type PersonRegistry,
} from './ports.js';

/** HttpRegistriesConfig: where the gateway is and how long to wait for it. */
export interface HttpRegistriesConfig {
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

/** createHttpRegistries answers through the gateway with the global fetch. */
export function createHttpRegistries(config: HttpRegistriesConfig): { persons: PersonRegistry; civil: CivilRegistry } {
  const base = config.baseUrl.replace(/\/+$/, '');

  async function get<S extends z.ZodType>(registry: string, pathname: string, iin: string, schema: S): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetch(`${base}${pathname}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (cause) {
      throw new RegistryUnavailableError({ registry }, { cause });
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new PersonNotFoundError({ iin });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryUnavailableError({ registry }, { cause: new Error(`HTTP ${response.status}`) });
    }
    try {
      return schema.parse(await response.json());
    } catch (cause) {
      throw new RegistryUnavailableError({ registry }, { cause });
    }
  }

  return {
    persons: {
      findPerson: (iin) => get('person', `/persons/${encodeURIComponent(iin)}`, iin, Person),
    },
    civil: {
      childrenOf: async (parentIin) =>
        (await get('civil', `/persons/${encodeURIComponent(parentIin)}/children`, parentIin, z.object({ births: z.array(BirthRecord) })))
          .births,
      birthRecord: (childIin) => get('civil', `/births/${encodeURIComponent(childIin)}`, childIin, BirthRecord),
    },
  };
}
