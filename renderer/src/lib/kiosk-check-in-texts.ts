import type { LocalizedText } from '../../../core/types.js';
import { spacedCode } from './booking-code-text.js';
import type { CheckInRefusal } from './kiosk-check-in-api.js';

/**
 * The kiosk's texts for booked citizens, Danish and English side by side; written like the rest
 * of the kiosk (lib/kiosk-texts.ts): short sentences, everyday words, always a next step.
 */
export const checkInText = {
  offerHeading: { da: 'Har du bestilt en tid?', en: 'Do you have an appointment?' },
  offer: { da: 'Jeg har en tid', en: 'I have an appointment' },

  codeHeading: { da: 'Skriv koden fra din tidsbestilling', en: 'Enter the code from your appointment' },
  codeHint: {
    da: 'Koden har 6 tegn og står i din bekræftelse. Du kan også holde stregkoden under scanneren.',
    en: 'The code has 6 characters and is in your confirmation. You can also hold the barcode under the scanner.',
  },
  codeLabel: { da: 'Kode', en: 'Code' },
  keypad: { da: 'Tastatur til koden', en: 'Keypad for the code' },
  erase: { da: 'Slet', en: 'Delete' },
  eraseLabel: { da: 'Slet det sidste tegn', en: 'Delete the last character' },
  checkIn: { da: 'Tjek ind', en: 'Check in' },
  checking: { da: 'Vi finder din tid …', en: 'Finding your appointment …' },
  notACode: {
    da: 'Det var vist et pas eller ID-kort. Skriv koden fra din tidsbestilling, eller scan stregkoden.',
    en: 'That looked like a passport or ID card. Enter the code from your appointment, or scan its barcode.',
  },
  checkInFailed: {
    da: 'Vi kunne ikke tjekke dig ind lige nu. Prøv igen, eller spørg personalet.',
    en: 'We could not check you in just now. Please try again or ask the staff.',
  },

  refusedHeading: { da: 'Vi kunne ikke tjekke dig ind', en: 'We could not check you in' },
  correctCode: { da: 'Ret koden', en: 'Correct the code' },
  otherCode: { da: 'Skriv en anden kode', en: 'Enter another code' },
  tryAgain: { da: 'Prøv igen', en: 'Try again' },
  withoutAppointment: { da: 'Tag et nummer uden tid', en: 'Take a ticket without an appointment' },

  lateTicket: {
    da: 'Derfor har du fået et almindeligt nummer og venter sammen med dem, der ikke har bestilt tid.',
    en: 'So this is an ordinary queue ticket: you wait with the citizens who have no appointment.',
  },
  lateNotice: {
    da: 'Derfor får du et almindeligt nummer og venter sammen med dem, der ikke har bestilt tid.',
    en: 'So you will get an ordinary queue ticket and wait with the citizens who have no appointment.',
  },
} satisfies Record<string, LocalizedText>;

/** What went wrong, in words for the citizen, and whether the typed code may simply be corrected. */
export function refusalText(refusal: CheckInRefusal, code: string): { message: LocalizedText; correctable: boolean } {
  const spaced = spacedCode(code);
  switch (refusal) {
    case 'unknown':
      return {
        message: {
          da: `Vi kan ikke finde en tid med koden ${spaced}. Se efter i din bekræftelse, om koden er skrevet rigtigt.`,
          en: `We cannot find an appointment with the code ${spaced}. Check the code in your confirmation.`,
        },
        correctable: true,
      };
    case 'used':
      return {
        message: {
          da: 'Koden er allerede brugt til at tjekke ind. Har du ikke fået et nummer, så spørg personalet.',
          en: 'This code has already been used to check in. If you did not get a ticket, please ask the staff.',
        },
        correctable: false,
      };
    case 'cancelled':
      return {
        message: {
          da: 'Tiden med denne kode er aflyst. Du kan tage et nummer uden tid eller spørge personalet.',
          en: 'The appointment with this code was cancelled. You can take a ticket without an appointment or ask the staff.',
        },
        correctable: false,
      };
    case 'other_day':
      return {
        message: {
          da: 'Din tid er ikke i dag. Se datoen i din bekræftelse. Du kan også tage et nummer uden tid.',
          en: 'Your appointment is not today. Check the date in your confirmation. You can also take a ticket without an appointment.',
        },
        correctable: false,
      };
    case 'too_many':
      return {
        message: {
          da: 'Der er prøvet mange koder her lige nu. Vent et minut og prøv igen, eller spørg personalet.',
          en: 'Many codes have been tried here just now. Please wait a minute and try again, or ask the staff.',
        },
        correctable: true,
      };
  }
}

/** "Din tid er kl. 09:00." */
export function appointmentAtText(clock: string): LocalizedText {
  return { da: `Din tid er kl. ${clock}.`, en: `Your appointment is at ${clock}.` };
}

/** For an early check-in: the ticket is not called before the early window opens. */
export function calledFromText(clock: string): LocalizedText {
  return { da: `Du bliver kaldt fra kl. ${clock}.`, en: `You will be called from ${clock}.` };
}

/** A check-in after the grace period: the citizen is told plainly that the booking no longer holds. */
export function lateText(clock: string): LocalizedText {
  return { da: `Din tid var kl. ${clock}, og den tid er gået.`, en: `Your appointment was at ${clock}, and that time has passed.` };
}

/** "Vi har fundet din tid: MitID kl. 09:00." */
export function foundText(serviceName: LocalizedText, clock: string): LocalizedText {
  return { da: `Vi har fundet din tid: ${serviceName.da} kl. ${clock}.`, en: `We found your appointment: ${serviceName.en} at ${clock}.` };
}

/** "3 af 6 tegn" — what the screen reader says as the code fills up. */
export function codeProgressText(typed: number, length: number): LocalizedText {
  return { da: `${typed} af ${length} tegn`, en: `${typed} of ${length} characters` };
}
