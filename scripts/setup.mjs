#!/usr/bin/env node
// Idempotent set-up run before `npm start` and `npm test`: dependencies, build, Chromium
// poppler (and, with --for-tests, the tools the tests check our output with). Each step checks first
// and does nothing when its result is already there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--for-tests');
const log = (message) => process.stderr.write(`[setup] ${message}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    log(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function onPath(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

const canInstallPackages = process.getuid?.() === 0 && fs.existsSync('/etc/debian_version') && onPath('apt-get');
let aptUpdated = false;
function aptInstall(packages) {
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

// 1. Dependencies: npm ci when node_modules is missing or older than the lock file.
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (mtime(installed) < mtime(path.join(root, 'package-lock.json'))) {
  log('installing dependencies (npm ci)');
  // npm ci refuses a lock file without entries for optional platform packages that the registry
  // here does not carry (most of rollup's); npm install then installs the lock file's versions.
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (ci.status !== 0) {
    log('npm ci refused the lock file; installing the same versions with npm install');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
}

// 2. Build: tsc is incremental, so an unchanged tree costs little.
run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);

// 2b. Development signing keys (CA, provider certificate, CRL) under data/keys: keys init only
// writes what is missing, and production keys (QUJAT_SIGN_*) do not need them.
run(process.execPath, [path.join(root, 'bin', 'qujat.js'), 'keys', 'init']);

// 2c. Development operator accounts for the АРМ, with random passwords written to
// data/keys/dev-operators.json (never in the repository); only what is missing is created.
if (!forTests) run(process.execPath, [path.join(root, 'bin', 'qujat.js'), 'operators', 'dev']);

// 3. Chromium, located by the same code the service uses.
function locate() {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'qujat.js'), 'chromium'], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}
let chromium = locate();
if (!chromium && canInstallPackages) {
  log('no Chromium found: installing Debian package chromium');
  aptInstall(['chromium']);
  chromium = locate();
}
if (!chromium) {
  log('no Chromium found. Install one (Debian/Ubuntu: `apt-get install chromium`, as root) or set QUJAT_CHROMIUM to its executable.');
  process.exit(1);
}
log(`Chromium: ${chromium}`);

// 4. Tools run by Qujat itself (pdftoppm rasterises a PDF to read its QR row when it is verified)
// and, for the tests, the independent tools that check our output.
const tools = [['pdftoppm', 'poppler-utils']];
if (forTests) tools.push(['pdftotext', 'poppler-utils'], ['xmlsec1', 'xmlsec1'], ['zbarimg', 'zbar-tools'], ['qpdf', 'qpdf']);
const missing = [...new Set(tools.filter(([tool]) => !onPath(tool)).map(([, pkg]) => pkg))];
if (missing.length > 0 && canInstallPackages) {
  log(`installing ${missing.join(', ')}`);
  aptInstall(missing);
} else if (missing.length > 0) {
  log(`missing ${missing.join(', ')}; install them (Debian/Ubuntu, as root: apt-get install ${missing.join(' ')})`);
  process.exit(1);
}
