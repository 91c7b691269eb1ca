/**
 * Queries on applications, their attachments and document links, and the counters. Every
 * function takes the executor to run on (a transaction, or the Database's Kysely for reads).
 */
import type { Selectable } from 'kysely';
import type {
  ApplicationRecord,
  AttachmentRecord,
  Channel,
  DocumentLink,
  Language,
  Outcome,
  WorklistFilter,
} from '../domain/index.js';
import type { Executor } from './documents.repository.js';
import type { ApplicationsTable } from './tables.js';

/** NO_DEADLINE sorts after every real deadline in the worklist. */
const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
const date = (text: string | null): Date | null => (text === null ? null : new Date(text));
// pg sends only a Buffer as bytea; this shares memory.
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

type ApplicationRow = Selectable<ApplicationsTable>;

export function toRow(record: ApplicationRecord): ApplicationRow {
  return {
    number: record.number,
    service_id: record.serviceId,
    channel: record.channel,
    provider_id: record.providerId,
    applicant_iin: record.applicant.iin,
    applicant_name: record.applicant.fullName,
    language: record.language,
    form: JSON.stringify(record.form),
    state: record.state,
    status: record.status,
    terminal: record.terminal,
    assignee: record.assignee,
    received_at: record.receivedAt.toISOString(),
    registered_at: iso(record.registeredAt),
    state_entered_at: record.stateEnteredAt.toISOString(),
    deadline: iso(record.deadline),
    due_key: iso(record.deadline) ?? NO_DEADLINE,
    breach_recorded_at: iso(record.breachRecordedAt),
    version: record.version,
    con_id: record.conId ?? null,
    regulation_id: record.regulationId,
  };
}

export function toRecord(row: ApplicationRow): ApplicationRecord {
  return {
    number: row.number,
    serviceId: row.service_id,
    channel: row.channel as Channel,
    providerId: row.provider_id,
    applicant: { iin: row.applicant_iin, fullName: row.applicant_name },
    language: row.language as Language,
    form: JSON.parse(row.form) as unknown,
    state: row.state,
    status: row.status,
    terminal: row.terminal as Outcome | null,
    assignee: row.assignee,
    receivedAt: new Date(row.received_at),
    registeredAt: date(row.registered_at),
    stateEnteredAt: new Date(row.state_entered_at),
    deadline: date(row.deadline),
    breachRecordedAt: date(row.breach_recorded_at),
    version: Number(row.version),
    ...(row.con_id !== null ? { conId: row.con_id } : {}),
    regulationId: row.regulation_id,
  };
}

/**
 * nextValue adds one to a counter and returns the new value. On PostgreSQL the upsert locks the
 * row until the transaction ends, so concurrent intakes queue there; on SQLite the transaction
 * already holds the write lock.
 */
export async function nextValue(trx: Executor, series: string, scope: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('counters')
    .values({ series, scope, year, last_value: 1 })
    .onConflict((oc) => oc.columns(['series', 'scope', 'year']).doUpdateSet((eb) => ({ last_value: eb('counters.last_value', '+', 1) })))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

export async function insertApplication(trx: Executor, record: ApplicationRecord): Promise<void> {
  await trx.insertInto('applications').values(toRow(record)).execute();
}

export async function findApplication(db: Executor, number: string): Promise<ApplicationRecord | null> {
  const row = await db.selectFrom('applications').selectAll().where('number', '=', number).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * worklist pages in (due_key, number) order: every filter is an equality that leads one of the
 * worklist indexes, so the database walks the index from the cursor and stops after `limit`.
 */
export async function worklist(db: Executor, filter: WorklistFilter): Promise<ApplicationRecord[]> {
  let query = db.selectFrom('applications').selectAll();
  if (filter.providerId !== undefined) query = query.where('provider_id', '=', filter.providerId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.serviceId !== undefined) query = query.where('service_id', '=', filter.serviceId);
  if (filter.channel !== undefined) query = query.where('channel', '=', filter.channel);
  if (filter.assignee !== undefined) query = query.where('assignee', '=', filter.assignee);
  if (filter.applicantIin !== undefined) query = query.where('applicant_iin', '=', filter.applicantIin);
  if (filter.overdueAt !== undefined) {
    query = query.where('due_key', '<', filter.overdueAt.toISOString()).where('terminal', 'is', null);
  }
  const after = filter.after;
  if (after) {
    const key = iso(after.deadline) ?? NO_DEADLINE;
    query = query.where((eb) => eb.or([eb('due_key', '>', key), eb.and([eb('due_key', '=', key), eb('number', '>', after.number)])]));
  }
  const rows = await query.orderBy('due_key').orderBy('number').limit(filter.limit).execute();
  return rows.map(toRecord);
}

/** breached: open applications past their deadline whose breach is not recorded yet, oldest first. */
export async function breached(db: Executor, now: Date, limit: number): Promise<ApplicationRecord[]> {
  const rows = await db
    .selectFrom('applications')
    .selectAll()
    .where('due_key', '<=', now.toISOString())
    .where('terminal', 'is', null)
    .where('breach_recorded_at', 'is', null)
    .orderBy('due_key')
    .orderBy('number')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/** dueForAction: applications in states whose deadline triggers an action, past that deadline. */
export async function dueForAction(
  db: Executor,
  states: readonly { serviceId: string; state: string }[],
  now: Date,
  limit: number,
): Promise<ApplicationRecord[]> {
  if (states.length === 0) return [];
  const rows = await db
    .selectFrom('applications')
    .selectAll()
    .where('due_key', '<=', now.toISOString())
    .where('terminal', 'is', null)
    .where((eb) => eb.or(states.map((s) => eb.and([eb('service_id', '=', s.serviceId), eb('state', '=', s.state)]))))
    .orderBy('due_key')
    .orderBy('number')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

export async function addAttachment(
  trx: Executor,
  number: string,
  attachment: Omit<AttachmentRecord, 'id' | 'size'> & { readonly bytes: Uint8Array },
): Promise<void> {
  const last = await trx
    .selectFrom('application_attachments')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('number', '=', number)
    .executeTakeFirst();
  await trx
    .insertInto('application_attachments')
    .values({
      number,
      id: Number(last?.id ?? 0) + 1,
      name: attachment.name,
      media_type: attachment.mediaType,
      size: attachment.bytes.byteLength,
      sha256: attachment.sha256,
      bytes: asBuffer(attachment.bytes),
    })
    .execute();
}

export async function attachments(db: Executor, number: string): Promise<AttachmentRecord[]> {
  const rows = await db
    .selectFrom('application_attachments')
    .select(['id', 'name', 'media_type', 'size', 'sha256'])
    .where('number', '=', number)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: Number(row.id), name: row.name, mediaType: row.media_type, size: Number(row.size), sha256: row.sha256 }));
}

export async function attachmentBytes(db: Executor, number: string, id: number): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('application_attachments')
    .select('bytes')
    .where('number', '=', number)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? new Uint8Array(row.bytes) : null;
}

export async function linkDocument(trx: Executor, applicationNumber: string, link: DocumentLink): Promise<void> {
  await trx
    .insertInto('application_documents')
    .values({
      document_number: link.documentNumber,
      application_number: applicationNumber,
      kind: link.kind,
      outcome: link.outcome,
      language: link.language,
      issued_at: link.issuedAt.toISOString(),
    })
    .execute();
}
