/**
 * bench/render: the full pipeline (renderDocument from compose) against raw Chromium printing the
 * same HTML on a warm plain page, in one process. `npm run bench`; `--quick` for a smoke run.
 * Writes docs/benchmarks.md. Numbers, not assertions: the tests never time anything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { documentKinds } from '../src/catalog/index.js';
import { compose, type Service } from '../src/compose.js';
import { loadConfig } from '../src/config/index.js';
import type { Logger } from '../src/log/index.js';
import { createRandomDocumentNumbers } from '../src/registry/index.js';
import { chromiumLauncher, locateChromium } from '../src/render/index.js';
import { createRenderDocument } from '../src/usecases/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUICK = process.argv.includes('--quick');
const SEQUENTIAL_ROUNDS = QUICK ? 2 : 10;
const SEQUENTIAL_PER_ROUND = QUICK ? 5 : 12;
const THROUGHPUT_ROUNDS = QUICK ? 1 : 3;
const THROUGHPUT_PER_ROUND = QUICK ? 10 : 60;
const RSS_RENDERS = QUICK ? 200 : 2000;
const RSS_EVERY = QUICK ? 50 : 200;
const LEVELS = [1, 2, 4] as const;
const PDF_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true } as const;

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const request = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'documents', 'unemployed-certificate.kk+ru.json'), 'utf8')) as unknown;

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** service composes the real service with a given pool size, as `qujat serve` would. */
function service(concurrency: number, extra: Record<string, string> = {}): Service {
  const chromium = locateChromium(process.env.QUJAT_CHROMIUM ?? process.env.PUPPETEER_EXECUTABLE_PATH);
  const config = loadConfig(
    { QUJAT_CHROMIUM: chromium.found ?? '', QUJAT_RENDER_CONCURRENCY: String(concurrency), QUJAT_LOG_LEVEL: 'silent', ...extra },
    { cores: os.availableParallelism(), cwd: ROOT },
  );
  return compose(config, { logger: silent });
}

/** captureHtml runs the real use case with a printer that keeps the HTML instead of printing it. */
async function captureHtml(templates: Service['templates']): Promise<string> {
  let captured = '';
  const renderDocument = createRenderDocument({
    kinds: documentKinds,
    templates,
    printer: {
      print: async (html) => {
        captured = html;
        return { bytes: new Uint8Array(0), pages: 0 };
      },
    },
    numbers: createRandomDocumentNumbers(),
    clock: { now: () => new Date() },
  });
  await renderDocument(request);
  return captured;
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
      const document = await svc.renderDocument(request);
      return document.bytes;
    },
  };
}

async function rawPages(browser: Browser, count: number, html: string): Promise<Method & { pages: Page[] }> {
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) pages.push(await browser.newPage());
  return {
    name: 'raw',
    pages,
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

/** processTreeRssMb sums VmRSS of a process and all its descendants (Chromium's whole tree). */
function processTreeRssMb(rootPid: number): { total: number; processes: number } {
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
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total: totalKb / 1024, processes };
}

function cpuModel(): string {
  const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
  return line ? line.split(':')[1]!.trim() : os.cpus()[0]?.model ?? 'unknown';
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main(): Promise<void> {
  const started = new Date();
  const load = [os.loadavg()];
  const cores = os.availableParallelism();
  log(`bench/render ${QUICK ? '(quick) ' : ''}on ${cores} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  // The raw side: a browser started the same way (same flags, same launcher), plain pages.
  const chromiumPath = locateChromium(process.env.QUJAT_CHROMIUM ?? process.env.PUPPETEER_EXECUTABLE_PATH).found;
  if (!chromiumPath) throw new Error('no Chromium found; set QUJAT_CHROMIUM');
  const rawBrowser = await chromiumLauncher(chromiumPath)();
  const chromiumVersion = await rawBrowser.version();

  const services = new Map<number, Service>();
  for (const level of LEVELS) services.set(level, service(level));
  const html = await captureHtml(services.get(1)!.templates);
  const raw = await rawPages(rawBrowser, Math.max(...LEVELS), html);

  // Warm-up: browsers started, pages prepared, fonts cached, JIT warm.
  for (const level of LEVELS) {
    const svc = services.get(level)!;
    await svc.pool.warm();
    await timedParallel(pipeline(svc), level, 10 * level);
  }
  await timedParallel(raw, Math.max(...LEVELS), 40);
  const sampleSizes = { pipeline: (await pipeline(services.get(1)!).once(0)), raw: await raw.once(0) };
  log(`warm; one PDF is ${sampleSizes.pipeline} bytes (pipeline) and ${sampleSizes.raw} bytes (raw)`);

  // 1. Sequential latency, rounds interleaved so that a noisy neighbour hurts both alike.
  const sequential = { pipeline: [] as number[], raw: [] as number[] };
  for (let round = 0; round < SEQUENTIAL_ROUNDS; round++) {
    const [first, second] = round % 2 === 0 ? (['pipeline', 'raw'] as const) : (['raw', 'pipeline'] as const);
    for (const which of [first, second]) {
      const method = which === 'pipeline' ? pipeline(services.get(1)!) : raw;
      sequential[which].push(...(await timedSequential(method, SEQUENTIAL_PER_ROUND)));
    }
  }
  log(`sequential: pipeline ${fmt(median(sequential.pipeline))} ms, raw ${fmt(median(sequential.raw))} ms (median of ${sequential.raw.length})`);

  // 2. Throughput at 1, 2 and 4 in flight: the pool sized to the level, or that many raw pages.
  const throughput = new Map<number, { pipeline: number; raw: number }>();
  for (const level of LEVELS) {
    const totals = { pipeline: { docs: 0, ms: 0 }, raw: { docs: 0, ms: 0 } };
    for (let round = 0; round < THROUGHPUT_ROUNDS * 2; round++) {
      const which = round % 2 === 0 ? 'pipeline' : 'raw';
      const method = which === 'pipeline' ? pipeline(services.get(level)!) : raw;
      totals[which].ms += await timedParallel(method, level, THROUGHPUT_PER_ROUND);
      totals[which].docs += THROUGHPUT_PER_ROUND;
    }
    const rate = (t: { docs: number; ms: number }) => (t.docs * 1000) / t.ms;
    throughput.set(level, { pipeline: rate(totals.pipeline), raw: rate(totals.raw) });
    log(`concurrency ${level}: pipeline ${fmt(rate(totals.pipeline))} docs/s, raw ${fmt(rate(totals.raw))} docs/s`);
  }
  await rawBrowser.close();
  for (const svc of services.values()) await svc.stop();

  // 3. RSS of node and every Chromium process over many pipeline renders, at concurrency = cores,
  // with recycling off so that a restart cannot hide a leak.
  const rssService = service(cores, { QUJAT_RENDER_RESTART_AFTER: String(RSS_RENDERS * 10) });
  await rssService.pool.warm();
  await timedParallel(pipeline(rssService), cores, 50);
  const rss: Array<{ renders: number; mb: number; processes: number }> = [];
  const sample = (renders: number) => {
    const { total, processes } = processTreeRssMb(process.pid);
    rss.push({ renders, mb: total, processes });
  };
  sample(0);
  const rssStart = performance.now();
  for (let done = 0; done < RSS_RENDERS; done += RSS_EVERY) {
    await timedParallel(pipeline(rssService), cores, RSS_EVERY);
    sample(done + RSS_EVERY);
    log(`rss after ${done + RSS_EVERY}: ${fmt(rss[rss.length - 1]!.mb)} MB in ${rss[rss.length - 1]!.processes} processes`);
  }
  const rssSeconds = (performance.now() - rssStart) / 1000;
  const rssStats = rssService.pool.stats();
  await rssService.stop();
  load.push(os.loadavg());

  // Report.
  const seqPipe = median(sequential.pipeline);
  const seqRaw = median(sequential.raw);
  const growth = rss[rss.length - 1]!.mb - rss[0]!.mb;
  const atCores = throughput.get(cores as 1 | 2 | 4) ?? throughput.get(2)!;
  const latencyRatio = seqPipe / seqRaw;
  const throughputRatio = atCores.pipeline / atCores.raw;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

  const table = [
    '| measure | pipeline (a) | raw Chromium (b) | a / b |',
    '|---|---:|---:|---:|',
    `| median ms/doc, sequential (n = ${sequential.pipeline.length} each) | ${fmt(seqPipe)} | ${fmt(seqRaw)} | ${fmt(latencyRatio, 2)} |`,
    `| p90 ms/doc, sequential | ${fmt(percentile(sequential.pipeline, 90))} | ${fmt(percentile(sequential.raw, 90))} | ${fmt(percentile(sequential.pipeline, 90) / percentile(sequential.raw, 90), 2)} |`,
    ...LEVELS.map((level) => {
      const t = throughput.get(level)!;
      return `| docs/s at concurrency ${level} (${THROUGHPUT_ROUNDS * THROUGHPUT_PER_ROUND} docs each) | ${fmt(t.pipeline)} | ${fmt(t.raw)} | ${fmt(t.pipeline / t.raw, 2)} |`;
    }),
    `| RSS node + Chromium, after warm-up → after ${RSS_RENDERS} renders (MB) | ${fmt(rss[0]!.mb)} → ${fmt(rss[rss.length - 1]!.mb)} (+${fmt(growth)}) | — | — |`,
  ].join('\n');
  const rssTable = ['| renders | RSS MB | processes |', '|---:|---:|---:|', ...rss.map((r) => `| ${r.renders} | ${fmt(r.mb)} | ${r.processes} |`)].join('\n');
  const targets = [
    '| target (issue 2) | measured | verdict |',
    '|---|---|---|',
    `| median latency ≤ 1.25 × raw | ${fmt(latencyRatio, 2)} × | ${verdict(latencyRatio <= 1.25)} |`,
    `| throughput at concurrency = cores (${cores}) ≥ 0.9 × raw | ${fmt(throughputRatio, 2)} × | ${verdict(throughputRatio >= 0.9)} |`,
    `| RSS growth over ${RSS_RENDERS} renders < 50 MB | ${growth >= 0 ? '+' : ''}${fmt(growth)} MB | ${verdict(growth < 50)} |`,
  ].join('\n');

  process.stdout.write(`\n${table}\n\n${targets}\n\n${rssTable}\n`);

  const doc = `# Benchmarks

## bench/render: the render pipeline against raw Chromium

Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${QUICK ? ' (**quick smoke run, small samples**)' : ''}.
Command: \`npm run bench\` (\`node dist/bench/render.js\`), one process.

**Machine:** ${cores} cores (\`nproc\`), ${cpuModel()}, ${fmt(os.totalmem() / 1024 ** 3)} GB RAM; Node ${process.version};
${chromiumVersion} (${chromiumPath}). The machine was shared: other engineers were running
Chromium and test suites at the same time (load average ${load[0]!.map((l) => l.toFixed(2)).join(' / ')} at the start,
${load[1]!.map((l) => l.toFixed(2)).join(' / ')} at the end), so absolute numbers are noisy; the ratios are
what the rounds are interleaved for.

### Method

- **(a) pipeline:** \`renderDocument\` of the service built by \`compose()\` from \`loadConfig\`:
  zod validation, a document number, Handlebars, then the browser pool (one Chromium, pooled
  pages with JavaScript off, request interception answering the fonts from memory), \`page.pdf\`,
  page count. Input: \`samples/documents/unemployed-certificate.kk+ru.json\` (one page, ${sampleSizes.pipeline} bytes).
- **(b) raw:** a second Chromium started by the same launcher with the same flags; the very same
  HTML (captured from the real use case with a printer that keeps it), printed on warm plain
  pages with \`page.setContent(html, { waitUntil: 'load' })\` and \`page.pdf()\` with the same
  options, no interception. A plain \`about:blank\` page cannot resolve the template's
  \`/fonts/…\` URLs, so raw Chromium prints with the system's fonts instead of ours (${sampleSizes.raw} bytes):
  it does slightly less work (no font requests, no interception), which favours raw.
- Warm-up before measuring: each pool started and 10 × level documents printed, 40 raw documents.
- **Latency:** ${SEQUENTIAL_ROUNDS} rounds of ${SEQUENTIAL_PER_ROUND} documents one after another, pipeline and raw
  alternating (and swapping which goes first), ${sequential.pipeline.length} documents each; median and p90 per document.
- **Throughput:** at 1, 2 and 4 documents in flight: for (a) a service whose pool concurrency is
  the level, for (b) that many raw pages; ${THROUGHPUT_ROUNDS} interleaved rounds of ${THROUGHPUT_PER_ROUND} documents each.
- **Memory:** a service with pool concurrency = cores (${cores}) and recycling off (the default recycles
  the browser every 1,000 renders, which would hide a leak); after 50 warm-up renders, ${RSS_RENDERS} renders
  with ${cores} in flight, sampling every ${RSS_EVERY} the sum of VmRSS (/proc/<pid>/status) of the node process
  and every descendant (the Chromium browser, zygotes, renderers, GPU/utility processes). RSS sums
  count shared pages once per process, so the level is overstated; the growth is what matters.
  ${RSS_RENDERS} renders took ${fmt(rssSeconds)} s; pool stats at the end: ${rssStats.completed} completed, ${rssStats.failed} failed, ${rssStats.restarts} restarts, ${rssStats.crashes} crashes.

### Results

${table}

### Against the targets of issue 2

${targets}

### RSS samples

${rssTable}
`;
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), doc);
  log('wrote docs/benchmarks.md');
}

await main();
