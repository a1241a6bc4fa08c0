import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseOpenError } from '../db/database.js';
import { ConfigError, loadConfig } from './config.js';
import { startHost } from './host.js';

/** `npm start`: the office host as a process. Failures a person can fix are one clear line, not a stack trace. */
const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig(process.env, { rendererDir: path.resolve(here, '../renderer') });
  const host = await startHost(config, { logLevel: process.env.LOG_LEVEL ?? 'warn' });
  const stop = () => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Exit codes: 2 configuration, 3 database, 4 port in use, 1 anything else. */
main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  } else if (error instanceof DatabaseOpenError) {
    console.error(`Database error: ${error.message}`);
    process.exit(3);
  } else if (code === 'EADDRINUSE' || code === 'EACCES') {
    console.error(`Cannot listen: ${(error as Error).message}. Another program uses the port, or the port needs more rights; set PORT.`);
    process.exit(4);
  } else {
    console.error('The office host stopped because of an unexpected error:', error);
    process.exit(1);
  }
});
