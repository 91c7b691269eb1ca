/**
 * dossier: an application with its history, attachments and document links in one statement, the
 * three lists aggregated as JSON arrays. A transition needs all four before it acts and again for
 * the view it returns; one statement instead of four was the largest single saving of bench/workflow.
 * The SQL is compiled once per dialect: only the function names differ between SQLite and PostgreSQL.
 */
import { CompiledQuery, sql, type Selectable } from 'kysely';
import type { ApplicationRecord, AttachmentRecord, DocumentLink, HistoryRecord, Outcome, OutputLanguage, Role } from '../domain/index.js';
import { toRecord } from './applications.repository.js';
import type { Executor } from './documents.repository.js';
import type { DialectName } from './migrations/index.js';
import type { ApplicationsTable } from './tables.js';

/** ApplicationDossier: the stored application and everything the view shows of it but the queue. */
export interface ApplicationDossier {
  readonly record: ApplicationRecord;
  readonly history: HistoryRecord[];
  readonly attachments: AttachmentRecord[];
  readonly documents: DocumentLink[];
}

/** JsonList: SQLite returns an aggregate as text, pg parses json; PostgreSQL aggregates no rows to null. */
type JsonList = string | unknown[] | null;

type DossierRow = Selectable<ApplicationsTable> & { history: JsonList; attachments: JsonList; documents: JsonList };

const JSON_FUNCTIONS: Record<DialectName, { agg: string; array: string }> = {
  sqlite: { agg: 'json_group_array', array: 'json_array' },
  postgres: { agg: 'json_agg', array: 'json_build_array' },
};

const compiled = new Map<DialectName, CompiledQuery<DossierRow>>();

function template(db: Executor, dialect: DialectName): CompiledQuery<DossierRow> {
  let query = compiled.get(dialect);
  if (!query) {
    const agg = sql.raw(JSON_FUNCTIONS[dialect].agg);
    const array = sql.raw(JSON_FUNCTIONS[dialect].array);
    query = sql<DossierRow>`select a.*,
      (select ${agg}(${array}(h.seq, h.at, h.actor_id, h.role, h.action, h.from_state, h.to_state, h.comment, h.reason) order by h.seq)
         from application_history h where h.number = a.number) as history,
      (select ${agg}(${array}(t.id, t.name, t.media_type, t.size, t.sha256) order by t.id)
         from application_attachments t where t.number = a.number) as attachments,
      (select ${agg}(${array}(d.document_number, d.kind, d.outcome, d.language, d.issued_at) order by d.issued_at, d.document_number)
         from application_documents d where d.application_number = a.number) as documents
      from applications a where a.number = ${''}`.compile(db);
    compiled.set(dialect, query);
  }
  return query;
}

const list = (value: JsonList): unknown[][] => (value === null ? [] : ((typeof value === 'string' ? JSON.parse(value) : value) as unknown[][]));
const text = (value: unknown): string => String(value);
const textOrNull = (value: unknown): string | null => (value === null ? null : String(value));

export async function dossier(db: Executor, dialect: DialectName, number: string): Promise<ApplicationDossier | null> {
  const result = await db.executeQuery<DossierRow>({ ...template(db, dialect), parameters: [number] });
  const row = result.rows[0];
  if (!row) return null;
  return {
    record: toRecord(row),
    history: list(row.history).map(([seq, at, actorId, role, action, from, to, comment, reason]) => ({
      seq: Number(seq),
      at: new Date(text(at)),
      actorId: text(actorId),
      role: text(role) as Role,
      action: text(action),
      from: text(from),
      to: text(to),
      comment: textOrNull(comment),
      reason: textOrNull(reason),
    })),
    attachments: list(row.attachments).map(([id, name, mediaType, size, sha256]) => ({
      id: Number(id),
      name: text(name),
      mediaType: text(mediaType),
      size: Number(size),
      sha256: text(sha256),
    })),
    documents: list(row.documents).map(([documentNumber, kind, outcome, language, issuedAt]) => ({
      documentNumber: text(documentNumber),
      kind: text(kind),
      outcome: text(outcome) as Outcome,
      language: text(language) as OutputLanguage,
      issuedAt: new Date(text(issuedAt)),
    })),
  };
}
