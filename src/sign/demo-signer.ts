/**
 * The demonstration signer: it stands in for the national signing application (NCALayer, eGov
 * mobile) on the portal, so a citizen can apply and sign in with a test certificate of the local
 * development CA. It signs exactly as the real one would (the same XMLDSig profile, the person's
 * own key), so what it produces goes through the same EDS check as a real signature — and a
 * verifier that trusts only production anchors refuses it.
 *
 * It works only with the development CA: it refuses a keys directory whose CA is anything else,
 * and any citizen certificate that CA did not issue. Everything it returns carries
 * `demonstration: true`, for the screens to label it as a stand-in.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import fs from 'node:fs/promises';
import { describeCertificate } from './certificates.js';
import { DEVELOPMENT_CITIZENS, citizenFiles, developmentKeyPaths, isDevelopmentCa, type CitizenCertificate } from './dev-ca.js';
import { DemoCertificateUnknownError, DemoSignerNotDevelopmentError, DevelopmentKeysMissingError } from './errors.js';
import { signLoginXml } from './login.js';
import { signRequestXml, type PersonKey } from './signer.js';

/** DemoCertificate is what the portal shows in the certificate picker. */
export interface DemoCertificate {
  readonly iin: string;
  readonly commonName: string;
  readonly subject: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** issuedAs: valid, or deliberately expired or revoked, to demonstrate the EDS refusals. */
  readonly issuedAs: CitizenCertificate;
  /** inPersonRegistry: false for the citizen that demonstrates «person not found». */
  readonly inPersonRegistry: boolean;
  readonly demonstration: true;
}

/** DemoSignature is signed XML made by the demonstration signer. */
export interface DemoSignature {
  readonly demonstration: true;
  readonly xml: string;
  readonly certificate: DemoCertificate;
}

/** DemoSigner signs requests and login challenges with a chosen development citizen's key. */
export interface DemoSigner {
  readonly demonstration: true;
  certificates(): readonly DemoCertificate[];
  /** signRequest signs XML from buildRequestXml; DemoCertificateUnknownError for an IIN not in the list. */
  signRequest(iin: string, xml: string): DemoSignature;
  /** signLogin signs a challenge from createLoginChallenge. */
  signLogin(iin: string, xml: string): DemoSignature;
}

async function readPem(file: string, dir: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    throw new DevelopmentKeysMissingError({ dir });
  }
}

/** createDemoSigner loads the development citizens' keys under keysDir (`qujat keys init` makes them). */
export async function createDemoSigner(keysDir: string): Promise<DemoSigner> {
  const ca = new X509Certificate(await readPem(developmentKeyPaths(keysDir).caCertificate, keysDir));
  if (!isDevelopmentCa(ca)) throw new DemoSignerNotDevelopmentError({ dir: keysDir, problem: `CA ${ca.subject.replace(/\n/g, ', ')}` });
  const people = new Map<string, { key: PersonKey; shown: DemoCertificate }>();
  for (const citizen of DEVELOPMENT_CITIZENS) {
    const files = citizenFiles(keysDir, citizen.iin);
    const certificate = new X509Certificate(await readPem(files.certificate, keysDir));
    if (!certificate.checkIssued(ca) || !certificate.verify(ca.publicKey)) {
      throw new DemoSignerNotDevelopmentError({ dir: keysDir, problem: `${citizen.iin}: not issued by the development CA` });
    }
    const key = createPrivateKey(await readPem(files.key, keysDir));
    if (!certificate.checkPrivateKey(key)) throw new DemoSignerNotDevelopmentError({ dir: keysDir, problem: `${citizen.iin}: key and certificate differ` });
    const info = describeCertificate(certificate);
    people.set(citizen.iin, {
      key: { key, certificate },
      shown: {
        iin: citizen.iin,
        commonName: info.commonName,
        subject: info.subject,
        serialNumber: info.serialNumber,
        notBefore: info.notBefore,
        notAfter: info.notAfter,
        issuedAs: citizen.certificate,
        inPersonRegistry: citizen.inPersonRegistry,
        demonstration: true,
      },
    });
  }
  const person = (iin: string) => {
    const found = people.get(iin);
    if (!found) throw new DemoCertificateUnknownError({ iin });
    return found;
  };
  return {
    demonstration: true,
    certificates: () => [...people.values()].map((p) => p.shown),
    signRequest(iin, xml) {
      const { key, shown } = person(iin);
      return { demonstration: true, xml: signRequestXml(xml, key), certificate: shown };
    },
    signLogin(iin, xml) {
      const { key, shown } = person(iin);
      return { demonstration: true, xml: signLoginXml(xml, key), certificate: shown };
    },
  };
}
