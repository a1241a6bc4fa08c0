import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { PlanningJob, PlanningResult } from '../core/planning/jobs.js';
import { ApiError } from './errors.js';
import type { WorkerAnswer } from './planning-worker.js';

export interface PlanningPoolOptions {
  /** Jobs that may wait behind the running one; more are refused with 429 `busy`. */
  maxWaiting: number;
  /** A job running longer is stopped (its worker terminated) and answered 503 `planning_timeout`. */
  timeLimitMs: number;
}

/** One running and three waiting: a few managers planning at once, not a queue that grows all day. */
export const PLANNING_POOL_DEFAULTS: PlanningPoolOptions = { maxWaiting: 3, timeLimitMs: 30_000 };

/** Seconds a refused planner request is told to wait: about one recommendation's time. */
const RETRY_AFTER_SECONDS = 5;

interface Job {
  job: PlanningJob;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * Runs the planner's simulations on one worker thread, so "call next", the kiosks and the
 * display never wait for a recommendation (seconds of arithmetic). One worker: the office PC has
 * two cores and the host keeps one. The worker starts at the first job and is replaced when a job
 * overruns its time limit; `close` (the host's close) stops it and answers every job still there.
 */
export class PlanningPool {
  private worker: Worker | null = null;
  private running: (Job & { timer: NodeJS.Timeout }) | null = null;
  private readonly waiting: Job[] = [];
  private closed = false;

  constructor(private readonly options: PlanningPoolOptions = PLANNING_POOL_DEFAULTS) {}

  run<J extends PlanningJob>(job: J): Promise<PlanningResult<J>> {
    if (this.closed) return Promise.reject(stopped());
    if (this.running && this.waiting.length >= this.options.maxWaiting) {
      return Promise.reject(new ApiError(429, 'busy', 'The planner is busy with other plans; try again in a moment.', { 'retry-after': String(RETRY_AFTER_SECONDS) }));
    }
    return new Promise<PlanningResult<J>>((resolve, reject) => {
      this.waiting.push({ job, resolve: resolve as (result: unknown) => void, reject });
      this.startNext();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(stopped());
    this.settle({ ok: false, error: stopped() });
    await this.stopWorker();
  }

  private startNext(): void {
    if (this.running || this.closed) return;
    const next = this.waiting.shift();
    if (!next) return;
    const worker = (this.worker ??= this.startWorker());
    const timer = setTimeout(() => {
      this.settle({ ok: false, error: new ApiError(503, 'planning_timeout', `The plan took longer than ${this.options.timeLimitMs / 1000} s and was stopped; plan fewer days or fewer counters.`) });
      void this.stopWorker().then(() => this.startNext());
    }, this.options.timeLimitMs);
    this.running = { ...next, timer };
    worker.postMessage(next.job);
  }

  /** Answers the running job (if any) and moves on to the next. */
  private settle(outcome: { ok: true; result: unknown } | { ok: false; error: Error }): void {
    const job = this.running;
    if (!job) return;
    clearTimeout(job.timer);
    this.running = null;
    if (outcome.ok) job.resolve(outcome.result);
    else job.reject(outcome.error);
  }

  private startWorker(): Worker {
    const worker = new Worker(...workerEntry());
    // The host's server keeps the process alive; an idle planner must not.
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      if (worker !== this.worker) return;
      this.settle(answer.ok ? answer : { ok: false, error: new Error(`planner: ${answer.message}`) });
      this.startNext();
    });
    const lost = (error: Error) => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.settle({ ok: false, error });
      this.startNext();
    };
    worker.on('error', (error) => lost(error));
    worker.on('exit', (code) => lost(new Error(`planner: the worker thread stopped (exit code ${code})`)));
    return worker;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

function stopped(): ApiError {
  return new ApiError(503, 'planning_stopped', 'The office host is closing; the plan was stopped.');
}

/**
 * The worker's file next to this module: plain JS in the built host (dist/server). Under vitest
 * and tsx this module is the TS source; Node 20 does not apply `--import tsx` given in a worker's
 * execArgv, so the worker first registers tsx itself (resolved from the project folder, where
 * tests and `npm run bench` run) and then imports the TS source.
 */
function workerEntry(): [string | URL, WorkerOptions] {
  const typescript = import.meta.url.endsWith('.ts');
  const file = new URL(`./planning-worker.${typescript ? 'ts' : 'js'}`, import.meta.url);
  if (!typescript) return [file, {}];
  return [`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); });`, { eval: true }];
}
