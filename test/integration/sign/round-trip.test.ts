/** Sign → verify with our verifier, and interop: xmlsec1 (libxml2/OpenSSL, not our code) accepts the same bytes. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SignedXml } from 'xml-crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DocumentShapeError, buildDocumentXml, developmentKeyPaths, exportDevelopmentCa, parseDocumentXml } from '../../../src/sign/index.js';
import { ISSUED_AT, developmentKit, documentInput } from './fixtures.js';

let kit: Awaited<ReturnType<typeof developmentKit>>;

beforeAll(async () => {
  kit = await developmentKit();
});

afterAll(async () => {
  await kit.remove();
});

describe('sign → verify', () => {
  test('returns exactly the signed data and the signer', async () => {
    const input = documentInput();
    const signed = kit.signer.sign(buildDocumentXml(input));
    const result = (await kit.verifier()).verify(Buffer.from(signed, 'utf8'));
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result.document).toEqual(parseDocumentXml(buildDocumentXml(input)));
    // Written in Almaty time (UTC+5) with its offset, whatever the runner's zone.
    expect(result.document.issuedAt).toBe(`${new Date(ISSUED_AT.getTime() + 5 * 3_600_000).toISOString().slice(0, 19)}+05:00`);
    expect(result.document.content.kk.fields[1]?.value).toBe('Алматы қ., Абай даңғылы 1 & <2>');
    expect(result.development).toBe(true);
    expect(result.signer).toMatchObject({ iin: kit.signer.certificate.iin, bin: '140540001231', serialNumber: kit.signer.certificate.serialNumber });
    expect(kit.signer.development).toBe(true);
  });

  test('the signature has the profile: one Reference URI="", enveloped + exc-c14n, SHA-256, RSA-SHA256, the certificate in KeyInfo', () => {
    const signed = kit.signer.sign(buildDocumentXml(documentInput()));
    expect(signed.match(/<ds:Reference /g)).toHaveLength(1);
    expect(signed).toContain('<ds:Reference URI="">');
    const algorithms = [...signed.matchAll(/<ds:(\w+) Algorithm="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(algorithms).toEqual([
      'CanonicalizationMethod http://www.w3.org/2001/10/xml-exc-c14n#',
      'SignatureMethod http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      'Transform http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'Transform http://www.w3.org/2001/10/xml-exc-c14n#',
      'DigestMethod http://www.w3.org/2001/04/xmlenc#sha256',
    ]);
    expect(signed).toContain(`<ds:X509Certificate>${kit.keys.certificate.raw.toString('base64')}</ds:X509Certificate>`);
    expect(signed.endsWith('</ds:Signature></q:Document>')).toBe(true);
  });

  test("xml-crypto's own SignedXml.checkSignature accepts our signature and refuses a tampered copy", () => {
    const signed = kit.signer.sign(buildDocumentXml(documentInput()));
    const check = (xml: string) => {
      const verifier = new SignedXml({ publicCert: kit.keys.certificate.toString(), getCertFromKeyInfo: () => null });
      verifier.loadSignature((/<ds:Signature [\s\S]*<\/ds:Signature>/.exec(xml) as RegExpExecArray)[0]);
      return verifier.checkSignature(xml);
    };
    expect(check(signed)).toBe(true);
    expect(check(signed.replace('000101500001', '000101500002'))).toBe(false);
  });

  test('signing the same document twice gives the same bytes (PKCS#1 v1.5 is deterministic)', () => {
    const xml = buildDocumentXml(documentInput());
    expect(kit.signer.sign(xml)).toBe(kit.signer.sign(xml));
  });

  test('the signer refuses XML that is not a Qujat document', () => {
    expect(() => kit.signer.sign('<a xmlns="urn:other"/>')).toThrow(DocumentShapeError);
    expect(() => kit.signer.sign(`${buildDocumentXml(documentInput())}<!-- after -->`)).toThrow(DocumentShapeError);
  });
});

describe('interop with xmlsec1', () => {
  const xmlsec1 = (args: string[]) => spawnSync('xmlsec1', args, { encoding: 'utf8' });

  test('xmlsec1 --verify --trusted-pem <ca.pem> accepts our document.xml and refuses a tampered one', async () => {
    const ca = path.join(kit.dir, 'exported-ca.pem');
    await exportDevelopmentCa(kit.dir, ca);
    const good = path.join(kit.dir, 'document.xml');
    const bad = path.join(kit.dir, 'tampered.xml');
    const signed = kit.signer.sign(buildDocumentXml(documentInput()));
    await fs.writeFile(good, signed);
    await fs.writeFile(bad, signed.replace('000101500001', '000101500002'));
    expect(execFileSync('xmlsec1', ['--version'], { encoding: 'utf8' })).toMatch(/xmlsec1/);
    const accepted = xmlsec1(['--verify', '--trusted-pem', ca, good]);
    expect(accepted.stderr).toContain('OK');
    expect(accepted.status).toBe(0);
    const refused = xmlsec1(['--verify', '--trusted-pem', ca, bad]);
    expect(refused.status).not.toBe(0);
  });

  test('our verifier accepts a document signed by xmlsec1 (independent c14n and RSA-SHA256)', async () => {
    const files = developmentKeyPaths(kit.dir);
    const template = path.join(kit.dir, 'template.xml');
    const output = path.join(kit.dir, 'xmlsec-signed.xml');
    const signature =
      '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\n<ds:SignedInfo>' +
      '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>' +
      '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
      '<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>' +
      '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>' +
      '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo>\n' +
      '<ds:SignatureValue/>\n<ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo></ds:Signature>';
    await fs.writeFile(template, buildDocumentXml(documentInput()).replace('</q:Document>', `${signature}</q:Document>`));
    const signed = xmlsec1(['--sign', '--privkey-pem', `${files.providerKey},${files.providerCertificate}`, '--output', output, template]);
    expect(signed.status, signed.stderr).toBe(0);
    const xml = await fs.readFile(output);
    expect(xml.toString('utf8')).not.toContain('<ds:DigestValue/>');
    const result = (await kit.verifier()).verify(xml);
    expect(result).toMatchObject({ valid: true, document: { number: 'KZ-2026-000123', applicant: { iin: '000101500001' } } });
  });

  test("xmlsec1 refuses our document when given another CA (it trusts the anchor, not KeyInfo)", async () => {
    const other = await developmentKit();
    try {
      const signed = path.join(kit.dir, 'document-other.xml');
      await fs.writeFile(signed, kit.signer.sign(buildDocumentXml(documentInput())));
      expect(xmlsec1(['--verify', '--trusted-pem', path.join(other.dir, 'ca.crt.pem'), signed]).status).not.toBe(0);
    } finally {
      await other.remove();
    }
  });
});
