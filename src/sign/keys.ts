/**
 * Loading keys and trust from the configuration (the `sign` slice):
 * - production signing: a PKCS#12 file (QUJAT_SIGN_P12 + QUJAT_SIGN_P12_PASSWORD, RSA, as the
 *   national CA issues them; node-forge reads it) or a PEM key (QUJAT_SIGN_KEY) with its
 *   certificate chain (QUJAT_SIGN_CHAIN, signer first);
 * - development signing when neither is set: the files `qujat keys init` made under data/keys;
 * - trust: QUJAT_TRUST_ANCHORS (PEM files) and QUJAT_CRL (PEM or DER files); when no anchors are
 *   configured the development CA and its CRL are trusted, marked as development.
 * Every error names the variable to fix.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import forge from 'node-forge';
import { createRevocationLists, splitPemCertificates, type TrustAnchor } from './certificates.js';
import { developmentKeyPaths } from './dev-ca.js';
import { DevelopmentKeysMissingError, SigningKeyFileMissingError, SigningKeyUnreadableError } from './errors.js';
import type { SigningKeys } from './signer.js';

/** SignConfig is the configuration slice this room reads (config.sign). */
export interface SignConfig {
  readonly p12?: string | undefined;
  readonly p12Password?: string | undefined;
  readonly key?: string | undefined;
  readonly chain?: string | undefined;
  readonly trustAnchors?: readonly string[] | undefined;
  readonly crl?: readonly string[] | undefined;
}

async function readConfigured(variable: string, file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new SigningKeyFileMissingError({ variable, path: file });
    throw new SigningKeyUnreadableError({ variable, path: file, problem: (error as Error).message });
  }
}

function unreadable(variable: string, file: string, problem: string): never {
  throw new SigningKeyUnreadableError({ variable, path: file, problem });
}

function requireRsa(key: KeyObject, variable: string, file: string): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') unreadable(variable, file, `the key is ${key.asymmetricKeyType}, RSA is required (GOST keys need an NCANode adapter)`);
  return key;
}

function pickSigner(certificates: X509Certificate[], key: KeyObject, variable: string, file: string): SigningKeys {
  const signer = certificates.find((c) => c.checkPrivateKey(key));
  if (!signer) unreadable(variable, file, 'no certificate matches the private key');
  const chain = certificates.filter((c) => c !== signer && !c.checkIssued(c));
  return { privateKey: key, certificate: signer, chain, development: false };
}

/**
 * openPkcs12 works around one node-forge gap: RFC 7292 derives the MAC key from the password as
 * BMPString (forge does so), while PBES2 — OpenSSL 3's default encryption — derives its key from
 * the password's UTF-8 bytes, which forge wants as a binary string. With a non-ASCII password
 * (Cyrillic, say) forge verifies the MAC and then fails to decrypt; the MAC being verified, the
 * contents are decrypted again from the UTF-8 bytes with the checked MAC left out.
 */
function openPkcs12(bytes: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  const parse = () => forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
  try {
    return forge.pkcs12.pkcs12FromAsn1(parse(), password);
  } catch (error) {
    if (!/[^\x00-\x7f]/.test(password) || !/decrypt/i.test((error as Error).message)) throw error;
    const pfx = parse();
    (pfx.value as forge.asn1.Asn1[]).splice(2);
    return forge.pkcs12.pkcs12FromAsn1(pfx, forge.util.encodeUtf8(password));
  }
}

function readPkcs12(bytes: Buffer, password: string, file: string): SigningKeys {
  const variable = 'QUJAT_SIGN_P12';
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = openPkcs12(bytes, password);
  } catch (error) {
    unreadable(variable, file, `not a PKCS#12 file or QUJAT_SIGN_P12_PASSWORD is wrong (${(error as Error).message})`);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag as string })[forge.pki.oids.pkcs8ShroudedKeyBag as string] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag as string })[forge.pki.oids.keyBag as string] ?? []),
  ];
  const keyBag = keyBags[0];
  if (keyBags.length !== 1 || !keyBag) unreadable(variable, file, `${keyBags.length} private keys inside, exactly one expected`);
  if (!keyBag.key) unreadable(variable, file, 'the key is not RSA (GOST keys need an NCANode adapter)');
  const key = requireRsa(createPrivateKey(forge.pki.privateKeyToPem(keyBag.key)), variable, file);
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag as string })[forge.pki.oids.certBag as string] ?? [];
  const certificates = certBags.map((bag) => {
    const der = bag.cert ? forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)) : bag.asn1 ? forge.asn1.toDer(bag.asn1) : null;
    if (!der) unreadable(variable, file, 'a certificate inside cannot be read');
    return new X509Certificate(Buffer.from(der.getBytes(), 'binary'));
  });
  return pickSigner(certificates, key, variable, file);
}

function readPem(variable: string, file: string, bytes: Buffer): X509Certificate[] {
  try {
    const certificates = splitPemCertificates(bytes.toString('utf8'));
    if (certificates.length === 0) unreadable(variable, file, 'no PEM certificate inside');
    return certificates;
  } catch (error) {
    if (error instanceof SigningKeyUnreadableError) throw error;
    return unreadable(variable, file, (error as Error).message);
  }
}

/** loadSigningKeys returns the production keys when configured, else the development keys under keysDir. */
export async function loadSigningKeys(config: SignConfig, keysDir: string): Promise<SigningKeys> {
  if (config.p12) {
    return readPkcs12(await readConfigured('QUJAT_SIGN_P12', config.p12), config.p12Password ?? '', config.p12);
  }
  if (config.key) {
    const keyFile = config.key;
    let key: KeyObject;
    try {
      key = createPrivateKey(await readConfigured('QUJAT_SIGN_KEY', keyFile));
    } catch (error) {
      if (error instanceof SigningKeyFileMissingError) throw error;
      return unreadable('QUJAT_SIGN_KEY', keyFile, (error as Error).message);
    }
    requireRsa(key, 'QUJAT_SIGN_KEY', keyFile);
    const chainFile = config.chain ?? unreadable('QUJAT_SIGN_CHAIN', '(unset)', 'QUJAT_SIGN_KEY needs QUJAT_SIGN_CHAIN');
    return pickSigner(readPem('QUJAT_SIGN_CHAIN', chainFile, await readConfigured('QUJAT_SIGN_CHAIN', chainFile)), key, 'QUJAT_SIGN_CHAIN', chainFile);
  }
  const files = developmentKeyPaths(keysDir);
  try {
    const [certificatePem, keyPem] = await Promise.all([fs.readFile(files.providerCertificate, 'utf8'), fs.readFile(files.providerKey, 'utf8')]);
    return { privateKey: createPrivateKey(keyPem), certificate: new X509Certificate(certificatePem), chain: [], development: true };
  } catch {
    throw new DevelopmentKeysMissingError({ dir: keysDir });
  }
}

/** TrustMaterial is what createSignatureVerifier needs. */
export interface TrustMaterial {
  readonly trustAnchors: readonly TrustAnchor[];
  readonly crls: readonly Uint8Array[];
}

/** loadTrustMaterial reads the configured anchors and CRLs, or the development CA's when none are configured. */
export async function loadTrustMaterial(config: SignConfig, keysDir: string): Promise<TrustMaterial> {
  const crlFiles = config.crl ?? [];
  const crls = await Promise.all(
    crlFiles.map(async (file) => {
      const bytes = await readConfigured('QUJAT_CRL', file);
      try {
        createRevocationLists([bytes]);
      } catch (error) {
        unreadable('QUJAT_CRL', file, `not a CRL (${(error as Error).message})`);
      }
      return bytes;
    }),
  );
  if (config.trustAnchors && config.trustAnchors.length > 0) {
    const anchors = await Promise.all(
      config.trustAnchors.map(async (file) => readPem('QUJAT_TRUST_ANCHORS', file, await readConfigured('QUJAT_TRUST_ANCHORS', file))),
    );
    return { trustAnchors: anchors.flat().map((certificate) => ({ certificate, development: false })), crls };
  }
  if (config.p12 || config.key) {
    unreadable('QUJAT_TRUST_ANCHORS', '(unset)', 'production signing keys are configured, so the trust anchors must be too');
  }
  const files = developmentKeyPaths(keysDir);
  try {
    const certificate = new X509Certificate(await fs.readFile(files.caCertificate));
    const devCrls = crlFiles.length > 0 ? crls : [await fs.readFile(files.crl)];
    return { trustAnchors: [{ certificate, development: true }], crls: devCrls };
  } catch {
    throw new DevelopmentKeysMissingError({ dir: keysDir });
  }
}
