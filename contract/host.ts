import { Type, type Static } from 'typebox';
import { HostScannerStatusView } from './id-checks.js';

/** `GET /api/health`: 200 when the database answers, 503 (same body) when it does not. */
export const HealthView = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({ ok: Type.Boolean(), schemaVersion: Type.Optional(Type.Integer()) }),
  scanner: HostScannerStatusView,
});
export type HealthView = Static<typeof HealthView>;

/** `POST /api/admin/backup`: the new file on the host and the old ones deleted to keep the configured number. */
export const BackupView = Type.Object({ file: Type.String(), bytes: Type.Integer(), removed: Type.Array(Type.String()) });
export type BackupView = Static<typeof BackupView>;

/** Development only: the simulated reader. */
export const DevScanRequest = Type.Object({ mrz: Type.String({ maxLength: 400 }) }, { additionalProperties: false });
export const DevScanAccepted = Type.Object({ accepted: Type.Boolean() });
export const DevScannerRequest = Type.Object({ connected: Type.Boolean() }, { additionalProperties: false });
export const DevScannerStatus = Type.Object({
  state: Type.Union([Type.Literal('connected'), Type.Literal('disconnected'), Type.Literal('error')]),
  detail: Type.Optional(Type.String()),
});

/** Live streams: `lastEventId` resumes after that event, as the `Last-Event-ID` header does. */
export const EventStreamQuery = Type.Object({ lastEventId: Type.Optional(Type.Integer({ minimum: 0 })) });
