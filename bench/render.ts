/**
 * bench/render: the render pipeline (the preview use case from compose: validation, template,
 * pooled page, PDF; no signing or registry, which bench/issue measures) against raw Chromium
 * printing the same HTML on warm plain pages, in one process. `npm run bench`; `--quick` for a smoke run.
 * Writes docs/benchmarks.md. Numbers, not assertions: the tests never time anything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { compose, type Service } from '../src/compose.js';
import { loadConfig } from '../src/config/index.js';
import { ASSET_ORIGIN, CHROMIUM_FLAGS, loadAssets, locateChromium } from '../src/render/index.js';
import { initDevelopmentKeys } from '../src/sign/index.js';
import { loadAverage, log, median, percentile, QUICK, ROOT, silent, writeSection } from './common.js';

const SEQUENTIAL_ROUNDS = QUICK ? 2 : 10;
const SEQUENTIAL_PER_ROUND = QUICK ? 5 : 12;
const THROUGHPUT_ROUNDS = QUICK ? 1 : 3;
const THROUGHPUT_PER_ROUND = QUICK ? 10 : 60;
const RSS_RENDERS = QUICK ? 200 : 2000;
const RSS_EVERY = QUICK ? 50 : 200;
const LEVELS = [1, 2, 4] as const;
const PDF_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true } as const;

const request = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'documents', 'unemployed-certificate.kk+ru.json'), 'utf8')) as unknown;

/** service composes the real service with a given pool size, as `qujat serve` would. */
async function service(concurrency: number, extra: Record<string, string> = {}): Promise<Service> {
  const chromium = locateChromium(process.env.QUJAT_CHROMIUM ?? process.env.PUPPETEER_EXECUTABLE_PATH);
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-bench-render-'));
  await initDevelopmentKeys(path.join(data, 'keys'));
  const config = loadConfig(
    { QUJAT_CHROMIUM: chromium.found ?? '', QUJAT_RENDER_CONCURRENCY: String(concurrency), QUJAT_LOG_LEVEL: 'silent', QUJAT_DATA_DIR: data, ...extra },
    { cores: os.availableParallelism(), cwd: ROOT },
  );
  return compose(config, { logger: silent });
}

/** captureHtml is the HTML the pipeline prints for the request: the same view, the same templates. */
function captureHtml(svc: Service): string {
  const prepared = svc.previewDocument.prepare(request);
  return svc.templates.render(prepared.kind.template, svc.previewDocument.view(prepared));
}

/** Method is one way of printing a document, runnable by `workers` callers at once. */
interface Method {
  readonly name: string;
  /** once prints one document with worker `w`'s resources. */
  once(worker: number): Promise<number>;
}

function pipeline(svc: Service): Method {
  return {
    name: 'pipeline',
    async once() {
      const document = await svc.previewDocument.pdf(request);
      return document.pdf.byteLength;
    },
  };
}

/** rawPages opens plain pages (no interception, JavaScript on), parked on `base` when given. */
async function rawPages(browser: Browser, count: number, html: string, name: string, base?: string): Promise<Method> {
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    const page = await browser.newPage();
    if (base) await page.goto(base, { waitUntil: 'load' });
    pages.push(page);
  }
  return {
    name,
    async once(worker) {
      const page = pages[worker]!;
      await page.setContent(html, { waitUntil: 'load' });
      const bytes = await page.pdf(PDF_OPTIONS);
      return bytes.byteLength;
    },
  };
}

/** timedSequential prints `count` documents one after another and returns each one's ms. */
async function timedSequential(method: Method, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await method.once(0);
    times.push(performance.now() - start);
  }
  return times;
}

/** timedParallel prints `count` documents with `workers` in flight; returns elapsed ms. */
async function timedParallel(method: Method, workers: number, count: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (next < count) {
        next++;
        await method.once(worker);
      }
    }),
  );
  return performance.now() - start;
}

/**
 * processTreeRssMb sums VmRSS of a process and all its descendants (Chromium's whole tree), and
 * their PSS (shared pages divided among the processes sharing them, so the sum is not inflated).
 */
function processTreeRssMb(rootPid: number): { total: number; pss: number; processes: number } {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let totalKb = 0;
  let pssKb = 0;
  let processes = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) {
        totalKb += Number(match[1]);
        processes++;
      }
      const pss = /^Pss:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (pss) pssKb += Number(pss[1]);
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total: totalKb / 1024, pss: pssKb / 1024, processes };
}

function cpuModel(): string {
  const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
  return line ? line.split(':')[1]!.trim() : os.cpus()[0]?.model ?? 'unknown';
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const signed = (n: number) => `${n >= 0 ? '+' : ''}${fmt(n)}`;

/**
 * fontServer serves the shipped fonts over loopback HTTP with immutable caching, so that a plain
 * page can load them without interception: raw Chromium doing the same font work as ours.
 */
async function fontServer(): Promise<{ origin: string; close: () => void }> {
  const assets = loadAssets(path.join(ROOT, 'fonts'));
  const server = http.createServer((req, res) => {
    const asset = assets.get(`${ASSET_ORIGIN}${req.url ?? '/'}`);
    if (!asset) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', asset.contentType);
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.end(asset.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

interface MemorySample {
  readonly renders: number;
  readonly mb: number;
  readonly pss: number;
  readonly processes: number;
}

interface MemoryRun {
  readonly samples: readonly MemorySample[];
  readonly seconds: number;
  readonly stats: ReturnType<Service['pool']['stats']>;
  readonly restartAfter: string;
}

/** memoryRun renders RSS_RENDERS documents with `cores` in flight, sampling every RSS_EVERY. */
async function memoryRun(cores: number, restartAfter: string | undefined): Promise<MemoryRun> {
  const svc = await service(cores, restartAfter ? { QUJAT_RENDER_RESTART_AFTER: restartAfter } : {});
  await svc.pool.warm();
  await timedParallel(pipeline(svc), cores, 50);
  const samples: MemorySample[] = [];
  const sample = (renders: number) => {
    const { total, pss, processes } = processTreeRssMb(process.pid);
    samples.push({ renders, mb: total, pss, processes });
  };
  sample(0);
  const start = performance.now();
  for (let done = 0; done < RSS_RENDERS; done += RSS_EVERY) {
    await timedParallel(pipeline(svc), cores, RSS_EVERY);
    sample(done + RSS_EVERY);
    const last = samples[samples.length - 1]!;
    log(`memory (restart after ${restartAfter ?? 'default'}) after ${last.renders}: RSS ${fmt(last.mb)} MB, PSS ${fmt(last.pss)} MB in ${last.processes} processes`);
  }
  const seconds = (performance.now() - start) / 1000;
  const stats = svc.pool.stats();
  await svc.stop();
  return { samples, seconds, stats, restartAfter: restartAfter ?? '1000 (default)' };
}

type MethodName = 'pipeline' | 'raw' | 'rawFonts';
const METHODS: readonly MethodName[] = ['pipeline', 'raw', 'rawFonts'];

async function main(): Promise<void> {
  const started = new Date();
  const loadStart = loadAverage();
  const cores = os.availableParallelism();
  log(`bench/render ${QUICK ? '(quick) ' : ''}on ${cores} cores, load ${loadStart}`);

  // The raw side: a second Chromium with the pool's flags, except the host resolver rule that
  // would keep (b2) from its loopback font server; nothing else on these pages asks for a host.
  const chromiumPath = locateChromium(process.env.QUJAT_CHROMIUM ?? process.env.PUPPETEER_EXECUTABLE_PATH).found;
  if (!chromiumPath) throw new Error('no Chromium found; set QUJAT_CHROMIUM');
  const rawProfile = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-bench-'));
  const rawBrowser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    pipe: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${rawProfile}`],
  });
  const chromiumVersion = await rawBrowser.version();
  const fonts = await fontServer();

  const services = new Map<number, Service>();
  for (const level of LEVELS) services.set(level, await service(level));
  const html = captureHtml(services.get(1)!);
  const width = Math.max(...LEVELS);
  const raw = await rawPages(rawBrowser, width, html, 'raw');
  const rawFonts = await rawPages(rawBrowser, width, html, 'rawFonts', fonts.origin);
  const method = (name: MethodName, level: number): Method =>
    name === 'pipeline' ? pipeline(services.get(level)!) : name === 'raw' ? raw : rawFonts;

  // Warm-up: browsers started, pages prepared, fonts cached, JIT warm.
  for (const level of LEVELS) {
    const svc = services.get(level)!;
    await svc.pool.warm();
    await timedParallel(pipeline(svc), level, 10 * level);
  }
  await timedParallel(raw, width, 40);
  await timedParallel(rawFonts, width, 40);
  const sizes = { pipeline: await pipeline(services.get(1)!).once(0), raw: await raw.once(0), rawFonts: await rawFonts.once(0) };
  log(`warm; one PDF is ${sizes.pipeline} bytes (pipeline), ${sizes.raw} (raw), ${sizes.rawFonts} (raw with our fonts)`);

  // 1. Sequential latency, rounds interleaved (and rotated) so that a noisy neighbour hurts all alike.
  const sequential: Record<MethodName, number[]> = { pipeline: [], raw: [], rawFonts: [] };
  for (let round = 0; round < SEQUENTIAL_ROUNDS; round++) {
    for (let k = 0; k < METHODS.length; k++) {
      const name = METHODS[(round + k) % METHODS.length]!;
      sequential[name].push(...(await timedSequential(method(name, 1), SEQUENTIAL_PER_ROUND)));
    }
  }
  log(`sequential medians: ${METHODS.map((m) => `${m} ${fmt(median(sequential[m]))} ms`).join(', ')} (n = ${sequential.raw.length})`);

  // 2. Throughput at 1, 2 and 4 in flight: the pool sized to the level, or that many raw pages.
  const throughput = new Map<number, Record<MethodName, number>>();
  for (const level of LEVELS) {
    const totals: Record<MethodName, { docs: number; ms: number }> = {
      pipeline: { docs: 0, ms: 0 },
      raw: { docs: 0, ms: 0 },
      rawFonts: { docs: 0, ms: 0 },
    };
    for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
      for (let k = 0; k < METHODS.length; k++) {
        const name = METHODS[(round + k) % METHODS.length]!;
        totals[name].ms += await timedParallel(method(name, level), level, THROUGHPUT_PER_ROUND);
        totals[name].docs += THROUGHPUT_PER_ROUND;
      }
    }
    const rate = (t: { docs: number; ms: number }) => (t.docs * 1000) / t.ms;
    const rates = { pipeline: rate(totals.pipeline), raw: rate(totals.raw), rawFonts: rate(totals.rawFonts) };
    throughput.set(level, rates);
    log(`concurrency ${level}: ${METHODS.map((m) => `${m} ${fmt(rates[m])} docs/s`).join(', ')}`);
  }
  await rawBrowser.close();
  fonts.close();
  fs.rmSync(rawProfile, { recursive: true, force: true, maxRetries: 5 });
  for (const svc of services.values()) await svc.stop();

  // 3. Memory of node and every Chromium process over many pipeline renders at concurrency =
  // cores: once as shipped (the browser recycled every 1,000 renders), once with recycling off so
  // that a restart cannot hide a leak.
  const shipped = await memoryRun(cores, undefined);
  const noRecycle = await memoryRun(cores, String(RSS_RENDERS * 10));
  const loadEnd = loadAverage();

  // Report.
  const med = { pipeline: median(sequential.pipeline), raw: median(sequential.raw), rawFonts: median(sequential.rawFonts) };
  const p90 = { pipeline: percentile(sequential.pipeline, 90), raw: percentile(sequential.raw, 90), rawFonts: percentile(sequential.rawFonts, 90) };
  const first = (run: MemoryRun) => run.samples[0]!;
  const last = (run: MemoryRun) => run.samples[run.samples.length - 1]!;
  const growth = (run: MemoryRun) => last(run).mb - first(run).mb;
  const pssGrowth = (run: MemoryRun) => last(run).pss - first(run).pss;
  // From the second sample on, the caches that fill during the first renders are full.
  const steady = (run: MemoryRun) => last(run).mb - (run.samples[1] ?? first(run)).mb;
  const atCores = throughput.get(cores) ?? throughput.get(2)!;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const row = (label: string, v: Record<MethodName, number>, digits = 1) =>
    `| ${label} | ${fmt(v.pipeline, digits)} | ${fmt(v.raw, digits)} | ${fmt(v.rawFonts, digits)} | ${fmt(v.pipeline / v.raw, 2)} | ${fmt(v.pipeline / v.rawFonts, 2)} |`;

  const table = [
    '| measure | (a) pipeline | (b) raw, plain page | (b2) raw, our fonts | a / b | a / b2 |',
    '|---|---:|---:|---:|---:|---:|',
    row(`median ms/doc, sequential (n = ${sequential.pipeline.length} each)`, med),
    row('p90 ms/doc, sequential', p90),
    ...LEVELS.map((level) => row(`docs/s at concurrency ${level} (${THROUGHPUT_ROUNDS * THROUGHPUT_PER_ROUND} docs each)`, throughput.get(level)!)),
    ...[shipped, noRecycle].flatMap((run) => [
      `| RSS node + Chromium, recycling ${run === shipped ? 'as shipped' : 'off'}: after warm-up → after ${RSS_RENDERS} renders (MB) | ${fmt(first(run).mb)} → ${fmt(last(run).mb)} (${signed(growth(run))}) | — | — | — | — |`,
      `| PSS, same samples (MB) | ${fmt(first(run).pss)} → ${fmt(last(run).pss)} (${signed(pssGrowth(run))}) | — | — | — | — |`,
      `| RSS growth from ${RSS_EVERY} to ${RSS_RENDERS} renders (MB) | ${signed(steady(run))} | — | — | — | — |`,
    ]),
  ].join('\n');
  const rssTable = [
    '| renders | RSS MB, as shipped | PSS MB, as shipped | RSS MB, recycling off | PSS MB, recycling off |',
    '|---:|---:|---:|---:|---:|',
    ...shipped.samples.map((r, i) => {
      const o = noRecycle.samples[i]!;
      return `| ${r.renders} | ${fmt(r.mb)} | ${fmt(r.pss)} | ${fmt(o.mb)} | ${fmt(o.pss)} |`;
    }),
  ].join('\n');
  const targets = [
    '| target (issue 2) | against (b) | verdict | against (b2) | verdict |',
    '|---|---:|---|---:|---|',
    `| median latency ≤ 1.25 × raw | ${fmt(med.pipeline / med.raw, 2)} × | ${verdict(med.pipeline / med.raw <= 1.25)} | ${fmt(med.pipeline / med.rawFonts, 2)} × | ${verdict(med.pipeline / med.rawFonts <= 1.25)} |`,
    `| throughput at concurrency = cores (${cores}) ≥ 0.9 × raw | ${fmt(atCores.pipeline / atCores.raw, 2)} × | ${verdict(atCores.pipeline / atCores.raw >= 0.9)} | ${fmt(atCores.pipeline / atCores.rawFonts, 2)} × | ${verdict(atCores.pipeline / atCores.rawFonts >= 0.9)} |`,
    `| RSS growth over ${RSS_RENDERS} renders < 50 MB, as shipped | ${signed(growth(shipped))} MB | ${verdict(growth(shipped) < 50)} | | |`,
    `| the same with recycling off | ${signed(growth(noRecycle))} MB | ${verdict(growth(noRecycle) < 50)} | | |`,
  ].join('\n');

  process.stdout.write(`\n${table}\n\n${targets}\n\n${rssTable}\n`);

  const section = `## bench/render: the render pipeline against raw Chromium

Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${QUICK ? ' (**quick smoke run, small samples**)' : ''}.
Command: \`npm run bench\` (\`node dist/bench/render.js\`), one process.

**Machine:** ${cores} cores (\`nproc\`), ${cpuModel()}, ${fmt(os.totalmem() / 1024 ** 3)} GB RAM; Node ${process.version};
${chromiumVersion} (${chromiumPath}). The machine was shared: other engineers were running
Chromium and test suites at the same time (load average ${loadStart} at the start,
${loadEnd} at the end, on 2 cores), so absolute numbers are noisy and slower than
on an idle machine; the rounds are interleaved so that the ratios stay comparable.

### Method

- **(a) pipeline:** the preview use case of the service built by \`compose()\` from \`loadConfig\`
  (what issuing prints, without number, signature or barcodes; bench/issue measures those):
  zod validation, Handlebars, then the browser pool (one Chromium, pooled
  pages with JavaScript off, request interception answering the fonts from memory), \`page.pdf\`,
  page count. Input: \`samples/documents/unemployed-certificate.kk+ru.json\` (one page, ${sizes.pipeline} bytes).
- **(b) raw, plain page:** a second Chromium with the same flags; the very same HTML (captured
  from the real use case with a printer that keeps it), printed on warm plain pages with
  \`page.setContent(html, { waitUntil: 'load' })\` and \`page.pdf()\` with the same options, no
  interception. A plain \`about:blank\` page cannot resolve the template's \`/fonts/…\` URLs, so
  it prints with the system's fonts (${sizes.raw} bytes) and skips the web-font work entirely:
  it is not the same job, and it favours raw.
- **(b2) raw, our fonts:** the same plain pages (no interception, JavaScript on), but first
  parked on a loopback HTTP origin that serves the shipped fonts with immutable caching, so the
  same HTML loads the same five faces (${sizes.rawFonts} bytes). This is the like-for-like baseline.
- Warm-up before measuring: each pool started and 10 × level documents printed; 40 documents on each set of raw pages.
- **Latency:** ${SEQUENTIAL_ROUNDS} rounds of ${SEQUENTIAL_PER_ROUND} documents one after another per method, the order rotated
  every round, ${sequential.pipeline.length} documents each; median and p90 per document.
- **Throughput:** at 1, 2 and 4 documents in flight: for (a) a service whose pool concurrency is
  the level, for (b) and (b2) that many pages; ${THROUGHPUT_ROUNDS} rotated rounds of ${THROUGHPUT_PER_ROUND} documents per method.
- **Memory:** twice, a service with pool concurrency = cores (${cores}): as shipped (the browser is
  recycled every 1,000 renders) and with recycling off (a restart can hide a leak); after 50 warm-up renders, ${RSS_RENDERS} renders
  with ${cores} in flight, sampling every ${RSS_EVERY} the sum of VmRSS (/proc/<pid>/status) of the node process
  and every descendant (the Chromium browser, zygotes, renderers, GPU/utility processes), and the
  sum of their PSS (/proc/<pid>/smaps_rollup). RSS sums count shared pages once per process, so
  the RSS level is overstated; PSS is the honest level, and the growth is what the target is about.
  The first sample follows 50 warm-up renders; the growth from the second sample on excludes the
  caches that fill during the first ${RSS_EVERY} renders.
${[shipped, noRecycle].map((run) => `  Restart after ${run.restartAfter}: ${RSS_RENDERS} renders took ${fmt(run.seconds)} s; pool stats at the end: ${run.stats.completed} completed, ${run.stats.failed} failed, ${run.stats.restarts} restarts, ${run.stats.crashes} crashes.`).join('\n')}

### Results

${table}

### Against the targets of issue 2

${targets}

### Memory samples

${rssTable}
`;
  writeSection('render', section);
}

await main();
