import { ErrorAnswers } from '../../contract/errors.js';
import { BackupView } from '../../contract/host.js';
import { runBackup } from '../../office/backups.js';
import type { App, HostContext } from '../context.js';

export function adminRoutes(app: App, { config, store }: HostContext): void {
  app.post(
    '/api/admin/backup',
    { schema: { tags: ['admin'], summary: 'Back up the database now, while the office works (admin only)', response: { 201: BackupView, ...ErrorAnswers } } },
    async (request, reply) => {
      const backup = await runBackup(config, store.db);
      return reply.status(201).send(backup);
    },
  );
}
