/**
 * The application use cases composed from the real rooms, as compose.ts will: the store on a
 * fresh database of the dialect, the document registry, the real signer with the development
 * keys, real barcodes, real Chromium printing and PDF finishing, the embedded person registries
 * over samples/registry, the catalogue's services and samples/providers.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verificationUrl } from '../../src/barcode/index.js';
import { composeDocumentBarcodes, composeDocumentSigner, documentFinisher } from '../../src/compose.js';
import { documentKinds, loadProviders, services } from '../../src/catalog/index.js';
import { createTranslator, readLocales } from '../../src/i18n/index.js';
import { createEmbeddedRegistries } from '../../src/population/index.js';
import { createDocumentRegistry, type DocumentRegistry } from '../../src/registry/index.js';
import { createPdfEngine, loadTemplates, type BrowserPool } from '../../src/render/index.js';
import {
  createSignatureVerifier,
  createXmlSigner,
  initDevelopmentKeys,
  loadSigningKeys,
  loadTrustMaterial,
} from '../../src/sign/index.js';
import { createApplicationStore, type Database } from '../../src/store/index.js';
import {
  createApplications,
  createDocumentPreparer,
  type IssuedDocumentRecord,
  type SignedRequestCheck,
} from '../../src/usecases/index.js';
import { createKzCalendar } from '../../src/workflow/index.js';
import { loadConfig } from '../../src/config/index.js';
import type { TestDialect } from './databases.js';
import { CHROMIUM, ROOT } from './project.js';

/** MutableClock: a fixed time the test moves on. */
export interface MutableClock {
  now(): Date;
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export function mutableClock(start: string): MutableClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * signedRequests stands in for the sign room's checker of signed requests (built by another
 * engineer): the "XML" here is JSON naming the verdict the real checker would reach.
 */
export const signedRequests: SignedRequestCheck = {
  verify(xml) {
    const claim = JSON.parse(Buffer.from(xml).toString('utf8')) as { valid: boolean; signerIin: string; request: unknown };
    return claim.valid
      ? { valid: true, signerIin: claim.signerIin, request: claim.request }
      : { valid: false, reason: 'CERTIFICATE_REVOKED', request: claim.request };
  },
};

export const signedXml = (claim: { valid: boolean; signerIin: string; request: unknown }): Uint8Array =>
  new TextEncoder().encode(JSON.stringify(claim));

export interface Harness {
  readonly apps: ReturnType<typeof createApplications>;
  readonly db: Database;
  readonly registry: DocumentRegistry;
  readonly clock: MutableClock;
  /** verifyXml checks a registered document's signed XML with the real verifier. */
  verifyXml(number: string): Promise<boolean>;
  /** errors heard by onError (the scheduler's failures). */
  readonly errors: unknown[];
}

const PUBLIC_URL = 'https://qujat.test';

/** startApplications composes the use cases over a fresh database of the dialect. */
export async function startApplications(dialect: TestDialect, pool: BrowserPool, clock = mutableClock('2026-11-23T04:00:00Z')): Promise<Harness> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-apps-'));
  // The keys and CRL are made at the test's clock, whatever the date the suite runs on.
  await initDevelopmentKeys(path.join(data, 'keys'), { now: clock.now() });
  const config = loadConfig({ QUJAT_CHROMIUM: CHROMIUM, QUJAT_LOG_LEVEL: 'silent', QUJAT_DATA_DIR: data }, { cores: 2, cwd: ROOT });
  const keys = path.join(data, 'keys');
  const translator = createTranslator(readLocales(path.join(ROOT, 'locales')));
  const templates = loadTemplates(path.join(ROOT, 'templates'), translator);
  const xmlSigner = createXmlSigner(await loadSigningKeys(config.sign, keys));
  // The verifier reads the time from the test's clock, as documents are issued at that time.
  const verifier = createSignatureVerifier({ ...(await loadTrustMaterial(config.sign, keys)), now: () => clock.now() });
  const db = await (await dialect.fresh()).open();
  const registry = createDocumentRegistry(db);
  const store = createApplicationStore<IssuedDocumentRecord>(db, { register: (trx, record) => registry.register(trx, record) });
  const prepareDocument = createDocumentPreparer({
    texts: translator,
    templates,
    printer: createPdfEngine(pool),
    signer: composeDocumentSigner(xmlSigner),
    barcodes: composeDocumentBarcodes(),
    links: { url: (number, token) => verificationUrl(PUBLIC_URL, number, token), page: () => `${PUBLIC_URL}/verify` },
    finisher: documentFinisher,
    numbers: registry,
    clock,
  });
  const registries = createEmbeddedRegistries({ dir: path.join(ROOT, 'samples', 'registry') });
  const errors: unknown[] = [];
  const apps = createApplications({
    store,
    clock,
    calendar: createKzCalendar(),
    definitions: services,
    providers: loadProviders(path.join(ROOT, 'samples', 'providers.json')),
    people: {
      findPerson: (iin) => registries.persons.findPerson(iin),
      birthRecord: (iin) => registries.civil.birthRecord(iin),
    },
    signedRequests,
    kinds: documentKinds,
    prepareDocument,
    texts: translator,
    onError: (_event, error) => errors.push(error),
  });
  return {
    apps,
    db,
    registry,
    clock,
    errors,
    async verifyXml(number) {
      return verifier.verify(await registry.readXml(number)).valid;
    },
  };
}
