/** Running a service form: the schema's rules, then the rules that need today's date. */
import {
  calendarDateInAlmaty,
  InvalidInputError,
  validateInput,
  type ServiceDefinition,
} from '../domain/index.js';

/** validateForm returns the parsed form, or throws InvalidInputError with every issue found. */
export function validateForm<Form>(definition: ServiceDefinition<Form>, input: unknown, now: Date): Form {
  const data = validateInput(definition.form.schema, input);
  const issues = definition.form.rules?.(data, { today: calendarDateInAlmaty(now) }) ?? [];
  if (issues.length > 0) throw new InvalidInputError({ details: issues });
  return data;
}
