import type { ServiceView } from '../../../contract/services.js';
import type { AppointmentDayView, AppointmentView, BookRequest, ImportResult } from '../../../contract/appointments.js';
import { answerOf, api, ApiCallError, request } from './api.js';

/** A booking system's file: iCalendar by its extension or type, anything else is read as CSV. */
export function importTypeOf(file: Pick<File, 'name' | 'type'>): 'text/calendar' | 'text/csv' {
  return file.type === 'text/calendar' || /\.(ics|ical|ifb|icalendar)$/i.test(file.name) ? 'text/calendar' : 'text/csv';
}

/** Staff's booking calls (docs/appointments.md); any logged-in staff member may make them. */
export const appointmentsApi = {
  services: (): Promise<ServiceView[]> => api.services(),
  day: (day: string) => request<AppointmentDayView>('GET', `/api/appointments?day=${encodeURIComponent(day)}`),
  book: (body: BookRequest) => request<AppointmentView>('POST', '/api/appointments', body),
  move: (id: number, start: string) => request<AppointmentView>('PATCH', `/api/appointments/${id}`, { start }),
  cancel: (id: number) => request<AppointmentView>('DELETE', `/api/appointments/${id}`),
  /**
   * The file goes up as it is, typed CSV or iCalendar: the host reads both (`request` sends only
   * JSON, so this one call talks to the host itself, with the same errors).
   */
  importFile: async (file: File): Promise<ImportResult> => {
    let response: Response;
    try {
      response = await fetch('/api/appointments/import', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': `${importTypeOf(file)}; charset=utf-8` },
        body: file,
      });
    } catch {
      throw new ApiCallError(0, 'network', 'The office host cannot be reached.');
    }
    return answerOf<ImportResult>(response);
  },
};
