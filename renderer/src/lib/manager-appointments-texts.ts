import type { AppointmentStatus, Arrival } from '../../../core/appointments/types.js';
import type { LocalizedText } from '../../../core/types.js';

/** The booking screen (/manager#appointments), Danish and English side by side. */
export const appointmentsText = {
  heading: { da: 'Tidsbestilling', en: 'Appointments' },
  intro: {
    da: 'Book, flyt og aflys tider, og importér dagens bookinger fra bookingsystemet. Borgeren tjekker ind ved standeren med koden.',
    en: 'Book, move and cancel appointments, and import the day’s bookings from the booking system. The citizen checks in at the kiosk with the code.',
  },
  day: { da: 'Dag', en: 'Day' },
  previousDay: { da: 'Forrige dag', en: 'Previous day' },
  nextDay: { da: 'Næste dag', en: 'Next day' },
  today: { da: 'I dag', en: 'Today' },
  service: { da: 'Ydelse', en: 'Service' },
  loading: { da: 'Henter …', en: 'Loading …' },
  loadFailed: { da: 'Dagens bookinger kunne ikke hentes. Prøv igen om lidt.', en: 'The day’s bookings could not be loaded. Try again shortly.' },
  retry: { da: 'Prøv igen', en: 'Try again' },

  time: { da: 'Tid', en: 'Time' },
  places: { da: 'Pladser', en: 'Places' },
  bookings: { da: 'Bookinger', en: 'Bookings' },
  actions: { da: 'Handlinger', en: 'Actions' },
  noService: {
    da: 'Ingen skranke betjener denne ydelse, så den kan ikke bookes. Ret skrankerne under Opsætning.',
    en: 'No counter serves this service, so it cannot be booked. Change the counters under Configuration.',
  },
  book: { da: 'Book', en: 'Book' },
  bookOther: { da: 'Book et andet tidspunkt', en: 'Book another time' },
  full: { da: 'Fuldt booket', en: 'Fully booked' },
  over: { da: 'Forbi', en: 'Over' },
  noBooking: { da: 'Ingen', en: 'None' },

  bookHeading: { da: 'Ny booking', en: 'New booking' },
  startTime: { da: 'Klokkeslæt', en: 'Time' },
  name: { da: 'Navn eller initialer (valgfrit)', en: 'Name or initials (optional)' },
  nameHint: {
    da: 'Højst 40 tegn. Det vises kun for personalet og slettes, når dagen er gået.',
    en: 'At most 40 characters. Only staff see it, and it is erased when the day is over.',
  },
  confirmBook: { da: 'Book tiden', en: 'Book the time' },
  bookedHeading: { da: 'Booket – giv borgeren koden', en: 'Booked – give the citizen the code' },
  code: { da: 'Kode', en: 'Code' },
  dismiss: { da: 'Luk', en: 'Close' },

  cancel: { da: 'Aflys', en: 'Cancel' },
  cancelHeading: { da: 'Aflys bookingen?', en: 'Cancel the booking?' },
  confirmCancel: { da: 'Ja, aflys', en: 'Yes, cancel' },
  move: { da: 'Flyt', en: 'Move' },
  moveHeading: { da: 'Flyt bookingen', en: 'Move the booking' },
  newDay: { da: 'Ny dag', en: 'New day' },
  confirmMove: { da: 'Flyt', en: 'Move' },
  codeStays: { da: 'Koden er den samme.', en: 'The code stays the same.' },

  importHeading: { da: 'Importér fra bookingsystemet', en: 'Import from the booking system' },
  importHint: {
    da: 'En CSV-fil (; , eller tab) eller en iCalendar-fil (.ics). Hver booking får sin egen kode.',
    en: 'A CSV file (; , or tab) or an iCalendar file (.ics). Each booking gets its own code.',
  },
  file: { da: 'Fil', en: 'File' },
  importButton: { da: 'Importér', en: 'Import' },
  importing: { da: 'Importerer …', en: 'Importing …' },
  skippedHeading: { da: 'Sprunget over', en: 'Skipped' },
  line: { da: 'Linje', en: 'Line' },
  reason: { da: 'Grund', en: 'Reason' },
  importedCodes: { da: 'Nye bookinger og deres koder', en: 'New bookings and their codes' },
  day_: { da: 'Dato', en: 'Date' },

  counts: { da: 'Dagens bookinger', en: 'The day’s bookings' },
} satisfies Record<string, LocalizedText>;

export const statusText: Record<AppointmentStatus, LocalizedText> = {
  booked: { da: 'Booket', en: 'Booked' },
  checked_in: { da: 'Tjekket ind', en: 'Checked in' },
  cancelled: { da: 'Aflyst', en: 'Cancelled' },
  no_show: { da: 'Udeblevet', en: 'No-show' },
};

export const arrivalText: Record<Arrival, LocalizedText> = {
  early: { da: 'før tiden', en: 'early' },
  on_time: { da: 'til tiden', en: 'on time' },
  late: { da: 'for sent – fik et almindeligt nummer', en: 'late – got an ordinary ticket' },
};

/** The host's refusals a clerk can act on; anything else is shown as a general failure. */
export const bookingErrorText: Record<string, LocalizedText> = {
  slot_full: { da: 'Tiden er fuldt booket. Vælg en anden tid.', en: 'That time is fully booked. Choose another time.' },
  slot_in_past: { da: 'Tiden er allerede forbi.', en: 'That time is already over.' },
  too_far_ahead: { da: 'Der kan højst bookes to år frem.', en: 'Bookings can be made at most two years ahead.' },
  name_too_long: { da: 'Navnet er over 40 tegn.', en: 'The name is over 40 characters.' },
  invalid_time: { da: 'Klokkeslættet kan ikke bruges (hele minutter, HH:MM).', en: 'The time cannot be used (whole minutes, HH:MM).' },
  unknown_service: { da: 'Ydelsen findes ikke eller er lukket.', en: 'The service does not exist or is closed.' },
  already_checked_in: { da: 'Borgeren har allerede tjekket ind.', en: 'The citizen has already checked in.' },
  appointment_cancelled: { da: 'Bookingen er allerede aflyst.', en: 'The booking was already cancelled.' },
  appointment_no_show: { da: 'Bookingen er markeret som udeblevet.', en: 'The booking was marked as a no-show.' },
  empty_file: { da: 'Filen er tom.', en: 'The file is empty.' },
  not_icalendar: { da: 'Filen er ikke en iCalendar-fil.', en: 'The file is not an iCalendar file.' },
  unsupported_media_type: { da: 'Filen skal være CSV eller iCalendar (.ics).', en: 'The file must be CSV or iCalendar (.ics).' },
  body_too_large: { da: 'Filen er for stor (højst 1 MB).', en: 'The file is too large (at most 1 MB).' },
  failed: { da: 'Det lykkedes ikke. Prøv igen om lidt.', en: 'That did not work. Try again shortly.' },
};

/** docs/appointments.md, "Skip reasons". */
export const skipReasonText: Record<string, LocalizedText> = {
  missing_start: { da: 'Ingen starttid', en: 'No start time' },
  bad_time: { da: 'Starttiden kan ikke læses', en: 'The start time cannot be read' },
  nonexistent_local_time: { da: 'Tidspunktet findes ikke (sommertid starter)', en: 'The time does not exist (clocks go forward)' },
  unknown_time_zone: { da: 'Ukendt tidszone (TZID)', en: 'Unknown time zone (TZID)' },
  no_time: { da: 'Heldagsbegivenhed uden klokkeslæt', en: 'All-day event without a time' },
  missing_service: { da: 'Ingen ydelse', en: 'No service' },
  unknown_service: { da: 'Ydelsen findes ikke eller er lukket', en: 'The service does not exist or is closed' },
  name_too_long: { da: 'Navnet er over 40 tegn', en: 'The name is over 40 characters' },
  slot_full: { da: 'Tiden er fuldt booket', en: 'The slot is fully booked' },
  slot_in_past: { da: 'Tiden er allerede forbi', en: 'The slot is already over' },
  too_far_ahead: { da: 'Mere end to år frem', en: 'More than two years ahead' },
  already_imported: { da: 'Bookingen er allerede importeret', en: 'The booking was already imported' },
  cancelled_in_source: { da: 'Aflyst i bookingsystemet', en: 'Cancelled in the booking system' },
  recurring_event: { da: 'Gentagen begivenhed', en: 'Recurring event' },
  invalid_time: { da: 'Starttiden har sekunder', en: 'The start time has seconds' },
};

/** "2 af 4 optaget" — places taken in a slot. */
export function placesText(taken: number, capacity: number): LocalizedText {
  return { da: `${taken} af ${capacity} optaget`, en: `${taken} of ${capacity} taken` };
}

/** "15 min. pr. tid, 4 ad gangen". */
export function slotRuleText(slotMinutes: number, capacity: number): LocalizedText {
  return { da: `${slotMinutes} min. pr. tid, ${capacity} ad gangen`, en: `${slotMinutes} min per slot, ${capacity} at a time` };
}

/** "3 bookinger importeret" */
export function importedText(count: number): LocalizedText {
  const one = count === 1;
  return { da: `${count} ${one ? 'booking' : 'bookinger'} importeret.`, en: `${count} ${one ? 'booking' : 'bookings'} imported.` };
}

/** "Book kl. 09:15" — the slot button's full name for a screen reader. */
export function bookAtText(clock: string): LocalizedText {
  return { da: `Book kl. ${clock}`, en: `Book at ${clock}` };
}

/** "Aflys K4P X9C" / "Flyt K4P X9C" — which booking a button acts on. */
export function actionOnText(action: LocalizedText, code: string): LocalizedText {
  return { da: `${action.da} ${code}`, en: `${action.en} ${code}` };
}
