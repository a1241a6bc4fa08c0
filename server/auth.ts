import type { FastifyRequest } from 'fastify';
import type { StaffRole } from '../core/types.js';
import type { StaffMember } from '../db/staff.js';
import { isStorageFailure } from '../db/storage-failure.js';
import type { Store, StoreWriter } from '../db/store.js';
import { ApiError, forbidden, unauthorized } from './errors.js';
import { hashToken } from './secrets.js';

export const SESSION_COOKIE = 'bs_session';

/** Who is behind a request, worked out once per request from its cookie, bearer token and address. */
export interface Caller {
  staff: StaffMember | null;
  /** A paired kiosk PC (bearer token) or the host's own kiosk (loopback). */
  kiosk: boolean;
  /** The paired kiosk PC whose bearer token came with the request; null for loopback without one. */
  kioskId: number | null;
  sessionTokenHash: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
}

export interface SessionPolicy {
  idleMinutes: number;
  clock: () => number;
  /**
   * Called when an idle session is found expired: the host ends it and closes the clerk's
   * counter through the office (SignIn.sessionExpired), so identifying a caller writes nothing itself.
   */
  onExpired: (staffId: number, tokenHash: string) => void;
}

export function identifyCaller(request: FastifyRequest, store: Store, policy: SessionPolicy): Caller {
  const caller: Caller = { staff: null, kiosk: false, kioskId: null, sessionTokenHash: null };
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const tokenHash = hashToken(token);
    const session = store.sessions.find(tokenHash);
    const now = policy.clock();
    if (session) {
      if (isIdleExpired(session, now, policy.idleMinutes)) {
        policy.onExpired(session.staffId, tokenHash);
      } else {
        const staff = store.staff.get(session.staffId);
        if (staff?.active) {
          // Touch at most once a minute: a busy counter should not write on every poll.
          if (now - session.lastSeenAt > 60_000) touchBestEffort(store, (tx) => tx.sessions.touch(tokenHash, now));
          caller.staff = staff;
          caller.sessionTokenHash = tokenHash;
        }
      }
    }
  }
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    // A credential that was presented but is not (or no longer) valid is refused, never ignored:
    // otherwise a revoked kiosk on the host PC would carry on as the loopback kiosk.
    const bearer = /^Bearer (\S+)$/i.exec(authorization)?.[1];
    const device = bearer ? store.kioskDevices.findActive(hashToken(bearer)) : undefined;
    if (!device) throw invalidToken();
    const now = policy.clock();
    // Like sessions, "last seen" is written at most once a minute: a kiosk polls all day.
    if (device.lastSeenAt === null || now - device.lastSeenAt > 60_000) touchBestEffort(store, (tx) => tx.kioskDevices.touch(device.id, now));
    caller.kiosk = true;
    caller.kioskId = device.id;
  }
  if (isLoopbackAddress(request.socket.remoteAddress)) caller.kiosk = true;
  return caller;
}

function invalidToken(): ApiError {
  return new ApiError(401, 'invalid_token', 'This kiosk token is not valid (revoked or unknown). Pair the kiosk again.');
}

/**
 * A session's or kiosk's "last seen" write. On a full or read-only disk it fails; the request goes
 * on (a read must not fail for it), and the next request tries again. A session whose touches the
 * disk refuses for the whole idle time expires as if unused.
 */
function touchBestEffort(store: Store, write: (tx: StoreWriter) => void): void {
  try {
    store.change((tx) => ({ result: write(tx), events: [] }));
  } catch (error) {
    if (!isStorageFailure(error)) throw error;
  }
}

function isIdleExpired(session: { lastSeenAt: number }, now: number, idleMinutes: number): boolean {
  return now - session.lastSeenAt > idleMinutes * 60_000;
}

/**
 * Whether a session a long-lived connection was opened with still stands: not logged out, not
 * ended by a password reset or deactivation, not idle too long, and its member still active.
 * Read-only: the member's next ordinary request deletes an idle session and closes their counter.
 */
export function sessionStillValid(store: Store, tokenHash: string, policy: Pick<SessionPolicy, 'idleMinutes' | 'clock'>): boolean {
  const session = store.sessions.find(tokenHash);
  if (!session || isIdleExpired(session, policy.clock(), policy.idleMinutes)) return false;
  return store.staff.get(session.staffId)?.active === true;
}

/** A connection from this PC itself (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address === '::1' || (address?.replace(/^::ffff:/, '').startsWith('127.') ?? false);
}

export function requireStaff(request: FastifyRequest, roles?: readonly StaffRole[]): StaffMember {
  const staff = request.caller.staff;
  if (!staff) throw unauthorized();
  if (roles && !roles.includes(staff.role)) throw forbidden();
  return staff;
}

/** Ticket issuing and ID checks: the office's own kiosks and logged-in staff. */
export function requireKioskOrStaff(request: FastifyRequest): void {
  if (request.caller.kiosk || request.caller.staff) return;
  throw unauthorized('Only a paired kiosk or logged-in staff may do this.');
}
