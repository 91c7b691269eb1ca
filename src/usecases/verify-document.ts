/**
 * verify-document: one implementation behind the three doors (CLI, API, page). A PDF must carry
 * `document.xml` and a QR row that decode to the same bytes; an XML file is checked as it is;
 * a photo or scan is searched for every QR code of the row. The signature is checked by
 * SignatureCheck (reference §2.7), then the registry status when the registry is reachable.
 */
import { AppError } from '../domain/index.js';
import type { BarcodeReader, DocumentStatus, IssuedDocuments, PdfReader, SignatureCheck, SignedDocument } from './ports.js';

/** VerifySource is what kind of file was checked, told by its first bytes, never its name. */
export type VerifySource = 'pdf' | 'xml' | 'image';

/** RegistryStatus adds to a document's status what verification can say of the registry. */
export type RegistryStatus = DocumentStatus['code'] | 'not_found' | 'offline';

/** Verdict is the answer of every door. `reason` is `VALID` or a failure code with kk/ru texts. */
export interface Verdict {
  readonly valid: boolean;
  readonly reason: string;
  readonly source: VerifySource | null;
  readonly document: SignedDocument | null;
  readonly registryStatus: RegistryStatus | null;
}

/**
 * VERIFY_OUTCOMES are the verdict reasons of this use case; their texts are `verify:outcomes.<CODE>`.
 * A verdict's reason is one of these, a signature failure (`verify:reasons.<CODE>`), or an error
 * code of a QR row or PDF that could not be read (`errors:<CODE>`).
 */
export const VERIFY_OUTCOMES = [
  'VALID',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'PDF_ATTACHMENT_MISSING',
  'QR_ATTACHMENT_MISMATCH',
  'NOT_IN_REGISTRY',
  'DOCUMENT_REVOKED',
  'DOCUMENT_SUPERSEDED',
] as const;
export type VerifyOutcome = (typeof VERIFY_OUTCOMES)[number];

/** MAX_VERIFY_BYTES bounds what any door accepts. */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

export function sniffSource(bytes: Uint8Array): VerifySource | null {
  const head = Buffer.from(bytes.subarray(0, 16));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'image';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image';
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return 'xml';
  return null;
}

const invalid = (reason: VerifyOutcome | (string & {}), source: VerifySource | null, document: SignedDocument | null = null): Verdict => ({
  valid: false,
  reason,
  source,
  document,
  registryStatus: null,
});

export interface VerifyDocumentDeps {
  readonly signatures: SignatureCheck;
  readonly barcodes: BarcodeReader;
  readonly pdfs: PdfReader;
  /** registry is absent when verification runs offline (a CLI without the service's data). */
  readonly registry: Pick<IssuedDocuments, 'find'> | null;
}

/** createVerifyDocument builds the use case from its ports. */
export function createVerifyDocument(deps: VerifyDocumentDeps) {
  async function signedXml(bytes: Uint8Array, source: VerifySource): Promise<Uint8Array> {
    if (source === 'xml') return bytes;
    if (source === 'image') return deps.barcodes.decodeRow(await deps.barcodes.imageCodes(bytes)).xml;
    const attached = await deps.pdfs.attachment(bytes);
    if (!attached) throw new VerifyFailure('PDF_ATTACHMENT_MISSING');
    const fromRow = deps.barcodes.decodeRow(await deps.pdfs.qrPayloads(bytes)).xml;
    if (!Buffer.from(fromRow).equals(Buffer.from(attached))) throw new VerifyFailure('QR_ATTACHMENT_MISMATCH');
    return attached;
  }

  return async function verifyDocument(bytes: Uint8Array): Promise<Verdict> {
    if (bytes.byteLength > MAX_VERIFY_BYTES) return invalid('FILE_TOO_LARGE', null);
    const source = sniffSource(bytes);
    if (!source) return invalid('UNSUPPORTED_FILE', null);
    let xml: Uint8Array;
    try {
      xml = await signedXml(bytes, source);
    } catch (error) {
      if (error instanceof VerifyFailure) return invalid(error.reason, source);
      if (error instanceof AppError && error.kind === 'invalid') return invalid(error.code, source);
      throw error;
    }
    const checked = deps.signatures.verify(xml);
    if (!checked.valid) return invalid(checked.reason, source);
    const document = checked.document;
    if (!deps.registry) return { valid: true, reason: 'VALID', source, document, registryStatus: 'offline' };
    const entry = await deps.registry.find(document.number);
    if (!entry) return { ...invalid('NOT_IN_REGISTRY', source, document), registryStatus: 'not_found' };
    if (entry.status.code !== 'valid') {
      const reason = entry.status.code === 'revoked' ? 'DOCUMENT_REVOKED' : 'DOCUMENT_SUPERSEDED';
      return { ...invalid(reason, source, document), registryStatus: entry.status.code };
    }
    return { valid: true, reason: 'VALID', source, document, registryStatus: 'valid' };
  };
}

class VerifyFailure extends Error {
  constructor(readonly reason: VerifyOutcome) {
    super(reason);
  }
}

/** VerifyDocument is the use case's function type. */
export type VerifyDocument = ReturnType<typeof createVerifyDocument>;
