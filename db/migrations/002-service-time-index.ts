/**
 * The wait estimate reads the latest finished tickets of a service on every issue. Without this
 * index that read scanned and sorted every ticket ever stored: 14–33 ms per ticket after a year
 * (measured by the issue-ticket benchmark's profile), blocking the host meanwhile.
 */
export const migration002 = `
CREATE INDEX tickets_finished_by_service ON tickets(service_code, finished_at) WHERE status = 'done';
`;
