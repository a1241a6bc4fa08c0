import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { EXPORT_ROWS_SQL } from '../db/stats.js';
import { now } from './harness.js';

/**
 * The floor under the exports: SQLite's own shell (`sqlite3 -csv`, Debian package `sqlite3`)
 * running the export's own SELECT on the same file, its output thrown away. It formats every
 * value in C and writes it once; no JavaScript value is ever built.
 */
export async function sqliteShellCsvSeconds(file: string, range: { from: string; to: string }, expectedRows: number): Promise<number> {
  // The shell unquotes its arguments, so the SQL literal is quoted twice; the days are `YYYY-MM-DD`.
  const parameters = `.parameter set ?1 "'${range.from}'"\n.parameter set ?2 "'${range.to}'"\n`;
  // Untimed: the same binding, counted, so that a SELECT that silently finds nothing cannot pass for a fast one.
  const counted = await runShell(file, `${parameters}SELECT count(*) FROM (${EXPORT_ROWS_SQL});\n`, 'pipe');
  if (Number(counted.trim()) !== expectedRows) throw new Error(`sqlite3 -csv read ${counted.trim()} rows, expected ${expectedRows}`);
  const devNull = openSync('/dev/null', 'w');
  try {
    const start = now();
    await runShell(file, `${parameters}${EXPORT_ROWS_SQL};\n`, devNull);
    return (now() - start) / 1000;
  } finally {
    closeSync(devNull);
  }
}

/** Runs a script in `sqlite3 -csv` on the file, read-only; resolves with its output when `stdout` is 'pipe'. */
function runShell(file: string, script: string, stdout: 'pipe' | number): Promise<string> {
  const child = spawn('sqlite3', ['-bail', '-readonly', '-csv', file], { stdio: ['pipe', stdout, 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  child.stdin!.end(script);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`sqlite3 could not run (${error.message}); install Debian's sqlite3 package`)));
    child.once('close', (code) => (code === 0 && errors === '' ? resolve(output) : reject(new Error(`sqlite3 -csv failed (${code}): ${errors}`))));
  });
}
