import type { StaffRole } from '../core/types.js';
import { requireStaff } from './auth.js';
import type { App } from './context.js';

/** Who runs the floor and its configuration, and who looks after the host itself. */
export const MANAGERS: readonly StaffRole[] = ['manager', 'admin'];
export const ADMINS: readonly StaffRole[] = ['admin'];

/**
 * Registers a group of routes that only staff of these roles may use: one hook on an encapsulated
 * plugin (as fastify/demo applies its autohooks per route folder), instead of the same check
 * written in every handler. It runs before the body or query is validated, so a caller without
 * the role learns nothing about what a valid request looks like.
 */
export function restrictedRoutes(app: App, roles: readonly StaffRole[], routes: (group: App) => void): void {
  void app.register(async (group: App) => {
    group.addHook('preValidation', async (request) => {
      requireStaff(request, roles);
    });
    routes(group);
  });
}
