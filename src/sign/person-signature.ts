/**
 * Verification of what a person signs for themselves (an application request, a login
 * challenge): the shared §2.7 steps (signed-envelope.ts), then the checks the regulations ask of
 * an applicant's EDS, in order: the stated signing time not in the future; the chain valid at the
 * signing time and still valid now (the signing time is the signer's own claim, without a trusted
 * timestamp); a key usage that allows signing; an individual's certificate (SERIALNUMBER=IIN…,
 * no organisation BIN: an employee's or a legal entity's certificate does not sign for a
 * citizen); and not revoked by a CRL current now. Whether the IIN is the applicant's is the
 * caller's question: it gets signerIin and the signed content to compare.
 */
import type { Element } from '@xmldom/xmldom';
import { validityFailure, type CertificateInfo } from './certificates.js';
import type { SignedRoot } from './signature-structure.js';
import { createEnvelope, refuse, type Refusal, type TrustOptions } from './signed-envelope.js';
import { DocumentShapeError } from './strict-reader.js';

/** PersonVerifierOptions: trust, the clock, and how far in the future a signing time may lie (default 5 minutes). */
export interface PersonVerifierOptions extends TrustOptions {
  readonly now?: () => Date;
  readonly clockSkewMs?: number;
}

/** PersonSigned is a verified person's signature over content read by the kind's reader. */
export interface PersonSigned<T> {
  readonly valid: true;
  readonly signerIin: string;
  readonly signer: CertificateInfo;
  /** development: signed with a certificate of the local development CA (a demonstration, not a real EDS). */
  readonly development: boolean;
  readonly content: T;
}

/** PersonKind says how to read one kind of signed content and when it says it was signed. */
export interface PersonKind<T> {
  readonly root: SignedRoot;
  read(root: Element): T;
  signedAt(content: T): Date;
}

/** createPersonVerifier verifies one kind of personally signed XML; verify never throws for bad input. */
export function createPersonVerifier<T>(kind: PersonKind<T>, options: PersonVerifierOptions) {
  const envelope = createEnvelope(options);
  const now = options.now ?? (() => new Date());
  const skew = options.clockSkewMs ?? 5 * 60_000;
  return {
    verify(xml: string | Uint8Array, at: Date = now()): PersonSigned<T> | Refusal {
      const opened = envelope.open(xml, kind.root);
      if ('reason' in opened) return opened;
      let content: T;
      try {
        content = kind.read(opened.content);
      } catch (error) {
        if (error instanceof DocumentShapeError) return refuse(error.reason, error.message);
        throw error;
      }
      const signedAt = kind.signedAt(content);
      if (signedAt.getTime() > at.getTime() + skew) return refuse('SIGNED_IN_FUTURE', signedAt.toISOString());
      const validity = validityFailure(opened.chain.path, signedAt);
      if (validity) return refuse(validity, signedAt.toISOString());
      if (validityFailure(opened.chain.path, at)) return refuse('CERTIFICATE_NO_LONGER_VALID', `at ${at.toISOString()}`);
      if (!opened.canSign) return refuse('CERTIFICATE_NOT_FOR_SIGNING');
      const iin = opened.signer.iin;
      if (iin === null || opened.signer.bin !== null) return refuse('SIGNER_NOT_INDIVIDUAL', opened.signer.subject);
      const revoked = envelope.revokedIn(opened.chain, at);
      if (revoked) return revoked;
      return { valid: true, signerIin: iin, signer: opened.signer, development: opened.chain.anchor.development, content };
    },
  };
}
