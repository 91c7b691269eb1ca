/** Shared fixtures for the sign tests: a document input, a development key directory per test file, the attacker's edits. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DEVELOPMENT_PROVIDER,
  createSignatureVerifier,
  createXmlSigner,
  initDevelopmentKeys,
  loadSigningKeys,
  loadTrustMaterial,
  type DocumentXmlInput,
  type VerifierOptions,
} from '../../../src/sign/index.js';

/**
 * ISSUED_AT: the fixture documents' issue time, an hour before the test runs (to the minute), so
 * the development keys and CRL that developmentKit makes now are valid for it on any date.
 */
export const ISSUED_AT = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
const DAY_MS = 86_400_000;
/** daysFrom is an instant `days` days after ISSUED_AT (before it when negative). */
export const daysFrom = (days: number): Date => new Date(ISSUED_AT.getTime() + days * DAY_MS);

/** documentInput is a complete bilingual document whose issuer is the development provider. */
export function documentInput(overrides: Partial<DocumentXmlInput> = {}): DocumentXmlInput {
  return {
    number: 'KZ-2026-000123',
    kind: 'unemployed-certificate',
    issuedAt: ISSUED_AT,
    issuer: {
      bin: DEVELOPMENT_PROVIDER.bin,
      name: { kk: '«Жұмыспен қамту және әлеуметтік бағдарламалар бөлімі» ММ', ru: 'ГУ «Отдел занятости и социальных программ»' },
    },
    applicant: { iin: '000101500001', fullName: 'Серіков Айдос Қанатұлы' },
    content: {
      kk: {
        title: 'Жұмыссыз ретінде тіркелу туралы анықтама',
        fields: [
          { name: 'registeredOn', label: 'Тіркелген күні', value: '2026 жылғы 20 қараша' },
          { name: 'address', label: 'Мекенжайы', value: 'Алматы қ., Абай даңғылы 1 & <2>' },
        ],
      },
      ru: {
        title: 'Справка о регистрации в качестве безработного',
        fields: [
          { name: 'registeredOn', label: 'Дата регистрации', value: '20 ноября 2026 года' },
          { name: 'address', label: 'Адрес', value: 'г. Алматы, пр. Абая 1 & <2>' },
        ],
      },
    },
    ...overrides,
  };
}

/** developmentKit makes a fresh development key directory with a signer and a verifier over it. */
export async function developmentKit(verifierOptions: Partial<VerifierOptions> = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qujat-keys-'));
  await initDevelopmentKeys(dir);
  const keys = await loadSigningKeys({}, dir);
  const signer = createXmlSigner(keys);
  const verifier = async (options: Partial<VerifierOptions> = verifierOptions) =>
    createSignatureVerifier({ ...(await loadTrustMaterial({}, dir)), ...options });
  return { dir, keys, signer, verifier, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

const SIGNATURE = /<ds:Signature [\s\S]*<\/ds:Signature>/;
/** signatureOf cuts the ds:Signature element out of signed XML, for the wrapping attacks. */
export const signatureOf = (xml: string) => (SIGNATURE.exec(xml) as RegExpExecArray)[0];
/** withoutSignature is signed XML with its ds:Signature removed. */
export const withoutSignature = (xml: string) => xml.replace(SIGNATURE, '');
