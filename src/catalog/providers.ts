/**
 * Service providers are deployment data, not code: a JSON file (samples/providers.json in
 * development) lists each provider's BIN, names, head, the services it offers with the regulation
 * it works under for each, and for an education department its preschool organisations.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { binSchema, localizedTextSchema, text, validateInput } from '../domain/index.js';
import { SERVICE_IDS } from './service-ids.js';

export const PreschoolOrganisation = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  /** number: the organisation's number as a referral prints it («№ 3»). */
  number: text(20),
  name: localizedTextSchema().optional(),
  locality: localizedTextSchema(),
  address: localizedTextSchema(),
});
export type PreschoolOrganisation = z.output<typeof PreschoolOrganisation>;

export const Provider = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  /** code: four digits that open the provider's application numbers (docs/applications.md). */
  code: z.string().regex(/^\d{4}$/),
  bin: binSchema,
  name: localizedTextSchema(),
  address: localizedTextSchema(),
  /** head: who signs the provider's documents; specialist: who prepares them unless the decision names one. */
  head: text(),
  specialist: text(),
  services: z.array(z.enum(SERVICE_IDS)).min(1),
  /**
   * regulations: for each service it offers, the id of the regulation it works under (an act of
   * its akimat); `qujat catalog check` proves each id names a regulation of that service.
   */
  regulations: z.partialRecord(z.enum(SERVICE_IDS), z.string().regex(/^[a-z0-9-]{1,64}\/[a-z0-9-]{1,64}$/)),
  /**
   * defaultFor: the services whose requests that name no provider come here — the portal and the
   * ЦОН do not yet let the applicant choose one. At most one provider is the default of a service.
   */
  defaultFor: z.array(z.enum(SERVICE_IDS)).default([]),
  organisations: z.array(PreschoolOrganisation).default([]),
});
export type Provider = z.output<typeof Provider>;

export const Providers = z
  .array(Provider)
  .min(1)
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, { params: { rule: 'NOT_ALLOWED_VALUE' } })
  .refine((list) => new Set(list.map((p) => p.code)).size === list.length, { params: { rule: 'NOT_ALLOWED_VALUE' } });

/** parseProviders checks a providers list; InvalidInputError names what is wrong. */
export function parseProviders(input: unknown): Provider[] {
  return validateInput(Providers, input);
}

/** loadProviders reads and checks a providers file. */
export function loadProviders(file: string): Provider[] {
  return parseProviders(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown);
}
