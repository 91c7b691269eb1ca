/** What the benches share: where the project is, the quick mode, a silent logger, progress lines, statistics, docs/benchmarks.md. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../src/log/index.js';

/** ROOT: the project, seen from dist/bench. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** QUICK: `--quick`, a smoke run on small samples. */
export const QUICK = process.argv.includes('--quick');
export const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** log writes a progress line, with the time of day, to stderr: stdout carries the results. */
export function log(line: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** percentile: the nearest-rank value below which p % of the values lie. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** loadAverage: the machine's load over 1, 5 and 15 minutes, as `0.52 / 0.61 / 0.70`. */
export function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(' / ');
}

/**
 * writeSection puts a bench's section (starting `## bench/<name>`) into docs/benchmarks.md,
 * replacing that bench's previous section up to the next `## ` and leaving the others' alone;
 * a blank line keeps it apart from the section after it.
 */
export function writeSection(name: string, section: string): void {
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = previous.indexOf(`## bench/${name}`);
  const end = start < 0 ? -1 : previous.indexOf('\n## ', start + 1);
  const own = `${section.trimEnd()}\n`;
  const next = start < 0 ? `${previous.trimEnd()}\n\n${own}` : `${previous.slice(0, start)}${own}${end < 0 ? '' : `\n${previous.slice(end + 1)}`}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
  log(`wrote the bench/${name} section of docs/benchmarks.md`);
}
