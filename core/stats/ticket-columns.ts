import type { IdVerdict } from '../idcheck/types.js';
import type { LocalizedText } from '../types.js';
import { ticketMeasures, type MeasuredTicket, type StatsTicket, type TicketMeasures } from './ticket-measures.js';

/**
 * The fields of a ticket the columns show or its durations are computed from. An export reads
 * only these: a million rows, each value of which better-sqlite3 builds as a JavaScript value.
 */
export type ExportedTicket = MeasuredTicket &
  Pick<StatsTicket, 'id' | 'number' | 'officeDay' | 'serviceCode' | 'urgentReason' | 'outcome' | 'estimatedWaitMinutes' | 'transferredFromId' | 'checkIn'>;

/**
 * A ticket as exported (CSV, and the workbook's Tickets sheet): the row and the names it points
 * to. Nothing about the citizen — a ticket never holds any — and staff by username only.
 */
export interface TicketExportRecord {
  ticket: ExportedTicket;
  counterName: string | null;
  clerkUsername: string | null;
  transferredFromNumber: string | null;
  transferredFromService: string | null;
  idCheckVerdict: IdVerdict | null;
}

/**
 * How a column's raw value is written: `time` is epoch ms (ISO with offset in CSV, a date cell in
 * a sheet), `minutes` is ms shown as minutes with one decimal, `flag` is 1 or 0.
 */
export type TicketColumnType = 'text' | 'day' | 'time' | 'minutes' | 'integer' | 'flag';

export type TicketValue = string | number | null;

export interface TicketColumn {
  /** The CSV header: fixed, so scripts reading the file keep working. */
  id: string;
  /** The sheet header. */
  header: LocalizedText;
  type: TicketColumnType;
  value(record: TicketExportRecord, measures: TicketMeasures): TicketValue;
}

/** The fixed columns, in order; docs/statistics.md describes each. */
export const TICKET_COLUMNS: readonly TicketColumn[] = [
  { id: 'number', header: { da: 'Nummer', en: 'Number' }, type: 'text', value: (r) => r.ticket.number },
  { id: 'office_day', header: { da: 'Dag', en: 'Office day' }, type: 'day', value: (r) => r.ticket.officeDay },
  { id: 'service', header: { da: 'Ydelse', en: 'Service' }, type: 'text', value: (r) => r.ticket.serviceCode },
  { id: 'priority', header: { da: 'Prioritet', en: 'Priority' }, type: 'text', value: (r) => r.ticket.priority },
  { id: 'urgent_reason', header: { da: 'Akut-grund', en: 'Urgent reason' }, type: 'text', value: (r) => r.ticket.urgentReason },
  { id: 'status', header: { da: 'Status', en: 'Status' }, type: 'text', value: (r) => r.ticket.status },
  { id: 'outcome', header: { da: 'Resultat', en: 'Outcome' }, type: 'text', value: (r) => r.ticket.outcome },
  { id: 'arrived_at', header: { da: 'Ankommet', en: 'Arrived' }, type: 'time', value: (r) => r.ticket.arrivedAt },
  { id: 'called_at', header: { da: 'Kaldt', en: 'Called' }, type: 'time', value: (r) => r.ticket.calledAt },
  { id: 'started_at', header: { da: 'Startet', en: 'Started' }, type: 'time', value: (r) => r.ticket.startedAt },
  { id: 'finished_at', header: { da: 'Afsluttet', en: 'Finished' }, type: 'time', value: (r) => r.ticket.finishedAt },
  { id: 'wait_minutes', header: { da: 'Ventetid (min)', en: 'Wait (min)' }, type: 'minutes', value: (_, m) => m.waitMs },
  { id: 'walk_minutes', header: { da: 'Gangtid (min)', en: 'Walk (min)' }, type: 'minutes', value: (_, m) => m.walkMs },
  { id: 'service_minutes', header: { da: 'Betjeningstid (min)', en: 'Service time (min)' }, type: 'minutes', value: (_, m) => m.serviceMs },
  {
    id: 'estimated_wait_minutes',
    header: { da: 'Lovet ventetid (min)', en: 'Estimated wait (min)' },
    type: 'integer',
    value: (r) => r.ticket.estimatedWaitMinutes,
  },
  { id: 'counter', header: { da: 'Skranke', en: 'Counter' }, type: 'text', value: (r) => r.counterName },
  { id: 'clerk', header: { da: 'Medarbejder', en: 'Clerk' }, type: 'text', value: (r) => r.clerkUsername },
  { id: 'walk_up', header: { da: 'Uden billet', en: 'Walk-up' }, type: 'flag', value: (r) => (r.ticket.walkUp ? 1 : 0) },
  { id: 'transferred_from_number', header: { da: 'Overført fra nummer', en: 'Transferred from number' }, type: 'text', value: (r) => r.transferredFromNumber },
  {
    id: 'transferred_from_service',
    header: { da: 'Overført fra ydelse', en: 'Transferred from service' },
    type: 'text',
    value: (r) => r.transferredFromService,
  },
  { id: 'id_check_verdict', header: { da: 'ID-tjek', en: 'ID check' }, type: 'text', value: (r) => r.idCheckVerdict },
  // Last, so scripts reading the older columns by position keep working.
  { id: 'appointment_slot', header: { da: 'Bestilt tid', en: 'Booked time' }, type: 'time', value: (r) => r.ticket.slotStart ?? null },
  { id: 'check_in', header: { da: 'Fremmøde', en: 'Check-in' }, type: 'text', value: (r) => r.ticket.checkIn ?? null },
];

/** The raw values of one record, in `TICKET_COLUMNS` order. */
export function ticketValues(record: TicketExportRecord): TicketValue[] {
  const measures = ticketMeasures(record.ticket);
  return TICKET_COLUMNS.map((column) => column.value(record, measures));
}
