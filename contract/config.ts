import { Type, type Static } from 'typebox';
import { DOCUMENT_TYPES } from '../core/idcheck/types.js';
import { ISSUANCE_LIMIT_RANGE } from '../core/issuance-limit.js';
import { WEEKDAYS, type Weekday } from '../core/opening-hours.js';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../core/retention.js';
import { CounterOrdering, Holder, IsoTime, LocalizedText, Nullable, OfficeDay, ServiceCode } from './common.js';

/** The manager page's configuration API: each setting is read whole and replaced whole. */

// Services ------------------------------------------------------------------------------------

/** A name on the kiosk's button: something to read, not just spaces. */
const ServiceName = Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' });
const ServiceNames = Type.Object({ da: ServiceName, en: ServiceName }, { additionalProperties: false });
const SlaMinutes = Type.Integer({ minimum: 1, maximum: 480 });

/** A service as the manager sees it, inactive ones too. */
export const ServiceSetupView = Type.Object({
  code: Type.String(),
  names: LocalizedText,
  needsIdCheck: Type.Boolean(),
  slaMinutes: Type.Integer(),
  active: Type.Boolean(),
  /** Tickets of this service waiting now: a deactivated service keeps serving them. */
  waitingTickets: Type.Integer(),
});
export type ServiceSetupView = Static<typeof ServiceSetupView>;

export const CreateServiceRequest = Type.Object(
  { code: ServiceCode, names: ServiceNames, needsIdCheck: Type.Boolean(), slaMinutes: SlaMinutes, active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type CreateServiceRequest = Static<typeof CreateServiceRequest>;

export const UpdateServiceRequest = Type.Object(
  {
    // Accepted only to say clearly that it cannot change (server/routes/config-services.ts).
    code: Type.Optional(Type.String()),
    names: Type.Optional(ServiceNames),
    needsIdCheck: Type.Optional(Type.Boolean()),
    slaMinutes: Type.Optional(SlaMinutes),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateServiceRequest = Static<typeof UpdateServiceRequest>;

export const ServiceCodeParams = Type.Object({ code: ServiceCode });

// Counters ------------------------------------------------------------------------------------

/** Shown on the waiting-room screen next to the number: short, and something to read. */
const CounterName = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
const ServiceCodes = Type.Array(ServiceCode, { maxItems: 26 });

export const CounterSetupView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  /** Most preferred first. */
  serviceCodes: Type.Array(Type.String()),
  ordering: CounterOrdering,
  active: Type.Boolean(),
  heldBy: Nullable(Holder),
});
export type CounterSetupView = Static<typeof CounterSetupView>;

export const CreateCounterRequest = Type.Object(
  { name: CounterName, serviceCodes: ServiceCodes, ordering: Type.Optional(CounterOrdering) },
  { additionalProperties: false },
);
export type CreateCounterRequest = Static<typeof CreateCounterRequest>;

export const UpdateCounterRequest = Type.Object(
  {
    name: Type.Optional(CounterName),
    serviceCodes: Type.Optional(ServiceCodes),
    ordering: Type.Optional(CounterOrdering),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateCounterRequest = Static<typeof UpdateCounterRequest>;

// Office settings -----------------------------------------------------------------------------

const StateCode = Type.String({ pattern: '^[A-Z<]{3}$' });
const DocumentType = Type.Enum(DOCUMENT_TYPES);

/** The MitID document rules an office may adjust (docs/id-rules.md explains each). */
export const IdRulesSettings = Type.Object(
  {
    minimumAge: Type.Integer({ minimum: 0, maximum: 120 }),
    domesticStates: Type.Array(StateCode, { maxItems: 50 }),
    acceptedDocumentTypes: Type.Array(DocumentType, { maxItems: DOCUMENT_TYPES.length }),
    enoughAloneWhenDomestic: Type.Array(DocumentType, { maxItems: DOCUMENT_TYPES.length }),
    residencePermitCodes: Type.Record(Type.String({ pattern: '^([A-Z<]{3}|\\*)$' }), Type.Array(Type.String({ pattern: '^[A-Z<]{1,2}$' }), { maxItems: 20 })),
    specimenStates: Type.Array(StateCode, { maxItems: 20 }),
    acceptSpecimenStates: Type.Boolean(),
    acceptDocumentsWithoutExpiry: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type IdRulesSettings = Static<typeof IdRulesSettings>;

/** Who goes next: the urgent lane's cap and the guard time (README, "Defaults of a new office"). */
export const QueuePolicySettings = Type.Object(
  { maxConsecutiveUrgent: Type.Integer({ minimum: 0, maximum: 100 }), guardMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }) },
  { additionalProperties: false },
);
export type QueuePolicySettings = Static<typeof QueuePolicySettings>;

/** How many tickets one kiosk may issue (core/issuance-limit.ts). */
export const IssuanceLimitsSettings = Type.Object(
  {
    ticketsPerMinute: Type.Integer({ minimum: ISSUANCE_LIMIT_RANGE.min, maximum: ISSUANCE_LIMIT_RANGE.max }),
    urgentPerHour: Type.Integer({ minimum: ISSUANCE_LIMIT_RANGE.min, maximum: ISSUANCE_LIMIT_RANGE.max }),
  },
  { additionalProperties: false },
);
export type IssuanceLimitsSettings = Static<typeof IssuanceLimitsSettings>;

export const RetentionSettings = Type.Object(
  { ticketDetailDays: Type.Integer({ minimum: RETENTION_DAYS_MIN, maximum: RETENTION_DAYS_MAX, description: 'Days of per-ticket detail kept before today' }) },
  { additionalProperties: false },
);
export type RetentionSettings = Static<typeof RetentionSettings>;

const Minutes = (maximum: number) => Type.Integer({ minimum: 0, maximum });
const SlotMinutes = Type.Integer({ minimum: 5, maximum: 240 });
const Capacity = Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()]);

/** Per service code, a different slot length or capacity. */
const PerServiceRules = Type.Record(
  Type.String({ pattern: '^[A-Z]$' }),
  Type.Object({ slotMinutes: Type.Optional(SlotMinutes), capacityPerSlot: Type.Optional(Capacity) }, { additionalProperties: false }),
  { additionalProperties: false },
);

/** The booking rules an office may adjust (docs/appointments.md, "Rules and settings"). */
export const AppointmentRulesSettings = Type.Object(
  {
    slotMinutes: SlotMinutes,
    capacityPerSlot: Capacity,
    earlyWindowMinutes: Minutes(240),
    lateGraceMinutes: Minutes(240),
    nameRetentionDays: Minutes(30),
    perService: Type.Optional(PerServiceRules),
  },
  { additionalProperties: false },
);
export type AppointmentRulesSettings = Static<typeof AppointmentRulesSettings>;

/** The rules as the host answers them: `perService` always present. */
export const AppointmentRulesView = Type.Object({ ...AppointmentRulesSettings.properties, perService: PerServiceRules });
export type AppointmentRulesView = Static<typeof AppointmentRulesView>;

// Opening hours -------------------------------------------------------------------------------

const OpeningInterval = Type.Object(
  {
    opens: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    closes: Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' }),
  },
  { additionalProperties: false },
);
const DayIntervals = Type.Array(OpeningInterval, { maxItems: 6 });
const Week = Type.Object(Object.fromEntries(WEEKDAYS.map((w) => [w, DayIntervals])) as Record<Weekday, typeof DayIntervals>, { additionalProperties: false });

/** The manager's schedule: a week in Copenhagen time and the dates the office stays closed. */
export const OpeningHoursSettings = Type.Object(
  {
    enabled: Type.Boolean(),
    week: Week,
    closedDates: Type.Array(Type.Object({ date: OfficeDay, note: Type.Optional(Type.String({ maxLength: 80 })) }, { additionalProperties: false }), { maxItems: 400 }),
  },
  { additionalProperties: false },
);
export type OpeningHoursSettings = Static<typeof OpeningHoursSettings>;

/** `GET /api/opening-hours`, for the kiosk; anyone may read it. */
export const OpeningHoursStatusView = Type.Object({
  /** False when the office has no opening hours switched on: always open. */
  scheduled: Type.Boolean(),
  openNow: Type.Boolean(),
  hoursToday: Type.Array(OpeningInterval),
  /** When the office opens next; present only while it is closed and opens within a year. */
  nextOpening: Type.Optional(IsoTime),
  /** Today and the six following days, closed dates applied. */
  week: Type.Array(Type.Object({ date: OfficeDay, weekday: Type.Enum(WEEKDAYS), intervals: Type.Array(OpeningInterval), closedDate: Type.Boolean() })),
});
export type OpeningHoursStatusView = Static<typeof OpeningHoursStatusView>;

// Kiosk PCs -----------------------------------------------------------------------------------

/** `GET /api/kiosk-devices` (admin): a paired kiosk PC; its token is never shown again. */
export const KioskDeviceView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  pairedAt: IsoTime,
  /** Updated at most once a minute; null until the kiosk's first request. */
  lastSeenAt: Nullable(IsoTime),
  revokedAt: Nullable(IsoTime),
});
export type KioskDeviceView = Static<typeof KioskDeviceView>;

export const PairKioskRequest = Type.Object({ name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }) }, { additionalProperties: false });
export type PairKioskRequest = Static<typeof PairKioskRequest>;

/** `POST /api/kiosk-devices`: the one time the token is shown, to be typed into the kiosk PC. */
export const PairedKioskView = Type.Object({ id: Type.Integer(), name: Type.String(), token: Type.String() });
export type PairedKioskView = Static<typeof PairedKioskView>;
