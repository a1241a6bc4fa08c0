import { Type, type TSchema } from 'typebox';
import { DOCUMENT_TYPES } from '../../core/idcheck/types.js';
import { ISSUANCE_LIMIT_RANGE } from '../../core/issuance-limit.js';
import type { OfficeSettings, SettingKey } from '../../core/settings.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';

const StateCode = Type.String({ pattern: '^[A-Z<]{3}$' });
const DocumentType = Type.Enum(DOCUMENT_TYPES);

/** The MitID document rules an office may adjust (docs/id-rules.md explains each). */
const IdRulesSchema = Type.Object(
  {
    minimumAge: Type.Integer({ minimum: 0, maximum: 120 }),
    domesticStates: Type.Array(StateCode, { maxItems: 50 }),
    acceptedDocumentTypes: Type.Array(DocumentType, { maxItems: DOCUMENT_TYPES.length }),
    enoughAloneWhenDomestic: Type.Array(DocumentType, { maxItems: DOCUMENT_TYPES.length }),
    residencePermitCodes: Type.Record(Type.String({ pattern: '^([A-Z<]{3}|\\*)$' }), Type.Array(Type.String({ pattern: '^[A-Z<]{1,2}$' }), { maxItems: 20 })),
    specimenStates: Type.Array(StateCode, { maxItems: 20 }),
    acceptSpecimenStates: Type.Boolean(),
    acceptDocumentsWithoutExpiry: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** Who goes next: the urgent lane's cap and the guard time (README, "Defaults of a new office"). */
const QueuePolicySchema = Type.Object(
  {
    maxConsecutiveUrgent: Type.Integer({ minimum: 0, maximum: 100 }),
    guardMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
  },
  { additionalProperties: false },
);

/**
 * Office settings a manager changes without a release. Each is read whole and replaced whole,
 * validated at the edge, and every change is logged with who made it.
 */
/** How many tickets one kiosk may issue (core/issuance-limit.ts). */
const IssuanceLimitsSchema = Type.Object(
  {
    ticketsPerMinute: Type.Integer({ minimum: ISSUANCE_LIMIT_RANGE.min, maximum: ISSUANCE_LIMIT_RANGE.max }),
    urgentPerHour: Type.Integer({ minimum: ISSUANCE_LIMIT_RANGE.min, maximum: ISSUANCE_LIMIT_RANGE.max }),
  },
  { additionalProperties: false },
);

export function configRoutes(app: App, ctx: HostContext): void {
  settingRoute(app, ctx, { path: '/api/config/id-rules', key: 'idRules', schema: IdRulesSchema });
  settingRoute(app, ctx, { path: '/api/config/queue-policy', key: 'queuePolicy', schema: QueuePolicySchema });
  settingRoute(app, ctx, { path: '/api/config/issuance-limits', key: 'issuanceLimits', schema: IssuanceLimitsSchema });
}

/** A setting read whole and replaced whole; the schema is the edge's check of the value's shape. */
function settingRoute<K extends SettingKey, S extends TSchema>(
  app: App,
  { configuration }: HostContext,
  setting: { path: string; key: K; schema: S },
): void {
  app.get(setting.path, { schema: { tags: ['config'] } }, async (request) => {
    return configuration.setting(setting.key);
  });

  app.put(setting.path, { schema: { tags: ['config'], body: setting.schema } }, async (request) => {
    const staff = requireStaff(request);
    return configuration.changeSetting(setting.key, request.body as OfficeSettings[K], staff.id);
  });
}
