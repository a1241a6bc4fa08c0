import { Type, type Static, type TSchema } from 'typebox';
import { DEFAULT_ID_RULES } from '../../core/idcheck/rules.js';
import { DOCUMENT_TYPES } from '../../core/idcheck/types.js';
import { DEFAULT_ISSUANCE_LIMITS, ISSUANCE_LIMIT_RANGE } from '../../core/issuance-limit.js';
import { DEFAULT_QUEUE_POLICY } from '../../core/queue-policy.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { ID_RULES_SETTING } from '../id-checker.js';
import { ISSUANCE_LIMITS_SETTING } from '../issuance-limiter.js';
import { QUEUE_POLICY_SETTING } from '../office.js';

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
  settingRoute(app, ctx, { path: '/api/config/id-rules', key: ID_RULES_SETTING, schema: IdRulesSchema, defaults: DEFAULT_ID_RULES });
  settingRoute(app, ctx, { path: '/api/config/queue-policy', key: QUEUE_POLICY_SETTING, schema: QueuePolicySchema, defaults: DEFAULT_QUEUE_POLICY });
  settingRoute(app, ctx, { path: '/api/config/issuance-limits', key: ISSUANCE_LIMITS_SETTING, schema: IssuanceLimitsSchema, defaults: DEFAULT_ISSUANCE_LIMITS });
}

function settingRoute<S extends TSchema>(
  app: App,
  { store, office, config }: HostContext,
  setting: { path: string; key: string; schema: S; defaults: Static<S> },
): void {
  app.get(setting.path, { schema: { tags: ['config'] } }, async (request) => {
    requireStaff(request, ['manager', 'admin']);
    // Stored values may predate a newer option; the defaults fill what they lack.
    return { ...(setting.defaults as object), ...store.settings.get<object>(setting.key, {}) };
  });

  app.put(setting.path, { schema: { tags: ['config'], body: setting.schema } }, async (request) => {
    const staff = requireStaff(request, ['manager', 'admin']);
    store.settings.set(setting.key, request.body);
    office.record({ at: config.clock(), type: 'config.changed', ticketId: null, counterId: null, staffId: staff.id, data: { key: setting.key } });
    return request.body;
  });
}
