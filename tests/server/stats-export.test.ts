import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.js';
import { FIGURE_COLUMNS } from '../../core/stats/figure-columns.js';
import { download, staff, stats, useTwoOfficeDays } from '../support/stats-office-days.js';

/** The CSV and Excel exports of the two hand-worked office days, read back and compared with the JSON. */
useTwoOfficeDays();

describe('GET /api/stats/export.csv', () => {
  it('streams one RFC 4180 row per ticket with a BOM, local times with their offset, and the documented columns', async () => {
    const response = await download(`/api/stats/export.csv?from=2026-10-24&to=2026-10-26`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="statistik-2026-10-24-2026-10-26.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'number', 'office_day', 'service', 'priority', 'urgent_reason', 'status', 'outcome',
      'arrived_at', 'called_at', 'started_at', 'finished_at', 'wait_minutes', 'walk_minutes', 'service_minutes',
      'estimated_wait_minutes', 'counter', 'clerk', 'walk_up', 'transferred_from_number', 'transferred_from_service', 'id_check_verdict',
      'appointment_slot', 'check_in',
    ]); // prettier-ignore
    const records = rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]])));
    expect(records.map((r) => `${r.number}/${r.service}`)).toEqual([
      'M001/M', 'P001/P', 'P001/K', 'M002/M', 'M003/M', 'A001/A', 'A002/A', 'P002/P', 'M001/M', 'K001/K', 'K002/K',
    ]); // prettier-ignore
    expect(records[7]).toEqual({
      number: 'P002',
      office_day: '2026-10-24',
      service: 'P',
      priority: 'normal',
      urgent_reason: '',
      status: 'done',
      outcome: 'referred',
      arrived_at: '2026-10-24T23:30:00+02:00',
      called_at: '2026-10-25T00:40:00+02:00',
      started_at: '2026-10-25T00:41:00+02:00',
      finished_at: '2026-10-25T00:50:00+02:00',
      wait_minutes: '70.0',
      walk_minutes: '1.0',
      service_minutes: '9.0',
      estimated_wait_minutes: '0',
      counter: 'Skranke 1',
      clerk: staff.a.username,
      walk_up: '0',
      transferred_from_number: '',
      transferred_from_service: '',
      id_check_verdict: '',
      appointment_slot: '',
      check_in: '',
    });
    // The second 02:30 of the night carries the winter offset.
    expect(records[10]).toMatchObject({ arrived_at: '2026-10-25T02:30:00+01:00', called_at: '2026-10-25T02:40:00+01:00', status: 'no_show', urgent_reason: 'other', wait_minutes: '10.0', walk_minutes: '', service_minutes: '' });
    expect(records[9]!.arrived_at).toBe('2026-10-25T02:30:00+02:00');
    expect(records[2]).toMatchObject({ transferred_from_number: 'P001', transferred_from_service: 'P', wait_minutes: '28.0', estimated_wait_minutes: '' });
    expect(records[5]).toMatchObject({ walk_up: '1', wait_minutes: '', service_minutes: '5.0', clerk: staff.b.username, counter: 'Skranke 2' });
    expect(records[0]!.id_check_verdict).toBe('accepted');
    expect(records[8]!.id_check_verdict).toBe('supplement_required');
    expect(records[6]).toMatchObject({ status: 'cancelled', counter: '', clerk: '', called_at: '' });

    // What a manager would compute from the file agrees with the statistics.
    const { summary } = await stats('from=2026-10-24&to=2026-10-26');
    const numbers = (column: string) => records.map((r) => r[column]!).filter((v) => v !== '').map(Number);
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    expect(records.filter((r) => r.transferred_from_number === '').length).toBe(summary.issued);
    expect(records.filter((r) => r.status === 'done').length).toBe(summary.served);
    expect(records.filter((r) => r.walk_up === '1').length).toBe(summary.walkUps);
    expect(numbers('wait_minutes')).toHaveLength(summary.waitMinutes.count);
    expect(mean(numbers('wait_minutes'))).toBeCloseTo(summary.waitMinutes.mean, 1);
    expect(Math.max(...numbers('wait_minutes'))).toBe(summary.waitMinutes.max);
    expect(mean(numbers('service_minutes'))).toBeCloseTo(summary.serviceMinutes.mean, 1);
    expect(numbers('walk_minutes')).toHaveLength(summary.walkMinutes.count);
  });

  it('has only the header for a range without tickets', async () => {
    const response = await download(`/api/stats/export.csv?from=2026-10-26&to=2026-10-26`);
    const rows = parseCsv(await response.text());
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe('number');
  });
});

describe('GET /api/stats/export.xlsx', () => {
  it('is a workbook with the six sheets, real numbers and dates, matching the JSON', async () => {
    const response = await download(`/api/stats/export.xlsx?from=2026-10-24&to=2026-10-25`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="statistik-2026-10-24-2026-10-25.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'By hour', 'By service', 'By counter', 'By clerk', 'Tickets']);

    const json = await stats('from=2026-10-24&to=2026-10-25&groupBy=hour');
    const summary = rowsByLabel(workbook.getWorksheet('Summary')!);
    expect(summary.get('Periode')![1]).toBe('2026-10-24 – 2026-10-25');
    expect(summary.get('Udstedt')![1]).toBe(10);
    expect(summary.get('Ventetid, median (min)')![1]).toBe(15);
    expect(summary.get('Ventetid, 90 %-fraktil (min)')![1]).toBe(36.4);
    expect(summary.get('Kaldt inden for servicemål')![1]).toBe(0.667);
    expect(summary.get('Udnyttelse')![1]).toBe(0.048);
    for (const column of FIGURE_COLUMNS) {
      expect(summary.get(column.header.da)?.[1] ?? null, column.id).toBe(column.value(json.summary));
    }

    const byHour = workbook.getWorksheet('By hour')!;
    const hourRows = rowsByLabel(byHour);
    const hourHeader = rowValues(byHour.getRow(1));
    const cell = (label: string, header: string) => hourRows.get(label)![hourHeader.indexOf(header)];
    expect(hourRows.size).toBe(1 + 24 + 1); // header, 24 hours, total
    expect(cell('02:00–03:00', 'Udstedt')).toBe(2);
    expect(cell('02:00–03:00', 'Åbningstid (min)')).toBe(190);
    expect(cell('09:00–10:00', 'Ventetid, 90 %-fraktil (min)')).toBe(25.4);
    expect(cell('I alt', 'Udstedt')).toBe(10);
    for (const group of json.groups) {
      for (const column of FIGURE_COLUMNS) expect(cell(group.label, column.header.da) ?? null, `${group.label} ${column.id}`).toBe(column.value(group));
    }

    const byService = rowsByLabel(workbook.getWorksheet('By service')!);
    expect([...byService.keys()]).toEqual(['Ydelse', 'MitID', 'Pas', 'Kørekort', 'Andet', 'I alt']);
    expect(rowValues(workbook.getWorksheet('By service')!.getRow(1))).not.toContain('Udnyttelse');
    const byCounter = rowsByLabel(workbook.getWorksheet('By counter')!);
    expect([...byCounter.keys()]).toEqual(['Skranke', 'Skranke 1', 'Skranke 2', 'Ingen skranke', 'I alt']);
    const byClerk = rowsByLabel(workbook.getWorksheet('By clerk')!);
    expect([...byClerk.keys()]).toEqual(['Medarbejder', staff.a.displayName, staff.b.displayName, 'Ingen medarbejder', 'I alt']);

    const tickets = workbook.getWorksheet('Tickets')!;
    expect(tickets.rowCount).toBe(1 + 11);
    const header = rowValues(tickets.getRow(1));
    expect(header.slice(0, 3)).toEqual(['Nummer', 'Dag', 'Ydelse']);
    const late = rowValues(tickets.getRow(1 + 8)); // T7, the 23:30 ticket
    expect(late[0]).toBe('P002');
    // Dates are date cells holding the Copenhagen wall clock (a sheet has no time zones).
    expect(late[1]).toEqual(new Date(Date.UTC(2026, 9, 24)));
    expect(late[7]).toEqual(new Date(Date.UTC(2026, 9, 24, 23, 30)));
    expect(late[8]).toEqual(new Date(Date.UTC(2026, 9, 25, 0, 40)));
    expect(late.slice(11, 15)).toEqual([70, 1, 9, 0]);
    expect(tickets.getRow(1 + 8).getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    const walkUp = rowValues(tickets.getRow(1 + 6));
    expect([walkUp[0], walkUp[11], walkUp[13], walkUp[17]]).toEqual(['A001', null, 5, 1]);
  });

  it('writes English headers when asked, with the same sheet names', async () => {
    const response = await download(`/api/stats/export.xlsx?from=2026-10-24&to=2026-10-24&lang=en`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'By hour', 'By service', 'By counter', 'By clerk', 'Tickets']);
    expect(rowsByLabel(workbook.getWorksheet('Summary')!).get('Issued')![1]).toBe(7);
    expect(rowValues(workbook.getWorksheet('Tickets')!.getRow(1))[0]).toBe('Number');
  });
});

/** A row's values from column 1, empty cells as null. */
function rowValues(row: ExcelJS.Row): unknown[] {
  const values: unknown[] = [];
  for (let column = 1; column <= row.cellCount; column++) values.push(row.getCell(column).value ?? null);
  return values;
}

function rowsByLabel(sheet: ExcelJS.Worksheet): Map<string, unknown[]> {
  const rows = new Map<string, unknown[]>();
  sheet.eachRow((row) => {
    const values = rowValues(row);
    rows.set(String(values[0]), values);
  });
  return rows;
}
