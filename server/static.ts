import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './context.js';

/** The pages of the single-page renderer; each is served index.html and routes itself. */
export const PAGES = ['/kiosk', '/counter', '/display', '/manager'] as const;

const NOT_BUILT =
  'The pages are not built yet. Run "npm run build" (or "npm start", which builds them), then reload.';

export async function staticRoutes(app: App, rendererDir: string): Promise<void> {
  const built = existsSync(path.join(rendererDir, 'index.html'));
  // Registered even when the build is missing, so `reply.sendFile` exists; its files are hashed
  // and immutable, index.html is not cached so an update reaches every screen on reload.
  await app.register(fastifyStatic, { root: rendererDir, wildcard: false, index: false, serve: built });

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/kiosk'));
  for (const route of PAGES) {
    app.get(route, { schema: { hide: true } }, async (_request, reply) =>
      built
        ? reply.header('cache-control', 'no-cache').sendFile('index.html')
        : reply.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT),
    );
  }

  app.setNotFoundHandler(async (request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No such route: ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
