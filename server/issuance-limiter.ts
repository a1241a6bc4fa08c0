import type { FastifyRequest } from 'fastify';
import {
  decideIssuance,
  EMPTY_ISSUANCE_WINDOW,
  isIssuanceWindowIdle,
  type IssuanceLimitKind,
  type IssuanceLimits,
  type IssuanceWindow,
  maxOf,
} from '../core/issuance-limit.js';
import type { Configuration } from '../office/configuration.js';
import { isLoopbackAddress } from './auth.js';
import type { AuditTrail } from '../office/audit-trail.js';

/** Forgotten sources are swept at most this often, so the map holds only recently active ones. */
const SWEEP_EVERY_MS = 60_000;

export interface IssuanceRefusal {
  limit: IssuanceLimitKind;
  max: number;
  retryAfterSeconds: number;
}

/**
 * Counts tickets per source in memory: a restart forgets the counts, which at worst lets one
 * source issue a second batch right after a restart — acceptable, since the limit stops floods,
 * not single tickets, and a restart is not something a kiosk caller can cause.
 *
 * A source is a paired kiosk (by its device id, wherever it connects from) or, without a kiosk
 * token, the address — every loopback address being one source, the host's own kiosk, so that
 * rotating through 127.x.y.z gains nothing. Staff are not limited: a clerk issuing at the counter
 * serves the person in front of them, and a queue must never stop because a clerk was quick.
 * Appointment check-in does not count either: each booking code gives one ticket once, the codes
 * are made by staff, and guessing them has a limit of its own.
 */
export class IssuanceLimiter {
  private readonly windows = new Map<string, IssuanceWindow>();
  private lastSweep = 0;

  constructor(
    private readonly configuration: Configuration,
    private readonly auditTrail: AuditTrail,
    private readonly clock: () => number,
  ) {}

  limits(): IssuanceLimits {
    return this.configuration.setting('issuanceLimits');
  }

  /** Counts the ticket this request asks for, or says why it may not have one now. */
  admit(request: FastifyRequest, ticket: { urgent: boolean }): IssuanceRefusal | null {
    if (request.caller.staff) return null;
    const now = this.clock();
    this.sweep(now);
    const source = sourceOf(request);
    const limits = this.limits();
    const decision = decideIssuance(this.windows.get(source.key) ?? EMPTY_ISSUANCE_WINDOW, ticket, limits, now);
    this.windows.set(source.key, decision.window);
    if (decision.allowed) return null;
    const max = maxOf(decision.limit, limits);
    if (decision.logRefusal) {
      // Which kiosk or what kind of address, never the address itself: an office PC's address can
      // point at the person working at it.
      this.auditTrail.issuanceRefused({ ...source.event, limit: decision.limit, max });
    }
    return { limit: decision.limit, max, retryAfterSeconds: decision.retryAfterSeconds };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (isIssuanceWindowIdle(window, now)) this.windows.delete(key);
  }
}

function sourceOf(request: FastifyRequest): { key: string; event: Record<string, unknown> } {
  const { kioskId } = request.caller;
  if (kioskId !== null) return { key: `kiosk:${kioskId}`, event: { kioskId } };
  const address = request.socket.remoteAddress ?? 'unknown';
  if (isLoopbackAddress(address)) return { key: 'address:loopback', event: { kioskId: null, addressKind: 'loopback' } };
  return { key: `address:${address.replace(/^::ffff:/, '')}`, event: { kioskId: null, addressKind: 'network' } };
}
