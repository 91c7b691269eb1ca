/**
 * What every application use case shares: the dependencies, who may see what, and the lookups of
 * definitions and providers.
 */
import { createHash } from 'node:crypto';
import {
  applyRegulation,
  type AnyServiceDefinition,
  type ApplicationRecord,
  type DocumentKind,
  type LocalizedText,
  type Regulation,
  type WorkflowApplication,
} from '../../domain/index.js';
import type { WorkingCalendar } from '../../workflow/index.js';
import type { PrepareDocument } from '../issue-document.js';
import type { Clock, IssuedDocumentRecord, SignedRequestCheck, Texts } from '../ports.js';
import {
  ApplicationNotFoundError,
  ProviderNotFoundError,
  ProviderNotOwnError,
  ProviderRequiredError,
  RegulationNotFoundError,
  UnknownServiceError,
} from './errors.js';
import type { ApplicationDossier, ApplicationReads, ApplicationStore } from './ports.js';
import type { Principal } from './types.js';

/** ProviderInfo: what the use cases need of a provider (the catalogue's Provider fits). */
export interface ProviderInfo {
  readonly id: string;
  readonly code: string;
  readonly bin: string;
  readonly name: LocalizedText;
  readonly address: LocalizedText;
  readonly head: string;
  readonly specialist: string;
  readonly services: readonly string[];
  /** regulations: per service it offers, the id of the regulation it works under now. */
  readonly regulations: Readonly<Partial<Record<string, string>>>;
  /** defaultFor: the services whose requests naming no provider come to it. */
  readonly defaultFor: readonly string[];
  readonly organisations: readonly {
    readonly id: string;
    readonly number: string;
    readonly name?: LocalizedText | undefined;
    readonly locality: LocalizedText;
    readonly address: LocalizedText;
  }[];
}

/** PersonInfo: what the person registry tells the use cases (population's Person fits). */
export interface PersonInfo {
  readonly iin: string;
  readonly birthDate: string;
  readonly address: LocalizedText;
}

/** People: ГБД ФЛ and ЗАГС as the use cases ask them; a missing person throws PERSON_NOT_FOUND. */
export interface People {
  findPerson(iin: string): Promise<PersonInfo>;
  birthRecord(childIin: string): Promise<{ readonly motherIin: string | null; readonly fatherIin: string | null }>;
}

export interface ApplicationsDeps {
  readonly store: ApplicationStore<IssuedDocumentRecord>;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly definitions: readonly AnyServiceDefinition[];
  readonly providers: readonly ProviderInfo[];
  readonly people: People;
  readonly signedRequests: SignedRequestCheck;
  readonly kinds: readonly DocumentKind[];
  readonly prepareDocument: PrepareDocument;
  readonly texts: Texts;
  /** onError hears what the scheduler could not do (it retries on the next tick). */
  readonly onError?: (event: string, error: unknown) => void;
}

/** SYSTEM_PRINCIPAL: the automatic intake checks and the scheduler. */
export const SYSTEM_PRINCIPAL: Principal = { id: 'system', role: 'SYSTEM' };

export function createLookups(deps: ApplicationsDeps) {
  const definitions = new Map(deps.definitions.map((d) => [d.id, d]));
  const providers = new Map(deps.providers.map((p) => [p.id, p]));
  const regulated = new Map<string, AnyServiceDefinition>();

  function definition(serviceId: string): AnyServiceDefinition {
    const found = definitions.get(serviceId);
    if (!found) throw new UnknownServiceError({ serviceId });
    return found;
  }
  function provider(providerId: string): ProviderInfo {
    const found = providers.get(providerId);
    if (!found) throw new ProviderNotFoundError({ providerId, serviceId: '' });
    return found;
  }
  /** regulation: the regulation of the service with this id; the catalogue check proves every provider's binding names one. */
  function regulation(serviceId: string, regulationId: string | undefined): Regulation {
    const found = definition(serviceId).regulations.find((r) => r.id === regulationId);
    if (!found) throw new RegulationNotFoundError({ serviceId, regulationId: regulationId ?? '' });
    return found;
  }
  /** regulationOf: the regulation an application runs under — its own, or (stored before 0007) its provider's current one. */
  function regulationOf(record: Pick<ApplicationRecord, 'serviceId' | 'providerId' | 'regulationId'>): Regulation {
    return regulation(record.serviceId, record.regulationId ?? provider(record.providerId).regulations[record.serviceId]);
  }
  /** regulatedDefinition: the service under the regulation, with its channels and norms (built once per regulation). */
  function regulatedDefinition(serviceId: string, under: Regulation): AnyServiceDefinition {
    const key = `${serviceId} ${under.id}`;
    const cached = regulated.get(key);
    if (cached) return cached;
    const built = applyRegulation(definition(serviceId), under);
    regulated.set(key, built);
    return built;
  }

  return {
    definition,
    regulation,
    regulationOf,
    regulatedDefinition,
    /** definitionOf: the service as it runs for this application — under the regulation it was taken under. */
    definitionOf(record: Pick<ApplicationRecord, 'serviceId' | 'providerId' | 'regulationId'>): AnyServiceDefinition {
      return regulatedDefinition(record.serviceId, regulationOf(record));
    },
    provider,
    /** providerFor: the named provider of the service, or the only one that offers it, or its default. */
    providerFor(serviceId: string, providerId: string | undefined): ProviderInfo {
      const offering = deps.providers.filter((p) => p.services.includes(serviceId));
      if (providerId === undefined) {
        const only = offering.length === 1 ? offering[0] : offering.find((p) => p.defaultFor.includes(serviceId));
        if (only) return only;
        if (offering.length === 0) throw new ProviderNotFoundError({ providerId: '', serviceId });
        throw new ProviderRequiredError({ serviceId });
      }
      const found = offering.find((p) => p.id === providerId);
      if (!found) throw new ProviderNotFoundError({ providerId, serviceId });
      return found;
    },
    escalations: deps.definitions.flatMap((d) =>
      Object.entries(d.states)
        .filter(([, state]) => state.onDeadline?.action !== undefined)
        .map(([state]) => ({ serviceId: d.id, state })),
    ),
  };
}

export type Lookups = ReturnType<typeof createLookups>;

/** maySee: SYSTEM sees all; an applicant their own; staff bound to a provider only its applications. */
export function maySee(principal: Principal, record: ApplicationRecord): boolean {
  if (principal.role === 'SYSTEM') return true;
  if (principal.role === 'APPLICANT') return principal.iin !== undefined && principal.iin === record.applicant.iin;
  return principal.providerId === undefined || principal.providerId === record.providerId;
}

/** visible returns the record when the principal may see it, and otherwise says it does not exist. */
export function visible(principal: Principal, record: ApplicationRecord | null, number: string): ApplicationRecord {
  if (!record || !maySee(principal, record)) throw new ApplicationNotFoundError({ number });
  return record;
}

/** visibleDossier reads the application with its lists when the principal may see it. */
export async function visibleDossier(reads: ApplicationReads, principal: Principal, number: string): Promise<ApplicationDossier> {
  const dossier = await reads.dossier(number);
  if (!dossier || !maySee(principal, dossier.record)) throw new ApplicationNotFoundError({ number });
  return dossier;
}

/** ownProvider: staff bound to a provider act only for it. */
export function ownProvider(principal: Principal, providerId: string): void {
  if (principal.role === 'SYSTEM') return;
  if (principal.role === 'APPLICANT' || (principal.providerId !== undefined && principal.providerId !== providerId)) {
    throw new ProviderNotOwnError({ providerId });
  }
}

/** toWorkflow: the engine's view of a stored application. */
export function toWorkflow(record: ApplicationRecord): WorkflowApplication<unknown> {
  return {
    number: record.number,
    serviceId: record.serviceId,
    channel: record.channel,
    providerId: record.providerId,
    applicant: record.applicant,
    form: record.form,
    state: record.state,
    receivedAt: record.receivedAt,
    stateEnteredAt: record.stateEnteredAt,
    deadline: record.deadline,
    breachRecordedAt: record.breachRecordedAt,
  };
}

/** scopeOf: idempotency keys are the caller's own. */
export const scopeOf = (principal: Principal): string => `${principal.role}:${principal.id}`;

/** hashOf: a stable digest of a request, to tell a repeat from a different request under the same key. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** digestOf: the SHA-256 of bytes, hex. */
export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
