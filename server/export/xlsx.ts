import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { SheetRows } from './sheet-rows.js';

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

/** The number format of a column's cells; `general` cells keep the workbook's default style. */
const NUMBER_FORMATS: Record<CellFormat, string | null> = {
  general: null,
  integer: '0',
  decimal: '0.0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};
const HEADER_STYLE: Partial<ExcelJS.Style> = Object.freeze({ font: Object.freeze({ bold: true }) });

/** Characters of row XML collected before they are handed to the sheet's stream in one write. */
const WRITE_CHARS = 64 * 1024;

/** Writes to `output` until `cancelled` aborts (the download went away): then every call throws its reason. */
export function createXlsxWriter(output: Writable, cancelled: AbortSignal): SpreadsheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const styles = styleRegistry(workbook);
  const stopIfCancelled = () => cancelled.throwIfAborted();

  return {
    addSheet(name, columns) {
      stopIfCancelled();
      const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      worksheet.columns = columns.map((c) => ({ width: c.width }));
      // The header goes through exceljs, which opens the sheet's data (column widths, <sheetData>) at its first row.
      const header = worksheet.addRow(columns.map((c) => c.header));
      header.eachCell((cell) => (cell.style = HEADER_STYLE));
      header.commit();
      const styleIds = columns.map((c) => {
        const numFmt = NUMBER_FORMATS[c.format];
        return numFmt === null ? 0 : styles.addStyleModel({ numFmt });
      });
      const rows = new SheetRows(styleIds, 2);
      const sheet = sheetStream(worksheet);
      let failed: unknown = null;
      const writeRows = () => {
        const xml = rows.take();
        if (xml !== '') sheet.write(xml).catch((error: unknown) => (failed ??= error));
      };
      const stopIfFailed = () => {
        stopIfCancelled();
        if (failed !== null) throw failed;
      };
      return {
        addRow(values) {
          stopIfFailed();
          if (rows.add(values) >= WRITE_CHARS) writeRows();
          return sheet.pendingBytes() <= MAX_PENDING_BYTES;
        },
        drained() {
          stopIfFailed();
          if (sheet.pendingBytes() <= MAX_PENDING_BYTES) return Promise.resolve();
          return new Promise<void>((resolve, reject) => {
            const onCancel = () => reject(cancelled.reason);
            cancelled.addEventListener('abort', onCancel, { once: true });
            sheet.onceDrained(() => {
              cancelled.removeEventListener('abort', onCancel);
              resolve();
            });
          });
        },
        close() {
          writeRows();
          stopIfFailed();
          worksheet.commit();
        },
      };
    },
    finish: () => workbook.commit(),
  };
}

/**
 * The exceljs internals this file leans on, each checked where it is first used, so an exceljs
 * that changes them fails loudly in the tests instead of exporting without a limit:
 *
 * - A sheet's stream (`worksheet.stream`): the rows' XML is written to it as exceljs itself does.
 * - Backpressure: exceljs's streaming writer ignores it. A sheet's text goes into a pass-through
 *   stream that feeds the zip, and `write` always reports room, so a sheet written faster than it
 *   is compressed and sent piles up in memory (hundreds of MB for a million rows). The length of
 *   that pipe is the only measure of what is pending.
 * - The style sheet (`workbook.styles`): a column's number format gets its style id there, as a
 *   cell's style would.
 */
interface SheetStream {
  write(xml: string): Promise<void>;
  pipes?: unknown[];
}

interface PendingPipe {
  _writableState: { length: number };
  once(event: 'drain', listener: () => void): unknown;
}

function sheetStream(worksheet: ExcelJS.Worksheet): { write(xml: string): Promise<void>; pendingBytes(): number; onceDrained(listener: () => void): void } {
  const stream = (worksheet as unknown as { stream?: Partial<SheetStream> }).stream;
  const pipe = stream?.pipes?.[0] as Partial<PendingPipe> | undefined;
  if (typeof stream?.write !== 'function' || typeof pipe?._writableState?.length !== 'number' || typeof pipe.once !== 'function') {
    throw new Error('exceljs internals changed: cannot write a sheet or see how much of it is pending; see server/export/xlsx.ts');
  }
  const { write } = stream as SheetStream;
  const pending = pipe as PendingPipe;
  return {
    write: (xml) => Promise.resolve(write.call(stream, xml)),
    pendingBytes: () => pending._writableState.length,
    onceDrained: (listener) => void pending.once('drain', listener),
  };
}

interface StyleRegistry {
  addStyleModel(style: Partial<ExcelJS.Style>): number;
}

function styleRegistry(workbook: ExcelJS.stream.xlsx.WorkbookWriter): StyleRegistry {
  const styles = (workbook as unknown as { styles?: Partial<StyleRegistry> }).styles;
  if (typeof styles?.addStyleModel !== 'function') throw new Error('exceljs internals changed: no style sheet to add styles to; see server/export/xlsx.ts');
  return styles as StyleRegistry;
}
