/**
 * Intake: a request becomes a stored application with a number, on every channel by the roles
 * that take requests there. The form is checked first (a bad form is a 400 and stores nothing);
 * then the person registry; then the application is stored as SUBMITTED, and SYSTEM follows up
 * where the regulations make it automatic: REJECT_EDS for a failed EDS check, the refusal when the
 * person is not found, REGISTER on the portal. The application records the regulation its provider
 * works under, whose channels and norms it then follows.
 */
import { z } from 'zod';
import {
  AppError,
  calendarDateInAlmaty,
  CHANNELS,
  LANGUAGES,
  validateInput,
  type AnyServiceDefinition,
  type ApplicationRecord,
  type Channel,
  type Role,
} from '../../domain/index.js';
import { availableActions, NotOwnApplicationError, startDeadline, validateForm } from '../../workflow/index.js';
import { digestOf, SYSTEM_PRINCIPAL, toWorkflow, visibleDossier, type ApplicationsDeps, type Lookups, type ProviderInfo } from './context.js';
import {
  AttachmentNotAllowedError,
  ChannelNotOfferedError,
  IntakeNotAllowedError,
  PersonNotInRegistryError,
  ProviderNotOwnError,
  RegulationChannelNotOfferedError,
  SignedRequestUnreadableError,
} from './errors.js';
import { IdempotencyRaceError, type Perform, type Remembered } from './perform.js';
import { SUBMITTED } from './history-events.js';
import type { AttachmentInput, ApplicationView, Principal, SubmitRequest } from './types.js';
import { toView } from './views.js';

/** INTAKE_ROLES: who takes a request on each channel. */
const INTAKE_ROLES: { readonly [C in Channel]: readonly Role[] } = {
  portal: ['APPLICANT', 'SYSTEM'],
  con: ['CON_OPERATOR'],
  provider: ['PROVIDER_EMPLOYEE'],
};

export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** SignedRequestContent: what a signed request says; the channel of a signed request is the portal. */
const SignedRequestContent = z.object({
  serviceId: z.string().min(1).max(100),
  providerId: z.string().min(1).max(64).optional(),
  language: z.enum(LANGUAGES),
  form: z.unknown(),
});

const SubmitShape = z.object({
  serviceId: z.string().min(1).max(100),
  channel: z.enum(CHANNELS),
  providerId: z.string().min(1).max(64).optional(),
  language: z.enum(LANGUAGES),
  form: z.unknown(),
});

/** sniff: the media type the bytes show (PDF, PNG, JPEG), whatever the name or the caller says. */
function sniff(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

function checkAttachments(attachments: readonly AttachmentInput[]) {
  if (attachments.length > MAX_ATTACHMENTS) {
    throw new AttachmentNotAllowedError({ name: attachments[MAX_ATTACHMENTS]?.name ?? '', limit: `≤ ${MAX_ATTACHMENTS}` });
  }
  return attachments.map((a) => {
    if (a.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AttachmentNotAllowedError({ name: a.name, limit: `≤ ${MAX_ATTACHMENT_BYTES} B` });
    const mediaType = sniff(a.bytes);
    if (!mediaType) throw new AttachmentNotAllowedError({ name: a.name, limit: 'PDF, PNG, JPEG' });
    return { name: a.name.slice(0, 200), mediaType, sha256: digestOf(a.bytes), bytes: a.bytes };
  });
}

interface FormPeople {
  readonly iin: string;
  readonly fullName: string;
  readonly child?: { readonly iin: string };
  readonly proxy?: { readonly iin: string };
}

/** systemMay: the definition lets SYSTEM take the action in the initial state on the channel. */
function systemMay(definition: AnyServiceDefinition, record: ApplicationRecord, action: string): boolean {
  return availableActions(definition, toWorkflow(record), SYSTEM_PRINCIPAL).some((a) => a.action === action);
}

export function createIntake(deps: ApplicationsDeps, lookups: Lookups, perform: Perform) {
  /** personsFound: null when the applicant and the child in ГБД ФЛ; for a preschool child also the ЗАГС record naming the parent; otherwise the IIN not found. */
  async function personsFound(definition: AnyServiceDefinition, form: FormPeople): Promise<string | null> {
    const notFound = (error: unknown) => error instanceof AppError && error.code === 'PERSON_NOT_FOUND';
    const iins = [form.iin, ...(form.child ? [form.child.iin] : [])];
    for (const iin of iins) {
      try {
        await deps.people.findPerson(iin);
      } catch (error) {
        if (notFound(error)) return iin;
        throw error;
      }
    }
    if (form.child && definition.id === 'preschool-queue') {
      try {
        const record = await deps.people.birthRecord(form.child.iin);
        // A proxy applies for a parent; otherwise the applicant must be the parent the record names.
        if (!form.proxy && record.motherIin !== form.iin && record.fatherIin !== form.iin) return form.child.iin;
      } catch (error) {
        if (notFound(error)) return form.child.iin;
        throw error;
      }
    }
    return null;
  }

  async function intake(
    request: SubmitRequest,
    principal: Principal,
    eds: 'none' | 'confirmed' | 'failed',
    remember: Remembered | undefined,
  ): Promise<ApplicationView> {
    const now = deps.clock.now();
    const service = lookups.definition(request.serviceId);
    if (!service.channels.includes(request.channel)) {
      throw new ChannelNotOfferedError({ serviceId: request.serviceId, channel: request.channel });
    }
    if (!INTAKE_ROLES[request.channel].includes(principal.role)) {
      throw new IntakeNotAllowedError({ role: principal.role, channel: request.channel });
    }
    const provider: ProviderInfo = lookups.providerFor(request.serviceId, request.providerId ?? principal.providerId);
    if (principal.providerId !== undefined && principal.role !== 'CON_OPERATOR' && principal.providerId !== provider.id) {
      throw new ProviderNotOwnError({ providerId: provider.id });
    }
    // The application runs under the regulation its provider works under today, and keeps it.
    const regulation = lookups.regulation(service.id, provider.regulations[service.id]);
    if (!regulation.channels.includes(request.channel)) {
      throw new RegulationChannelNotOfferedError({ serviceId: service.id, channel: request.channel, providerId: provider.id, regulationId: regulation.id });
    }
    const definition = lookups.regulatedDefinition(service.id, regulation);
    const form = validateForm(definition, request.form, now) as FormPeople;
    if (principal.role === 'APPLICANT' && principal.iin !== form.iin && principal.iin !== form.proxy?.iin) {
      throw new NotOwnApplicationError({});
    }
    const attachments = checkAttachments(request.attachments ?? []);
    const missing = eds === 'failed' ? null : await personsFound(definition, form);

    const year = calendarDateInAlmaty(now).year;
    const draft = (number: string): ApplicationRecord => ({
      number,
      serviceId: definition.id,
      channel: request.channel,
      providerId: provider.id,
      applicant: { iin: form.iin, fullName: form.fullName },
      language: request.language,
      form,
      state: definition.initial,
      status: definition.states[definition.initial]?.status ?? definition.initial,
      terminal: null,
      assignee: null,
      receivedAt: now,
      registeredAt: null,
      stateEnteredAt: now,
      deadline: startDeadline(definition, request.channel, now, deps.calendar),
      breachRecordedAt: null,
      version: 1,
      // The ЦОН that takes the application: its operators read the documents issued for it.
      ...(request.channel === 'con' && principal.role === 'CON_OPERATOR' && principal.conId ? { conId: principal.conId } : {}),
      regulationId: regulation.id,
    });
    const probe = draft('');
    const followUp: { action: string; reason?: string } | null =
      eds === 'failed'
        ? { action: 'REJECT_EDS', reason: 'EDS_NOT_CONFIRMED' }
        : missing !== null
          ? systemMay(definition, probe, 'REFUSE_PERSON_NOT_FOUND')
            ? { action: 'REFUSE_PERSON_NOT_FOUND', reason: 'PERSON_NOT_FOUND' }
            : null
          : request.channel === 'portal'
            ? { action: 'REGISTER' }
            : null;
    // Where the regulation has no refusal step for an unknown person (the portal), the portal does not form the request.
    if (missing !== null && eds !== 'failed' && followUp === null) throw new PersonNotInRegistryError({ iin: missing });

    const stored = await deps.store.transaction(async (tx) => {
      const record = draft(`${provider.code}-${year}-${String(await tx.nextValue('application', provider.id, year)).padStart(6, '0')}`);
      await tx.insert(record);
      await tx.appendHistory(record.number, [
        { at: now, actorId: principal.id, role: principal.role, action: SUBMITTED, from: record.state, to: record.state, comment: null, reason: null },
      ]);
      for (const attachment of attachments) await tx.addAttachment(record.number, attachment);
      const view = await toView(tx, definition, regulation, await visibleDossier(tx, SYSTEM_PRINCIPAL, record.number), principal, now);
      if (remember && followUp === null) {
        const saved = await tx.remember(remember.scope, remember.key, { requestHash: remember.hash, result: JSON.stringify(view) }, now);
        if (!saved) throw new IdempotencyRaceError();
      }
      return view;
    });
    if (followUp === null) return stored;
    const done = await perform(
      stored.number,
      followUp.action,
      followUp.reason ? { reason: followUp.reason } : {},
      SYSTEM_PRINCIPAL,
      // The caller sees the application as they may see it, not as SYSTEM does.
      { viewer: principal, ...(remember ? { remember } : {}) },
    );
    return done.view;
  }

  return {
    submit(request: SubmitRequest, principal: Principal, remember?: Remembered): Promise<ApplicationView> {
      const shape = validateInput(SubmitShape, request);
      return intake({ ...request, ...shape }, principal, 'none', remember);
    },
    async submitSigned(xml: Uint8Array, principal: Principal, attachments: readonly AttachmentInput[], remember?: Remembered): Promise<ApplicationView> {
      const check = deps.signedRequests.verify(xml);
      if (check.request === undefined) throw new SignedRequestUnreadableError({ reason: check.valid ? 'empty' : check.reason });
      const content = validateInput(SignedRequestContent, check.request);
      const formIin = (content.form as { iin?: unknown } | null)?.iin;
      const confirmed = check.valid && typeof formIin === 'string' && check.signerIin === formIin;
      return intake({ ...content, channel: 'portal', attachments }, principal, confirmed ? 'confirmed' : 'failed', remember);
    },
  };
}
