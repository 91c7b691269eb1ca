/**
 * The portal's demonstration sign-in by certificate (standing in for the e-gov login): the server
 * hands out a challenge, the person signs it (demo-signer.ts here, the national signing
 * application in real life), and the server verifies the signed challenge like a request
 * (person-signature.ts) and checks its age.
 *
 *   <l:Login xmlns:l="urn:qujat:login:1" version="1">
 *     <l:Nonce/>      32 random bytes, base64url
 *     <l:IssuedAt/>   ISO 8601, Asia/Almaty offset, whole seconds
 *   </l:Login>
 *
 * Replay: a signed challenge stays valid for maxAgeSeconds; the caller keeps the nonces it issued
 * and accepts each one once (the verifier returns the nonce for that).
 */
import { randomBytes } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { isoDateTimeInAlmaty } from '../domain/index.js';
import { createPersonVerifier, type PersonVerifierOptions } from './person-signature.js';
import { refuse, type Refusal } from './signed-envelope.js';
import { createEnvelopedSigner, type PersonKey } from './signer.js';
import { DocumentShapeError, ISO_WITH_OFFSET, createStrictReader } from './strict-reader.js';

/** LOGIN_NAMESPACE is the root namespace of a login challenge. */
export const LOGIN_NAMESPACE = 'urn:qujat:login:1';
const LOGIN_VERSION = '1';
const NONCE = /^[A-Za-z0-9_-]{43}$/;

const { invalid, childElements, expect, text, exactly } = createStrictReader(LOGIN_NAMESPACE, 'LOGIN_CHALLENGE_INVALID');

/** LoginChallenge is what the server issued: keep the nonce until it is used or too old. */
export interface LoginChallenge {
  readonly nonce: string;
  readonly issuedAt: Date;
  /** xml: the unsigned challenge the person signs. */
  readonly xml: string;
}

/** createLoginChallenge makes a fresh challenge with a random nonce, issued at `now` (to the second). */
export function createLoginChallenge(now: Date): LoginChallenge {
  const nonce = randomBytes(32).toString('base64url');
  const issuedAt = isoDateTimeInAlmaty(now);
  return {
    nonce,
    issuedAt: new Date(issuedAt),
    xml: `<l:Login xmlns:l="${LOGIN_NAMESPACE}" version="${LOGIN_VERSION}"><l:Nonce>${nonce}</l:Nonce><l:IssuedAt>${issuedAt}</l:IssuedAt></l:Login>`,
  };
}

/** SignedChallenge is what a signed challenge says. */
export interface SignedChallenge {
  readonly nonce: string;
  readonly issuedAt: Date;
}

/** readLoginElement reads an l:Login element; DocumentShapeError otherwise. */
export function readLoginElement(root: Element): SignedChallenge {
  if (root.namespaceURI !== LOGIN_NAMESPACE || root.localName !== 'Login' || root.getAttribute('version') !== LOGIN_VERSION) {
    throw new DocumentShapeError('NOT_A_LOGIN_CHALLENGE', `{${root.namespaceURI ?? ''}}${root.localName}`);
  }
  const parts = childElements(expect(root, 'Login', { version: LOGIN_VERSION }));
  exactly(parts, 2, 'Login');
  const nonce = text(parts[0], 'Nonce');
  const issuedAt = text(parts[1], 'IssuedAt');
  if (!NONCE.test(nonce)) throw invalid('Nonce is not 32 bytes of base64url');
  if (!ISO_WITH_OFFSET.test(issuedAt) || Number.isNaN(new Date(issuedAt).getTime())) throw invalid('IssuedAt is not ISO 8601 with an offset');
  return { nonce, issuedAt: new Date(issuedAt) };
}

/** signLoginXml signs a challenge made by createLoginChallenge; DocumentShapeError for anything else. */
export function signLoginXml(xml: string, person: PersonKey): string {
  return createEnvelopedSigner(person.key, [person.certificate])(xml, readLoginElement);
}

/** LoginResult: who signed the challenge, or why the sign-in is refused. */
export type LoginResult =
  | {
      readonly valid: true;
      readonly iin: string;
      readonly commonName: string;
      readonly nonce: string;
      readonly issuedAt: Date;
      readonly development: boolean;
    }
  | Refusal;

/** LoginVerifier checks signed challenges; the caller checks that it issued the nonce and that it is unused. */
export interface LoginVerifier {
  verifyLogin(xml: string | Uint8Array, options: { readonly now: Date; readonly maxAgeSeconds: number }): LoginResult;
}

/** createLoginVerifier binds the trust anchors and CRLs once. */
export function createLoginVerifier(options: PersonVerifierOptions): LoginVerifier {
  const verifier = createPersonVerifier<SignedChallenge>(
    {
      root: { namespace: LOGIN_NAMESPACE, localName: 'Login', otherwise: 'NOT_A_LOGIN_CHALLENGE' },
      read: readLoginElement,
      signedAt: (challenge) => challenge.issuedAt,
    },
    options,
  );
  return {
    verifyLogin(xml, { now, maxAgeSeconds }) {
      const result = verifier.verify(xml, now);
      if (!result.valid) return result;
      const { nonce, issuedAt } = result.content;
      if (now.getTime() - issuedAt.getTime() > maxAgeSeconds * 1000) return refuse('LOGIN_CHALLENGE_EXPIRED', `issued ${issuedAt.toISOString()}`);
      return { valid: true, iin: result.signerIin, commonName: result.signer.commonName, nonce, issuedAt, development: result.development };
    },
  };
}
