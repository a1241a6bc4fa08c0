import { parentPort } from 'node:worker_threads';
import { runPlanningJob, type PlanningJob } from '../core/planning/jobs.js';

/**
 * The planner's worker thread (started by server/planning-pool.ts): one job at a time, plain
 * data in and out. It imports only the pure planner, never the database or the host.
 */
export type WorkerAnswer = { ok: true; result: unknown } | { ok: false; message: string };

parentPort?.on('message', (job: PlanningJob) => {
  let answer: WorkerAnswer;
  try {
    answer = { ok: true, result: runPlanningJob(job) };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
