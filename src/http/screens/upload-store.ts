/**
 * A form being filled, in memory per session: the values typed and the attachments, kept across a
 * page with problems and for the review step. Bounded in sessions, in bytes and in time, so that
 * abandoned forms do not pile up; a restart drops them, as an expired session would.
 */
import type { AttachmentType } from './file-types.js';

export interface HeldFile {
  readonly field: string;
  readonly kind: string;
  readonly name: string;
  readonly type: AttachmentType;
  readonly bytes: Uint8Array;
}

export interface HeldDraft {
  readonly serviceId: string;
  /** form: the validated form, or null while the page still has problems; values: the inputs as typed. */
  readonly form: unknown;
  readonly values: Readonly<Record<string, string>>;
  readonly files: readonly HeldFile[];
}

export interface UploadStoreConfig {
  readonly maxSessions: number;
  readonly maxBytes: number;
  readonly ttlMs: number;
}

export interface UploadStore {
  put(sessionId: string, draft: HeldDraft, now: number): void;
  get(sessionId: string, now: number): HeldDraft | null;
  drop(sessionId: string): void;
}

const sizeOf = (draft: HeldDraft) => draft.files.reduce((sum, file) => sum + file.bytes.byteLength, 0);

export function createUploadStore(config: UploadStoreConfig): UploadStore {
  const drafts = new Map<string, { draft: HeldDraft; at: number; size: number }>();
  let total = 0;
  const remove = (id: string) => {
    const entry = drafts.get(id);
    if (!entry) return;
    total -= entry.size;
    drafts.delete(id);
  };
  return {
    put(sessionId, draft, now) {
      remove(sessionId);
      for (const [id, entry] of drafts) if (now - entry.at > config.ttlMs) remove(id);
      const size = sizeOf(draft);
      // Oldest first (insertion order) until the new draft fits.
      for (const id of drafts.keys()) {
        if (drafts.size < config.maxSessions && total + size <= config.maxBytes) break;
        remove(id);
      }
      drafts.set(sessionId, { draft, at: now, size });
      total += size;
    },
    get(sessionId, now) {
      const entry = drafts.get(sessionId);
      if (!entry) return null;
      if (now - entry.at > config.ttlMs) {
        remove(sessionId);
        return null;
      }
      return entry.draft;
    },
    drop: remove,
  };
}
