/**
 * population: the person registry (ГБД ФЛ) and the civil registry (ЗАГС) as adapters — embedded
 * samples or an HTTP gateway. Imports only domain/.
 */
export {
  BirthRecord,
  Person,
  PersonNotFoundError,
  RegistryUnavailableError,
  fullNameOf,
  type CivilRegistry,
  type PersonRegistry,
} from './ports.js';
export { createEmbeddedRegistries, type EmbeddedRegistriesConfig } from './embedded.js';
export { createHttpRegistries, type HttpRegistriesConfig } from './http.js';
