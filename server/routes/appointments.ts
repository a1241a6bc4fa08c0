import {
  AppointmentDayView,
  AppointmentView,
  BookRequest,
  CheckInPreview,
  CheckInRequest,
  CheckInView,
  DayQuery,
  ImportResult,
  LookupRequest,
  MoveRequest,
} from '../../contract/appointments.js';
import { IdParams } from '../../contract/common.js';
import { AppointmentRulesSettings, AppointmentRulesView } from '../../contract/config.js';
import { ErrorAnswers } from '../../contract/errors.js';
import { readInstant } from '../../core/appointments/local-time.js';
import { DEFAULT_APPOINTMENT_RULES } from '../../core/appointments/types.js';
import { isOfficeDay, officeDayOf } from '../../core/office-day.js';
import { IMPORT_FORMATS, importBookings, isImportFormat } from '../../office/appointment-import.js';
import { requireKioskOrStaff, requireStaff } from '../auth.js';
import { MANAGERS, restrictedRoutes } from '../route-groups.js';
import type { App, HostContext } from '../context.js';
import { ApiError, badRequest } from '../errors.js';
import { ticketView } from '../views.js';
import { checkDayRange } from './day-range.js';

const AppointmentAnswers = { response: { 200: AppointmentView, ...ErrorAnswers } };

/** A day's export from a booking system is a few hundred lines; 1 MB leaves room without inviting abuse. */
const IMPORT_BODY_LIMIT = 1024 * 1024;

export function appointmentRoutes(app: App, { appointments, configuration, store, config }: HostContext): void {
  // Codes are random but short: a kiosk (or a leaked kiosk token) must not be able to try them all.
  // Looking a code up and checking in share one budget, so the lookup opens no second way to guess.
  const codeAttempts = app.rateLimit({ max: 30, timeWindow: '1 minute' });

  app.post('/api/appointments', { schema: { tags: ['appointments'], summary: 'Book a time (staff)', body: BookRequest, response: { 201: AppointmentView, ...ErrorAnswers } } }, async (request, reply) => {
    const staff = requireStaff(request);
    const { serviceCode, start, name } = request.body;
    const booked = appointments.book({ serviceCode, start: readStart(start), name }, { staffId: staff.id }, 'staff');
    return reply.status(201).send(appointments.view(booked));
  });

  app.get('/api/appointments', { schema: { tags: ['appointments'], summary: "A day's bookings (staff)", querystring: DayQuery, response: { 200: AppointmentDayView, ...ErrorAnswers } } }, async (request) => {
    requireStaff(request);
    const now = config.clock();
    const day = request.query.day ?? officeDayOf(now);
    if (!isOfficeDay(day)) throw badRequest('invalid_day', 'day must be a date written YYYY-MM-DD.');
    checkDayRange(day, day, now);
    return appointments.ofDay(day);
  });

  app.delete('/api/appointments/:id', { schema: { tags: ['appointments'], summary: 'Cancel a booking (staff)', params: IdParams, ...AppointmentAnswers } }, async (request) => {
    const staff = requireStaff(request);
    return appointments.view(appointments.cancel(request.params.id, { staffId: staff.id }));
  });

  app.patch(
    '/api/appointments/:id',
    { schema: { tags: ['appointments'], summary: 'Move a booking to another time (staff)', params: IdParams, body: MoveRequest, ...AppointmentAnswers } },
    async (request) => {
      const staff = requireStaff(request);
      return appointments.view(appointments.move(request.params.id, readStart(request.body.start), { staffId: staff.id }));
    },
  );

  app.post(
    '/api/appointments/lookup',
    {
      schema: { tags: ['appointments'], summary: 'What checking in with a booking code would give now; nothing is stored (kiosk or staff)', body: LookupRequest, response: { 200: CheckInPreview, ...ErrorAnswers } },
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
      schema: { tags: ['appointments'], summary: 'Check in with a booking code (kiosk or staff)', body: CheckInRequest, response: { 201: CheckInView, ...ErrorAnswers } },
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
        schema: { tags: ['appointments'], summary: 'Import bookings from a booking system (text/csv or text/calendar; staff)', response: { 200: ImportResult, ...ErrorAnswers } },
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
    managers.get('/api/config/appointment-rules', { schema: { tags: ['config'], response: { 200: AppointmentRulesView, ...ErrorAnswers } } }, async () => appointments.rules());

    managers.put('/api/config/appointment-rules', { schema: { tags: ['config'], body: AppointmentRulesSettings, response: { 200: AppointmentRulesView, ...ErrorAnswers } } }, async (request) => {
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
