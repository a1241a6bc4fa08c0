/**
 * The shell's log: one line per event on stdout/stderr, where systemd's journal (or the terminal
 * of `npm run kiosk`) keeps it. Fields are for non-personal facts only: reasons, origins, states,
 * ticket numbers. Never a scanned document.
 */
export type LogFields = Record<string, string | number | boolean | null>;

export interface ShellLog {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function createConsoleLog(write: Pick<Console, 'info' | 'warn' | 'error'> = console): ShellLog {
  const line = (message: string, fields?: LogFields) =>
    fields === undefined ? `[shell] ${message}` : `[shell] ${message} ${JSON.stringify(fields)}`;
  return {
    info: (message, fields) => write.info(line(message, fields)),
    warn: (message, fields) => write.warn(line(message, fields)),
    error: (message, fields) => write.error(line(message, fields)),
  };
}
