import type { Static, TSchema } from 'typebox';
import { IdRulesSettings, IssuanceLimitsSettings, QueuePolicySettings } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { DEFAULT_ID_RULES } from '../../core/idcheck/rules.js';
import { DEFAULT_ISSUANCE_LIMITS } from '../../core/issuance-limit.js';
import { DEFAULT_QUEUE_POLICY } from '../../core/queue-policy.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { ID_RULES_SETTING } from '../id-checker.js';
import { ISSUANCE_LIMITS_SETTING } from '../issuance-limiter.js';
import { QUEUE_POLICY_SETTING } from '../office.js';

/**
 * Office settings a manager changes without a release. Each is read whole and replaced whole,
 * validated at the edge, and every change is logged with who made it.
 */
export function configRoutes(app: App, ctx: HostContext): void {
  settingRoute(app, ctx, { path: '/api/config/id-rules', key: ID_RULES_SETTING, schema: IdRulesSettings, defaults: DEFAULT_ID_RULES });
  settingRoute(app, ctx, { path: '/api/config/queue-policy', key: QUEUE_POLICY_SETTING, schema: QueuePolicySettings, defaults: DEFAULT_QUEUE_POLICY });
  settingRoute(app, ctx, { path: '/api/config/issuance-limits', key: ISSUANCE_LIMITS_SETTING, schema: IssuanceLimitsSettings, defaults: DEFAULT_ISSUANCE_LIMITS });
}

function settingRoute<S extends TSchema>(
  app: App,
  { store, office, config }: HostContext,
  setting: { path: string; key: string; schema: S; defaults: Static<S> },
): void {
  // The answer is the same schema as the body; typed loosely here, as the generic S cannot be inferred from a merge.
  const answers = { response: { 200: setting.schema as TSchema, ...ErrorAnswers } };
  app.get(setting.path, { schema: { tags: ['config'], ...answers } }, async (request) => {
    requireStaff(request, ['manager', 'admin']);
    // Stored values may predate a newer option; the defaults fill what they lack.
    return { ...(setting.defaults as object), ...store.settings.get<object>(setting.key, {}) };
  });

  app.put(setting.path, { schema: { tags: ['config'], body: setting.schema, ...answers } }, async (request) => {
    const staff = requireStaff(request, ['manager', 'admin']);
    store.settings.set(setting.key, request.body);
    office.record({ at: config.clock(), type: 'config.changed', ticketId: null, counterId: null, staffId: staff.id, data: { key: setting.key } });
    return request.body;
  });
}
