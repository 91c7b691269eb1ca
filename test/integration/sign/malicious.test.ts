/**
 * The malicious corpus of reference §2.7 step 6: each sample is refused with its own reason.
 * Samples are made from a genuinely signed document by the edits an attacker would make.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEVELOPMENT_PROVIDER,
  buildDocumentXml,
  createSignatureVerifier,
  createXmlSigner,
  issueDevelopmentCertificate,
  loadTrustMaterial,
  revokeDevelopmentCertificate,
  type SignatureVerifier,
  type XmlSigner,
} from '../../../src/sign/index.js';
import { daysFrom, developmentKit, documentInput, signatureOf, withoutSignature } from './fixtures.js';

let kit: Awaited<ReturnType<typeof developmentKit>>;
let attacker: Awaited<ReturnType<typeof developmentKit>>;
let verifier: SignatureVerifier;
let signed: string;

beforeAll(async () => {
  [kit, attacker] = await Promise.all([developmentKit(), developmentKit()]);
  verifier = await kit.verifier();
  signed = kit.signer.sign(buildDocumentXml(documentInput()));
});

afterAll(async () => {
  await Promise.all([kit.remove(), attacker.remove()]);
});


async function signerFor(certificatePem: string, privateKeyPem: string): Promise<XmlSigner> {
  return createXmlSigner({
    privateKey: createPrivateKey(privateKeyPem),
    certificate: new X509Certificate(certificatePem),
    chain: [],
    development: true,
  });
}

function expectRefused(xml: string | Uint8Array, reason: string, using: SignatureVerifier = verifier): void {
  const result = using.verify(xml);
  expect(result).toMatchObject({ valid: false, reason });
}

describe('the genuine document', () => {
  test('verifies, so every refusal below comes from the edit', () => {
    expect(verifier.verify(signed)).toMatchObject({ valid: true, document: { number: 'KZ-2026-000123' } });
  });
});

describe('tampering', () => {
  test('one digit changed in a value → DIGEST_MISMATCH', () => {
    const tampered = signed.replace('<q:Iin>000101500001</q:Iin>', '<q:Iin>000101500002</q:Iin>');
    expect(tampered).not.toBe(signed);
    expectRefused(tampered, 'DIGEST_MISMATCH');
  });

  test('signature value altered → SIGNATURE_INVALID', () => {
    const tampered = signed.replace(/<ds:SignatureValue>(.)/, (_m, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`);
    expectRefused(tampered, 'SIGNATURE_INVALID');
  });

  test('a comment injected in a value → COMMENT_FORBIDDEN, although xml-crypto alone accepts it', () => {
    const tampered = signed.replace('<q:Iin>000101500001</q:Iin>', '<q:Iin>000101<!---->500001</q:Iin>');
    const bare = new SignedXml({ publicCert: kit.keys.certificate.toString(), getCertFromKeyInfo: () => null });
    bare.loadSignature(signatureOf(tampered));
    expect(bare.checkSignature(tampered)).toBe(true);
    expectRefused(tampered, 'COMMENT_FORBIDDEN');
  });

  test('a comment injected in DigestValue (CVE-2025-29775) → COMMENT_FORBIDDEN', () => {
    const tampered = signed.replace(/<ds:DigestValue>([^<]{4})/, '<ds:DigestValue>$1<!-- x -->');
    expectRefused(tampered, 'COMMENT_FORBIDDEN');
  });

  test('a processing instruction → PROCESSING_INSTRUCTION_FORBIDDEN', () => {
    expectRefused(signed.replace('<q:Number>', '<?evil x?><q:Number>'), 'PROCESSING_INSTRUCTION_FORBIDDEN');
  });

  test('truncated XML → MALFORMED_XML', () => {
    expectRefused(signed.slice(0, signed.length - 20), 'MALFORMED_XML');
  });

  test('invalid UTF-8 bytes → MALFORMED_XML', () => {
    const bytes = Buffer.from(signed, 'utf8');
    bytes[bytes.indexOf(0xd0)] = 0xff;
    expectRefused(bytes, 'MALFORMED_XML');
  });

  test('larger than the limit → TOO_LARGE', () => {
    expectRefused(signed, 'TOO_LARGE', createSignatureVerifier({ trustAnchors: [], crls: [], maxBytes: 1000 }));
  });
});

describe('DTD attacks, refused before parsing', () => {
  test('DOCTYPE → DOCTYPE_FORBIDDEN', () => {
    expectRefused(`<!DOCTYPE q:Document>${signed}`, 'DOCTYPE_FORBIDDEN');
  });

  test('XXE external entity → DOCTYPE_FORBIDDEN', () => {
    const xxe = `<!DOCTYPE q:Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>${signed.replace('Серіков', '&x;')}`;
    expectRefused(xxe, 'DOCTYPE_FORBIDDEN');
  });

  test('billion laughs → DOCTYPE_FORBIDDEN', () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE q:Document [<!ENTITY l0 "lol">${entities}]>${signed.replace('Серіков', '&l9;')}`;
    expectRefused(bomb, 'DOCTYPE_FORBIDDEN');
  });
});

describe('signature wrapping and placement', () => {
  const forgedRoot = (inner: string) =>
    withoutSignature(signed).replace('<q:Iin>000101500001</q:Iin>', '<q:Iin>951231400121</q:Iin>').replace('</q:Document>', `${inner}</q:Document>`);

  test('original signed document moved inside a forged root → SIGNATURE_MISPLACED', () => {
    expectRefused(forgedRoot(`<q:Extension>${signed}</q:Extension>`), 'SIGNATURE_MISPLACED');
  });

  test('original signature kept at the forged root, original document hidden in ds:Object → SIGNATURE_MALFORMED', () => {
    const signature = signatureOf(signed).replace('</ds:Signature>', `<ds:Object>${withoutSignature(signed)}</ds:Object></ds:Signature>`);
    expectRefused(forgedRoot(signature), 'SIGNATURE_MALFORMED');
  });

  test('reference re-pointed at the moved original by Id → REFERENCE_INVALID', () => {
    const original = withoutSignature(signed).replace('version="1">', 'version="1" Id="orig">');
    const signature = signatureOf(signed).replace('URI=""', 'URI="#orig"');
    expectRefused(forgedRoot(`${signature}<q:Extension>${original}</q:Extension>`), 'REFERENCE_INVALID');
  });

  test('duplicate IDs → DUPLICATE_ID', () => {
    const duplicated = signed.replace('version="1">', 'version="1" Id="doc">').replace('<q:Applicant>', '<q:Applicant Id="doc">');
    expectRefused(duplicated, 'DUPLICATE_ID');
  });

  test('signature not a child of the root → SIGNATURE_MISPLACED', () => {
    const moved = withoutSignature(signed).replace('</q:Applicant>', `${signatureOf(signed)}</q:Applicant>`);
    expectRefused(moved, 'SIGNATURE_MISPLACED');
  });

  test('two signatures → SIGNATURE_DUPLICATED', () => {
    expectRefused(signed.replace('</q:Document>', `${signatureOf(signed)}</q:Document>`), 'SIGNATURE_DUPLICATED');
  });

  test('no signature → SIGNATURE_MISSING', () => {
    expectRefused(withoutSignature(signed), 'SIGNATURE_MISSING');
  });

  test('a second SignedInfo (CVE-2025-29774) → SIGNED_INFO_DUPLICATED', () => {
    const signedInfo = (/<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>/.exec(signed) as RegExpExecArray)[0];
    expectRefused(signed.replace('</ds:SignedInfo>', `</ds:SignedInfo>${signedInfo}`), 'SIGNED_INFO_DUPLICATED');
    expectRefused(signed.replace('<ds:KeyInfo>', `<ds:KeyInfo>${signedInfo}`), 'SIGNED_INFO_DUPLICATED');
  });

  test('a root outside our namespace → NOT_A_QUJAT_DOCUMENT', () => {
    expectRefused(signed.replaceAll('urn:qujat:document:1', 'http://itrc.kz/gbdrn/egov/2008'), 'NOT_A_QUJAT_DOCUMENT');
  });
});

describe('algorithms', () => {
  test('GOST signature method → GOST_NOT_SUPPORTED', () => {
    const gost = signed.replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311');
    expectRefused(gost, 'GOST_NOT_SUPPORTED');
  });

  test('GOST 2015 digest method → GOST_NOT_SUPPORTED', () => {
    const gost = signed.replace(
      'http://www.w3.org/2001/04/xmlenc#sha256',
      'urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-256',
    );
    expectRefused(gost, 'GOST_NOT_SUPPORTED');
  });

  test('RSA-SHA1 with a SHA-1 digest, genuinely signed → WEAK_ALGORITHM', () => {
    const sha1 = new SignedXml({
      privateKey: kit.keys.privateKey,
      publicCert: kit.keys.certificate.toString(),
      signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    sha1.addReference({
      xpath: '/*',
      uri: '',
      isEmptyUri: true,
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
      digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',
    });
    sha1.computeSignature(buildDocumentXml(documentInput()), { prefix: 'ds', location: { reference: '/*', action: 'append' } });
    expectRefused(sha1.getSignedXml(), 'WEAK_ALGORITHM');
  });

  test('an XSLT transform added → ALGORITHM_NOT_ALLOWED', () => {
    const xslt = signed.replace('</ds:Transforms>', '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"/></ds:Transforms>');
    expectRefused(xslt, 'ALGORITHM_NOT_ALLOWED');
  });

  test('inclusive c14n with comments → ALGORITHM_NOT_ALLOWED', () => {
    const c14n = signed.replace(
      /<ds:CanonicalizationMethod Algorithm="[^"]+"/,
      '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"',
    );
    expect(c14n).not.toBe(signed);
    expectRefused(c14n, 'ALGORITHM_NOT_ALLOWED');
  });
});

describe('certificates', () => {
  test("KeyInfo swapped for an attacker's CA-issued certificate and re-signed → UNTRUSTED_CERTIFICATE", () => {
    const forged = buildDocumentXml(documentInput({ applicant: { iin: '951231400121', fullName: 'Шабуылшы' } }));
    const resigned = attacker.signer.sign(forged);
    // The attacker's CA copies our CA's name; only the key differs.
    expect(attacker.signer.certificate.issuer).toBe(kit.signer.certificate.issuer);
    expectRefused(resigned, 'UNTRUSTED_CERTIFICATE');
  });

  test('a genuine document checked against another CA only → UNTRUSTED_CERTIFICATE', async () => {
    expectRefused(signed, 'UNTRUSTED_CERTIFICATE', await attacker.verifier());
  });

  test('expired certificate (issued by the development CA) → CERTIFICATE_EXPIRED', async () => {
    const old = await issueDevelopmentCertificate(kit.dir, DEVELOPMENT_PROVIDER, {
      notBefore: daysFrom(-730),
      notAfter: daysFrom(-365),
    });
    expectRefused((await signerFor(old.certificatePem, old.privateKeyPem)).sign(buildDocumentXml(documentInput())), 'CERTIFICATE_EXPIRED');
  });

  test('certificate not yet valid at the signing time → CERTIFICATE_NOT_YET_VALID', async () => {
    const future = await issueDevelopmentCertificate(kit.dir, DEVELOPMENT_PROVIDER, {
      notBefore: daysFrom(9),
      notAfter: daysFrom(374),
    });
    const xml = buildDocumentXml(documentInput());
    expectRefused((await signerFor(future.certificatePem, future.privateKeyPem)).sign(xml), 'CERTIFICATE_NOT_YET_VALID');
  });

  test('a 1024-bit key → WEAK_KEY', async () => {
    const weak = await issueDevelopmentCertificate(kit.dir, DEVELOPMENT_PROVIDER, {
      notBefore: daysFrom(-365),
      notAfter: daysFrom(365),
      bits: 1024,
    });
    expectRefused((await signerFor(weak.certificatePem, weak.privateKeyPem)).sign(buildDocumentXml(documentInput())), 'WEAK_KEY');
  });

  test('a certificate without signing key usage → CERTIFICATE_NOT_FOR_SIGNING', async () => {
    const encipher = await issueDevelopmentCertificate(kit.dir, DEVELOPMENT_PROVIDER, {
      notBefore: daysFrom(-365),
      notAfter: daysFrom(365),
      keyUsage: 'none',
    });
    const xml = buildDocumentXml(documentInput());
    expectRefused((await signerFor(encipher.certificatePem, encipher.privateKeyPem)).sign(xml), 'CERTIFICATE_NOT_FOR_SIGNING');
  });

  test('signed by another organisation than the issuer → SIGNER_NOT_ISSUER', async () => {
    const other = documentInput();
    const xml = kit.signer.sign(buildDocumentXml({ ...other, issuer: { ...other.issuer, bin: '180340009871' } }));
    expectRefused(xml, 'SIGNER_NOT_ISSUER');
    const material = await loadTrustMaterial({}, kit.dir);
    expect(createSignatureVerifier({ ...material, authorizeIssuer: false }).verify(xml)).toMatchObject({ valid: true });
    expect(createSignatureVerifier({ trustAnchors: [], crls: [] }).verify(xml)).toMatchObject({ reason: 'UNTRUSTED_CERTIFICATE' });
  });

  test('issued in the future → ISSUED_IN_FUTURE', () => {
    const xml = kit.signer.sign(buildDocumentXml(documentInput({ issuedAt: daysFrom(190) })));
    expect(verifier.verify(xml, { at: daysFrom(0) })).toMatchObject({ valid: false, reason: 'ISSUED_IN_FUTURE' });
  });

  test('no CRL from the issuing CA → REVOCATION_UNKNOWN', async () => {
    const material = await loadTrustMaterial({}, kit.dir);
    expectRefused(signed, 'REVOCATION_UNKNOWN', createSignatureVerifier({ trustAnchors: material.trustAnchors, crls: [] }));
  });

  test("a CRL signed by the attacker's CA does not count → REVOCATION_UNKNOWN", async () => {
    const ours = await loadTrustMaterial({}, kit.dir);
    const theirs = await loadTrustMaterial({}, attacker.dir);
    expectRefused(signed, 'REVOCATION_UNKNOWN', createSignatureVerifier({ trustAnchors: ours.trustAnchors, crls: theirs.crls }));
  });

  test('revoked certificate → CERTIFICATE_REVOKED', async () => {
    const revocable = await developmentKit();
    try {
      const xml = revocable.signer.sign(buildDocumentXml(documentInput()));
      expect((await revocable.verifier()).verify(xml).valid).toBe(true);
      await revokeDevelopmentCertificate(revocable.dir, revocable.keys.certificate.serialNumber);
      expectRefused(xml, 'CERTIFICATE_REVOKED', await revocable.verifier());
    } finally {
      await revocable.remove();
    }
  });
});

describe('arbitrary corruption', () => {
  test('600 seeded random byte edits: verify never throws, and never returns other data than was signed', () => {
    let seed = 20261122;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const original = Buffer.from(signed, 'utf8');
    const genuine = verifier.verify(original);
    const reasons = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const bytes = Buffer.from(original);
      const at = Math.floor(random() * bytes.length);
      bytes[at] = i % 3 === 0 ? 0x3c : Math.floor(random() * 256);
      const result = verifier.verify(i % 50 === 0 ? bytes.subarray(0, at) : bytes);
      if (result.valid) expect(result.document).toEqual(genuine.valid && genuine.document);
      else reasons.add(result.reason);
    }
    expect(reasons.size).toBeGreaterThan(3);
  });
});
