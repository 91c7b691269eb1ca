/** The line an application page shows of the regulation an application is under: its act, and whether that act was repealed. */
import type { RegulationView } from '../../usecases/index.js';

export interface RegulationLine {
  /** nameKey: the act's designation with its date and number (`regulations:acts.<id>.name`). */
  readonly nameKey: string;
  readonly registeredKey: string;
  /** repealedKey: the act that repealed it, or null while it is in force. */
  readonly repealedKey: string | null;
}

export function regulationLine(regulation: RegulationView): RegulationLine {
  const key = (field: string) => `regulations:acts.${regulation.act.id}.${field}`;
  return { nameKey: key('name'), registeredKey: key('registered'), repealedKey: regulation.act.repealed ? key('repealed') : null };
}
