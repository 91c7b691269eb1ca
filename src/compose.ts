/** The composition root: the only file that creates every part and wires them together. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createLoginThrottle, createOperatorAccounts, createSessions, loadSessionSecret, type EndedSessions, type OperatorAccounts, type OperatorStore } from './accounts/index.js';
import { code128, decodeQrCodesInImage, decodeQrRow, encodePrintedQrRow, qrCode, verificationUrl, type PrintedBarcode } from './barcode/index.js';
import { checkCatalog, documentKinds, loadProviders, REFUSAL_REASONS, SERVICE_IDS, services, type Provider } from './catalog/index.js';
import { ConfigError, type Config } from './config/index.js';
import { definedErrorCodes, VALIDATION_RULES, type Language } from './domain/index.js';
import { createHttpApp, type CitizenSigning } from './http/index.js';
import { createI18nWorkbench, createTranslator, readLocales, type CodeList, type Translator } from './i18n/index.js';
import type { Logger } from './log/index.js';
import { createEmbeddedRegistries, createHttpRegistries } from './population/index.js';
import { createDocumentRegistry } from './registry/index.js';
import {
  ChromiumNotFoundError,
  chromiumLauncher,
  createBatchPrinter,
  createBrowserPool,
  createLane,
  createPdfEngine,
  extractQrPayloadsFromPdf,
  finishPdf,
  loadAssets,
  loadTemplates,
  locateChromium,
  moduleMarkHref,
  pagePreparer,
  PREVIEW_LANE,
  rasterFirstPage,
  readPdfAttachment,
} from './render/index.js';
import {
  buildDocumentXml,
  buildRequestXml,
  createDemoSigner,
  createLoginChallenge,
  createLoginVerifier,
  createRequestVerifier,
  DemoSignerNotDevelopmentError,
  DevelopmentKeysMissingError,
  type JsonValue,
  createSignatureVerifier,
  createXmlSigner,
  loadSigningKeys,
  loadTrustMaterial,
  readUnverifiedRequestXml,
  type XmlSigner,
} from './sign/index.js';
import {
  createApiKeyStore,
  createApplicationStore,
  openDatabase,
  endedSessionsRepository,
  operatorsRepository,
  type Database,
  type OperatorRow,
} from './store/index.js';
import {
  createApiKeys,
  createApplications,
  createDocumentPreparer,
  createIssueDocument,
  createPreviewDocument,
  createPrintDocuments,
  createPrintJobs,
  createIssuedFirstPage,
  createVerifyDocument,
  historyActions,
  type BarcodeReader,
  type BarcodeMark,
  type Barcodes,
  type Clock,
  type DocumentSigner,
  type PdfFinisher,
  type IssuedDocuments,
  type PdfReader,
  type SignatureCheck,
  type IssuedDocumentRecord,
  type People,
  type PrepareDocumentDeps,
  type SignedRequestCheck,
  VERIFY_OUTCOMES,
} from './usecases/index.js';
import { createKzCalendar, validateForm } from './workflow/index.js';

const systemClock: Clock = { now: () => new Date() };

/** packageVersion goes into the OpenAPI document. */
function packageVersion(root: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** MAX_SIGNED_XML_BYTES bounds what a QR row may inflate to: a document's XML is 5–30 KB. */
const MAX_SIGNED_XML_BYTES = 1024 * 1024;
/** DOCUMENT_XML is the name of the signed XML attached to every PDF. */
const DOCUMENT_XML = 'document.xml';
/** ADMIN_KEY_FILE holds the development bearer key for revocation, written by `qujat keys init`. */
export const ADMIN_KEY_FILE = 'admin-api-key';

/** i18nCodeLists: the keys the code builds from code lists, for the i18n check (errors are also found by scanning defineError). */
export function i18nCodeLists(): CodeList[] {
  return [
    { name: 'definedErrorCodes', keys: [...definedErrorCodes().keys()].map((code) => `errors:${code}`) },
    { name: 'VALIDATION_RULES', keys: VALIDATION_RULES.map((rule) => `validation:${rule}`) },
    { name: 'REFUSAL_REASONS', keys: REFUSAL_REASONS.map((reason) => `reasons:${reason}`) },
    { name: 'SERVICE_IDS', keys: SERVICE_IDS.map((id) => `services:${id}.name`) },
    { name: 'VERIFY_OUTCOMES', keys: VERIFY_OUTCOMES.map((code) => `verify:outcomes.${code}`) },
    { name: 'historyActions', keys: historyActions(services).map((action) => `workflow:actions.${action}`) },
  ];
}

function keysDir(config: Config): string {
  return path.join(config.paths.data, 'keys');
}

/**
 * checkedProviders reads the providers file and refuses to start on one the catalogue check finds
 * an error in (a provider bound to a regulation its service lacks would fail every intake there).
 * A provider under a repealed act is only a warning, which `qujat catalog check` prints.
 */
function checkedProviders(file: string, texts: Translator): Provider[] {
  const providers = loadProviders(file);
  const errors = checkCatalog({ services, documentKinds: documentKinds.map((k) => k.id), reasons: REFUSAL_REASONS, texts, providers }).filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ConfigError(`QUJAT_PROVIDERS_FILE ${file}: ${errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`);
  return providers;
}

/** composeTexts reads the locales once: the strict translator of official documents and screens. */
function composeTexts(config: Config): Translator {
  return createTranslator(readLocales(path.join(config.paths.root, 'locales')));
}

/** composeSignatureCheck verifies documents at the service's clock, the one they are issued on. */
async function composeSignatureCheck(config: Config, clock: Clock): Promise<SignatureCheck> {
  const verifier = createSignatureVerifier({ ...(await loadTrustMaterial(config.sign, keysDir(config))), now: () => clock.now() });
  return {
    verify(xml) {
      const result = verifier.verify(xml);
      return result.valid ? { valid: true, document: result.document } : { valid: false, reason: result.reason };
    },
  };
}

function composeBarcodeReader(): BarcodeReader {
  return {
    decodeRow: (payloads) => decodeQrRow(payloads, { maxInflatedBytes: MAX_SIGNED_XML_BYTES }),
    imageCodes: (image) => decodeQrCodesInImage(image),
  };
}

const pdfReader: PdfReader = {
  attachment: (pdf) => readPdfAttachment(pdf, DOCUMENT_XML),
  qrPayloads: (pdf) => extractQrPayloadsFromPdf(pdf, { decodeImage: (png) => decodeQrCodesInImage(png) }),
};

/** FIRST_PAGE_WIDTH_PX: the picture of an issued first page, legible on a desktop and a phone. */
const FIRST_PAGE_WIDTH_PX = 800;

/**
 * verificationsInFlight bounds uploads verified at once: each may rasterise a PDF (CPU-bound, as
 * a render is), so two per rendering slot; beyond it the door answers 503 with Retry-After.
 */
const verificationsInFlight = (config: Config): number => 2 * config.render.pool.concurrency;

async function openStore(config: Config, logger: Logger): Promise<Database> {
  return openDatabase({ url: config.store.url, sqlitePath: path.join(config.paths.data, 'qujat.db') }, { logger });
}

/** issuedDocuments adapts the registry to the use cases' port: each write in its own transaction. */
function issuedDocuments(db: Database, registry = createDocumentRegistry(db)): IssuedDocuments {
  return {
    next: (kind, issuedAt) => registry.next(kind, issuedAt),
    register: (record) => db.transaction((trx) => registry.register(trx, record)),
    find: (number) => registry.find(number),
    readPdf: (number) => registry.readPdf(number),
    readXml: (number) => registry.readXml(number),
    checkToken: (number, token) => registry.checkToken(number, token),
    revoke: (number, revocation) => registry.revoke(number, revocation),
  };
}

const operatorRecord = (row: OperatorRow) => ({
  id: row.id,
  username: row.username,
  passwordHash: row.password_hash,
  role: row.role,
  providerId: row.provider_id,
  displayName: row.display_name,
  disabled: Number(row.disabled) === 1,
  createdAt: row.created_at,
});

/** operatorStore adapts the store's operators table to the accounts room's port. */
function operatorStore(db: Database): OperatorStore {
  return {
    insert: (r) =>
      operatorsRepository.insertOperator(db.kysely, {
        id: r.id,
        username: r.username,
        password_hash: r.passwordHash,
        role: r.role,
        provider_id: r.providerId,
        display_name: r.displayName,
        created_at: r.createdAt,
      }),
    findByUsername: async (username) => {
      const row = await operatorsRepository.findOperatorByUsername(db.kysely, username);
      return row && operatorRecord(row);
    },
    findById: async (id) => {
      const row = await operatorsRepository.findOperatorById(db.kysely, id);
      return row && operatorRecord(row);
    },
    list: async () => (await operatorsRepository.listOperators(db.kysely)).map(operatorRecord),
    setDisabled: (username, disabled) => operatorsRepository.setOperatorDisabled(db.kysely, username, disabled),
  };
}

/** endedSessions: signed-out session ids in the store, so every instance on the database refuses their cookies. */
function endedSessions(db: Database, clock: Clock): EndedSessions {
  return {
    end: (id, expiresAt) => endedSessionsRepository.endSession(db.kysely, id, expiresAt.toISOString(), clock.now().toISOString()),
    isEnded: (id) => endedSessionsRepository.isSessionEnded(db.kysely, id),
  };
}

/** LOGIN_THROTTLE: five failures per username and address in fifteen minutes. */
const LOGIN_THROTTLE = { maxFailures: 5, windowMs: 15 * 60_000, maxKeys: 100_000 };

function operatorAccounts(db: Database, clock: Clock): OperatorAccounts {
  return createOperatorAccounts({ store: operatorStore(db), throttle: createLoginThrottle(LOGIN_THROTTLE), now: () => clock.now() });
}

/** composeOperators builds the operator accounts alone (no browser): the CLI's `qujat operators`. */
export async function composeOperators(config: Config, deps: { logger: Logger }) {
  const db = await openStore(config, deps.logger);
  return { translator: composeTexts(config), accounts: operatorAccounts(db, systemClock), stop: () => db.destroy() };
}

/** composeApiKeys opens the store for `qujat keys api-key …` and `qujat keys init`. */
export async function composeApiKeys(config: Config, deps: { logger: Logger }) {
  const db = await openStore(config, deps.logger);
  return { apiKeys: createApiKeys({ store: createApiKeyStore(db), clock: systemClock }), stop: () => db.destroy() };
}

/** composePeople: the person and civil registries, embedded over samples/registry or through the HTTP gateway. */
function composePeople(config: Config): People {
  const { persons, civil } = config.population.url
    ? createHttpRegistries({ baseUrl: config.population.url, timeoutMs: config.population.timeoutMs })
    : createEmbeddedRegistries({ dir: path.join(config.paths.root, 'samples', 'registry') });
  return { findPerson: (iin) => persons.findPerson(iin), birthRecord: (iin) => civil.birthRecord(iin) };
}

/**
 * composeSignedRequests: the applicant's EDS check of a signed request. A refused signature still
 * hands the use case the request as read without trusting it, when it reads at all, so that the
 * application is stored and rejected (REJECT_EDS) and the applicant told why. The check is made
 * at the service's clock, the time the application is received at.
 */
async function composeSignedRequests(config: Config, clock: Clock): Promise<SignedRequestCheck> {
  const verifier = createRequestVerifier(await loadTrustMaterial(config.sign, keysDir(config)));
  return {
    verify(xml) {
      const result = verifier.verify(xml, clock.now());
      if (result.valid) return { valid: true, signerIin: result.signerIin, request: result.request };
      let request: unknown;
      try {
        request = readUnverifiedRequestXml(xml);
      } catch {
        request = undefined;
      }
      return { valid: false, reason: result.reason, ...(request === undefined ? {} : { request }) };
    },
  };
}

/**
 * composeCitizenSigning: the portal's demonstration signer over the development citizens' test
 * certificates; absent (no demonstration sign-in) when the keys are not the development CA's.
 */
async function composeCitizenSigning(config: Config): Promise<CitizenSigning | undefined> {
  const trust = await loadTrustMaterial(config.sign, keysDir(config));
  let demo;
  try {
    demo = await createDemoSigner(keysDir(config));
  } catch (error) {
    if (error instanceof DemoSignerNotDevelopmentError || error instanceof DevelopmentKeysMissingError) return undefined;
    throw error;
  }
  const logins = createLoginVerifier(trust);
  return {
    certificates: () => demo.certificates().map((c) => ({ iin: c.iin, commonName: c.commonName, serialNumber: c.serialNumber, notBefore: c.notBefore, notAfter: c.notAfter, issuedAs: c.issuedAs })),
    challenge: (now) => createLoginChallenge(now),
    signLogin: (iin, xml) => demo.signLogin(iin, xml).xml,
    verifyLogin(xml, now) {
      const result = logins.verifyLogin(xml, { now, maxAgeSeconds: 120 });
      return result.valid ? { valid: true, iin: result.iin, commonName: result.commonName, nonce: result.nonce } : { valid: false, reason: result.reason };
    },
    signRequest(iin, request) {
      const xml = buildRequestXml({
        serviceId: request.serviceId,
        channel: 'portal',
        language: request.language,
        applicant: { iin: request.applicantIin },
        signedAt: request.signedAt,
        form: request.form as JsonValue,
      });
      return Buffer.from(demo.signRequest(iin, xml).xml, 'utf8');
    },
  };
}

/** adminKeySha256 is the configured list, or the development key written by `qujat keys init`. */
function adminKeySha256(config: Config): readonly string[] {
  if (config.http.adminKeySha256.length > 0) return config.http.adminKeySha256;
  const file = path.join(keysDir(config), ADMIN_KEY_FILE);
  if (!fs.existsSync(file)) return [];
  return [createHash('sha256').update(fs.readFileSync(file, 'utf8').trim()).digest('hex')];
}

/**
 * composeVerification builds verification alone (no browser): the CLI's `qujat verify`. With
 * `offline`, or without a database under the data directory, the registry is not consulted.
 */
export async function composeVerification(config: Config, deps: { logger: Logger; offline: boolean }) {
  const translator = composeTexts(config);
  const online = !deps.offline && (config.store.url !== undefined || fs.existsSync(path.join(config.paths.data, 'qujat.db')));
  const db = online ? await openStore(config, deps.logger) : null;
  const verifyDocument = createVerifyDocument({
    signatures: await composeSignatureCheck(config, systemClock),
    barcodes: composeBarcodeReader(),
    pdfs: pdfReader,
    registry: db ? issuedDocuments(db) : null,
  });
  return { translator, verifyDocument, stop: async () => db?.destroy() };
}

/** composeDocumentSigner: a document's XML built from the use case's input and signed. */
export function composeDocumentSigner(xmlSigner: XmlSigner): DocumentSigner {
  return {
    issuerBin: xmlSigner.certificate.bin,
    sign(input) {
      const block = (language: Language) => ({
        title: input.content[language].title,
        fields: input.content[language].fields.map((field) => ({ name: field.name, label: field.name, value: field.value })),
      });
      const xml = xmlSigner.sign(buildDocumentXml({ ...input, content: { kk: block('kk'), ru: block('ru') } }));
      return { xml: Buffer.from(xml, 'utf8'), development: xmlSigner.development };
    },
  };
}

function barcodeMark(code: PrintedBarcode): BarcodeMark {
  return { href: moduleMarkHref(code), widthMm: code.widthMm, heightMm: code.heightMm };
}

/** composeDocumentBarcodes: the barcode room's codes as the marks the printer draws. */
export function composeDocumentBarcodes(): Barcodes {
  return {
    qrRow: (xml, number) => encodePrintedQrRow(xml, number).codes.map(barcodeMark),
    link: (url) => barcodeMark(qrCode(url, { errorCorrection: 'Q', moduleMm: 0.45 })),
    code128: (number) => barcodeMark(code128(number)),
  };
}

/** documentFinisher: the signed XML attached and the metadata set; /Lang is Kazakh for bilingual documents. */
export const documentFinisher: PdfFinisher = {
  finish: (pdf, meta) =>
    finishPdf(pdf, {
      xml: meta.xml,
      title: meta.title,
      language: meta.language === 'kk+ru' ? 'kk' : meta.language,
      creationDate: meta.creationDate,
      producer: 'Qujat',
    }),
};

/** compose builds the whole service from its configuration; the browser starts on first use. */
export async function compose(config: Config, deps: { logger: Logger; clock?: Clock }) {
  const { logger } = deps;
  const clock = deps.clock ?? systemClock;
  const root = config.paths.root;
  const translator = composeTexts(config);
  // Checked before the browser and the database are opened: a refusal leaves nothing running.
  const providers = checkedProviders(path.resolve(root, config.workflow.providersFile), translator);
  const templates = loadTemplates(path.join(root, 'templates'), translator);
  const chromium = locateChromium(config.render.chromiumPath);
  const launch = chromium.found
    ? chromiumLauncher(chromium.found)
    : () => Promise.reject(new ChromiumNotFoundError({ searched: chromium.searched }));
  const pool = createBrowserPool(config.render.pool, {
    launch,
    preparePage: pagePreparer(loadAssets(path.join(root, 'fonts'))),
    logger,
  });
  const printer = createPdfEngine(pool);

  const signer = composeDocumentSigner(createXmlSigner(await loadSigningKeys(config.sign, keysDir(config))));
  const barcodes = composeDocumentBarcodes();
  const signatures = await composeSignatureCheck(config, clock);
  const db = await openStore(config, logger);
  const documentRegistry = createDocumentRegistry(db);
  const registry = issuedDocuments(db, documentRegistry);

  const printing: Omit<PrepareDocumentDeps, 'numbers'> = {
    texts: translator,
    templates,
    printer,
    signer,
    barcodes,
    links: {
      url: (number, token) => verificationUrl(config.publicUrl, number, token),
      page: () => `${config.publicUrl.replace(/\/+$/, '')}/verify`,
    },
    finisher: documentFinisher,
    clock,
  };
  const issueDocument = createIssueDocument({ ...printing, kinds: documentKinds, registry });
  const applications = createApplications({
    store: createApplicationStore<IssuedDocumentRecord>(db, { register: (trx, record) => documentRegistry.register(trx, record) }),
    clock,
    calendar: createKzCalendar(),
    definitions: services,
    providers,
    people: composePeople(config),
    signedRequests: await composeSignedRequests(config, clock),
    kinds: documentKinds,
    prepareDocument: createDocumentPreparer({ ...printing, numbers: registry }),
    texts: translator,
    onError: (event, error) => logger.error(event, { error }),
  });
  const apiKeys = createApiKeys({ store: createApiKeyStore(db), clock });
  // Previews are anonymous: they print in their own lane so that they cannot take issuing's capacity.
  const previewPrinter = createPdfEngine(createLane(pool, PREVIEW_LANE));
  const previewDocument = createPreviewDocument({ kinds: documentKinds, templates, printer: previewPrinter, clock });
  const verifyDocument = createVerifyDocument({
    signatures,
    barcodes: composeBarcodeReader(),
    pdfs: pdfReader,
    registry,
    maxInFlight: verificationsInFlight(config),
  });
  const firstPage = createIssuedFirstPage({ registry, raster: (pdf) => rasterFirstPage(pdf, { widthPx: FIRST_PAGE_WIDTH_PX }) });
  const printDocuments = createPrintDocuments({ registry, copies: documentRegistry, printer: createBatchPrinter(pool) });
  const printJobs = createPrintJobs(printDocuments, { clock });
  const workbench = createI18nWorkbench({
    root,
    codeLists: i18nCodeLists(),
    compileTemplates: (texts) => loadTemplates(path.join(root, 'templates'), texts),
  });

  const app = createHttpApp({
    config: { ...config.http, adminKeySha256: adminKeySha256(config) },
    root,
    translator,
    logger,
    screens: templates,
    issueDocument,
    verifyDocument,
    firstPage,
    registry,
    signatures,
    kinds: documentKinds,
    services,
    applications,
    apiKeys,
    version: packageVersion(root),
    publicUrl: config.publicUrl,
    render: pool,
    printJobs,
    i18n: { kinds: documentKinds, screens: templates, workbench, previewDocument },
    portal: {
      accounts: operatorAccounts(db, clock),
      apiKeys,
      sessions: createSessions(
        loadSessionSecret(keysDir(config)),
        { idleMs: config.screens.sessionIdleMinutes * 60_000, maxAgeMs: 12 * 60 * 60_000 },
        () => clock.now().getTime(),
      ),
      endedSessions: endedSessions(db, clock),
      secure: config.publicUrl.startsWith('https:'),
      services,
      providers,
      validate: (service, input) => validateForm(service, input, clock.now()),
      limits: {
        maxFileBytes: config.screens.uploadMaxFileBytes,
        maxTotalBytes: config.screens.uploadMaxTotalBytes,
        maxFiles: config.screens.uploadMaxFiles,
      },
      now: () => clock.now(),
      applications,
      registry,
      printJobs,
      citizens: await composeCitizenSigning(config),
    },
  });
  return {
    config,
    app,
    pool,
    translator,
    templates,
    issueDocument,
    previewDocument,
    verifyDocument,
    printDocuments,
    printJobs,
    registry,
    applications,
    apiKeys,
    chromium,
    db,
    stop: async () => {
      await pool.close();
      await db.destroy();
    },
  };
}

/** Service is what compose returns. */
export type Service = Awaited<ReturnType<typeof compose>>;
