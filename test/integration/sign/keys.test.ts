/** Keys: the development CA (idempotent init and revoke), PKCS#12 and PEM production keys, trust loading, the CLI. */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEVELOPMENT_CITIZENS,
  DevelopmentKeysMissingError,
  SigningKeyFileMissingError,
  SigningKeyUnreadableError,
  buildDocumentXml,
  citizenFiles,
  createSignatureVerifier,
  createXmlSigner,
  describeCertificate,
  developmentKeyPaths,
  initDevelopmentKeys,
  loadSigningKeys,
  loadTrustMaterial,
  revokeDevelopmentCertificate,
} from '../../../src/sign/index.js';
import { isValidBin, isValidIin } from '../../../src/domain/index.js';
import { developmentKit, documentInput } from './fixtures.js';
import { runProcess } from '../../helpers/run.js';

let kit: Awaited<ReturnType<typeof developmentKit>>;

beforeAll(async () => {
  kit = await developmentKit();
});

afterAll(async () => {
  await kit.remove();
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = (await fs.readdir(dir, { recursive: true })).filter((f) => f.endsWith('.pem')).sort();
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await fs.readFile(path.join(dir, f), 'utf8')] as const)));
}

describe('development keys', () => {
  test('init writes the CA, provider, citizens and CRL; a second run changes nothing', async () => {
    const before = await snapshot(kit.dir);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['ca.crt.pem', 'ca.key.pem', 'provider.crt.pem', 'provider.key.pem', 'crl.pem', 'citizens/' + DEVELOPMENT_CITIZENS[0].iin + '.crt.pem']),
    );
    expect(await initDevelopmentKeys(kit.dir)).toEqual([]);
    expect(await snapshot(kit.dir)).toEqual(before);
  });

  test('init recreates only what is missing', async () => {
    const files = developmentKeyPaths(kit.dir);
    const ca = await fs.readFile(files.caCertificate, 'utf8');
    await fs.rm(files.providerCertificate);
    expect(await initDevelopmentKeys(kit.dir)).toEqual([files.providerCertificate, files.providerKey]);
    expect(await fs.readFile(files.caCertificate, 'utf8')).toBe(ca);
  });

  test('private keys are 0600, certificates readable', async () => {
    const files = developmentKeyPaths(kit.dir);
    for (const key of [files.caKey, files.providerKey, path.join(files.citizens, `${DEVELOPMENT_CITIZENS[1].iin}.key.pem`)]) {
      expect((await fs.stat(key)).mode & 0o777).toBe(0o600);
    }
    expect((await fs.stat(files.caCertificate)).mode & 0o077).not.toBe(0);
  });

  test("subjects follow the national CA's style with synthetic, valid IINs and BINs", async () => {
    const files = developmentKeyPaths(kit.dir);
    const ca = new X509Certificate(await fs.readFile(files.caCertificate));
    expect(ca.ca).toBe(true);
    expect(ca.subject).toMatch(/CN=Qujat DEVELOPMENT CA/);
    expect(ca.publicKey.asymmetricKeyDetails?.modulusLength).toBeGreaterThanOrEqual(2048);
    const provider = describeCertificate(new X509Certificate(await fs.readFile(files.providerCertificate)));
    expect(provider.subject).toMatch(/^CN=.+, SN=.+, SERIALNUMBER=IIN\d{12}, C=KZ, O=.+, OU=BIN\d{12}, G=.+$/);
    expect(isValidIin(provider.iin ?? '')).toBe(true);
    expect(isValidBin(provider.bin ?? '')).toBe(true);
    expect(provider.issuer).toBe(describeCertificate(ca).subject.replace('SERIALNUMBER=', '2.5.4.5='));
    for (const citizen of DEVELOPMENT_CITIZENS) {
      const certificate = new X509Certificate(await fs.readFile(path.join(files.citizens, `${citizen.iin}.crt.pem`)));
      expect(isValidIin(citizen.iin)).toBe(true);
      expect(describeCertificate(certificate)).toMatchObject({ iin: citizen.iin, bin: null, commonName: citizen.commonName });
      expect(certificate.checkIssued(ca)).toBe(true);
    }
  });

  test('revoke adds the serial once and re-signs the CRL; revoking again changes nothing', async () => {
    const crl = developmentKeyPaths(kit.dir).crl;
    const serial = describeCertificate(new X509Certificate(await fs.readFile(path.join(developmentKeyPaths(kit.dir).citizens, `${DEVELOPMENT_CITIZENS[2].iin}.crt.pem`)))).serialNumber;
    expect(await revokeDevelopmentCertificate(kit.dir, serial)).toBe(true);
    const once = await fs.readFile(crl, 'utf8');
    expect(await revokeDevelopmentCertificate(kit.dir, serial.toLowerCase())).toBe(false);
    expect(await fs.readFile(crl, 'utf8')).toBe(once);
    expect(await initDevelopmentKeys(kit.dir)).toEqual([]);
  });

  test('the revoked citizen is listed in the CRL by init; re-issued, its new serial joins the listed ones', async () => {
    const revoked = DEVELOPMENT_CITIZENS.find((c) => c.certificate === 'revoked');
    const files = citizenFiles(kit.dir, revoked?.iin ?? '');
    const serialOf = async () => describeCertificate(new X509Certificate(await fs.readFile(files.certificate))).serialNumber;
    const crlText = () => execFileSync('openssl', ['crl', '-in', developmentKeyPaths(kit.dir).crl, '-noout', '-text'], { encoding: 'utf8' });
    const first = await serialOf();
    expect(crlText()).toContain(first);
    await fs.rm(files.certificate);
    expect(await initDevelopmentKeys(kit.dir)).toEqual([files.certificate, files.key, developmentKeyPaths(kit.dir).crl]);
    const second = await serialOf();
    expect(second).not.toBe(first);
    expect(crlText()).toContain(first);
    expect(crlText()).toContain(second);
  });

  test('two inits at once make one CA; two revokes at once both land', async () => {
    const dir = path.join(kit.dir, 'concurrent');
    const [first, second] = await Promise.all([initDevelopmentKeys(dir), initDevelopmentKeys(dir)]);
    // CA, provider and seven citizens: a certificate and a key each, and the CRL.
    expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, 19]);
    const files = developmentKeyPaths(dir);
    const ca = new X509Certificate(await fs.readFile(files.caCertificate));
    const provider = new X509Certificate(await fs.readFile(files.providerCertificate));
    expect(provider.verify(ca.publicKey)).toBe(true);
    await Promise.all([revokeDevelopmentCertificate(dir, 'AA01'), revokeDevelopmentCertificate(dir, 'BB02')]);
    expect(await revokeDevelopmentCertificate(dir, 'AA01')).toBe(false);
    expect(await revokeDevelopmentCertificate(dir, 'BB02')).toBe(false);
    await expect(fs.access(path.join(dir, '.lock'))).rejects.toThrow();
  });

  test('init renews what does not fit the date it runs on, whichever way the clock moved', async () => {
    const dir = path.join(kit.dir, 'moved-clock');
    const files = developmentKeyPaths(dir);
    const made = new Date();
    await initDevelopmentKeys(dir, { now: made });
    const ca = await fs.readFile(files.caCertificate, 'utf8');
    const later = new Date(made.getTime() + 3 * 365 * 24 * 3600 * 1000);
    const renewed = await initDevelopmentKeys(dir, { now: later });
    // The CA (10 years) stays; the provider (2 years) and the CRL (1 year) are made again.
    expect(renewed).toEqual(expect.arrayContaining([files.providerCertificate, files.crl]));
    expect(renewed).not.toContain(files.caCertificate);
    expect(await fs.readFile(files.caCertificate, 'utf8')).toBe(ca);
    expect(await initDevelopmentKeys(dir, { now: later })).toEqual([]);
    const verifier = createSignatureVerifier({ ...(await loadTrustMaterial({}, dir)), now: () => later });
    const signed = createXmlSigner(await loadSigningKeys({}, dir)).sign(buildDocumentXml(documentInput({ issuedAt: later })));
    expect(verifier.verify(signed)).toMatchObject({ valid: true });
    // A year before the CA was made, nothing it issued is valid yet: a new CA and all it issues.
    const earlier = new Date(made.getTime() - 2 * 365 * 24 * 3600 * 1000);
    expect(await initDevelopmentKeys(dir, { now: earlier })).toContain(files.caCertificate);
    const past = createSignatureVerifier({ ...(await loadTrustMaterial({}, dir)), now: () => earlier });
    const signedThen = createXmlSigner(await loadSigningKeys({}, dir)).sign(buildDocumentXml(documentInput({ issuedAt: earlier })));
    expect(past.verify(signedThen)).toMatchObject({ valid: true });
  });

  test('missing development keys name the directory', async () => {
    await expect(loadSigningKeys({}, path.join(kit.dir, 'none'))).rejects.toBeInstanceOf(DevelopmentKeysMissingError);
  });
});

function pkcs12(keyPem: string, certificatePems: string[], password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(keyPem),
    certificatePems.map((pem) => forge.pki.certificateFromPem(pem)),
    password,
    { algorithm: '3des' },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

describe('production keys', () => {
  test('a password-protected PKCS#12 file loads, signs, and verifies against the configured anchor', async () => {
    const files = developmentKeyPaths(kit.dir);
    const p12 = path.join(kit.dir, 'signer.p12');
    const [keyPem, certificatePem, caPem] = await Promise.all(
      [files.providerKey, files.providerCertificate, files.caCertificate].map((f) => fs.readFile(f, 'utf8')),
    ) as [string, string, string];
    await fs.writeFile(p12, pkcs12(keyPem, [certificatePem, caPem], 'сезам-123'));
    const keys = await loadSigningKeys({ p12, p12Password: 'сезам-123' }, path.join(kit.dir, 'unused'));
    expect(keys.development).toBe(false);
    expect(keys.certificate.fingerprint256).toBe(new X509Certificate(certificatePem).fingerprint256);
    expect(keys.chain).toEqual([]);
    const signer = createXmlSigner(keys);
    expect(signer.development).toBe(false);
    const trust = await loadTrustMaterial({ p12, trustAnchors: [files.caCertificate], crl: [files.crl] }, path.join(kit.dir, 'unused'));
    expect(trust.trustAnchors.map((a) => a.development)).toEqual([false]);
    const result = createSignatureVerifier(trust).verify(signer.sign(buildDocumentXml(documentInput())));
    expect(result).toMatchObject({ valid: true, development: false });
  });

  test('a PKCS#12 file made by OpenSSL 3 with its defaults (AES-256-CBC, PBKDF2) loads, with a Cyrillic password', async () => {
    const files = developmentKeyPaths(kit.dir);
    const p12 = path.join(kit.dir, 'openssl.p12');
    const made = spawnSync('openssl', ['pkcs12', '-export', '-inkey', files.providerKey, '-in', files.providerCertificate, '-certfile', files.caCertificate, '-passout', 'pass:пароль', '-out', p12], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const keys = await loadSigningKeys({ p12, p12Password: 'пароль' }, kit.dir);
    expect(keys.certificate.fingerprint256).toBe(new X509Certificate(await fs.readFile(files.providerCertificate)).fingerprint256);
    await expect(loadSigningKeys({ p12, p12Password: 'парол' }, kit.dir)).rejects.toMatchObject({ code: 'SIGNING_KEY_UNREADABLE' });
  });

  test('a wrong PKCS#12 password, a missing file and a non-RSA key are named errors', async () => {
    const files = developmentKeyPaths(kit.dir);
    const p12 = path.join(kit.dir, 'wrong.p12');
    await fs.writeFile(p12, pkcs12(await fs.readFile(files.providerKey, 'utf8'), [await fs.readFile(files.providerCertificate, 'utf8')], 'right'));
    await expect(loadSigningKeys({ p12, p12Password: 'wrong' }, kit.dir)).rejects.toMatchObject({
      code: 'SIGNING_KEY_UNREADABLE',
      params: { variable: 'QUJAT_SIGN_P12', path: p12 },
    });
    const missing = path.join(kit.dir, 'missing.p12');
    const error = await loadSigningKeys({ p12: missing }, kit.dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningKeyFileMissingError);
    expect(error).toMatchObject({ params: { variable: 'QUJAT_SIGN_P12', path: missing } });
    const ec = path.join(kit.dir, 'ec.key.pem');
    const { generateKeyPairSync } = await import('node:crypto');
    await fs.writeFile(ec, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(loadSigningKeys({ key: ec, chain: files.providerCertificate }, kit.dir)).rejects.toBeInstanceOf(SigningKeyUnreadableError);
  });

  test('a PEM key with its chain loads; a chain that does not match the key is refused', async () => {
    const files = developmentKeyPaths(kit.dir);
    const keys = await loadSigningKeys({ key: files.providerKey, chain: files.providerCertificate }, kit.dir);
    expect(keys.privateKey.equals(createPrivateKey(await fs.readFile(files.providerKey)))).toBe(true);
    await expect(loadSigningKeys({ key: files.providerKey, chain: files.caCertificate }, kit.dir)).rejects.toMatchObject({
      code: 'SIGNING_KEY_UNREADABLE',
      params: { variable: 'QUJAT_SIGN_CHAIN' },
    });
  });

  test('a file that is not a CRL is refused, naming QUJAT_CRL', async () => {
    const files = developmentKeyPaths(kit.dir);
    await expect(loadTrustMaterial({ trustAnchors: [files.caCertificate], crl: [files.caCertificate] }, kit.dir)).rejects.toMatchObject({
      code: 'SIGNING_KEY_UNREADABLE',
      params: { variable: 'QUJAT_CRL', path: files.caCertificate },
    });
  });

  test('production keys without trust anchors are refused, naming QUJAT_TRUST_ANCHORS', async () => {
    await expect(loadTrustMaterial({ p12: '/x.p12' }, kit.dir)).rejects.toMatchObject({ params: { variable: 'QUJAT_TRUST_ANCHORS' } });
    await expect(loadTrustMaterial({ trustAnchors: ['/nowhere/ca.pem'] }, kit.dir)).rejects.toMatchObject({
      code: 'SIGNING_KEY_FILE_MISSING',
      params: { variable: 'QUJAT_TRUST_ANCHORS', path: '/nowhere/ca.pem' },
    });
  });
});

describe('qujat keys (the built CLI, as npm test builds it first)', () => {
  test('init, ca --out, revoke: exit codes and files; bad input exits 1, usage errors 2', async () => {
    const data = await fs.mkdtemp(path.join(kit.dir, 'cli-'));
    const qujat = (...args: string[]) => runProcess(process.execPath, ['bin/qujat.js', 'keys', ...args], { env: { ...process.env, QUJAT_DATA_DIR: data } });
    expect((await qujat('init')).status).toBe(0);
    const again = await qujat('init');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/nothing written/);
    const out = path.join(data, 'exported.pem');
    expect((await qujat('ca', '--out', out)).status).toBe(0);
    expect(await fs.readFile(out, 'utf8')).toBe(await fs.readFile(path.join(data, 'keys', 'ca.crt.pem'), 'utf8'));
    expect((await qujat('revoke', '1F2E3D')).stdout).toMatch(/revoked 1F2E3D/);
    expect((await qujat('revoke', '1f2e3d')).stdout).toMatch(/already revoked/);
    const bad = await qujat('revoke', 'not-hex');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/CERTIFICATE_SERIAL_INVALID[\s\S]*kk: Куәліктің[\s\S]*ru: Серийный/);
    expect((await qujat('ca')).status).toBe(2);
    expect((await qujat('bogus')).status).toBe(2);
  });
});
