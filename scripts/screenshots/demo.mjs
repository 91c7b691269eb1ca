// The demonstration data of the screenshots, made the way a deployment makes it: development keys
// and operator accounts with the CLI, then applications and documents through the HTTP API of the
// running service (every scenario of samples/scenarios to its end, a few left open for the
// worklist), and a forged copy of an issued PDF for the verification page.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** OPERATORS: the АРМ accounts the screenshots sign in with, one per role and provider. */
export const OPERATORS = {
  con: { role: 'CON_OPERATOR', provider: 'con-ekibastuz', name: 'Сәрсенова Айгерім (ХҚКО / ЦОН)' },
  employee: { role: 'PROVIDER_EMPLOYEE', provider: 'ekibastuz-employment', name: 'Ігілікова Ұлжан Һасенқызы' },
  head: { role: 'PROVIDER_HEAD', provider: 'ekibastuz-employment', name: 'Жақсылықов Ғалым Өмірұлы' },
  education: { role: 'PROVIDER_EMPLOYEE', provider: 'urzhar-education', name: 'Мұратова Әсел Бекқызы' },
};

/** PASSWORD of every demonstration operator; the data directory is thrown away after the run. */
export const PASSWORD = 'Demo-Qujat-2026!';

/** Applications left part-way (scenario, number of its steps taken), so the worklist has work in it. */
const OPEN = [
  ['unemployed-certificate.con', 1],
  ['unemployed-certificate.con', 2],
  ['unemployed-certificate.provider', 3],
  ['unemployed-certificate.portal', 1],
  ['disabled-children-home-education.provider', 2],
  ['disabled-children-home-education.portal', 2],
];

/**
 * CITIZEN: the development citizen whose cabinet is photographed (a test certificate of the
 * development CA signs her in). Besides her preschool application she gets an unemployed
 * certificate and a refusal: scenarios of another applicant played with her IIN and name.
 */
export const CITIZEN = { iin: '900903401021', fullName: 'Омарова Айгүл Болатқызы' };
const AS_CITIZEN = [
  ['unemployed-certificate.portal', { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы' }],
  ['unemployed-certificate.refusal', { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы' }],
];

function retarget(scenario, from) {
  const json = JSON.stringify(scenario).replaceAll(from.iin, CITIZEN.iin).replaceAll(from.fullName, CITIZEN.fullName);
  return { ...JSON.parse(json), name: `${scenario.name}.citizen` };
}

/** cli runs `qujat` over the data directory and returns what it printed. */
export async function cli(root, env, args) {
  const { stdout } = await run(process.execPath, [path.join(root, 'bin', 'qujat.js'), ...args], { cwd: root, env });
  return stdout.trim();
}

/** prepare makes the keys and accounts before the service starts. */
export async function prepare(root, env, scenarios) {
  await cli(root, env, ['keys', 'init']);
  for (const [username, operator] of Object.entries(OPERATORS)) {
    await cli(root, { ...env, QUJAT_OPERATOR_PASSWORD: PASSWORD }, ['operators', 'add', username, '--role', operator.role, '--provider', operator.provider, '--name', operator.name]);
  }
  const keys = {};
  // Labels as a deployment would name the systems behind the keys: the worklist shows them as assignees.
  const key = async (role, label, scope = []) => cli(root, env, ['keys', 'api-key', 'add', '--role', role, ...scope, '--label', label]);
  keys.SYSTEM = await key('SYSTEM', 'egov.kz');
  keys.CON_OPERATOR = await key('CON_OPERATOR', 'ЦОН АЖ / ИС ЦОН');
  for (const provider of new Set(scenarios.map((s) => s.provider))) {
    keys[`PROVIDER_EMPLOYEE ${provider}`] = await key('PROVIDER_EMPLOYEE', 'Қызмет берушінің АЖ / ИС услугодателя', ['--provider', provider]);
    keys[`PROVIDER_HEAD ${provider}`] = await key('PROVIDER_HEAD', 'Қызмет берушінің АЖ, басшы / ИС услугодателя, руководитель', ['--provider', provider]);
  }
  for (const iin of new Set([...scenarios.map((s) => s.applicantIin), CITIZEN.iin])) keys[`APPLICANT ${iin}`] = await key('APPLICANT', `cabinet ${iin}`, ['--iin', iin]);
  return keys;
}

/** fill replaces `{name}` placeholders: inside strings, or a whole string by the value itself. */
function fill(value, vars) {
  if (typeof value === 'string') {
    const whole = /^\{([a-zA-Z]+)\}$/.exec(value);
    if (whole && vars[whole[1]] !== undefined) return vars[whole[1]];
    return value.replace(/\{([a-zA-Z]+)\}/g, (match, name) => String(vars[name] ?? match));
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, vars));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)]));
  return value;
}

function keyOf(keys, scenario, role) {
  if (role === 'APPLICANT') return keys[`APPLICANT ${scenario.applicantIin}`];
  return keys[role.startsWith('PROVIDER_') ? `${role} ${scenario.provider}` : role];
}

/** play takes the first `count` steps of a scenario through the API and returns the application's number. */
async function play(base, keys, scenario, count, tag) {
  const vars = { scenario: tag, today: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date()) };
  for (const step of scenario.steps.slice(0, count)) {
    const headers = { authorization: `Bearer ${keyOf(keys, scenario, step.role)}`, accept: 'application/json' };
    if (step.idempotencyKey) headers['idempotency-key'] = String(fill(step.idempotencyKey, vars));
    const init = { method: step.method, headers };
    if (step.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(fill(step.body, vars));
    }
    const response = await fetch(`${base}${fill(step.path, vars)}`, init);
    const text = await response.text();
    if (response.status !== step.expect.status) throw new Error(`${tag}: ${step.method} ${step.path} answered ${response.status}: ${text}`);
    const json = text ? JSON.parse(text) : {};
    if (typeof json.number === 'string' && vars.number === undefined) vars.number = json.number;
    if (typeof json.ageYears === 'number') vars.childAge = json.ageYears;
  }
  return vars.number;
}

/** populate plays every scenario to its end, then the open ones, and issues a document to verify. */
export async function populate({ base, root, keys, scenarios, work }) {
  const applications = {};
  for (const scenario of scenarios) applications[scenario.name] = await play(base, keys, scenario, scenario.steps.length, scenario.name);
  for (const [name, count] of OPEN) {
    const scenario = scenarios.find((s) => s.name === name);
    applications[`${name}@${count}`] = await play(base, keys, scenario, count, `${name}-open-${count}`);
  }
  for (const [name, from] of AS_CITIZEN) {
    const scenario = retarget(scenarios.find((s) => s.name === name), from);
    applications[scenario.name] = await play(base, keys, scenario, scenario.steps.length, scenario.name);
  }

  const sample = fs.readFileSync(path.join(root, 'samples', 'documents', 'unemployed-certificate.kk+ru.json'));
  const headers = { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${keys.SYSTEM}` };
  const issuedResponse = await fetch(`${base}/v1/documents`, { method: 'POST', headers, body: sample });
  if (issuedResponse.status !== 201) throw new Error(`POST /v1/documents answered ${issuedResponse.status}: ${await issuedResponse.text()}`);
  const issued = await issuedResponse.json();
  const pdf = path.join(work, 'issued.pdf');
  const pdfResponse = await fetch(`${base}/v1/documents/${issued.number}.pdf`, { headers: { authorization: `Bearer ${keys.SYSTEM}` } });
  if (pdfResponse.status !== 200) throw new Error(`GET /v1/documents/${issued.number}.pdf answered ${pdfResponse.status}`);
  fs.writeFileSync(pdf, Buffer.from(await pdfResponse.arrayBuffer()));
  // The forger changes the applicant's name in the signed XML and puts it back into the PDF.
  const xml = path.join(work, 'document.xml');
  await run('pdfdetach', ['-save', '1', '-o', xml, pdf]);
  fs.writeFileSync(xml, fs.readFileSync(xml, 'utf8').replace('Сәрсенбаева', 'Сарсенбаева'));
  const forged = path.join(work, 'forged.pdf');
  await run('qpdf', [pdf, '--remove-attachment=document.xml', '--add-attachment', xml, '--key=document.xml', '--filename=document.xml', '--', forged]);
  return { base, applications, issued, files: { pdf, forged } };
}
