import { Type } from 'typebox';
import { readInstant } from '../../core/appointments/local-time.js';
import { DEFAULT_APPOINTMENT_RULES, type CheckInPreview, type CheckInView } from '../../core/appointments/types.js';
import { isOfficeDay, officeDayOf } from '../../core/office-day.js';
import { IMPORT_FORMATS, importBookings, isImportFormat } from '../../office/appointment-import.js';
import { requireKioskOrStaff, requireStaff } from '../auth.js';
import { MANAGERS, restrictedRoutes } from '../route-groups.js';
import type { App, HostContext } from '../context.js';
import { ApiError, badRequest } from '../errors.js';
import { ticketView } from '../views.js';
import { checkDayRange, DayParam } from './day-range.js';
import { IdParams, ServiceCode } from './schemas.js';

/** A day's export from a booking system is a few hundred lines; 1 MB leaves room without inviting abuse. */
const IMPORT_BODY_LIMIT = 1024 * 1024;

/** ISO 8601 with `Z` or an offset; whole minutes are checked by the booking rules. */
const Instant = Type.String({ minLength: 16, maxLength: 40 });

const BookBody = Type.Object(
  {
    serviceCode: ServiceCode,
    start: Instant,
    // The 40-character limit is checked after trimming, with its own error code.
    name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const MoveBody = Type.Object({ start: Instant }, { additionalProperties: false });
const Code = Type.String({ minLength: 1, maxLength: 32 });
const LookupBody = Type.Object({ code: Code }, { additionalProperties: false });
/** The ID step's result, as on a walk-in ticket (POST /api/tickets), for a booking whose service needs it. */
const CheckInBody = Type.Object(
  {
    code: Code,
    idCheckId: Type.Optional(Type.Integer({ minimum: 1 })),
    supplementDeclared: Type.Optional(Type.Boolean()),
    manualIdCheck: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const DayQuery = Type.Object({ day: Type.Optional(DayParam) }, { additionalProperties: false });

const Minutes = (maximum: number) => Type.Integer({ minimum: 0, maximum });
const SlotMinutes = Type.Integer({ minimum: 5, maximum: 240 });
const Capacity = Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()]);

/** The booking rules an office may adjust (docs/appointments.md, "Rules and settings"). */
const AppointmentRulesSchema = Type.Object(
  {
    slotMinutes: SlotMinutes,
    capacityPerSlot: Capacity,
    earlyWindowMinutes: Minutes(240),
    lateGraceMinutes: Minutes(240),
    nameRetentionDays: Minutes(30),
    perService: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[A-Z]$' }),
        Type.Object({ slotMinutes: Type.Optional(SlotMinutes), capacityPerSlot: Type.Optional(Capacity) }, { additionalProperties: false }),
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export function appointmentRoutes(app: App, { appointments, configuration, store, config }: HostContext): void {
  // Codes are random but short: a kiosk (or a leaked kiosk token) must not be able to try them all.
  // Looking a code up and checking in share one budget, so the lookup opens no second way to guess.
  const codeAttempts = app.rateLimit({ max: 30, timeWindow: '1 minute' });

  app.post('/api/appointments', { schema: { tags: ['appointments'], summary: 'Book a time (staff)', body: BookBody } }, async (request, reply) => {
    const staff = requireStaff(request);
    const { serviceCode, start, name } = request.body;
    const booked = appointments.book({ serviceCode, start: readStart(start), name }, { staffId: staff.id }, 'staff');
    return reply.status(201).send(appointments.view(booked));
  });

  app.get('/api/appointments', { schema: { tags: ['appointments'], summary: "A day's bookings (staff)", querystring: DayQuery } }, async (request) => {
    requireStaff(request);
    const now = config.clock();
    const day = request.query.day ?? officeDayOf(now);
    if (!isOfficeDay(day)) throw badRequest('invalid_day', 'day must be a date written YYYY-MM-DD.');
    checkDayRange(day, day, now);
    return appointments.ofDay(day);
  });

  app.delete('/api/appointments/:id', { schema: { tags: ['appointments'], summary: 'Cancel a booking (staff)', params: IdParams } }, async (request) => {
    const staff = requireStaff(request);
    return appointments.view(appointments.cancel(request.params.id, { staffId: staff.id }));
  });

  app.patch(
    '/api/appointments/:id',
    { schema: { tags: ['appointments'], summary: 'Move a booking to another time (staff)', params: IdParams, body: MoveBody } },
    async (request) => {
      const staff = requireStaff(request);
      return appointments.view(appointments.move(request.params.id, readStart(request.body.start), { staffId: staff.id }));
    },
  );

  app.post(
    '/api/appointments/lookup',
    {
      schema: { tags: ['appointments'], summary: 'What checking in with a booking code would give now; nothing is stored (kiosk or staff)', body: LookupBody },
      onRequest: codeAttempts,
    },
    async (request) => {
      requireKioskOrStaff(request);
      const { appointment, decision } = appointments.previewCheckIn(request.body.code);
      const service = store.services.get(appointment.serviceCode)!;
      const preview: CheckInPreview = {
        service: { code: service.code, names: service.names, needsIdCheck: service.needsIdCheck, slaMinutes: service.slaMinutes },
        arrival: decision.arrival,
        slotStart: new Date(appointment.slotStart).toISOString(),
        callableAt: new Date(decision.callableAt).toISOString(),
      };
      return preview;
    },
  );

  app.post(
    '/api/appointments/check-in',
    {
      schema: { tags: ['appointments'], summary: 'Check in with a booking code (kiosk or staff)', body: CheckInBody },
      onRequest: codeAttempts,
    },
    async (request, reply) => {
      requireKioskOrStaff(request);
      const { code, ...idCheck } = request.body;
      const { ticket, appointment, arrival } = appointments.checkIn(code, { staffId: request.caller.staff?.id ?? null }, idCheck);
      const view: CheckInView = {
        ticket: ticketView(ticket),
        arrival,
        slotStart: new Date(appointment.slotStart).toISOString(),
        callableAt: new Date(ticket.callableAt).toISOString(),
      };
      return reply.status(201).send(view);
    },
  );

  // Only this route reads CSV and iCalendar bodies, and only it may be that large.
  app.register(async (scope) => {
    scope.addContentTypeParser(IMPORT_FORMATS, { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/appointments/import',
      {
        // Not JSON, yet no door for another site: a form can send only urlencoded, multipart or
        // text/plain, and fetch() with text/csv or text/calendar needs a CORS preflight, which this
        // host never approves. The Origin and Sec-Fetch-Site checks apply here as everywhere.
        config: { bodyMediaTypes: IMPORT_FORMATS },
        schema: { tags: ['appointments'], summary: 'Import bookings from a booking system (text/csv or text/calendar; staff)' },
      },
      async (request) => {
        const staff = requireStaff(request);
        const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (!isImportFormat(mediaType) || typeof request.body !== 'string') {
          throw new ApiError(415, 'unsupported_media_type', 'Send the bookings as text/csv or text/calendar.');
        }
        return importBookings(appointments, store.services.list(), mediaType, request.body, { staffId: staff.id });
      },
    );
  });

  restrictedRoutes(app, MANAGERS, (managers) => {
    managers.get('/api/config/appointment-rules', { schema: { tags: ['config'] } }, async () => appointments.rules());

    managers.put('/api/config/appointment-rules', { schema: { tags: ['config'], body: AppointmentRulesSchema } }, async (request) => {
      const staff = requireStaff(request);
      const rules = { ...DEFAULT_APPOINTMENT_RULES, ...request.body, perService: request.body.perService ?? {} };
      return configuration.changeSetting('appointmentRules', rules, staff.id);
    });
  });
}

function readStart(text: string): number {
  const at = readInstant(text);
  if (at === null) throw badRequest('invalid_time', 'start must be an ISO 8601 time with Z or an offset, e.g. 2026-11-25T09:15:00+01:00.');
  return at;
}
