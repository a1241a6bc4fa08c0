import type { RunningHost } from '../../server/host.js';

export interface DocumentedRoute {
  method: string;
  /** OpenAPI's spelling: `/api/tickets/{id}/start`. */
  template: string;
}

/**
 * Every route of the running host, from its OpenAPI document (only `/api/openapi.json` itself is
 * hidden there), so a test that iterates them also covers routes added after it was written.
 */
export function documentedRoutes(host: RunningHost): DocumentedRoute[] {
  const paths = (host.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.entries(paths).flatMap(([template, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), template })));
}
