import type { TSchema } from 'typebox';
import { IdRulesSettings, IssuanceLimitsSettings, QueuePolicySettings } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import type { OfficeSettings, SettingKey } from '../../core/settings.js';
import { requireStaff } from '../auth.js';
import type { App, HostContext } from '../context.js';

/**
 * Office settings a manager changes without a release. Each is read whole and replaced whole,
 * validated at the edge, and every change is logged with who made it.
 */
export function configRoutes(app: App, ctx: HostContext): void {
  settingRoute(app, ctx, { path: '/api/config/id-rules', key: 'idRules', schema: IdRulesSettings });
  settingRoute(app, ctx, { path: '/api/config/queue-policy', key: 'queuePolicy', schema: QueuePolicySettings });
  settingRoute(app, ctx, { path: '/api/config/issuance-limits', key: 'issuanceLimits', schema: IssuanceLimitsSettings });
}

/** A setting read whole and replaced whole; the schema is the edge's check of the value's shape. */
function settingRoute<K extends SettingKey, S extends TSchema>(
  app: App,
  { configuration }: HostContext,
  setting: { path: string; key: K; schema: S },
): void {
  // The answer is the same schema as the body.
  // Typed loosely: the generic S cannot be matched to the registry's type of K.
  const answers = { response: { 200: setting.schema as TSchema, ...ErrorAnswers } };
  app.get(setting.path, { schema: { tags: ['config'], ...answers } }, async () => {
    return configuration.setting(setting.key);
  });

  app.put(setting.path, { schema: { tags: ['config'], body: setting.schema, ...answers } }, async (request) => {
    const staff = requireStaff(request);
    return configuration.changeSetting(setting.key, request.body as OfficeSettings[K], staff.id);
  });
}
