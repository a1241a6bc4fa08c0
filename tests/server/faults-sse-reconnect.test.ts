import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPublicEvent, type OfficeEvent } from '../../core/events.js';
import { allowTicketBursts } from '../support/issuance-limits.js';
import { OfficeTraffic } from '../support/office-traffic.js';
import { readEventLog, readStream, sessionCookie, type SseEvent } from '../support/sse.js';
import { ADMIN_PASSWORD, Client, clerks, startTestHost, type TestHost } from '../support/test-host.js';

let running: TestHost;
beforeAll(async () => {
  running = await startTestHost();
  await allowTicketBursts(running.url);
});
afterAll(async () => running.stop());

interface CutPlan {
  /** Bytes after which each connection in turn is cut, often in the middle of an event. */
  cutsAfterBytes: number[];
  /** How long the screen stays away before reconnecting, while events go on. */
  awayMs: number;
}

/**
 * A screen on the live stream whose network keeps failing. Like a browser's EventSource it
 * reconnects with Last-Event-ID set to the last whole event it received.
 */
class FlakyScreen {
  readonly received: SseEvent[] = [];
  reconnects = 0;
  private lastId: number;
  private target: number | null = null;
  private connection = new AbortController();
  readonly done: Promise<void>;

  constructor(
    private readonly url: string,
    since: number,
    private readonly cookie: string | null,
    private readonly plan: CutPlan,
  ) {
    this.lastId = since;
    this.done = this.run();
  }

  /** The screen may hang up once it has the event `seq`. */
  finishAt(seq: number): void {
    this.target = seq;
    if (this.lastId >= seq) this.connection.abort();
  }

  private get finished(): boolean {
    return this.target !== null && this.lastId >= this.target;
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.finished; attempt++) {
      this.connection = new AbortController();
      const ending = await readStream(`${this.url}/api/events`, {
        headers: { 'last-event-id': String(this.lastId), ...(this.cookie ? { cookie: this.cookie } : {}) },
        cutAfterBytes: this.plan.cutsAfterBytes[attempt],
        signal: this.connection.signal,
        timeoutMs: 15_000,
        onEvent: (event) => {
          this.received.push(event);
          this.lastId = event.id;
          return !this.finished;
        },
      });
      if (ending === 'cut') {
        this.reconnects++;
        await new Promise((resolve) => setTimeout(resolve, this.plan.awayMs));
      }
    }
  }
}

const cutPlan = fc.record({
  cutsAfterBytes: fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 6 }),
  awayMs: fc.integer({ min: 0, max: 40 }),
});

describe('screens whose connection is cut while events flow', () => {
  it('each end with the complete, ordered sequence after reconnecting with Last-Event-ID', async () => {
    const staff = await clerks(running.url, 2);
    for (const [i, clerk] of staff.entries()) await clerk.post(`/api/counters/${i + 1}/open`);
    const cookie = await sessionCookie(running.url, 'admin', ADMIN_PASSWORD);
    const kiosk = new Client(running.url);

    await fc.assert(
      fc.asyncProperty(fc.array(cutPlan, { minLength: 3, maxLength: 3 }), fc.array(cutPlan, { minLength: 2, maxLength: 2 }), async (staffPlans, publicPlans) => {
        const since = (await kiosk.get('/api/display')).body.lastSeq as number;
        const staffScreens = staffPlans.map((plan) => new FlakyScreen(running.url, since, cookie, plan));
        const publicScreens = publicPlans.map((plan) => new FlakyScreen(running.url, since, null, plan));
        const traffic = new OfficeTraffic([kiosk], staff.map((client, i) => ({ client, counterId: i + 1 })));
        await traffic.until(() => traffic.acknowledgedWrites >= 60);
        await traffic.stop();
        expect(traffic.surprises).toEqual([]);

        const expected = (await readEventLog(running.url, cookie)).filter((e) => e.seq > since);
        const expectedPublic = expected.map(toPublicEvent).filter((e) => e !== null);
        staffScreens.forEach((screen) => screen.finishAt(expected.at(-1)!.seq));
        publicScreens.forEach((screen) => screen.finishAt(expectedPublic.at(-1)!.seq));
        await Promise.all([...staffScreens, ...publicScreens].map((screen) => screen.done));

        for (const screen of staffScreens) {
          expect(screen.received.map((e) => e.id)).toEqual(expected.map((e) => e.seq));
          expect(screen.received.map((e) => e.data as OfficeEvent)).toEqual(expected);
        }
        for (const screen of publicScreens) {
          expect(screen.received.map((e) => e.id)).toEqual(expectedPublic.map((e) => e.seq));
          expect(screen.received.map((e) => e.data)).toEqual(expectedPublic);
        }
        // The plans did cut: every screen lost its connection at least once mid-stream.
        for (const screen of [...staffScreens, ...publicScreens]) expect(screen.reconnects).toBeGreaterThan(0);
      }),
      { numRuns: 3, endOnFailure: true },
    );
  });
});
