import { Type, type Static } from 'typebox';
import { LocalizedText } from './common.js';

/** An active service as the kiosk and the counters see it. */
export const ServiceView = Type.Object({
  code: Type.String(),
  names: LocalizedText,
  needsIdCheck: Type.Boolean(),
  slaMinutes: Type.Integer(),
});
export type ServiceView = Static<typeof ServiceView>;
