import { ID_REJECT_REASONS, ID_VERDICTS, type IdRejectReason, type IdVerdict } from '../idcheck/types.js';
import { OUTCOMES, URGENT_REASONS, type LocalizedText, type Outcome, type UrgentReason } from '../types.js';
import type { DurationFigures } from './durations.js';
import type { BookingFigures, CapacityFigures, Figures } from './figures.js';

/** A figure as a spreadsheet column: counts, minutes (one decimal) or shares (0–1, shown as %). */
export type FigureUnit = 'count' | 'minutes' | 'share';

/** Which figures a grouping has: counter time, ID checks and bookings only where they can be split that way. */
export type FigureSection = 'tickets' | 'capacity' | 'idChecks' | 'bookings';

export interface FigureColumn {
  id: string;
  header: LocalizedText;
  unit: FigureUnit;
  section: FigureSection;
  value(f: Figures): number | null;
}

const DURATION_STATS = [
  { key: 'mean', da: 'gns.', en: 'mean' },
  { key: 'median', da: 'median', en: 'median' },
  { key: 'p90', da: '90 %-fraktil', en: '90th percentile' },
  { key: 'max', da: 'maks.', en: 'max' },
] as const;

function durationColumns(id: string, name: LocalizedText, pick: (f: Figures) => DurationFigures): FigureColumn[] {
  return DURATION_STATS.map((stat) => ({
    id: `${id}_${stat.key}`,
    header: { da: `${name.da}, ${stat.da} (min)`, en: `${name.en}, ${stat.en} (min)` },
    unit: 'minutes' as const,
    section: 'tickets' as const,
    value: (f: Figures) => pick(f)[stat.key],
  }));
}

const count = (id: string, da: string, en: string, value: (f: Figures) => number | null): FigureColumn => ({
  id,
  header: { da, en },
  unit: 'count',
  section: 'tickets',
  value,
});

const capacity = (id: string, da: string, en: string, unit: FigureUnit, value: (c: CapacityFigures) => number | null): FigureColumn => ({
  id,
  header: { da, en },
  unit,
  section: 'capacity',
  value: (f) => (f.capacity ? value(f.capacity) : null),
});

const booking = (id: string, da: string, en: string, value: (b: BookingFigures) => number): FigureColumn => ({
  id: `bookings_${id}`,
  header: { da: `Bookinger: ${da}`, en: `Bookings: ${en}` },
  unit: 'count',
  section: 'bookings',
  value: (f) => (f.appointments.bookings ? value(f.appointments.bookings) : null),
});

const OUTCOME_NAMES: Record<Outcome, LocalizedText> = {
  mitid_issued: { da: 'MitID udstedt', en: 'MitID issued' },
  refused_no_valid_id: { da: 'Afvist: intet gyldigt ID', en: 'Refused: no valid ID' },
  referred: { da: 'Henvist', en: 'Referred' },
  other: { da: 'Andet resultat', en: 'Other outcome' },
};

const URGENT_REASON_NAMES: Record<UrgentReason, LocalizedText> = {
  hospital_summons: { da: 'Akut: indkaldelse til hospital', en: 'Urgent: hospital summons' },
  other: { da: 'Akut: anden grund', en: 'Urgent: other reason' },
};

const VERDICT_NAMES: Record<IdVerdict, LocalizedText> = {
  accepted: { da: 'ID-tjek godkendt', en: 'ID checks accepted' },
  supplement_required: { da: 'ID-tjek: supplement krævet', en: 'ID checks: supplement required' },
  rejected: { da: 'ID-tjek afvist', en: 'ID checks rejected' },
};

const REASON_NAMES: Record<IdRejectReason, LocalizedText> = {
  unreadable: { da: 'ulæselig', en: 'unreadable' },
  unsupported_format: { da: 'format ikke understøttet', en: 'unsupported format' },
  check_digit: { da: 'kontrolciffer', en: 'check digit' },
  document_type_not_accepted: { da: 'dokumenttype ikke godkendt', en: 'document type not accepted' },
  specimen_document: { da: 'prøvedokument', en: 'specimen document' },
  expired: { da: 'udløbet', en: 'expired' },
  no_expiry_date: { da: 'ingen udløbsdato', en: 'no expiry date' },
  invalid_date: { da: 'ugyldig dato', en: 'invalid date' },
  too_young: { da: 'for ung', en: 'too young' },
};

/** Every figure, flat, in the order the sheets show them; docs/statistics.md defines each. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  count('issued', 'Udstedt', 'Issued', (f) => f.issued),
  count('served', 'Betjent', 'Served', (f) => f.served),
  count('walk_ups', 'Heraf uden billet', 'Of which walk-ups', (f) => f.walkUps),
  count('no_show', 'Udeblevet', 'No-show', (f) => f.noShow),
  count('cancelled', 'Annulleret', 'Cancelled', (f) => f.cancelled),
  count('transferred', 'Overført', 'Transferred', (f) => f.transferred),
  count('open', 'Stadig åben', 'Still open', (f) => f.open),
  count('carried_over', 'Ventede ved dagens slutning', 'Waiting at end of day', (f) => f.carriedOver),
  ...durationColumns('wait', { da: 'Ventetid', en: 'Wait' }, (f) => f.waitMinutes),
  ...durationColumns('walk', { da: 'Gangtid', en: 'Walk' }, (f) => f.walkMinutes),
  ...durationColumns('service', { da: 'Betjeningstid', en: 'Service time' }, (f) => f.serviceMinutes),
  count('estimate_count', 'Lovet ventetid: antal', 'Estimates compared', (f) => f.estimate.count),
  {
    id: 'estimate_mean_signed_error',
    header: { da: 'Faktisk − lovet ventetid, gns. (min)', en: 'Actual − estimated wait, mean (min)' },
    unit: 'minutes',
    section: 'tickets',
    value: (f) => f.estimate.meanSignedErrorMinutes,
  },
  {
    id: 'estimate_mean_absolute_error',
    header: { da: 'Afvigelse fra lovet ventetid, gns. (min)', en: 'Estimate error, mean absolute (min)' },
    unit: 'minutes',
    section: 'tickets',
    value: (f) => f.estimate.meanAbsoluteErrorMinutes,
  },
  {
    id: 'estimate_within_5_share',
    header: { da: 'Lovet ventetid holdt (±5 min)', en: 'Estimate within ±5 min' },
    unit: 'share',
    section: 'tickets',
    value: (f) => f.estimate.withinToleranceShare,
  },
  { id: 'sla_share', header: { da: 'Kaldt inden for servicemål', en: 'Called within SLA' }, unit: 'share', section: 'tickets', value: (f) => f.sla.share },
  count('urgent_issued', 'Akut', 'Urgent', (f) => f.urgent.issued),
  ...URGENT_REASONS.map((reason) =>
    count(`urgent_${reason}`, URGENT_REASON_NAMES[reason].da, URGENT_REASON_NAMES[reason].en, (f) => f.urgent.byReason[reason]),
  ),
  ...durationColumns('urgent_wait', { da: 'Akut ventetid', en: 'Urgent wait' }, (f) => f.urgent.waitMinutes),
  ...durationColumns('appointment_wait', { da: 'Ventetid med tid (fra tidspunktet)', en: 'Wait, booked (from the slot)' }, (f) => f.appointments.waitMinutes),
  ...durationColumns('walk_in_wait', { da: 'Ventetid uden tid', en: 'Wait, walk-ins' }, (f) => f.appointments.walkInWaitMinutes),
  ...OUTCOMES.map((outcome) => count(`outcome_${outcome}`, OUTCOME_NAMES[outcome].da, OUTCOME_NAMES[outcome].en, (f) => f.outcomes[outcome])),
  booking('total', 'i alt', 'total', (b) => b.total),
  booking('checked_in', 'tjekket ind', 'checked in', (b) => b.checkedIn),
  booking('early', 'tjekket ind før tiden', 'checked in early', (b) => b.early),
  booking('on_time', 'tjekket ind til tiden', 'checked in on time', (b) => b.onTime),
  booking('late', 'for sent (fik nummer uden tid)', 'late (walk-in ticket)', (b) => b.late),
  booking('no_show', 'udeblevet', 'no-show', (b) => b.noShow),
  booking('cancelled', 'aflyst', 'cancelled', (b) => b.cancelled),
  booking('still_booked', 'endnu ikke brugt', 'not used yet', (b) => b.stillBooked),
  capacity('open_minutes', 'Åbningstid (min)', 'Open time (min)', 'minutes', (c) => c.openMinutes),
  capacity('serving_minutes', 'Betjeningstid ved skranke (min)', 'Serving time (min)', 'minutes', (c) => c.servingMinutes),
  capacity('idle_minutes', 'Ledig tid (min)', 'Idle time (min)', 'minutes', (c) => c.idleMinutes),
  capacity('utilisation', 'Udnyttelse', 'Utilisation', 'share', (c) => c.utilisation),
  { id: 'id_checks', header: { da: 'ID-tjek i alt', en: 'ID checks' }, unit: 'count', section: 'idChecks', value: (f) => f.idChecks?.total ?? null },
  ...ID_VERDICTS.map(
    (verdict): FigureColumn => ({
      id: `id_checks_${verdict}`,
      header: VERDICT_NAMES[verdict],
      unit: 'count',
      section: 'idChecks',
      value: (f) => f.idChecks?.byVerdict[verdict] ?? null,
    }),
  ),
  ...ID_REJECT_REASONS.map(
    (reason): FigureColumn => ({
      id: `id_reject_${reason}`,
      header: { da: `Afvist: ${REASON_NAMES[reason].da}`, en: `Rejected: ${REASON_NAMES[reason].en}` },
      unit: 'count',
      section: 'idChecks',
      value: (f) => f.idChecks?.rejectReasons[reason] ?? null,
    }),
  ),
];
