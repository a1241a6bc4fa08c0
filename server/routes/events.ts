import { ErrorAnswers, NotJson } from '../../contract/errors.js';
import { EventStreamQuery } from '../../contract/host.js';
import { audienceOfRole } from '../../core/events.js';
import { planResume } from '../../core/live-resume.js';
import { officeDayOf, startOfOfficeDay } from '../../core/office-day.js';
import type { App, HostContext } from '../context.js';
import { ApiError } from '../errors.js';
import { LiveConnection, REPLAY_CHUNK } from '../live-connection.js';
import { PublicReplayBlocks } from '../public-replay-blocks.js';
import { ReplayTurns } from '../replay-turns.js';
import { watchSession } from '../session-watch.js';
import { StreamLimits } from '../stream-limits.js';

/**
 * What one stalled client may cost: text queued behind its full socket. An office day's busiest
 * second is a few kilobytes of events; a client this far behind is not reading.
 */
const MAX_QUEUED_BYTES = 256 * 1024;
/** Shared public replay blocks kept: a busy day's calls, a few megabytes. */
const PUBLIC_BLOCKS_KEPT = 500;
/** The event loop's time per turn for replays, all clients together. */
const REPLAY_BUDGET_MS = 4;

/**
 * Server-Sent Events. `id:` is the event sequence: a client that reconnects with `Last-Event-ID`
 * (browsers send it by themselves) or `?lastEventId=` gets what it missed, in order, before live
 * events — staff everything, anyone else today's public events (see core/live-resume.ts). Each
 * caller sees only the events its audience may (core/events.ts). A staff stream ends as soon as
 * its session does. Streams are capped per client address and in all.
 */
export function eventRoutes(app: App, { store, bus, config }: HostContext): void {
  const limits = new StreamLimits({ perAddress: config.liveStreamsPerAddress, total: config.liveStreamsTotal });
  const replayTurns = new ReplayTurns(REPLAY_BUDGET_MS);
  const publicBlocks = new PublicReplayBlocks(store, REPLAY_CHUNK, PUBLIC_BLOCKS_KEPT);
  const open = new Set<LiveConnection>();
  // Streams never end by themselves: cut them before the host closes, and with it the database.
  app.addHook('preClose', async () => open.forEach((connection) => connection.abort()));
  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Live event stream (text/event-stream)',
        querystring: EventStreamQuery,
        response: { 200: NotJson('text/event-stream', 'Server-Sent Events; `id:` is the event sequence'), ...ErrorAnswers },
      },
    },
    (request, reply) => {
      const release = limits.admit(request.socket.remoteAddress);
      if (!release) {
        reply.header('retry-after', '10');
        throw new ApiError(429, 'too_many_streams', 'Too many live streams are open from this address or on this host; try again shortly.');
      }
      const header = Number(request.headers['last-event-id']);
      const requested = Number.isInteger(header) && header >= 0 ? header : request.query.lastEventId;
      const viewer = audienceOfRole(request.caller.staff?.role ?? null);
      const startOfToday = startOfOfficeDay(officeDayOf(config.clock()));
      const lastSeq = store.events.lastSeq();
      const plan = planResume(requested, viewer, { lastSeq, firstSeqToday: store.events.firstSeqFrom(startOfToday), startOfToday });
      const sessionHash = request.caller.staff ? request.caller.sessionTokenHash : null;
      const sessionPolicy = { idleMinutes: config.sessionIdleMinutes, clock: config.clock };

      reply.hijack();
      const connection = new LiveConnection(reply.raw, store, bus, {
        viewer,
        plan,
        lastSeq,
        heartbeatMs: config.liveHeartbeatMs,
        writer: { maxQueuedBytes: MAX_QUEUED_BYTES, stallMs: config.liveStallMs },
        replayTurns,
        ...(viewer === 'public' ? { publicBlocks } : {}),
        ...(sessionHash === null ? {} : { watchSession: (end: () => void) => watchSession(store, sessionHash, sessionPolicy, end) }),
        onClose: () => {
          open.delete(connection);
          release();
        },
      });
      open.add(connection);
    },
  );
}
