import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStatsRange } from '../../../core/stats/range.js';
import { openDatabase } from '../../../db/database.js';
import { StatsReader } from '../../../db/stats.js';
import { writeStatisticsWorkbook } from '../../../server/export/statistics-workbook.js';
import { TICKETS_PER_TURN } from '../../../server/export/statistics.js';
import type { CellValue, SheetColumn, SpreadsheetWriter } from '../../../server/export/xlsx.js';

const DAY = '2026-11-24';
const TICKETS = TICKETS_PER_TURN + 5_000;
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'workbook-test-'));
  file = path.join(dir, 'office.sqlite');
  const db = openDatabase(file);
  db.prepare("INSERT INTO services (code, name_da, name_en, sla_minutes, sort_order) VALUES ('M', 'MitID', 'MitID', 20, 1)").run();
  const start = Date.parse(`${DAY}T08:00:00+01:00`);
  const insert = db.prepare(
    `INSERT INTO tickets (number, office_day, service_code, priority, status, arrived_at, callable_at, called_at, started_at, finished_at, call_count, outcome)
     VALUES (?, ?, 'M', 'normal', 'done', ?, ?, ?, ?, ?, 1, 'mitid_issued')`,
  );
  db.transaction(() => {
    for (let i = 0; i < TICKETS; i++) {
      const arrived = start + i * 1000;
      insert.run(`M${i}`, DAY, arrived, arrived, arrived + 60_000, arrived + 90_000, arrived + 600_000);
    }
  })();
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A writer that takes every row at once, as a download read as fast as it is zipped: it never asks the workbook to wait. */
function eagerWriter(onTicketRow: (values: readonly CellValue[]) => void): SpreadsheetWriter {
  return {
    addSheet(name: string, _columns: readonly SheetColumn[]) {
      return {
        addRow(values) {
          if (name === 'Tickets') onTicketRow(values);
          return true;
        },
        drained: () => Promise.resolve(),
        close() {},
      };
    },
    finish: () => Promise.resolve(),
  };
}

describe('the statistics workbook', () => {
  it('gives way to other requests while it writes the Tickets sheet, even when the download never makes it wait', async () => {
    const range = parseStatsRange(DAY, DAY);
    if (!range.ok) throw new Error(range.message);
    let rows = 0;
    let otherWorkRan = false;
    /** For each ticket row: had other work (scheduled when the Tickets sheet began) run by then? */
    const ranBefore: boolean[] = [];
    const writer = eagerWriter(() => {
      if (rows++ === 0) setImmediate(() => (otherWorkRan = true));
      ranBefore.push(otherWorkRan);
    });
    const reader = new StatsReader(file);
    try {
      await writeStatisticsWorkbook(writer, { reader, range: range.range, now: Date.parse('2026-11-25T12:00:00+01:00'), lang: 'da', cancelled: new AbortController().signal });
    } finally {
      reader.close();
    }
    expect(rows).toBe(TICKETS);
    expect(ranBefore.indexOf(true)).toBe(TICKETS_PER_TURN);
  });
});
