/**
 * The public contract of the application use cases: what the HTTP room calls and what it gets
 * back. Times are ISO 8601 UTC strings; texts the citizen reads come in kk and ru.
 */
import type { Channel, Language, LocalizedText, Outcome, OutputLanguage, Role } from '../../domain/index.js';
import type { Actor, AvailableAction } from '../../workflow/index.js';

/**
 * Principal: who calls. Staff (CON_OPERATOR, PROVIDER_EMPLOYEE, PROVIDER_HEAD) may be bound to one
 * provider and then see only its applications; SYSTEM sees all; an APPLICANT sees only the
 * applications whose applicant IIN is theirs. A ЦОН operator serves every provider and is bound to
 * no provider, but works at one ЦОН (`conId`): it reads the documents of applications taken there.
 */
export interface Principal extends Actor {
  readonly providerId?: string;
  readonly conId?: string;
}

/** AttachmentInput: a file handed in with the request; its media type is sniffed, not trusted. */
export interface AttachmentInput {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** SubmitRequest: a new application. */
export interface SubmitRequest {
  readonly serviceId: string;
  readonly channel: Channel;
  /** providerId: required when the deployment has more than one provider of the service. */
  readonly providerId?: string;
  /** language: the applicant's language, for notifications and documents. */
  readonly language: Language;
  readonly form: unknown;
  readonly attachments?: readonly AttachmentInput[];
}

/** CallOptions: an idempotency key makes a repeated call return the first call's result. */
export interface CallOptions {
  readonly idempotencyKey?: string;
}

/** SignedCallOptions: the scans handed in beside a signed request (the portal's upload), stored with it. */
export interface SignedCallOptions extends CallOptions {
  readonly attachments?: readonly AttachmentInput[];
}

/** ActionRequest: the inputs an action may require. */
export interface ActionRequest {
  readonly reason?: string;
  readonly comment?: string;
  /** newDeadline: ISO 8601, for EXTEND. */
  readonly newDeadline?: string;
  /** assignee: the staff member the application is assigned to (kept as given). */
  readonly assignee?: string;
  /** organisationId: the preschool organisation of a referral (REFER by staff). */
  readonly organisationId?: string;
  /**
   * document: decision facts the form does not hold (e.g. `registeredFrom` of an unemployed
   * certificate, `basis` of a disability support notification), merged into the data of the
   * documents the action issues and checked against their kinds.
   */
  readonly document?: Readonly<Record<string, unknown>>;
}

export interface HistoryView {
  readonly seq: number;
  readonly at: string;
  readonly actorId: string;
  readonly role: Role;
  readonly action: string;
  readonly from: string;
  readonly to: string;
  readonly comment: string | null;
  readonly reason: string | null;
}

export interface AttachmentView {
  readonly id: number;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

export interface ApplicationDocumentView {
  readonly number: string;
  readonly kind: string;
  readonly language: OutputLanguage;
  readonly outcome: Outcome;
  readonly issuedAt: string;
}

/** QueuePositionView: where a waiting child stands in the provider's journal. */
export interface QueuePositionView {
  readonly applicationNumber: string;
  readonly status: 'QUEUED' | 'REFERRED' | 'ENROLLED' | 'EXPIRED' | 'WITHDRAWN';
  readonly journal: { readonly number: number; readonly year: number; readonly date: string };
  readonly ageYears: number;
  /** position and waiting: null unless the child is waiting. */
  readonly position: number | null;
  readonly waiting: number | null;
  readonly referral: { readonly organisationId: string; readonly validUntil: string } | null;
}

export interface ApplicationSummary {
  readonly number: string;
  readonly serviceId: string;
  readonly channel: Channel;
  readonly providerId: string;
  readonly applicant: { readonly iin: string; readonly fullName: string };
  readonly state: string;
  readonly status: string;
  readonly terminal: Outcome | null;
  readonly assignee: string | null;
  readonly receivedAt: string;
  readonly registeredAt: string | null;
  readonly deadline: string | null;
  readonly overdue: boolean;
}

/** ActView: an act by its dates and numbers; the HTTP layer gives its kk and ru texts. */
export interface ActView {
  readonly id: string;
  readonly adopted: { readonly date: string; readonly number: string };
  readonly registered: { readonly date: string; readonly number: string };
  readonly repealed: { readonly date: string; readonly number: string } | null;
}

/** RegulationView: the regulation an application is under and the act that approved it. */
export interface RegulationView {
  readonly id: string;
  readonly act: ActView;
}

export interface ApplicationView extends ApplicationSummary {
  /** regulation: the regulation the application was taken under (its act, date and number). */
  readonly regulation: RegulationView;
  readonly language: Language;
  readonly form: unknown;
  readonly attachments: readonly AttachmentView[];
  readonly history: readonly HistoryView[];
  readonly documents: readonly ApplicationDocumentView[];
  /** actions: what the viewing principal may do now. */
  readonly actions: readonly AvailableAction[];
  readonly queue: QueuePositionView | null;
  readonly questionnaireAnswered: boolean;
}

/** WorklistQuery: filters and keyset paging (ordered by deadline, then number). */
export interface WorklistQuery {
  readonly status?: string;
  readonly state?: string;
  readonly serviceId?: string;
  readonly channel?: Channel;
  readonly overdue?: boolean;
  readonly assignee?: string;
  readonly providerId?: string;
  readonly applicantIin?: string;
  /** limit: 1–200. */
  readonly limit: number;
  /** cursor: the nextCursor of the previous page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface PageQuery {
  readonly limit: number;
  readonly cursor?: string;
}

export interface NotificationView {
  readonly id: number;
  readonly at: string;
  readonly applicationNumber: string;
  readonly kind: 'status' | 'extension' | 'deadline';
  readonly text: LocalizedText;
}

export interface JournalEntryView extends QueuePositionView {
  readonly childIin: string;
  readonly birthDate: string;
  readonly preferredOrganisations: readonly string[];
}

export interface FreePlacesView {
  readonly providerId: string;
  readonly organisationId: string;
  readonly ageYears: number;
  readonly free: number;
}

export interface SetFreePlacesRequest {
  readonly organisationId: string;
  readonly ageYears: number;
  readonly free: number;
}

/**
 * QUALITY_QUESTIONS and QUALITY_ANSWERS: the questionnaire's two indicators («качество», the
 * process and result; «доступность», the information on the procedure) and its three answers, in
 * the order the regulation's form numbers them; their texts are the quality-questionnaire's.
 */
export const QUALITY_QUESTIONS = ['quality', 'accessibility'] as const;
export type QualityQuestion = (typeof QUALITY_QUESTIONS)[number];
export const QUALITY_ANSWERS = ['not-satisfied', 'partially-satisfied', 'satisfied'] as const;
export type QualityAnswer = (typeof QUALITY_ANSWERS)[number];
export type QuestionnaireAnswers = { readonly [Q in QualityQuestion]: QualityAnswer };

export interface QualityReportQuery {
  readonly serviceId?: string;
  /** from, to: ISO dates (inclusive) of the answers. */
  readonly from: string;
  readonly to: string;
}

export interface QualityReportRow {
  readonly serviceId: string;
  readonly question: QualityQuestion;
  readonly total: number;
  readonly answers: { readonly [A in QualityAnswer]: { readonly count: number; readonly share: number } };
}

export interface QualityReport {
  readonly from: string;
  readonly to: string;
  readonly rows: readonly QualityReportRow[];
}

/** DeadlineRun: what one scheduler tick did. */
export interface DeadlineRun {
  readonly breaches: number;
  readonly actions: number;
  /** agedOut: children who reached the queue's age limit and left it (counted once a day). */
  readonly agedOut: number;
  readonly failures: number;
}

/** Applications: the use cases of issue 5. */
export interface Applications {
  submit(request: SubmitRequest, principal: Principal, options?: CallOptions): Promise<ApplicationView>;
  /** submitSigned: an XML request signed with the applicant's EDS (portal). */
  submitSigned(xml: Uint8Array, principal: Principal, options?: SignedCallOptions): Promise<ApplicationView>;
  get(number: string, principal: Principal): Promise<ApplicationView>;
  list(query: WorklistQuery, principal: Principal): Promise<Page<ApplicationSummary>>;
  act(number: string, action: string, request: ActionRequest, principal: Principal, options?: CallOptions): Promise<ApplicationView>;
  attachment(number: string, id: number, principal: Principal): Promise<AttachmentView & { readonly bytes: Uint8Array }>;
  notifications(iin: string, principal: Principal, page: PageQuery): Promise<Page<NotificationView>>;
  queuePosition(number: string, principal: Principal): Promise<QueuePositionView>;
  journal(providerId: string, principal: Principal, page: PageQuery): Promise<Page<JournalEntryView>>;
  freePlaces(providerId: string, principal: Principal): Promise<readonly FreePlacesView[]>;
  /** setFreePlaces stores the count and refers the heads of the queue to what is free. */
  setFreePlaces(providerId: string, request: SetFreePlacesRequest, principal: Principal): Promise<readonly FreePlacesView[]>;
  answerQuestionnaire(number: string, answers: QuestionnaireAnswers, principal: Principal): Promise<void>;
  qualityReport(query: QualityReportQuery, principal: Principal): Promise<QualityReport>;
  /** runDeadlines: one scheduler tick. */
  runDeadlines(now?: Date): Promise<DeadlineRun>;
  /** startScheduler runs runDeadlines every intervalMs; the returned function stops it. */
  startScheduler(options: { readonly intervalMs: number }): () => Promise<void>;
}
