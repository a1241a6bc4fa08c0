/**
 * `npm run restore -- <backup-file> [--data-dir DIR]`: puts a backup made by the office host back
 * as the office database. Run it with the host stopped. DIR defaults to DATA_DIR, then ./data,
 * as for the host. Exit codes: 0 restored, 2 wrong arguments, 3 refused (nothing was changed).
 */
import { chmodSync, constants, copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataFolderInUseError, lockDataFolder, type DataFolderLock } from '../db/data-folder-lock.js';
import { makePrivateFolder, PRIVATE_FILE_MODE, REPLACED_FOLDER_PREFIX } from '../db/private-files.js';
import { RestoreRefusedError, restoreDatabase } from '../db/restore.js';
import { DATABASE_FILE, dataDirOf } from '../server/config.js';
import { DOCUMENT_HASH_KEY_FILE } from '../db/document-hash-key.js';

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
  const replacedFolder = path.join(dataDir, `${REPLACED_FOLDER_PREFIX}${new Date().toISOString().replace(/[:.]/g, '-')}`);

  // The host's own lock on the folder, held until the restore is done: no host can be running on
  // it now, and none can start half-way through.
  let lock: DataFolderLock;
  try {
    makePrivateFolder(dataDir);
    lock = lockDataFolder(dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(`Restore refused: the data folder ${dataDir} is in use by a running office host. Stop the host first, then restore.`);
    return 3;
  }
  try {
    const result = restoreDatabase(backupFile, path.join(dataDir, DATABASE_FILE), replacedFolder);
    console.log(`Restored ${backupFile} (schema version ${result.schemaVersion}) as ${path.join(dataDir, DATABASE_FILE)}.`);
    if (result.movedAside.length > 0) console.log(`The database it replaced was moved to ${replacedFolder}.`);
    console.log(restoreDocumentHashKey(path.dirname(backupFile), dataDir, replacedFolder));
  } catch (error) {
    if (!(error instanceof RestoreRefusedError)) throw error;
    console.error(`Restore refused: ${error.message}`);
    return 3;
  } finally {
    lock.release();
  }
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
    makePrivateFolder(replacedFolder);
    renameSync(current, path.join(replacedFolder, DOCUMENT_HASH_KEY_FILE));
    replacedNote = ` The data folder's different key was moved to ${replacedFolder}.`;
  }
  copyFileSync(saved, current, constants.COPYFILE_EXCL);
  chmodSync(current, PRIVATE_FILE_MODE);
  return `Restored the document-hash key from ${saved}.${replacedNote}`;
}

process.exitCode = main();
