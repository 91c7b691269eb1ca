/**
 * CitizenSigning: the demonstration stand-in for the national signing application, as the portal
 * sees it. compose.ts implements it with the sign room's demonstration signer, login challenge and
 * verifiers, so a sign-in and a signed request go through the same EDS checks as real ones.
 */
import type { Language } from '../../domain/index.js';

export interface CitizenCertificateView {
  readonly iin: string;
  readonly commonName: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** issuedAs: valid, or deliberately expired or revoked, to demonstrate the refusals. */
  readonly issuedAs: 'valid' | 'expired' | 'revoked';
}

/** LoginCheck: who signed a challenge, or the reason code (verify:reasons) it is refused. */
export type LoginCheck = { readonly valid: true; readonly iin: string; readonly commonName: string; readonly nonce: string } | { readonly valid: false; readonly reason: string };

export interface CitizenRequest {
  readonly serviceId: string;
  readonly language: Language;
  readonly applicantIin: string;
  readonly signedAt: Date;
  readonly form: unknown;
}

export interface CitizenSigning {
  certificates(): readonly CitizenCertificateView[];
  /** challenge: a fresh login challenge (a random nonce and the XML to sign). */
  challenge(now: Date): { readonly nonce: string; readonly xml: string };
  /** signLogin: the challenge signed with the chosen citizen's test certificate. */
  signLogin(iin: string, xml: string): string;
  verifyLogin(xml: string, now: Date): LoginCheck;
  /** signRequest: the request XML (channel portal) signed with the chosen citizen's test certificate. */
  signRequest(iin: string, request: CitizenRequest): Uint8Array;
}
