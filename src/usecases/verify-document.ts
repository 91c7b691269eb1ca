/**
 * verify-document: one implementation behind the three doors (CLI, API, page). A PDF must carry
 * `document.xml` and a QR row that decode to the same bytes; an XML file is checked as it is;
 * a photo or scan is searched for every QR code of the row. The signature is checked by
 * SignatureCheck (reference §2.7), then the registry: the signed XML must be the very XML it
 * registered under that number, and the document still valid.
 *
 * The signature covers the signed XML, not what a page shows: a PDF whose text was painted over
 * still carries genuine signed data. So a valid verdict says what it proves (`proof`): the issued
 * file itself (the upload's bytes are those the registry keeps), or genuine signed data only,
 * which a person must compare with the paper or file in hand (docs/signatures.md).
 */
import { createHash } from 'node:crypto';
import { AppError, defineError } from '../domain/index.js';
import type { BarcodeReader, DocumentStatus, IssuedDocuments, PdfReader, SignatureCheck, SignedDocument } from './ports.js';

/** VerifySource is what kind of file was checked, told by its first bytes, never its name. */
export type VerifySource = 'pdf' | 'xml' | 'image';

/** RegistryStatus adds to a document's status what verification can say of the registry. */
export type RegistryStatus = DocumentStatus['code'] | 'not_found' | 'offline';

/**
 * VerifiedProof is what a valid verdict proves. `issued-file`: the upload is byte for byte the
 * issued PDF or the registered signed XML (the legal original itself). `signed-data`: the signed
 * data it carries are genuine, but the file or paper around them is not the issued file (a photo,
 * a copy saved again, or a PDF whose pages were changed), or there was no registry to compare with.
 */
export type VerifiedProof = 'issued-file' | 'signed-data';

/**
 * Verdict is the answer of every door. `reason` is `VALID` (the issued file), `SIGNED_DATA_GENUINE`
 * (genuine signed data, see `proof`), or a failure code with kk/ru texts; `proof` is null when invalid.
 */
export interface Verdict {
  readonly valid: boolean;
  readonly reason: string;
  readonly source: VerifySource | null;
  readonly proof: VerifiedProof | null;
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
  'SIGNED_DATA_GENUINE',
  'SIGNED_DATA_GENUINE_OFFLINE',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'PDF_ATTACHMENT_MISSING',
  'QR_ATTACHMENT_MISMATCH',
  'NOT_IN_REGISTRY',
  'XML_NOT_AS_REGISTERED',
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
  proof: null,
  document,
  registryStatus: null,
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** VerifyBusyError: as many verifications as the service allows are in flight; try again shortly. */
export const VerifyBusyError = defineError<{ limit: number }>('VERIFY_BUSY', 'unavailable');

export interface VerifyDocumentDeps {
  readonly signatures: SignatureCheck;
  readonly barcodes: BarcodeReader;
  readonly pdfs: PdfReader;
  /** registry is absent when verification runs offline (a CLI without the service's data). */
  readonly registry: Pick<IssuedDocuments, 'find'> | null;
  /**
   * maxInFlight bounds verifications at once (an upload may be rasterised); beyond it the use
   * case throws VerifyBusyError, which the HTTP door answers with 503 and Retry-After.
   */
  readonly maxInFlight?: number;
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

  async function verifyBytes(bytes: Uint8Array): Promise<Verdict> {
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
    if (!deps.registry) return { valid: true, reason: 'SIGNED_DATA_GENUINE_OFFLINE', source, proof: 'signed-data', document, registryStatus: 'offline' };
    const entry = await deps.registry.find(document.number);
    if (!entry) return { ...invalid('NOT_IN_REGISTRY', source, document), registryStatus: 'not_found' };
    // A document re-signed with the provider's key under a registered number (other content,
    // other kind) has a valid signature; only the registry knows it was never issued.
    if (sha256(xml) !== entry.xml.sha256) return { ...invalid('XML_NOT_AS_REGISTERED', source, document), registryStatus: entry.status.code };
    if (entry.status.code !== 'valid') {
      const reason = entry.status.code === 'revoked' ? 'DOCUMENT_REVOKED' : 'DOCUMENT_SUPERSEDED';
      return { ...invalid(reason, source, document), registryStatus: entry.status.code };
    }
    const issuedFile = source === 'xml' || (source === 'pdf' && sha256(bytes) === entry.pdf.sha256);
    return issuedFile
      ? { valid: true, reason: 'VALID', source, proof: 'issued-file', document, registryStatus: 'valid' }
      : { valid: true, reason: 'SIGNED_DATA_GENUINE', source, proof: 'signed-data', document, registryStatus: 'valid' };
  }

  const maxInFlight = deps.maxInFlight ?? Number.POSITIVE_INFINITY;
  let inFlight = 0;
  return async function verifyDocument(bytes: Uint8Array): Promise<Verdict> {
    if (inFlight >= maxInFlight) throw new VerifyBusyError({ limit: maxInFlight });
    inFlight++;
    try {
      return await verifyBytes(bytes);
    } finally {
      inFlight--;
    }
  };
}

class VerifyFailure extends Error {
  constructor(readonly reason: VerifyOutcome) {
    super(reason);
  }
}

/** VerifyDocument is the use case's function type. */
export type VerifyDocument = ReturnType<typeof createVerifyDocument>;
