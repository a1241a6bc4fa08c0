/**
 * Statistics read each counter's opened/closed events and the ID checks of a date range. Without
 * these indexes both reads scan their whole table, and the event log grows by millions of rows a
 * year. The partial index holds only the counter events, a few dozen a day.
 */
export const migration004 = `
CREATE INDEX events_counter_sessions ON events(counter_id, at) WHERE type IN ('counter.opened', 'counter.closed');
CREATE INDEX id_checks_by_time ON id_checks(at);
`;
