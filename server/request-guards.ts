import os from 'node:os';
import { isLoopbackAddress } from './auth.js';
import type { HostConfig } from './config.js';
import type { App } from './context.js';
import { ApiError, forbidden } from './errors.js';
import { hostNameCheck } from './host-names.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The media types a state-changing route reads instead of JSON. Only for types a page on
     * another site cannot send without a CORS preflight (which this host never approves).
     */
    bodyMediaTypes?: readonly string[];
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_ONLY: readonly string[] = ['application/json'];
/** `none`: typed into the address bar or opened from a bookmark, i.e. not another site's doing. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * Checks every request must pass before anyone looks at its cookie or token, in one place so that
 * a new route cannot forget them. Registered before the caller is identified: a refused request
 * must not even touch a session (an idle session's expiry closes a counter).
 */
export function registerRequestGuards(app: App, config: HostConfig, certificate: Buffer | undefined): void {
  const isOwnHost = hostNameCheck({
    listenAddress: config.host,
    certificate,
    allowedHosts: config.allowedHosts,
    machineName: os.hostname(),
  });
  const scheme = config.tls ? 'https' : 'http';

  app.addHook('onRequest', async (request) => {
    // DNS rebinding: another site's name resolving to this PC. Checked by name only, not port:
    // the socket already fixes the port, and tests and `PORT=0` do not know theirs in advance.
    if (!isOwnHost(request.headers.host)) {
      throw new ApiError(421, 'wrong_host', 'This office host does not answer to that name. Ask IT to add it to ALLOWED_HOSTS.');
    }
    // Development routes can unplug the reader or feed it documents: only someone at this PC.
    // 403 rather than 404, as for the scanner's stream: the routes are in the OpenAPI document
    // anyway, and a developer on another PC learns why instead of hunting for a typo.
    if (request.routeOptions.url?.startsWith('/api/dev/') && !isLoopbackAddress(request.socket.remoteAddress)) {
      throw forbidden('Development routes answer only on the host PC itself.');
    }
    if (!STATE_CHANGING.has(request.method)) return;
    if (!fromOwnPages(request.headers, `${scheme}://${request.headers.host}`)) {
      throw new ApiError(403, 'cross_origin', 'Changes are accepted only from the office host’s own pages.');
    }
    // A form on any site can POST text/plain, urlencoded or multipart with our cookie and no
    // preflight, and a bodiless POST has no type at all; JSON cannot be sent that way.
    const accepted = request.routeOptions.config.bodyMediaTypes ?? JSON_ONLY;
    if (!accepted.includes(mediaTypeOf(request.headers['content-type']))) {
      const ask = accepted === JSON_ONLY ? 'Send the body as application/json, {} when there is nothing to say.' : `Send the body as ${accepted.join(' or ')}.`;
      throw new ApiError(415, 'unsupported_media_type', ask);
    }
  });
}

/**
 * Origin and Sec-Fetch-Site are set by the browser, not the page, so another site cannot fake
 * them. Each is checked when present; programs that are not browsers (tests, curl, the bench)
 * send neither and have no cookie to abuse.
 */
function fromOwnPages(headers: { origin?: string | undefined; 'sec-fetch-site'?: string | string[] | undefined }, ownOrigin: string): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && (typeof site !== 'string' || !OWN_FETCH_SITES.has(site))) return false;
  return headers.origin === undefined || sameOrigin(headers.origin, ownOrigin);
}

/** Compared parsed, so that `HTTP://LocalHost:80` and `http://localhost` are the same origin; `null` is none. */
function sameOrigin(origin: string, ownOrigin: string): boolean {
  try {
    const theirs = new URL(origin).origin;
    return theirs !== 'null' && theirs === new URL(ownOrigin).origin;
  } catch {
    return false;
  }
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
