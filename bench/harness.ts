import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from '../core/percentile.js';

export type Mode = 'quick' | 'full';

/** What every benchmark is given. */
export interface BenchContext {
  mode: Mode;
  /** Extra node flags for every host process the benchmarks start (`--profile` adds `--cpu-prof`). */
  hostNodeArgs: string[];
  log(line: string): void;
}

/**
 * One reported number. A figure that depends on how fast this machine is right now also carries
 * the baseline measured in the same run and value / baseline: the office PCs and our shared
 * machines differ, the ratio is what should stay put between runs.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
}

export function figure(name: string, value: number, unit: string, baseline?: number): Figure {
  if (baseline === undefined) return { name, value: round(value), unit };
  return { name, value: round(value), unit, baseline: round(baseline), ratio: round(value / baseline) };
}

/** Four significant digits: the machines are noisier than that anyway. */
function round(value: number): number {
  return Number(value.toPrecision(4));
}

export const now = (): number => performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `p` from 0 to 1; throws on no samples, because a benchmark without samples is a broken benchmark. */
export function quantile(samples: readonly number[], p: number): number {
  const value = percentile(samples, p);
  if (value === null) throw new Error('no samples to take a percentile of');
  return value;
}

export interface Bounds {
  maxCount: number;
  maxMs: number;
}

/** Runs `step` one after another until either bound is reached. */
export async function repeatBounded(bounds: Bounds, step: (index: number) => unknown): Promise<{ count: number; elapsedMs: number }> {
  const start = now();
  let count = 0;
  while (count < bounds.maxCount && now() - start < bounds.maxMs) {
    await step(count);
    count++;
  }
  return { count, elapsedMs: now() - start };
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The machine's state, printed beside the figures: the same code is slower when the box is busy. */
export function machineLine(): string {
  const [one, five] = os.loadavg();
  return `${os.cpus().length} cores, load average ${one!.toFixed(2)} (1 min) ${five!.toFixed(2)} (5 min), node ${process.version}`;
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = [
    ['figure', 'value', 'unit', 'baseline', 'ratio'],
    ...figures.map((f) => [f.name, String(f.value), f.unit, f.baseline === undefined ? '' : String(f.baseline), f.ratio === undefined ? '' : String(f.ratio)]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 || column === 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function writeResults(file: string, figures: readonly Figure[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ figures }, null, 2)}\n`);
}
