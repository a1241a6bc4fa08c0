import { Readable } from 'node:stream';
import { CopenhagenTime } from '../../core/stats/local-time.js';
import type { StatsRange } from '../../core/stats/range.js';
import { ticketCsvChunks } from '../../core/stats/ticket-csv.js';
import { StatsReader } from '../../db/stats.js';

/**
 * The tickets of a range as a CSV stream. The rows are read only as the client takes the bytes
 * (a Readable pulls the next 64 KiB chunk when its buffer has room), so a year of a large office
 * goes out in constant memory. The reader is closed when the file ends, fails, or the download
 * is cancelled (Fastify destroys the stream, which ends the generator).
 */
export function ticketCsvStream(databaseFile: string, range: StatsRange): Readable {
  return Readable.from(readChunks(databaseFile, range), { objectMode: false });
}

function* readChunks(databaseFile: string, range: StatsRange): Generator<string, void, undefined> {
  const reader = new StatsReader(databaseFile);
  try {
    yield* ticketCsvChunks(reader.exportRecords(range.from, range.to), new CopenhagenTime());
  } finally {
    reader.close();
  }
}
