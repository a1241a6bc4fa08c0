import path from 'node:path';
import { openStore, type Store } from '../db/store.js';
import type { IssueTicketRequest } from '../contract/tickets.js';
import { Office } from '../office/queue.js';
import { seedIfEmpty } from '../server/seed.js';
import { makeTempDir, removeTempDir } from './cleanup.js';
import { figure, now, quantile, repeatBounded, type BenchContext, type Figure, type Mode } from './harness.js';
import { BENCH_ADMIN_PASSWORD } from './server-process.js';

/**
 * Call-next on a long queue, core + db without HTTP: the host's own Office on a real SQLite file.
 * Each cycle calls the next ticket (timed), finishes it and issues a new one, so the queue stays
 * at WAITING_TICKETS. The baseline is a primary-key SELECT on the same connection.
 */
const WAITING_TICKETS = 10_000;
const SETTINGS: Record<Mode, { warmupCycles: number; cycles: number; maxMs: number; selectBatches: number }> = {
  quick: { warmupCycles: 20, cycles: 300, maxMs: 8_000, selectBatches: 300 },
  full: { warmupCycles: 50, cycles: 3_000, maxMs: 60_000, selectBatches: 1_000 },
};
const SELECTS_PER_BATCH = 1_000;
const SERVICE_CODES = ['M', 'P', 'K', 'A'];
/** Every twentieth citizen brings a hospital summons, so the urgent lane and its streak rule are exercised. */
const URGENT_EVERY = 20;
/** The password is only hashed once, at seeding; the cheapest cost the host accepts keeps that short. */
const PASSWORD_HASH_COST = 14;

export async function benchCallNext(ctx: BenchContext): Promise<Figure[]> {
  const settings = SETTINGS[ctx.mode];
  const dir = makeTempDir('call-next');
  const store = openStore(path.join(dir, 'office.sqlite'));
  try {
    const office = new Office(store, Date.now);
    await seedIfEmpty(store, BENCH_ADMIN_PASSWORD, PASSWORD_HASH_COST, Date.now());
    const clerkId = store.staff.findForLogin('admin')!.member.id;
    const counterId = store.counters.list()[0]!.id;
    office.openCounter(counterId, clerkId);

    let issued = 0;
    const issueOne = () => office.issueTicket(ticketRequest(issued++), { staffId: null });
    // Issued in one event-loop turn, the whole queue is one group-committed transaction: seeding is not what we measure.
    await Promise.all(Array.from({ length: WAITING_TICKETS }, issueOne));
    const cycle = async (): Promise<number> => {
      const start = now();
      const ticket = office.callNext(counterId, clerkId);
      const elapsed = now() - start;
      if (!ticket) throw new Error('call-next found nobody waiting in a queue of 10,000');
      office.act(ticket.id, { kind: 'finish', outcome: 'other' }, clerkId);
      await issueOne();
      return elapsed;
    };
    for (let i = 0; i < settings.warmupCycles; i++) await cycle();
    const callMs: number[] = [];
    await repeatBounded({ maxCount: settings.cycles, maxMs: settings.maxMs }, async () => void callMs.push(await cycle()));
    const waiting = store.tickets.waiting().length;
    if (waiting !== WAITING_TICKETS) throw new Error(`the queue drifted to ${waiting} tickets`);

    const selectMs = await primaryKeySelectMs(store, issued, settings.selectBatches, settings.maxMs);
    ctx.log(`call-next: ${callMs.length} calls with ${WAITING_TICKETS} waiting; ${selectMs.length} × ${SELECTS_PER_BATCH} primary-key selects`);
    const callP50 = quantile(callMs, 0.5);
    const selectP50 = quantile(selectMs, 0.5);
    return [figure('call_next_ms_10k', callP50, 'ms (median)', selectP50), figure('call_next_baseline_ms', selectP50, 'ms (median)')];
  } finally {
    store.close();
    removeTempDir(dir);
  }
}

function ticketRequest(index: number): IssueTicketRequest {
  const serviceCode = SERVICE_CODES[index % SERVICE_CODES.length]!;
  return index % URGENT_EVERY === 0 ? { serviceCode, urgent: { reason: 'hospital_summons' } } : { serviceCode };
}

/** Per-SELECT time, from batches (one SELECT is too short to time alone). */
async function primaryKeySelectMs(store: Store, maxId: number, batches: number, maxMs: number): Promise<number[]> {
  const byId = store.db.prepare<[number], unknown>('SELECT * FROM tickets WHERE id = ?');
  const perSelectMs: number[] = [];
  await repeatBounded({ maxCount: batches, maxMs }, (batch) => {
    const start = now();
    for (let i = 0; i < SELECTS_PER_BATCH; i++) byId.get(((batch * SELECTS_PER_BATCH + i) * 7919) % maxId + 1);
    perSelectMs.push((now() - start) / SELECTS_PER_BATCH);
  });
  return perSelectMs;
}
