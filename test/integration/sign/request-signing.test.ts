/**
 * The applicant's signed request and the demonstration sign-in, signed by the demonstration
 * signer with the development citizens' own keys and checked like a real EDS: accepted when all
 * is well (by us and by xmlsec1), refused with its own reason otherwise.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import {
  DEVELOPMENT_CITIZENS,
  DemoCertificateUnknownError,
  DemoSignerNotDevelopmentError,
  DocumentShapeError,
  buildDocumentXml,
  buildRequestXml,
  citizenFiles,
  createDemoSigner,
  createLoginChallenge,
  createLoginVerifier,
  createRequestVerifier,
  developmentKeyPaths,
  exportDevelopmentCa,
  issueDevelopmentCertificate,
  loadTrustMaterial,
  readUnverifiedRequestXml,
  signRequestXml,
  type DemoSigner,
  type JsonValue,
  type LoginVerifier,
  type SignedRequestCheck,
  type SubmitRequest,
} from '../../../src/sign/index.js';
import { developmentKit, documentInput, signatureOf, withoutSignature } from './fixtures.js';

let kit: Awaited<ReturnType<typeof developmentKit>>;
let attacker: Awaited<ReturnType<typeof developmentKit>>;
let demo: DemoSigner;
let check: SignedRequestCheck;
let login: LoginVerifier;

const [mother, father, jobSeeker, , unknownPerson, expired, revoked] = DEVELOPMENT_CITIZENS;
const form = { child: { iin: '210510502015' }, note: '<b>Балабақша</b> & "кезек" ]]>', ages: [3, 4.5], urgent: false, floor: null };

function requestBy(iin: string, overrides: Partial<SubmitRequest> = {}): SubmitRequest {
  return {
    serviceId: 'preschool-queue',
    channel: 'portal',
    language: 'kk',
    applicant: { iin },
    signedAt: new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000),
    form: form as JsonValue,
    ...overrides,
  };
}

const signedBy = (iin: string, overrides: Partial<SubmitRequest> = {}) => demo.signRequest(iin, buildRequestXml(requestBy(iin, overrides))).xml;

beforeAll(async () => {
  [kit, attacker] = await Promise.all([developmentKit(), developmentKit()]);
  demo = await createDemoSigner(kit.dir);
  const trust = await loadTrustMaterial({}, kit.dir);
  check = createRequestVerifier(trust);
  login = createLoginVerifier(trust);
});

afterAll(async () => {
  await Promise.all([kit.remove(), attacker.remove()]);
});

describe('the demonstration signer', () => {
  test('lists the development citizens, labelled as a demonstration, matching the person registry', async () => {
    const people = JSON.parse(await fs.readFile('samples/registry/people.json', 'utf8')) as { people: { iin: string; lastName: string }[] };
    const listed = demo.certificates();
    expect(demo.demonstration).toBe(true);
    expect(listed.map((c) => c.iin)).toEqual(DEVELOPMENT_CITIZENS.map((c) => c.iin));
    for (const certificate of listed) {
      expect(certificate.demonstration).toBe(true);
      const person = people.people.find((p) => p.iin === certificate.iin);
      expect(Boolean(person)).toBe(certificate.inPersonRegistry);
      if (person) expect(certificate.commonName.startsWith(person.lastName.toUpperCase())).toBe(true);
      expect(certificate.subject).toContain(`SERIALNUMBER=IIN${certificate.iin}`);
    }
    expect(listed.filter((c) => !c.inPersonRegistry).map((c) => c.iin)).toEqual([unknownPerson.iin]);
    const now = Date.now();
    expect(listed.find((c) => c.iin === expired.iin)?.notAfter.getTime()).toBeLessThan(now);
    expect(listed.filter((c) => c.iin !== expired.iin).every((c) => c.notBefore.getTime() < now && now < c.notAfter.getTime())).toBe(true);
  });

  test('the signature says so: development is true, and a verifier without the development CA refuses it', () => {
    const signed = signedBy(mother.iin);
    expect(check.verify(signed)).toMatchObject({ valid: true, development: true });
    expect(createRequestVerifier({ trustAnchors: [], crls: [] }).verify(signed)).toMatchObject({ valid: false, reason: 'UNTRUSTED_CERTIFICATE' });
  });

  test('an IIN not in the list → DemoCertificateUnknownError; anything but a request → DocumentShapeError', () => {
    expect(() => demo.signRequest('880412301010', buildRequestXml(requestBy('880412301010')))).toThrow(DemoCertificateUnknownError);
    expect(() => demo.signRequest(mother.iin, buildDocumentXml(documentInput()))).toThrow(DocumentShapeError);
    expect(() => demo.signLogin(mother.iin, buildRequestXml(requestBy(mother.iin)))).toThrow(DocumentShapeError);
  });

  test('refuses a keys directory whose CA is not the development CA, or a citizen it did not issue', async () => {
    const copy = `${kit.dir}-copy`;
    await fs.cp(kit.dir, copy, { recursive: true });
    onTestFinished(() => fs.rm(copy, { recursive: true, force: true }));
    await fs.copyFile(developmentKeyPaths(kit.dir).providerCertificate, developmentKeyPaths(copy).caCertificate);
    await expect(createDemoSigner(copy)).rejects.toMatchObject({ code: 'DEMO_SIGNER_NOT_DEVELOPMENT', params: { problem: expect.stringMatching(/^CA /) } });

    await fs.copyFile(developmentKeyPaths(kit.dir).caCertificate, developmentKeyPaths(copy).caCertificate);
    for (const file of ['certificate', 'key'] as const) {
      await fs.copyFile(citizenFiles(attacker.dir, father.iin)[file], citizenFiles(copy, father.iin)[file]);
    }
    const refusal = createDemoSigner(copy);
    await expect(refusal).rejects.toBeInstanceOf(DemoSignerNotDevelopmentError);
    await expect(refusal).rejects.toMatchObject({ params: { problem: `${father.iin}: not issued by the development CA` } });
    await expect(createDemoSigner(path.join(kit.dir, 'none'))).rejects.toMatchObject({ code: 'DEVELOPMENT_KEYS_MISSING' });
  });
});

describe('a signed request', () => {
  test('verifies, from bytes; the request is read from the signed content', () => {
    const signed = signedBy(mother.iin);
    const result = check.verify(Buffer.from(signed, 'utf8'));
    expect(result).toEqual(expect.objectContaining({ valid: true, signerIin: mother.iin }));
    if (!result.valid) return;
    const { signedAt, ...expected } = requestBy(mother.iin);
    expect(result.request).toMatchObject(expected);
    expect(result.request.signedAt.getTime()).toBe(signedAt.getTime());
    expect(result.request.applicant.iin).toBe(result.signerIin);
    expect(result.signer).toMatchObject({ iin: mother.iin, bin: null, commonName: mother.commonName });
  });

  test('the form survives canonicalisation unchanged: CR, tabs and line feeds in names, markup, Kazakh, empty keys', () => {
    const tricky = { 'аты\tжөні\nname': 'Жақсыбеков Нұрсұлтан\r\nДаниярұлы\t', '': '<r:Field name="x"/> &lt; ]]>', list: [[], {}, '', 0, -1.5e-7] };
    const result = check.verify(signedBy(jobSeeker.iin, { form: tricky }));
    expect(result.valid && result.request.form).toEqual(tricky);
  });

  test('the caller can see a request signed by someone other than its applicant', () => {
    const xml = demo.signRequest(father.iin, buildRequestXml(requestBy(mother.iin))).xml;
    const result = check.verify(xml);
    expect(result).toMatchObject({ valid: true, signerIin: father.iin, request: { applicant: { iin: mother.iin } } });
  });

  test('xmlsec1 --verify --trusted-pem <ca.pem> accepts a signed request and refuses a tampered one', async () => {
    const ca = path.join(kit.dir, 'exported-ca.pem');
    await exportDevelopmentCa(kit.dir, ca);
    const signed = signedBy(jobSeeker.iin, { serviceId: 'unemployed-certificate', language: 'ru', form: { reason: 'Сокращение штата' } });
    await fs.writeFile(path.join(kit.dir, 'request.xml'), signed);
    await fs.writeFile(path.join(kit.dir, 'tampered.xml'), signed.replace('Сокращение', 'Увольнение'));
    const accepted = spawnSync('xmlsec1', ['--verify', '--trusted-pem', ca, path.join(kit.dir, 'request.xml')], { encoding: 'utf8' });
    expect(accepted.stderr).toContain('OK');
    expect(accepted.status).toBe(0);
    expect(spawnSync('xmlsec1', ['--verify', '--trusted-pem', ca, path.join(kit.dir, 'tampered.xml')]).status).not.toBe(0);
  });
});

describe('EDS refusals', () => {
  const refused = (xml: string | Uint8Array, reason: string, at?: Date) => expect(check.verify(xml, at)).toMatchObject({ valid: false, reason });

  test('a form field changed after signing → DIGEST_MISMATCH', () => {
    const signed = signedBy(mother.iin);
    const tampered = signed.replace('<r:Field name="iin" type="string">210510502015</r:Field>', '<r:Field name="iin" type="string">230214602026</r:Field>');
    expect(tampered).not.toBe(signed);
    refused(tampered, 'DIGEST_MISMATCH');
  });

  test('the expired citizen → CERTIFICATE_EXPIRED', () => refused(signedBy(expired.iin), 'CERTIFICATE_EXPIRED'));

  test('the revoked citizen → CERTIFICATE_REVOKED', () => refused(signedBy(revoked.iin), 'CERTIFICATE_REVOKED'));

  test('valid when signed, expired by the time it is checked → CERTIFICATE_NO_LONGER_VALID', () => {
    refused(signedBy(mother.iin), 'CERTIFICATE_NO_LONGER_VALID', new Date(Date.now() + 3 * 365 * 86_400_000));
  });

  test('a certificate not yet valid at the signing time → CERTIFICATE_NOT_YET_VALID', async () => {
    const future = await issueDevelopmentCertificate(kit.dir, mother, { notBefore: new Date(Date.now() + 86_400_000), notAfter: new Date(Date.now() + 2 * 86_400_000) });
    const person = { key: createPrivateKey(future.privateKeyPem), certificate: new X509Certificate(future.certificatePem) };
    refused(signRequestXml(buildRequestXml(requestBy(mother.iin)), person), 'CERTIFICATE_NOT_YET_VALID');
  });

  test('a signing time in the future → SIGNED_IN_FUTURE', () => {
    refused(signedBy(mother.iin, { signedAt: new Date(Date.now() + 3_600_000) }), 'SIGNED_IN_FUTURE');
  });

  test("a certificate from another CA (same name, other key) → UNTRUSTED_CERTIFICATE", async () => {
    const theirs = await createDemoSigner(attacker.dir);
    refused(theirs.signRequest(mother.iin, buildRequestXml(requestBy(mother.iin))).xml, 'UNTRUSTED_CERTIFICATE');
  });

  test("a legal entity's employee certificate (OU=BIN) → SIGNER_NOT_INDIVIDUAL", () => {
    const provider = { key: kit.keys.privateKey, certificate: kit.keys.certificate };
    refused(signRequestXml(buildRequestXml(requestBy(mother.iin)), provider), 'SIGNER_NOT_INDIVIDUAL');
  });

  test('a signed document is not a request → NOT_A_QUJAT_REQUEST', () => {
    refused(kit.signer.sign(buildDocumentXml(documentInput())), 'NOT_A_QUJAT_REQUEST');
  });
});

describe('readUnverifiedRequestXml: a refused request read for the record of its refusal', () => {
  test('reads the content as written, tampered or revoked, with the signature set aside', () => {
    const tampered = signedBy(mother.iin).replace('>210510502015<', '>230214602026<');
    expect(readUnverifiedRequestXml(tampered)).toMatchObject({ serviceId: 'preschool-queue', applicant: { iin: mother.iin }, form: { child: { iin: '230214602026' } } });
    expect(readUnverifiedRequestXml(Buffer.from(signedBy(revoked.iin), 'utf8')).applicant.iin).toBe(revoked.iin);
  });

  test('reads an unsigned request, and refuses what is not one', () => {
    expect(readUnverifiedRequestXml(withoutSignature(signedBy(father.iin))).applicant.iin).toBe(father.iin);
    expect(() => readUnverifiedRequestXml(kit.signer.sign(buildDocumentXml(documentInput())))).toThrow(DocumentShapeError);
    expect(() => readUnverifiedRequestXml('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>')).toThrow(DocumentShapeError);
  });
});

describe('the malicious corpus, on requests', () => {
  const refused = (xml: string, reason: string) => expect(check.verify(xml)).toMatchObject({ valid: false, reason });
  let signed: string;
  beforeAll(() => {
    signed = signedBy(mother.iin);
  });
  const forgedRoot = (inner: string) => withoutSignature(signed).replace('210510502015', '230214602026').replace('</r:Request>', `${inner}</r:Request>`);

  test('the original signed request wrapped in a forged one → SIGNATURE_MISPLACED', () => refused(forgedRoot(`<r:Extra>${signed}</r:Extra>`), 'SIGNATURE_MISPLACED'));
  test('the original signature at the forged root → DIGEST_MISMATCH', () => refused(forgedRoot(signatureOf(signed)), 'DIGEST_MISMATCH'));
  test('duplicate IDs → DUPLICATE_ID', () =>
    refused(signed.replace('version="1">', 'version="1" Id="r">').replace('<r:Applicant>', '<r:Applicant Id="r">'), 'DUPLICATE_ID'));
  test('a second signature → SIGNATURE_DUPLICATED', () => refused(signed.replace('</r:Request>', `${signatureOf(signed)}</r:Request>`), 'SIGNATURE_DUPLICATED'));
  test('DOCTYPE with an external entity → DOCTYPE_FORBIDDEN', () =>
    refused(`<!DOCTYPE r:Request [<!ENTITY x SYSTEM "file:///etc/passwd">]>${signed.replace('Балабақша', '&x;')}`, 'DOCTYPE_FORBIDDEN'));
  test('a comment inside a value → COMMENT_FORBIDDEN', () => refused(signed.replace('210510502015', '210510<!---->502015'), 'COMMENT_FORBIDDEN'));
  test('unsigned → SIGNATURE_MISSING', () => refused(withoutSignature(signed), 'SIGNATURE_MISSING'));
});

describe('demonstration sign-in', () => {
  test('a signed challenge names the person and returns the nonce for the caller to spend once', () => {
    const now = new Date();
    const challenge = createLoginChallenge(now);
    const signed = demo.signLogin(father.iin, challenge.xml);
    expect(signed.demonstration).toBe(true);
    const result = login.verifyLogin(signed.xml, { now: new Date(now.getTime() + 30_000), maxAgeSeconds: 300 });
    expect(result).toEqual({ valid: true, iin: father.iin, commonName: father.commonName, nonce: challenge.nonce, issuedAt: challenge.issuedAt, development: true });
    expect(createLoginChallenge(now).nonce).not.toBe(challenge.nonce);
  });

  test('too old → LOGIN_CHALLENGE_EXPIRED; tampered nonce → DIGEST_MISMATCH; a request → NOT_A_LOGIN_CHALLENGE', () => {
    const now = new Date();
    const challenge = createLoginChallenge(now);
    const signed = demo.signLogin(mother.iin, challenge.xml).xml;
    expect(login.verifyLogin(signed, { now: new Date(now.getTime() + 301_000), maxAgeSeconds: 300 })).toMatchObject({ valid: false, reason: 'LOGIN_CHALLENGE_EXPIRED' });
    const other = createLoginChallenge(now).nonce;
    expect(login.verifyLogin(signed.replace(challenge.nonce, other), { now, maxAgeSeconds: 300 })).toMatchObject({ valid: false, reason: 'DIGEST_MISMATCH' });
    expect(login.verifyLogin(signedBy(mother.iin), { now, maxAgeSeconds: 300 })).toMatchObject({ valid: false, reason: 'NOT_A_LOGIN_CHALLENGE' });
    expect(check.verify(signed)).toMatchObject({ valid: false, reason: 'NOT_A_QUJAT_REQUEST' });
  });

  test('the revoked and the expired citizens cannot sign in', () => {
    const now = new Date();
    for (const [citizen, reason] of [[revoked, 'CERTIFICATE_REVOKED'], [expired, 'CERTIFICATE_EXPIRED']] as const) {
      const signed = demo.signLogin(citizen.iin, createLoginChallenge(now).xml).xml;
      expect(login.verifyLogin(signed, { now, maxAgeSeconds: 300 })).toMatchObject({ valid: false, reason });
    }
  });
});
