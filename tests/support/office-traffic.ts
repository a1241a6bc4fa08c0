import type { Client } from './test-host.js';

const SERVICES = 'MPKA';

export interface AcknowledgedCall {
  ticketId: number;
  counterId: number;
}

/**
 * A busy office against a real host: kiosks issue tickets while clerks call the next citizen and
 * finish, all at once. It records only what the host acknowledged (201/200), because that is what
 * a citizen or a clerk was told. A request cut off by a crash ends its loop and promised nothing.
 */
export class OfficeTraffic {
  /** Ticket id → number, for every ticket whose issue was acknowledged. */
  readonly issued = new Map<number, string>();
  readonly calls: AcknowledgedCall[] = [];
  readonly finished = new Set<number>();
  /** Answers no working office gives (anything but 201 for an issue, 200/204 for a call, 200 for a finish). */
  readonly surprises: string[] = [];
  private stopped = false;
  private readonly loops: Promise<void>[] = [];

  /** Starts one loop per kiosk and per clerk; `clerks[i]` must hold counter `counterIds[i]`. */
  constructor(kiosks: readonly Client[], clerks: readonly { client: Client; counterId: number }[]) {
    kiosks.forEach((kiosk, i) => this.loops.push(this.issueLoop(kiosk, i)));
    for (const clerk of clerks) this.loops.push(this.serveLoop(clerk.client, clerk.counterId));
  }

  get acknowledgedWrites(): number {
    return this.issued.size + this.calls.length + this.finished.size;
  }

  /** Resolves once `condition` holds, or rejects when every loop has ended without it. */
  async until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`office traffic: condition not met in ${timeoutMs} ms (${this.acknowledgedWrites} writes)`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Lets every request in flight finish and starts no more. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  private async issueLoop(kiosk: Client, offset: number): Promise<void> {
    for (let i = offset; !this.stopped; i++) {
      const response = await kiosk.post('/api/tickets', { serviceCode: SERVICES[i % SERVICES.length] }).catch(() => null);
      if (!response) return;
      if (response.status === 201) this.issued.set(response.body.id, response.body.number);
      else this.surprises.push(`issue → ${response.status}`);
    }
  }

  private async serveLoop(clerk: Client, counterId: number): Promise<void> {
    while (!this.stopped) {
      const call = await clerk.post(`/api/counters/${counterId}/call-next`).catch(() => null);
      if (!call) return;
      if (call.status !== 200) {
        if (call.status !== 204) this.surprises.push(`call-next → ${call.status}`);
        // Nobody waiting yet: look again shortly, as a clerk would.
        await new Promise((resolve) => setTimeout(resolve, 2));
        continue;
      }
      this.calls.push({ ticketId: call.body.id, counterId });
      const finish = await clerk.post(`/api/tickets/${call.body.id}/finish`, { outcome: 'other' }).catch(() => null);
      if (!finish) return;
      if (finish.status === 200) this.finished.add(call.body.id);
      else this.surprises.push(`finish → ${finish.status}`);
    }
  }
}
