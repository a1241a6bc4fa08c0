import type { LogFields, ShellLog } from '../../electron/log.js';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: LogFields;
}

/** A ShellLog that keeps its lines, so tests can check what was (and was not) logged. */
export function recordingLog(): ShellLog & { entries: LogEntry[]; text(): string } {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry['level']) => (message: string, fields?: LogFields) => {
    entries.push(fields === undefined ? { level, message } : { level, message, fields });
  };
  return {
    entries,
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    text: () => entries.map((entry) => `${entry.message} ${JSON.stringify(entry.fields ?? {})}`).join('\n'),
  };
}
