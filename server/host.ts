import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataFolderInUseError, lockDataFolder, type DataFolderLock } from '../db/data-folder-lock.js';
import { DatabaseOpenError } from '../db/database.js';
import { loadOrCreateDocumentHashKey } from '../db/document-hash-key.js';
import { makeDataPrivate, makePrivateFolder } from '../db/private-files.js';
import { openStore, type Store } from '../db/store.js';
import { createScanner } from '../hardware/create-scanner.js';
import { Appointments } from '../office/appointments.js';
import { AuditTrail } from '../office/audit-trail.js';
import { scheduleNightlyBackups } from '../office/backups.js';
import { Configuration } from '../office/configuration.js';
import { IdChecker } from '../office/id-checker.js';
import { KioskDevices } from '../office/kiosk-devices.js';
import { Office } from '../office/queue.js';
import { SignIn } from '../office/sign-in.js';
import { StaffAccounts } from '../office/staff-accounts.js';
import { buildApp } from './app.js';
import { DATABASE_FILE, isLoopbackHost, type HostConfig } from './config.js';
import type { App } from './context.js';
import { EventBus } from './event-bus.js';
import { HostScanner } from './host-scanner.js';
import { PasswordHashing } from './password-hashing.js';
import { seedIfEmpty } from './seed.js';

export interface RunningHost {
  url: string;
  app: App;
  /** Every password hash a request needs; tests read its load. */
  passwords: PasswordHashing;
  close(): Promise<void>;
}

export interface HostOptions {
  /** Where start-up messages go (the console for `npm start`; tests collect them). */
  print?: (line: string) => void;
  logLevel?: string;
  /** Routes a benchmark adds to this host before it listens (bench/bench-host.ts); the product adds none. */
  extraRoutes?: (app: App) => void;
}

/** Opens the office database, serves the API and pages, and returns once it is listening. */
export async function startHost(config: HostConfig, options: HostOptions = {}): Promise<RunningHost> {
  const print = options.print ?? ((line: string) => console.log(line));
  const lock = takeDataFolder(config.dataDir);
  let store: Store;
  try {
    makeDataPrivate(config, print);
    store = openStore(path.join(config.dataDir, DATABASE_FILE));
  } catch (error) {
    lock.release();
    throw error;
  }
  try {
    const seeded = await seedIfEmpty(store, config.adminPassword, config.passwordHashCost, config.clock());
    if (seeded.generatedPassword) {
      print(`First start: created user "admin" with password ${seeded.generatedPassword} — write it down and change it; it is not shown again.`);
    }
    const bus = new EventBus();
    store.onCommitted((events) => bus.publish(events));
    const office = new Office(store, config.clock);
    const idChecker = new IdChecker(store, config.clock, loadOrCreateDocumentHashKey(config.dataDir));
    const hostScanner = new HostScanner(createScanner({ kind: config.scanner }), idChecker);
    const appointments = new Appointments(store, config.clock);
    const passwords = new PasswordHashing(config.passwordHashCost);
    const https = config.tls ? { cert: readFileSync(config.tls.cert), key: readFileSync(config.tls.key) } : undefined;
    const app = await buildApp(
      {
        config,
        store,
        office,
        bus,
        idChecker,
        hostScanner,
        appointments,
        configuration: new Configuration(store, config.clock),
        staffAccounts: new StaffAccounts(store, office, passwords, config.clock),
        signIn: new SignIn(store, office, passwords, config.clock),
        kioskDevices: new KioskDevices(store, config.clock),
        auditTrail: new AuditTrail(store, config.clock),
        passwords,
      },
      { logLevel: options.logLevel ?? 'warn', https },
    );
    options.extraRoutes?.(app);
    await app.listen({ port: config.port, host: config.host });
    await hostScanner.start();
    const dayEnd = appointments.startDayEndJob((error) => app.log.error({ err: error }, 'appointments: closing past days failed'));
    const nightlyBackups = scheduleNightlyBackups(config, store.db, {
      done: (result) => app.log.info({ file: result.file, removed: result.removed }, 'nightly backup written'),
      failed: (error) => app.log.error({ err: error }, 'nightly backup failed'),
    });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `${https ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    if (!isLoopbackHost(config.host) && !https) {
      print(`WARNING: listening on the office network WITHOUT encryption (ALLOW_INSECURE_LAN=1). Staff passwords and session cookies can be read by anyone on the network.`);
    }
    print(`listening on ${url}`);
    return {
      url,
      app,
      passwords,
      close: async () => {
        dayEnd.stop();
        await nightlyBackups.stop();
        await hostScanner.stop();
        await app.close();
        store.close();
        lock.release();
      },
    };
  } catch (error) {
    store.close();
    lock.release();
    throw error;
  }
}

/** Creates the data folder if needed and takes it for this process: one host per folder (README, exit code 3). */
function takeDataFolder(dataDir: string): DataFolderLock {
  try {
    makePrivateFolder(dataDir);
  } catch (error) {
    throw new DatabaseOpenError(`Cannot create the data folder ${dataDir} (${(error as NodeJS.ErrnoException).code}). Check DATA_DIR and this user's rights.`);
  }
  try {
    return lockDataFolder(dataDir);
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      throw new DatabaseOpenError(`The data folder ${dataDir} is in use by another office host (or a restore). Only one host may run per folder: stop the other one, or give this one its own DATA_DIR.`);
    }
    throw new DatabaseOpenError(`Cannot lock the data folder ${dataDir} (${error instanceof Error ? error.message : String(error)}). Check DATA_DIR and this user's rights.`);
  }
}
