import { Type } from 'typebox';
import { LIVE_HEARTBEAT_EVENT, toPublicEvent, type OfficeEvent } from '../../core/events.js';
import { sessionStillValid } from '../auth.js';
import type { App, HostContext } from '../context.js';

const REPLAY_PAGE = 1000;

/**
 * Server-Sent Events. `id:` is the event sequence: a client that reconnects with `Last-Event-ID`
 * (browsers send it by themselves) or `?lastEventId=` gets everything it missed, in order, before
 * live events. Staff sessions get every event; anyone else only the public projection. A staff
 * stream is ended at the first heartbeat after its session is (logout, password reset,
 * deactivation, idle expiry): the browser reconnects and from then on gets what its cookie allows.
 */
export function eventRoutes(app: App, { store, bus, config }: HostContext): void {
  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Live event stream (text/event-stream)',
        querystring: Type.Object({ lastEventId: Type.Optional(Type.Integer({ minimum: 0 })) }),
      },
    },
    (request, reply) => {
      const header = Number(request.headers['last-event-id']);
      const resumeFrom = Number.isInteger(header) && header >= 0 ? header : request.query.lastEventId;
      const staffSession = request.caller.staff ? request.caller.sessionTokenHash : null;
      const isStaff = staffSession !== null;
      const format = (event: OfficeEvent): string | null => {
        const visible = isStaff ? event : toPublicEvent(event);
        return visible ? `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(visible)}\n\n` : null;
      };

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });

      // Subscribe before replaying, so an event committed during the replay is not lost; the
      // sequence number drops the ones the replay already sent.
      let lastSent = resumeFrom ?? store.events.lastSeq();
      let replaying = true;
      const held: OfficeEvent[] = [];
      const send = (event: OfficeEvent) => {
        if (event.seq <= lastSent) return;
        lastSent = event.seq;
        const text = format(event);
        if (text) res.write(text);
      };
      const unsubscribe = bus.subscribe((event) => (replaying ? held.push(event) : send(event)));

      res.write(`retry: 2000\n: connected\n\n`);
      if (resumeFrom !== undefined) {
        for (let page = store.events.since(lastSent, REPLAY_PAGE); page.length > 0; page = store.events.since(lastSent, REPLAY_PAGE)) {
          page.forEach(send);
        }
      }
      held.forEach(send);
      replaying = false;

      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      const sessionPolicy = { idleMinutes: config.sessionIdleMinutes, clock: config.clock };
      // Keeps proxies from closing an idle stream, and tells the page the stream is alive.
      const heartbeat = setInterval(() => {
        if (staffSession !== null && !sessionStillValid(store, staffSession, sessionPolicy)) {
          stop();
          res.end();
          return;
        }
        res.write(`event: ${LIVE_HEARTBEAT_EVENT}\ndata: {}\n\n`);
      }, config.liveHeartbeatMs);
      request.raw.on('close', stop);
    },
  );
}
