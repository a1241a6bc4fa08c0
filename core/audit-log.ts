import type { EventType } from './events.js';
import type { LocalizedText, Outcome, StaffRole } from './types.js';

/** Names a description may show: staff accounts (staff data, never a citizen's). */
export interface DescriptionNames {
  staffName(id: number): string | null;
}

type Data = Record<string, unknown>;
type Describe = (data: Data, names: DescriptionNames) => LocalizedText;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

const OUTCOME_TEXTS: Record<Outcome, LocalizedText> = {
  mitid_issued: { da: 'MitID udstedt', en: 'MitID issued' },
  refused_no_valid_id: { da: 'afvist, intet gyldigt ID', en: 'refused, no valid ID' },
  referred: { da: 'henvist', en: 'referred' },
  other: { da: 'andet', en: 'other' },
};

const ROLE_TEXTS: Record<StaffRole, LocalizedText> = {
  clerk: { da: 'medarbejder', en: 'clerk' },
  manager: { da: 'leder', en: 'manager' },
  admin: { da: 'administrator', en: 'administrator' },
};

const VERDICT_TEXTS: Record<string, LocalizedText> = {
  accepted: { da: 'godkendt', en: 'accepted' },
  supplement_required: { da: 'kræver supplerende dokument', en: 'needs a supplementary document' },
  rejected: { da: 'afvist', en: 'rejected' },
};

/** A ticket event: "M014 …" in both languages, the number first as a clerk says it. */
function ticket(da: string, en: string, extra?: (data: Data) => LocalizedText | null): Describe {
  return (data) => {
    const number = text(data.number) ?? '?';
    const more = extra?.(data) ?? null;
    return { da: `Billet ${number} ${da}${more ? more.da : ''}`, en: `Ticket ${number} ${en}${more ? more.en : ''}` };
  };
}

function atCounter(data: Data): LocalizedText | null {
  const counter = text(data.counterName);
  const outOfTurn = data.outOfOrder === true;
  if (!counter && !outOfTurn) return null;
  return {
    da: `${counter ? ` til ${counter}` : ''}${outOfTurn ? ', uden for tur' : ''}`,
    en: `${counter ? ` to ${counter}` : ''}${outOfTurn ? ', out of turn' : ''}`,
  };
}

function counterEvent(da: string, en: string): Describe {
  return (data) => {
    const counter = text(data.counterName) ?? '?';
    return { da: `${counter} ${da}`, en: `${counter} ${en}` };
  };
}

function staffEvent(da: string, en: string): Describe {
  return (data, names) => {
    const id = count(data.targetStaffId ?? data.createdStaffId);
    const who = names.staffName(id) ?? `#${id}`;
    const role = ROLE_TEXTS[data.role as StaffRole];
    return { da: `${da}: ${who}${role ? ` (${role.da})` : ''}`, en: `${en}: ${who}${role ? ` (${role.en})` : ''}` };
  };
}

function appointmentEvent(da: string, en: string): Describe {
  return (data) => {
    const where = [text(data.serviceCode), text(data.officeDay)].filter(Boolean).join(', ');
    return { da: `${da}${where ? ` (${where})` : ''}`, en: `${en}${where ? ` (${where})` : ''}` };
  };
}

/**
 * Short descriptions built only from an event's own fields: ticket numbers, service codes,
 * counter names, outcomes, counts. Free text a clerk typed (the reason for calling out of turn)
 * is never shown: it might name a citizen.
 */
const DESCRIPTIONS: Partial<Record<EventType, Describe>> = {
  'ticket.issued': ticket('udstedt', 'issued', (d) => (d.priority === 'urgent' ? { da: ' (akut)', en: ' (urgent)' } : null)),
  'ticket.called': ticket('kaldt', 'called', atCounter),
  'ticket.recalled': ticket('kaldt igen', 'called again', atCounter),
  'ticket.started': ticket('betjenes', 'being served', (d) => (d.walkUp === true ? { da: ' (direkte ved skranken)', en: ' (walk-up at the counter)' } : null)),
  'ticket.finished': ticket('afsluttet', 'finished', (d) => {
    const outcome = OUTCOME_TEXTS[d.outcome as Outcome];
    return outcome ? { da: `: ${outcome.da}`, en: `: ${outcome.en}` } : null;
  }),
  'ticket.no_show': ticket('mødte ikke op', 'did not show up'),
  'ticket.requeued': ticket('sat tilbage i køen', 'put back in the queue'),
  'ticket.transferred': ticket('overført', 'transferred', (d) => {
    const to = text(d.toServiceCode);
    return to ? { da: ` til ${to}`, en: ` to ${to}` } : null;
  }),
  'ticket.cancelled': ticket('annulleret', 'cancelled'),
  'counter.opened': counterEvent('åbnet', 'opened'),
  'counter.closed': counterEvent('lukket', 'closed'),
  'staff.login': () => ({ da: 'Logget ind', en: 'Logged in' }),
  'staff.logout': () => ({ da: 'Logget ud', en: 'Logged out' }),
  'staff.created': staffEvent('Medarbejder oprettet', 'Staff account created'),
  'staff.updated': staffEvent('Medarbejder ændret', 'Staff account changed'),
  'staff.password_reset': staffEvent('Adgangskode nulstillet', 'Password reset'),
  'staff.deactivated': staffEvent('Medarbejder deaktiveret', 'Staff account deactivated'),
  'staff.reactivated': staffEvent('Medarbejder genaktiveret', 'Staff account reactivated'),
  'kiosk.paired': (d) => ({ da: `Kiosk-PC #${count(d.kioskId)} parret`, en: `Kiosk PC #${count(d.kioskId)} paired` }),
  'kiosk.revoked': (d) => ({ da: `Kiosk-PC #${count(d.kioskId)} tilbagekaldt`, en: `Kiosk PC #${count(d.kioskId)} revoked` }),
  'issuance.refused': (d) => {
    const source =
      typeof d.kioskId === 'number'
        ? { da: `Kiosk-PC #${count(d.kioskId)}`, en: `Kiosk PC #${count(d.kioskId)}` }
        : d.addressKind === 'loopback'
          ? { da: 'Værts-pc’ens egen kiosk', en: "The host PC's own kiosk" }
          : { da: 'En pc på netværket', en: 'A PC on the network' };
    const limit =
      d.limit === 'urgent_per_hour'
        ? { da: `${count(d.max)} akutte billetter i timen`, en: `${count(d.max)} urgent tickets an hour` }
        : { da: `${count(d.max)} billetter i minuttet`, en: `${count(d.max)} tickets a minute` };
    return { da: `${source.da} afvist: over grænsen på ${limit.da}`, en: `${source.en} refused: over the limit of ${limit.en}` };
  },
  'id_check.completed': (d) => {
    const verdict = VERDICT_TEXTS[String(d.verdict)] ?? { da: '?', en: '?' };
    return { da: `ID-forhåndstjek: ${verdict.da}`, en: `ID pre-check: ${verdict.en}` };
  },
  'config.changed': (d) => ({ da: `Indstilling ændret: ${text(d.key) ?? '?'}`, en: `Setting changed: ${text(d.key) ?? '?'}` }),
  'export.downloaded': () => ({ da: 'Statistik hentet', en: 'Statistics downloaded' }),
  'appointment.booked': appointmentEvent('Tid booket', 'Appointment booked'),
  'appointment.cancelled': appointmentEvent('Tid aflyst', 'Appointment cancelled'),
  'appointment.moved': appointmentEvent('Tid flyttet', 'Appointment moved'),
  'appointment.checked_in': appointmentEvent('Tjekket ind til tid', 'Checked in for an appointment'),
  'appointment.no_show': appointmentEvent('Udeblevet fra tid', 'Missed an appointment'),
  'audit.verified': (d) =>
    d.ok === true
      ? { da: `Revisionslog kontrolleret: i orden (${count(d.checked)} hændelser)`, en: `Audit log verified: intact (${count(d.checked)} events)` }
      : { da: `Revisionslog kontrolleret: brudt ved #${count(d.firstBrokenSeq)}`, en: `Audit log verified: broken at #${count(d.firstBrokenSeq)}` },
  'retention.purged': (d) => ({
    da: `Detaljer for ${text(d.day) ?? '?'} slettet efter opbevaringstiden (${count(d.tickets)} billetter, ${count(d.events)} hændelser)`,
    en: `Detail of ${text(d.day) ?? '?'} deleted after the retention period (${count(d.tickets)} tickets, ${count(d.events)} events)`,
  }),
};

/** Types without a description of their own (added later) still read as what they are. */
export function hasOwnDescription(type: string): boolean {
  return Object.hasOwn(DESCRIPTIONS, type);
}

export function describeEvent(type: string, data: Data, names: DescriptionNames): LocalizedText {
  return hasOwnDescription(type) ? DESCRIPTIONS[type as EventType]!(data, names) : { da: `Hændelse: ${type}`, en: `Event: ${type}` };
}
