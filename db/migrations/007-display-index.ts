/**
 * The waiting-room board reads today's latest calls on every load. Without this index it read
 * every event of the day and kept the last six: 65–110 ms at 20,000 tickets, blocking the host.
 * With it the read walks back from the newest call and stops after six, whatever the day holds.
 */
export const migration007DisplayIndex = `
CREATE INDEX events_calls ON events(at, seq) WHERE type IN ('ticket.called', 'ticket.recalled');
`;
