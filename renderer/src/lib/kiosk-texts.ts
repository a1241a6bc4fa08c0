import type { LocalizedText } from '../../../core/types.js';

/**
 * Every text of the kiosk, Danish and English side by side. Written for a citizen who may be
 * old, stressed or new to Denmark: short sentences, everyday words, always a next step.
 */
export const kioskText = {
  title: { da: 'Velkommen til Borgerservice', en: 'Welcome to Citizen Service' },

  choose: { da: 'Hvad skal du have hjælp til?', en: 'What do you need help with?' },
  chooseHint: { da: 'Tryk på en af knapperne.', en: 'Tap one of the buttons.' },
  loadingServices: { da: 'Henter …', en: 'Loading …' },
  servicesUnavailable: {
    da: 'Du kan ikke tage et nummer her lige nu. Spørg personalet.',
    en: 'You cannot take a ticket here right now. Please ask the staff.',
  },

  idHeading: { da: 'Scan dit pas eller ID-kort', en: 'Scan your passport or ID card' },
  placeDocument: {
    da: 'Læg dit pas eller ID-kort på scanneren med billedsiden nedad.',
    en: 'Place your passport or ID card on the scanner, photo page down.',
  },
  holdStill: {
    da: 'Hold det stille. Svaret kommer her på skærmen.',
    en: 'Hold it still. The answer will appear here on the screen.',
  },
  picture: {
    da: 'Tegning: et åbent pas ligger med billedsiden nedad på scannerens glasplade. Linjerne med bogstaver og <<< ligger ned mod glasset.',
    en: 'Drawing: an open passport lies photo page down on the glass of the scanner. The lines of letters and <<< face the glass.',
  },
  scannerMissing: { da: 'Scanneren er ikke tilsluttet – spørg personalet.', en: 'Scanner not connected – please ask the staff.' },
  scanNotChecked: {
    da: 'Vi kunne ikke tjekke dokumentet lige nu. Prøv igen, eller spørg personalet.',
    en: 'We could not check the document just now. Please try again or ask the staff.',
  },

  continue: { da: 'Fortsæt', en: 'Continue' },
  supplementQuestion: {
    da: 'Har du dit sundhedskort eller en bopælsattest med i dag?',
    en: 'Do you have your health insurance card or a certificate of residence with you today?',
  },
  haveSupplement: { da: 'Jeg har det med', en: 'I have it with me' },
  noSupplement: { da: 'Jeg har det ikke med', en: 'I do not have it with me' },
  tryAgain: { da: 'Prøv igen', en: 'Try again' },
  scanAnother: { da: 'Scan et andet dokument', en: 'Scan another document' },
  manualCheckTicket: { da: 'Tag et nummer – personalet ser på dokumentet', en: 'Take a ticket – staff will look at the document' },
  tooManyTries: {
    da: 'Scanneren kunne ikke læse dokumentet. Tag et nummer, så ser en medarbejder på det ved skranken.',
    en: 'The scanner could not read the document. Take a ticket and a member of staff will look at it at the desk.',
  },
  noScannable: { da: 'Jeg har ikke et dokument, der kan scannes', en: 'I have no document that can be scanned' },

  urgentQuestion: {
    da: 'Har du fået et brev fra et sygehus i Digital Post, som du skal læse i dag?',
    en: 'Do you have a letter from a hospital in Digital Post that you must read today?',
  },
  urgentHint: { da: 'Så hjælper vi dig først.', en: 'Then we will help you first.' },
  yes: { da: 'Ja', en: 'Yes' },
  no: { da: 'Nej', en: 'No' },
  ticketFailed: { da: 'Vi kunne ikke lave et nummer. Spørg personalet.', en: 'We could not make a ticket. Please ask the staff.' },

  yourNumber: { da: 'Dit nummer', en: 'Your number' },
  urgentTicket: {
    da: 'Du bliver hjulpet først, fordi du skal læse et brev fra sygehuset i dag.',
    en: 'You will be helped first because you must read a letter from the hospital today.',
  },
  youAreNext: { da: 'Du er den næste.', en: 'You are next.' },
  watchScreen: { da: 'Hold øje med skærmen – dit nummer bliver vist, når det er din tur.', en: 'Watch the screen – your number is shown when it is your turn.' },
  printFailed: { da: 'Billetten kunne ikke printes – husk dit nummer.', en: 'The ticket could not be printed – please remember your number.' },
  done: { da: 'Færdig', en: 'Done' },

  back: { da: 'Tilbage', en: 'Back' },
  askStaff: { da: 'Spørg personalet', en: 'Ask the staff' },
  askStaffMessage: { da: 'Gå hen til skranken, så hjælper vi dig.', en: 'Go to the counter and we will help you.' },
  ok: { da: 'OK', en: 'OK' },

  stillThere: { da: 'Er du her stadig?', en: 'Are you still there?' },
  imHere: { da: 'Ja, jeg er her', en: 'Yes, I am here' },
} satisfies Record<string, LocalizedText>;

/** "ca. 15 minutter" / "about 15 minutes", or "You are next" when nobody is ahead. */
export function waitText(minutes: number): LocalizedText {
  if (minutes <= 0) return kioskText.youAreNext;
  const one = minutes === 1;
  return {
    da: `Forventet ventetid: ca. ${minutes} ${one ? 'minut' : 'minutter'}.`,
    en: `Estimated wait: about ${minutes} ${one ? 'minute' : 'minutes'}.`,
  };
}

/** "Du har prøvet 2 af 3 gange." */
export function triesText(tries: number, maxTries: number): LocalizedText {
  return { da: `Du har prøvet ${tries} af ${maxTries} gange.`, en: `You have tried ${tries} of ${maxTries} times.` };
}

/** The idle question's countdown. */
export function startsOverText(seconds: number): LocalizedText {
  const one = seconds === 1;
  return {
    da: `Skærmen starter forfra om ${seconds} ${one ? 'sekund' : 'sekunder'}.`,
    en: `The screen will start over in ${seconds} ${one ? 'second' : 'seconds'}.`,
  };
}
