/**
 * When each paired kiosk PC last made a request, so an admin can tell a kiosk in use from one
 * that was unplugged or lost (and should be revoked). Null until the kiosk's first request.
 */
export const migration006KioskLastSeen = `
ALTER TABLE kiosk_devices ADD COLUMN last_seen_at INTEGER;
`;
