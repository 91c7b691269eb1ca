/**
 * Queries around applications: notifications, idempotency records, the preschool queue with its
 * free places, and the quality questionnaire.
 */
import type { Selectable } from 'kysely';
import type { FreePlacesRecord, NotificationRecord, QualityCount, QueueEntryRecord, QueueEntryStatus } from '../domain/index.js';
import type { Executor } from './documents.repository.js';
import type { QueueEntriesTable } from './tables.js';

export async function insertNotifications(trx: Executor, notifications: readonly Omit<NotificationRecord, 'id'>[]): Promise<void> {
  if (notifications.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(
      notifications.map((n) => ({
        recipient: n.recipient,
        application_number: n.applicationNumber,
        kind: n.kind,
        text_kk: n.text.kk,
        text_ru: n.text.ru,
        at: n.at.toISOString(),
      })),
    )
    .execute();
}

/** notifications: a recipient's messages, newest first, before the id of the last one seen. */
export async function notifications(db: Executor, recipient: string, limit: number, beforeId: number | null): Promise<NotificationRecord[]> {
  let query = db.selectFrom('notifications').selectAll().where('recipient', '=', recipient);
  if (beforeId !== null) query = query.where('id', '<', beforeId);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    recipient: row.recipient,
    applicationNumber: row.application_number,
    kind: row.kind as NotificationRecord['kind'],
    text: { kk: row.text_kk, ru: row.text_ru },
    at: new Date(row.at),
  }));
}

export async function findIdempotent(db: Executor, scope: string, key: string): Promise<{ requestHash: string; result: string } | null> {
  const row = await db
    .selectFrom('idempotency_records')
    .select(['request_hash', 'result'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { requestHash: row.request_hash, result: row.result } : null;
}

/**
 * remember inserts the record unless the (scope, key) pair exists. ON CONFLICT DO NOTHING keeps a
 * PostgreSQL transaction usable (a failed insert would abort it) and waits for a concurrent
 * holder of the same key to commit, so the loser sees the winner's row.
 */
export async function remember(
  trx: Executor,
  scope: string,
  key: string,
  value: { requestHash: string; result: string },
  at: Date,
): Promise<boolean> {
  const result = await trx
    .insertInto('idempotency_records')
    .values({ scope, key, request_hash: value.requestHash, result: value.result, at: at.toISOString() })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

function toEntry(row: Selectable<QueueEntriesTable>): QueueEntryRecord {
  const referral =
    row.referral_organisation !== null && row.referral_issued_at !== null && row.referral_valid_until !== null
      ? {
          organisationId: row.referral_organisation,
          ageYears: Number(row.referral_age ?? 0),
          issuedAt: new Date(row.referral_issued_at),
          validUntil: new Date(row.referral_valid_until),
        }
      : null;
  return {
    applicationNumber: row.application_number,
    providerId: row.provider_id,
    journalYear: Number(row.journal_year),
    journalNumber: Number(row.journal_number),
    journalDate: row.journal_date,
    childIin: row.child_iin,
    birthDate: row.birth_date,
    preferredOrganisations: JSON.parse(row.preferred) as string[],
    status: row.status as QueueEntryStatus,
    referral,
  };
}

/** putQueueEntry inserts or replaces a journal entry (the journal number never changes). */
export async function putQueueEntry(trx: Executor, entry: QueueEntryRecord): Promise<void> {
  const values = {
    application_number: entry.applicationNumber,
    provider_id: entry.providerId,
    journal_year: entry.journalYear,
    journal_number: entry.journalNumber,
    journal_date: entry.journalDate,
    child_iin: entry.childIin,
    birth_date: entry.birthDate,
    preferred: JSON.stringify(entry.preferredOrganisations),
    status: entry.status,
    referral_organisation: entry.referral?.organisationId ?? null,
    referral_age: entry.referral?.ageYears ?? null,
    referral_issued_at: entry.referral?.issuedAt.toISOString() ?? null,
    referral_valid_until: entry.referral?.validUntil.toISOString() ?? null,
  };
  const { application_number: _key, ...changes } = values;
  await trx
    .insertInto('queue_entries')
    .values(values)
    .onConflict((oc) => oc.column('application_number').doUpdateSet(changes))
    .execute();
}

export async function queueEntry(db: Executor, applicationNumber: string): Promise<QueueEntryRecord | null> {
  const row = await db.selectFrom('queue_entries').selectAll().where('application_number', '=', applicationNumber).executeTakeFirst();
  return row ? toEntry(row) : null;
}

/** queueEntries: a provider's journal in journal order, from after a (year, number) cursor. */
export async function queueEntries(
  db: Executor,
  providerId: string,
  status: QueueEntryStatus | null,
  limit: number,
  after: { year: number; number: number } | null,
): Promise<QueueEntryRecord[]> {
  let query = db.selectFrom('queue_entries').selectAll().where('provider_id', '=', providerId);
  if (status !== null) query = query.where('status', '=', status);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('journal_year', '>', after.year), eb.and([eb('journal_year', '=', after.year), eb('journal_number', '>', after.number)])]),
    );
  }
  const rows = await query.orderBy('journal_year').orderBy('journal_number').limit(limit).execute();
  return rows.map(toEntry);
}

export async function freePlaces(db: Executor, providerId: string): Promise<FreePlacesRecord[]> {
  const rows = await db
    .selectFrom('free_places')
    .selectAll()
    .where('provider_id', '=', providerId)
    .orderBy('organisation_id')
    .orderBy('age_years')
    .execute();
  return rows.map((row) => ({ providerId: row.provider_id, organisationId: row.organisation_id, ageYears: Number(row.age_years), free: Number(row.free) }));
}

export async function setFreePlaces(trx: Executor, places: FreePlacesRecord): Promise<void> {
  await trx
    .insertInto('free_places')
    .values({ provider_id: places.providerId, organisation_id: places.organisationId, age_years: places.ageYears, free: places.free })
    .onConflict((oc) => oc.columns(['provider_id', 'organisation_id', 'age_years']).doUpdateSet({ free: places.free }))
    .execute();
}

export async function answerQuestionnaire(
  trx: Executor,
  number: string,
  serviceId: string,
  answers: Readonly<Record<string, string>>,
  at: Date,
): Promise<boolean> {
  const result = await trx
    .insertInto('questionnaire_answers')
    .values({
      application_number: number,
      service_id: serviceId,
      quality: answers.quality ?? '',
      accessibility: answers.accessibility ?? '',
      answered_at: at.toISOString(),
    })
    .onConflict((oc) => oc.column('application_number').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function questionnaireAnswered(db: Executor, number: string): Promise<boolean> {
  const row = await db.selectFrom('questionnaire_answers').select('application_number').where('application_number', '=', number).executeTakeFirst();
  return row !== undefined;
}

/** qualityCounts: answers per service, question and answer among those given in [from, to). */
export async function qualityCounts(db: Executor, serviceId: string | null, from: Date, to: Date): Promise<QualityCount[]> {
  const counts: QualityCount[] = [];
  for (const question of ['quality', 'accessibility'] as const) {
    let query = db
      .selectFrom('questionnaire_answers')
      .select(['service_id', question, (eb) => eb.fn.countAll<number>().as('count')])
      .where('answered_at', '>=', from.toISOString())
      .where('answered_at', '<', to.toISOString());
    if (serviceId !== null) query = query.where('service_id', '=', serviceId);
    const rows = await query.groupBy(['service_id', question]).execute();
    for (const row of rows) counts.push({ serviceId: row.service_id, question, answer: row[question], count: Number(row.count) });
  }
  return counts;
}
