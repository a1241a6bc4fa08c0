/**
 * `npm run restore -- <backup-file> [--data-dir DIR]`: puts a backup made by the office host back
 * as the office database. Run it with the host stopped. DIR defaults to DATA_DIR, then ./data,
 * as for the host. Exit codes: 0 restored, 2 wrong arguments, 3 refused (nothing was changed).
 */
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RestoreRefusedError, restoreDatabase } from '../db/restore.js';
import { DATABASE_FILE, dataDirOf } from '../server/config.js';
import { DOCUMENT_HASH_KEY_FILE } from '../server/document-hash-key.js';

const USAGE = 'Usage: npm run restore -- <backup-file> [--data-dir DIR]   (DIR: DATA_DIR, or ./data)';

function main(): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [backupArgument] = args.positionals;
  if (args.positionals.length !== 1 || backupArgument === undefined) {
    console.error(USAGE);
    return 2;
  }
  const backupFile = path.resolve(backupArgument);
  const dataDir = args.values['data-dir'] ? path.resolve(args.values['data-dir']) : dataDirOf(process.env);
  const replacedFolder = path.join(dataDir, `replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);

  try {
    const result = restoreDatabase(backupFile, path.join(dataDir, DATABASE_FILE), replacedFolder);
    console.log(`Restored ${backupFile} (schema version ${result.schemaVersion}) as ${path.join(dataDir, DATABASE_FILE)}.`);
    if (result.movedAside.length > 0) console.log(`The database it replaced was moved to ${replacedFolder}.`);
  } catch (error) {
    if (!(error instanceof RestoreRefusedError)) throw error;
    console.error(`Restore refused: ${error.message}`);
    return 3;
  }
  console.log(restoreDocumentHashKey(path.dirname(backupFile), dataDir, replacedFolder));
  console.log('Start the office host again.');
  return 0;
}

function parse() {
  return parseArgs({ allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
}

/**
 * The key that makes the ID checks' document hashes lives outside the database (README, Privacy);
 * the host keeps a copy in the backup folder. Without it the restored office works, but scans from
 * before the restore are no longer recognised as repeats.
 */
function restoreDocumentHashKey(backupFolder: string, dataDir: string, replacedFolder: string): string {
  const saved = path.join(backupFolder, DOCUMENT_HASH_KEY_FILE);
  const current = path.join(dataDir, DOCUMENT_HASH_KEY_FILE);
  if (!existsSync(saved)) {
    return existsSync(current)
      ? `No ${DOCUMENT_HASH_KEY_FILE} beside the backup: kept the data folder's key.`
      : `No ${DOCUMENT_HASH_KEY_FILE} beside the backup: the host will make a new one; earlier scans will not be recognised as repeats.`;
  }
  let replacedNote = '';
  if (existsSync(current)) {
    if (readFileSync(current).equals(readFileSync(saved))) return `The document-hash key in ${dataDir} already matches the backup's.`;
    mkdirSync(replacedFolder, { recursive: true });
    renameSync(current, path.join(replacedFolder, DOCUMENT_HASH_KEY_FILE));
    replacedNote = ` The data folder's different key was moved to ${replacedFolder}.`;
  }
  copyFileSync(saved, current, constants.COPYFILE_EXCL);
  return `Restored the document-hash key from ${saved}.${replacedNote}`;
}

process.exitCode = main();
