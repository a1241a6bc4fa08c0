/** The no-op issuance route that only bench/bench-host.ts serves (its own file: importing bench-host starts a host). */
export const NOOP_TICKET_ROUTE = '/bench/noop-ticket';
