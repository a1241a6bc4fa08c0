import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * The spreadsheet writer the exports use. exceljs stays behind this file, so a maintained fork
 * (or another library) can replace it without touching the workbook's content.
 */
export type CellValue = string | number | Date | null;

/** `date` and `datetime` take a Date whose UTC fields are the wall clock to show. */
export type CellFormat = 'general' | 'integer' | 'decimal' | 'percent' | 'date' | 'datetime';

export interface SheetColumn {
  header: string;
  format: CellFormat;
  /** In characters. */
  width: number;
}

export interface SheetWriter {
  /**
   * Adds a row. False when the file's buffer is full: await `drained()` before adding more.
   * Throws once the writing was cancelled.
   */
  addRow(values: readonly CellValue[]): boolean;
  /** Resolves when rows may be added again; rejects when the writing was cancelled. */
  drained(): Promise<void>;
  /** No more rows for this sheet. */
  close(): void;
}

export interface SpreadsheetWriter {
  addSheet(name: string, columns: readonly SheetColumn[]): SheetWriter;
  /** Writes the rest of the file and resolves when all of it was handed to the output. */
  finish(): Promise<void>;
}

/** Excel's largest sheet; a longer list must go on in another sheet. */
export const MAX_SHEET_ROWS = 1_048_576;

/** Bytes of sheet XML waiting for the zip before `addRow` says stop: about a thousand rows. */
const MAX_PENDING_BYTES = 1024 * 1024;

/**
 * One frozen style object per format. exceljs caches a style's id by object identity; a fresh
 * object per cell (what column styles give) costs it a lookup by content on every cell, which
 * made a million-row sheet about twice as slow when measured.
 */
const STYLES: Record<CellFormat, Partial<ExcelJS.Style>> = {
  general: Object.freeze({}),
  integer: Object.freeze({ numFmt: '0' }),
  decimal: Object.freeze({ numFmt: '0.0' }),
  percent: Object.freeze({ numFmt: '0.0%' }),
  date: Object.freeze({ numFmt: 'yyyy-mm-dd' }),
  datetime: Object.freeze({ numFmt: 'yyyy-mm-dd hh:mm:ss' }),
};
const HEADER_STYLE: Partial<ExcelJS.Style> = Object.freeze({ font: Object.freeze({ bold: true }) });

/** Writes to `output` until `cancelled` aborts (the download went away): then every call throws its reason. */
export function createXlsxWriter(output: Writable, cancelled: AbortSignal): SpreadsheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const stopIfCancelled = () => cancelled.throwIfAborted();

  return {
    addSheet(name, columns) {
      stopIfCancelled();
      const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      worksheet.columns = columns.map((c) => ({ width: c.width }));
      const styles = columns.map((c) => STYLES[c.format]);
      const header = worksheet.addRow(columns.map((c) => c.header));
      header.eachCell((cell) => (cell.style = HEADER_STYLE));
      header.commit();
      return {
        addRow(values) {
          stopIfCancelled();
          // undefined, not null: exceljs then makes no cell at all for an empty field.
          const row = worksheet.addRow(values.map((v) => v ?? undefined));
          row.eachCell((cell, column) => (cell.style = styles[column - 1]!));
          row.commit();
          return pendingBytes(worksheet) <= MAX_PENDING_BYTES;
        },
        drained() {
          stopIfCancelled();
          if (pendingBytes(worksheet) <= MAX_PENDING_BYTES) return Promise.resolve();
          return new Promise<void>((resolve, reject) => {
            const onCancel = () => reject(cancelled.reason);
            cancelled.addEventListener('abort', onCancel, { once: true });
            sheetPipe(worksheet).once('drain', () => {
              cancelled.removeEventListener('abort', onCancel);
              resolve();
            });
          });
        },
        close() {
          worksheet.commit();
        },
      };
    },
    finish: () => workbook.commit(),
  };
}

/**
 * exceljs's streaming writer ignores backpressure: a sheet's rows go into a pass-through stream
 * that feeds the zip, and `write` always reports room, so a sheet written faster than it is
 * compressed and sent piles up in memory (hundreds of MB for a million rows). Its length is
 * the only measure of what is pending; it lives on exceljs internals, checked here, so an
 * exceljs that changes them fails loudly in the tests instead of exporting without a limit.
 */
interface PendingPipe {
  _writableState: { length: number };
  once(event: 'drain', listener: () => void): unknown;
}

function sheetPipe(worksheet: ExcelJS.Worksheet): PendingPipe {
  const pipe = (worksheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as Partial<PendingPipe> | undefined;
  if (typeof pipe?._writableState?.length !== 'number' || typeof pipe.once !== 'function') {
    throw new Error('exceljs internals changed: cannot see how much of the sheet is pending; see server/export/xlsx.ts');
  }
  return pipe as PendingPipe;
}

function pendingBytes(worksheet: ExcelJS.Worksheet): number {
  return sheetPipe(worksheet)._writableState.length;
}
