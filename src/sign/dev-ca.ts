/**
 * The development CA under data/keys/: a local test CA in the national CA's subject style, a
 * provider signing certificate, a few test citizens and a CRL, all PEM, private keys 0600.
 * Nothing it issues can pass for a real document: the CA's name says so, and every document
 * signed with these keys carries the «ҮЛГІ / ОБРАЗЕЦ» watermark.
 *
 *   ca.crt.pem, ca.key.pem              the CA (RSA 3072, 10 years)
 *   provider.crt.pem, provider.key.pem  the service provider's signing certificate (RSA 2048, 2 years)
 *   citizens/<IIN>.crt.pem, .key.pem    test citizens (DEVELOPMENT_CITIZENS), for the demonstration signer
 *   crl.pem                             the CA's CRL (1 year; re-signed by init when it is close to expiry)
 *
 * init renews whatever does not fit the date it runs on (not yet valid, expired, or within 30 days
 * of expiry), so `keys init` keeps a development directory usable whichever way the clock moves.
 *   .lock                               present only while init or revoke is changing the directory
 */
import { X509Certificate, randomBytes, webcrypto } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkDigit } from '../domain/index.js';
import { normalizeSerial } from './certificates.js';
import { CertificateSerialInvalidError, DevelopmentKeysMissingError } from './errors.js';
import { x509 } from './x509.js';

const DAY = 24 * 60 * 60 * 1000;
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]) } as const;
/** EKU OIDs of the national CA's templates (reference §2.3): signing keys, individual, legal entity, employee. */
const EKU_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const EKU_INDIVIDUAL = '1.2.398.3.3.4.1.1';
const EKU_LEGAL_ENTITY = '1.2.398.3.3.4.1.2';
const EKU_EMPLOYEE = '1.2.398.3.3.4.1.2.5';

const withCheckDigit = (first11: string) => `${first11}${checkDigit(first11)}`;

/** DEVELOPMENT_PROVIDER: the synthetic department the development signing certificate belongs to. */
export const DEVELOPMENT_PROVIDER = {
  commonName: 'ТЕСТОВА АЙГҮЛ',
  surname: 'ТЕСТОВА',
  givenName: 'СЕРІКҚЫЗЫ',
  iin: withCheckDigit('85030540012'),
  organization: 'ГУ «Отдел занятости и социальных программ» (тест)',
  // The BIN of the issuer in samples/documents, so development documents pass the issuer check.
  bin: '140540001231',
} as const;

/** CitizenCertificate: how a development citizen's certificate is issued — valid, already expired, or revoked in the CRL. */
export type CitizenCertificate = 'valid' | 'expired' | 'revoked';

/** DevelopmentCitizen is a test applicant with a certificate, for the portal's demonstration signing. */
export interface DevelopmentCitizen extends PersonSubject {
  readonly certificate: CitizenCertificate;
  /** inPersonRegistry: listed in samples/registry/people.json; one citizen is not, for the «person not found» refusal. */
  readonly inPersonRegistry: boolean;
}

/**
 * DEVELOPMENT_CITIZENS: people of samples/registry/people.json (parents of the children in
 * births.json for the child services, a job seeker for the unemployed certificate), one person
 * the registry does not know, and one each with an expired and a revoked certificate — so every
 * intake refusal of the regulations can be demonstrated with a real signature.
 */
export const DEVELOPMENT_CITIZENS = [
  // Mother of Әлихан and Айша (births.json): the preschool queue.
  { commonName: 'ОМАРОВА АЙГҮЛ', surname: 'ОМАРОВА', givenName: 'БОЛАТҚЫЗЫ', iin: '900903401021', certificate: 'valid', inPersonRegistry: true },
  // Father of Артём, who has a disability: home education.
  { commonName: 'ИВАНОВ СЕРГЕЙ', surname: 'ИВАНОВ', givenName: 'НИКОЛАЕВИЧ', iin: '891115301051', certificate: 'valid', inPersonRegistry: true },
  { commonName: 'ТҰРСЫНОВ БАУЫРЖАН', surname: 'ТҰРСЫНОВ', givenName: 'ҒАНИҰЛЫ', iin: '990809301249', certificate: 'valid', inPersonRegistry: true },
  // Mother of Нұрсұлтан, a parent alone on the birth record.
  { commonName: 'ЖАҚСЫБЕКОВА ДИНАРА', surname: 'ЖАҚСЫБЕКОВА', givenName: 'МАРАТҚЫЗЫ', iin: '950621401058', certificate: 'valid', inPersonRegistry: true },
  { commonName: 'ЕСЕНОВ ТИМУР', surname: 'ЕСЕНОВ', givenName: 'МАРАТҰЛЫ', iin: '940307300133', certificate: 'valid', inPersonRegistry: false },
  { commonName: 'АХМЕТОВ ДӘУРЕН', surname: 'АХМЕТОВ', givenName: 'АСҚАРҰЛЫ', iin: '790719301208', certificate: 'expired', inPersonRegistry: true },
  { commonName: 'ПЕТРОВА ОЛЬГА', surname: 'ПЕТРОВА', givenName: 'ВИКТОРОВНА', iin: '841201401212', certificate: 'revoked', inPersonRegistry: true },
] as const satisfies readonly DevelopmentCitizen[];

const CA_BIN = withCheckDigit('26114000001');
const CA_NAME: x509.JsonName = [
  { CN: ['Qujat DEVELOPMENT CA — ҮЛГІ / ОБРАЗЕЦ'] },
  { '2.5.4.5': [`BIN${CA_BIN}`] },
  { O: ['Qujat (әзірлеу / разработка, not a real CA)'] },
  { OU: [`BIN${CA_BIN}`] },
  { C: ['KZ'] },
];

/** DevelopmentKeyPaths are the files under the keys directory. */
export function developmentKeyPaths(dir: string) {
  return {
    dir,
    caCertificate: path.join(dir, 'ca.crt.pem'),
    caKey: path.join(dir, 'ca.key.pem'),
    providerCertificate: path.join(dir, 'provider.crt.pem'),
    providerKey: path.join(dir, 'provider.key.pem'),
    crl: path.join(dir, 'crl.pem'),
    citizens: path.join(dir, 'citizens'),
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

const LOCK_STALE_MS = 120_000;
const LOCK_OWNER = 'owner';

/** processAlive: signal 0 asks the kernel whether the process exists without touching it. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * lockIsStale: a lock whose owner process is gone was left by a process that died. One without
 * an owner yet is being taken right now, unless this waiter has waited LOCK_STALE_MS for it (its
 * taker died between the two steps). The wait is measured by the waiter, never by comparing a
 * file's time with the clock, which may differ from the file system's.
 */
async function lockIsStale(lock: string, waitedMs: number): Promise<boolean> {
  const owner = Number.parseInt(await fs.readFile(path.join(lock, LOCK_OWNER), 'utf8').catch(() => ''), 10);
  if (Number.isInteger(owner) && owner > 0) return !processAlive(owner);
  return waitedMs > LOCK_STALE_MS;
}

/**
 * withLock serialises changes to one keys directory across processes (two set-ups at once must
 * not make two CAs, two revokes must not lose one): mkdir is atomic, and the lock names its
 * owner's process id so that a lock left by a process that died is taken over.
 */
async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const lock = path.join(dir, '.lock');
  const started = performance.now();
  for (;;) {
    try {
      await fs.mkdir(lock);
      await fs.writeFile(path.join(lock, LOCK_OWNER), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await lockIsStale(lock, performance.now() - started)) await fs.rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}

async function writePrivate(file: string, contents: string): Promise<void> {
  await fs.writeFile(`${file}.tmp`, contents, { mode: 0o600 });
  await fs.chmod(`${file}.tmp`, 0o600);
  await fs.rename(`${file}.tmp`, file);
}

async function writePublic(file: string, contents: string): Promise<void> {
  await fs.writeFile(`${file}.tmp`, contents, { mode: 0o644 });
  await fs.rename(`${file}.tmp`, file);
}

function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return bytes.toString('hex');
}

async function generateKeys(bits: number): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey({ ...RSA, modulusLength: bits }, true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;
}

async function privateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

async function importPrivateKey(file: string): Promise<webcrypto.CryptoKey> {
  const der = x509.PemConverter.decodeFirst(await fs.readFile(file, 'utf8'));
  return webcrypto.subtle.importKey('pkcs8', der, RSA, false, ['sign']);
}

interface Ca {
  readonly certificate: x509.X509Certificate;
  readonly key: webcrypto.CryptoKey;
}

async function readCa(dir: string): Promise<Ca> {
  const files = developmentKeyPaths(dir);
  if (!(await exists(files.caCertificate)) || !(await exists(files.caKey))) throw new DevelopmentKeysMissingError({ dir });
  return {
    certificate: new x509.X509Certificate(await fs.readFile(files.caCertificate, 'utf8')),
    key: await importPrivateKey(files.caKey),
  };
}

/** PersonSubject is a person's certificate subject; organisation and BIN make it an employee's. */
export interface PersonSubject {
  readonly commonName: string;
  readonly surname: string;
  readonly givenName: string;
  readonly iin: string;
  readonly organization?: string;
  readonly bin?: string;
}

function personName(subject: PersonSubject): x509.JsonName {
  return [
    { CN: [subject.commonName] },
    { '2.5.4.4': [subject.surname] },
    { '2.5.4.5': [`IIN${subject.iin}`] },
    { C: ['KZ'] },
    ...(subject.organization ? [{ O: [subject.organization] }] : []),
    ...(subject.bin ? [{ OU: [`BIN${subject.bin}`] }] : []),
    { '2.5.4.42': [subject.givenName] },
  ];
}

/** IssueOptions: validity and key size of a certificate the development CA issues. */
export interface IssueOptions {
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly bits?: number;
  readonly keyUsage?: 'signing' | 'none';
}

/**
 * issueDevelopmentCertificate makes a key pair and a certificate signed by the development CA;
 * tests use it for expired, not-yet-valid or non-signing certificates.
 */
export async function issueDevelopmentCertificate(
  dir: string,
  subject: PersonSubject,
  options: IssueOptions,
): Promise<{ certificatePem: string; privateKeyPem: string; serialNumber: string }> {
  const ca = await readCa(dir);
  const keys = await generateKeys(options.bits ?? 2048);
  const usage = options.keyUsage === 'none' ? x509.KeyUsageFlags.keyEncipherment : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: personName(subject),
    issuer: ca.certificate.subjectName,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    publicKey: keys.publicKey,
    signingKey: ca.key,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      new x509.ExtendedKeyUsageExtension([EKU_EMAIL_PROTECTION, ...(subject.bin ? [EKU_LEGAL_ENTITY, EKU_EMPLOYEE] : [EKU_INDIVIDUAL])]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
    ],
  });
  return {
    certificatePem: certificate.toString('pem'),
    privateKeyPem: await privateKeyPem(keys.privateKey),
    serialNumber: normalizeSerial(certificate.serialNumber),
  };
}

async function createCa(files: ReturnType<typeof developmentKeyPaths>, now: Date): Promise<void> {
  const keys = await generateKeys(3072);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: CA_NAME,
    notBefore: new Date(now.getTime() - 365 * DAY),
    notAfter: new Date(now.getTime() + 10 * 365 * DAY),
    keys,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  await writePrivate(files.caKey, await privateKeyPem(keys.privateKey));
  await writePublic(files.caCertificate, certificate.toString('pem'));
}

async function writeCrl(dir: string, serials: readonly string[], now: Date): Promise<void> {
  const ca = await readCa(dir);
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.certificate.subjectName,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 365 * DAY),
    entries: serials.map((serial) => ({ serialNumber: serial.length % 2 === 1 ? `0${serial}` : serial, revocationDate: now, reason: x509.X509CrlReason.keyCompromise })),
    signingKey: ca.key,
    signingAlgorithm: RSA,
  });
  // RFC 7468's label: OpenSSL (and xmlsec1 --crl) read «X509 CRL» only, not the library's default «CRL».
  await writePublic(developmentKeyPaths(dir).crl, x509.PemConverter.encode(crl.rawData, 'X509 CRL'));
}

async function revokedSerials(dir: string): Promise<string[]> {
  const crl = new x509.X509Crl(await fs.readFile(developmentKeyPaths(dir).crl, 'utf8'));
  return crl.entries.map((entry) => normalizeSerial(entry.serialNumber));
}

async function issueInto(
  dir: string,
  certificateFile: string,
  keyFile: string,
  subject: PersonSubject,
  now: Date,
  expired = false,
): Promise<string> {
  const issued = await issueDevelopmentCertificate(
    dir,
    subject,
    expired
      ? { notBefore: new Date(now.getTime() - 3 * 365 * DAY), notAfter: new Date(now.getTime() - 30 * DAY) }
      : { notBefore: new Date(now.getTime() - 365 * DAY), notAfter: new Date(now.getTime() + 2 * 365 * DAY) },
  );
  await writePrivate(keyFile, issued.privateKeyPem);
  await writePublic(certificateFile, issued.certificatePem);
  return issued.serialNumber;
}

/** citizenFiles are a development citizen's certificate and key under the keys directory. */
export function citizenFiles(dir: string, iin: string): { certificate: string; key: string } {
  const citizens = developmentKeyPaths(dir).citizens;
  return { certificate: path.join(citizens, `${iin}.crt.pem`), key: path.join(citizens, `${iin}.key.pem`) };
}

/**
 * initDevelopmentKeys creates what is missing under dir, or does not fit `now`, and returns the
 * files it wrote; a second run at the same date writes nothing. A new CA invalidates everything it had issued, so then all is recreated.
 */
export async function initDevelopmentKeys(dir: string, options: { now?: Date } = {}): Promise<string[]> {
  return withLock(dir, () => initUnlocked(dir, options.now ?? new Date()));
}

const RENEW_BEFORE = 30 * DAY;

/**
 * usableAt tells whether a certificate file serves at `now` as it should: a current one is valid
 * now and for RENEW_BEFORE more, an expired one (the demonstration of that refusal) has expired.
 * A clock moved past either makes init issue it again, so the keys fit the date they are used on.
 */
async function usableAt(file: string, now: Date, expired = false): Promise<boolean> {
  if (!(await exists(file))) return false;
  const certificate = new x509.X509Certificate(await fs.readFile(file, 'utf8'));
  if (certificate.notBefore.getTime() > now.getTime()) return false;
  return expired ? certificate.notAfter.getTime() < now.getTime() : certificate.notAfter.getTime() - now.getTime() >= RENEW_BEFORE;
}

async function initUnlocked(dir: string, now: Date): Promise<string[]> {
  const files = developmentKeyPaths(dir);
  const written: string[] = [];
  await fs.mkdir(files.citizens, { recursive: true, mode: 0o700 });
  const newCa = !(await usableAt(files.caCertificate, now)) || !(await exists(files.caKey));
  if (newCa) {
    await createCa(files, now);
    written.push(files.caCertificate, files.caKey);
  }
  if (newCa || !(await usableAt(files.providerCertificate, now)) || !(await exists(files.providerKey))) {
    await issueInto(dir, files.providerCertificate, files.providerKey, DEVELOPMENT_PROVIDER, now);
    written.push(files.providerCertificate, files.providerKey);
  }
  const newlyRevoked: string[] = [];
  for (const citizen of DEVELOPMENT_CITIZENS) {
    const { certificate, key } = citizenFiles(dir, citizen.iin);
    const expired = citizen.certificate === 'expired';
    if (newCa || !(await usableAt(certificate, now, expired)) || !(await exists(key))) {
      const serial = await issueInto(dir, certificate, key, citizen, now, expired);
      if (citizen.certificate === 'revoked') newlyRevoked.push(serial);
      written.push(certificate, key);
    }
  }
  if (newCa || !(await exists(files.crl))) {
    await writeCrl(dir, newlyRevoked, now);
    written.push(files.crl);
  } else {
    const crl = new x509.X509Crl(await fs.readFile(files.crl, 'utf8'));
    const current = crl.thisUpdate.getTime() <= now.getTime() && crl.nextUpdate !== undefined && crl.nextUpdate.getTime() - now.getTime() >= RENEW_BEFORE;
    if (newlyRevoked.length > 0 || !current) {
      await writeCrl(dir, [...(await revokedSerials(dir)), ...newlyRevoked], now);
      written.push(files.crl);
    }
  }
  return written;
}

/** revokeDevelopmentCertificate lists a serial in the CRL and re-signs it; false when it was already listed. */
export async function revokeDevelopmentCertificate(dir: string, serial: string, options: { now?: Date } = {}): Promise<boolean> {
  if (!/^(0x)?[0-9a-fA-F:]{1,64}$/.test(serial)) throw new CertificateSerialInvalidError({ serial });
  const normalized = normalizeSerial(serial.replace(/^0x/, ''));
  await readCa(dir);
  return withLock(dir, async () => {
    const serials = await revokedSerials(dir);
    if (serials.includes(normalized)) return false;
    await writeCrl(dir, [...serials, normalized], options.now ?? new Date());
    return true;
  });
}

/** exportDevelopmentCa writes the CA certificate (PEM) to a file, for verifiers and xmlsec1. */
export async function exportDevelopmentCa(dir: string, out: string): Promise<X509Certificate> {
  const file = developmentKeyPaths(dir).caCertificate;
  if (!(await exists(file))) throw new DevelopmentKeysMissingError({ dir });
  const pem = await fs.readFile(file, 'utf8');
  await fs.writeFile(out, pem);
  return new X509Certificate(pem);
}

/**
 * isDevelopmentCa: the certificate is a development CA as createCa makes it (its exact subject,
 * self-signed). Each keys directory has its own CA, so the name is what they share.
 */
export function isDevelopmentCa(certificate: X509Certificate): boolean {
  const subject = new x509.X509Certificate(certificate.raw).subjectName.toString();
  return certificate.ca && subject === new x509.Name(CA_NAME).toString() && certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
}
