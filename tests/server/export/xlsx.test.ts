import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetters, escapeXml } from '../../../server/export/sheet-rows.js';
import { createXlsxWriter, type CellValue, type SheetColumn } from '../../../server/export/xlsx.js';

const COLUMNS: SheetColumn[] = [
  { header: 'Tekst', format: 'general', width: 12 },
  { header: 'Antal', format: 'integer', width: 10 },
  { header: 'Minutter', format: 'decimal', width: 10 },
  { header: 'Andel', format: 'percent', width: 10 },
  { header: 'Dag', format: 'date', width: 12 },
  { header: 'Tidspunkt', format: 'datetime', width: 20 },
];

const ROWS: CellValue[][] = [
  ['Skranke "Vest", 2 & <3>', 12, 10.5, 0.667, new Date('2026-10-25T00:00:00Z'), new Date('2026-10-25T02:30:00Z')],
  ["æøå ÆØÅ l'été", 0, 0, 0, new Date('1970-01-01T00:00:00Z'), new Date('2026-03-29T03:00:59Z')],
  ['=SUM(A1)\tcontrol\u0001\u001f\u007fend', -3, -0.5, 1, null, new Date('2027-01-01T00:30:00Z')],
  [null, null, null, null, null, null],
  ['', 1_048_576, 1234567.8, 0.001, new Date('2100-12-31T00:00:00Z'), new Date('2026-11-24T23:59:59Z')],
];

/** The whole file a writer produced, as the download would have it. */
async function written(write: (output: PassThrough) => Promise<void>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => output.on('end', resolve));
  await write(output);
  await ended;
  return Buffer.concat(chunks);
}

/** The same sheets through exceljs's own row and cell objects: what the export wrote before it wrote rows itself. */
async function writtenByExcelJs(sheets: string[]): Promise<Buffer> {
  const formats: Record<string, string | undefined> = { integer: '0', decimal: '0.0', percent: '0.0%', date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' };
  return written(async (output) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    for (const name of sheets) {
      const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
      const header = sheet.addRow(COLUMNS.map((c) => c.header));
      header.eachCell((cell) => (cell.style = { font: { bold: true } }));
      header.commit();
      for (const values of ROWS) {
        const row = sheet.addRow(values.map((v) => v ?? undefined));
        row.eachCell((cell, column) => {
          const numFmt = formats[COLUMNS[column - 1]!.format];
          if (numFmt) cell.numFmt = numFmt;
        });
        row.commit();
      }
      sheet.commit();
    }
    await workbook.commit();
  });
}

async function writtenByExport(sheets: string[]): Promise<Buffer> {
  return written(async (output) => {
    const writer = createXlsxWriter(output, new AbortController().signal);
    for (const name of sheets) {
      const sheet = writer.addSheet(name, COLUMNS);
      for (const values of ROWS) if (!sheet.addRow(values)) await sheet.drained();
      sheet.close();
    }
    await writer.finish();
  });
}

/** Every cell as a reader sees it: value, type, number format, bold. */
async function cellsOf(file: Buffer): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  return workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    frozen: sheet.views[0],
    widths: sheet.columns.map((c) => c.width),
    rows: sheet.getSheetValues().length,
    cells: Array.from({ length: sheet.rowCount }, (_, r) =>
      COLUMNS.map((_, c) => {
        const cell = sheet.getCell(r + 1, c + 1);
        return { value: cell.value, type: cell.type, numFmt: cell.numFmt, bold: cell.font?.bold === true };
      }),
    ),
  }));
}

describe('the export workbook writer', () => {
  it('writes the cells exceljs writes: the same values, types, number formats and header, sheet by sheet', async () => {
    const sheets = ['Summary', 'Tickets'];
    const expected = await cellsOf(await writtenByExcelJs(sheets));
    const actual = await cellsOf(await writtenByExport(sheets));
    expect(actual).toEqual(expected);
    // The comparison means something only if the reference has what the export must keep.
    const tickets = (expected[1] as { cells: Array<Array<{ value: unknown; type: number; numFmt: string; bold: boolean }>> }).cells;
    expect(tickets[0]![0]).toMatchObject({ value: 'Tekst', bold: true });
    expect(tickets[1]![0]!.value).toBe('Skranke "Vest", 2 & <3>');
    expect(tickets[1]![5]).toMatchObject({ value: new Date('2026-10-25T02:30:00Z'), type: ExcelJS.ValueType.Date, numFmt: 'yyyy-mm-dd hh:mm:ss' });
    expect(tickets[1]![3]).toMatchObject({ value: 0.667, type: ExcelJS.ValueType.Number, numFmt: '0.0%' });
    expect(tickets[3]![0]!.value).toBe('=SUM(A1)\tcontrolend');
    expect(tickets[4]![0]!.value).toBeNull();
  });

  it('stops taking rows while the download is not read, and goes on when it is', async () => {
    const output = new PassThrough();
    const writer = createXlsxWriter(output, new AbortController().signal);
    const sheet = writer.addSheet('Tickets', COLUMNS);
    // The zip and the output take some rows into their own buffers; then nothing moves until the
    // output is read. A slow machine only makes the writer stop sooner: the bound is what is checked.
    const LIMIT = 100_000;
    let added = 0;
    for (;;) {
      while (added < LIMIT && sheet.addRow(ROWS[0]!)) added++;
      expect(added).toBeLessThan(LIMIT);
      const movedOn = await Promise.race([sheet.drained().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000))]);
      if (!movedOn) break;
    }
    expect(added).toBeGreaterThan(100);
    output.resume();
    await sheet.drained();
    expect(sheet.addRow(ROWS[0]!)).toBe(true);
  });

  it('throws the reason once the download was cancelled', async () => {
    const cancel = new AbortController();
    const writer = createXlsxWriter(new PassThrough(), cancel.signal);
    const sheet = writer.addSheet('Tickets', COLUMNS);
    while (sheet.addRow(ROWS[0]!));
    const waiting = sheet.drained();
    cancel.abort(new Error('The download was cancelled.'));
    await expect(waiting).rejects.toThrow('The download was cancelled.');
    expect(() => sheet.addRow(ROWS[0]!)).toThrow('The download was cancelled.');
  });
});

describe('numbers no cell can hold', () => {
  it('leaves them empty, as a null, rather than write a cell Excel would have to repair', async () => {
    const file = await written(async (output) => {
      const writer = createXlsxWriter(output, new AbortController().signal);
      const sheet = writer.addSheet('Summary', COLUMNS);
      sheet.addRow(['NaN', Number.NaN, Number.POSITIVE_INFINITY, 0.5, new Date(Number.NaN), new Date('2026-01-01T12:00:00Z')]);
      sheet.close();
      await writer.finish();
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const row = workbook.getWorksheet('Summary')!.getRow(2);
    expect(COLUMNS.map((_, c) => row.getCell(c + 1).value)).toEqual(['NaN', null, null, 0.5, null, new Date('2026-01-01T12:00:00Z')]);
  });
});

describe('cell references and text', () => {
  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16_384].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('escapes the five XML characters and drops the control characters XML cannot hold, keeping tab, line feed and CR', () => {
    expect(escapeXml(`a<b>&'"`)).toBe('a&lt;b&gt;&amp;&apos;&quot;');
    expect(escapeXml('x\u0000\u0008\u000b\u000c\u000e\u001f\u007fy')).toBe('xy');
    expect(escapeXml('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r');
    expect(escapeXml('Skranke 1 æøå')).toBe('Skranke 1 æøå');
  });
});
