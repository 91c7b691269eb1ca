/**
 * The documents a transition issues: the definition's mapping gives what the application knows,
 * the provider adds issuer, head and specialist, the decision facts of the action and the queue
 * add the rest; the kind's schema then checks the whole, so a missing fact is a 400 before
 * anything is signed.
 */
import { type AnyServiceDefinition, type ApplicationRecord, type DocumentContext } from '../../domain/index.js';
import { createRequestPreparer, type PreparedRequest } from '../document-request.js';
import { toWorkflow, type ApplicationsDeps, type ProviderInfo } from './context.js';

/** Fixed keys: what the provider and the application say cannot be overridden by decision facts. */
const FIXED = new Set(['issuer', 'applicant', 'recipient', 'parent', 'head']);

export interface DocumentInputs {
  readonly definition: AnyServiceDefinition;
  readonly record: ApplicationRecord;
  readonly provider: ProviderInfo;
  readonly context: DocumentContext;
  readonly decision: Readonly<Record<string, unknown>>;
  /** extra: data the use case looked up for this kind (the child's address, the organisation). */
  readonly extra: Readonly<Record<string, unknown>>;
}

export function createDocumentRequests(deps: Pick<ApplicationsDeps, 'kinds'>) {
  const prepare = createRequestPreparer(deps.kinds);
  return function documentRequest(kind: string, inputs: DocumentInputs): PreparedRequest {
    const { definition, record, provider, context, decision, extra } = inputs;
    const mapping = definition.documentData[kind];
    const mapped = mapping ? mapping(toWorkflow(record), context) : {};
    const facts = Object.fromEntries(Object.entries(decision).filter(([key]) => !FIXED.has(key)));
    const data: Record<string, unknown> = {
      ...mapped,
      ...facts,
      ...extra,
      issuer: { name: provider.name, bin: provider.bin },
      head: provider.head,
    };
    if (kind === 'unemployed-certificate' || kind === 'disability-support-notification') {
      data.specialist = typeof facts.specialist === 'string' ? facts.specialist : provider.specialist;
    }
    return prepare({ kind, lang: record.language, data });
  };
}
