import type { IdVerdict } from '../../../core/idcheck/types.js';
import type { LocalizedText, Outcome, PriorityClass, UrgentReason } from '../../../core/types.js';

/** Every text of the counter console, Danish and English side by side. */
export const counterText = {
  title: { da: 'Skranke', en: 'Counter' },
  loading: { da: 'Henter …', en: 'Loading …' },
  loginHeading: { da: 'Log ind', en: 'Log in' },
  username: { da: 'Brugernavn', en: 'Username' },
  password: { da: 'Adgangskode', en: 'Password' },
  login: { da: 'Log ind', en: 'Log in' },
  logout: { da: 'Log ud', en: 'Log out' },
  closeCounter: { da: 'Luk skranken', en: 'Close the counter' },
  loggedInAs: { da: 'Logget ind som', en: 'Logged in as' },
  chooseCounter: { da: 'Vælg skranke', en: 'Choose counter' },
  open: { da: 'Åbn', en: 'Open' },
  heldBy: { da: 'optaget af', en: 'held by' },
  current: { da: 'Nuværende billet', en: 'Current ticket' },
  noCurrent: { da: 'Ingen borger ved skranken. Kald den næste.', en: 'No citizen at the counter. Call the next one.' },
  service: { da: 'Ydelse', en: 'Service' },
  waited: { da: 'Ventetid', en: 'Waited' },
  atCounterFor: { da: 'Ved skranken i', en: 'At the counter for' },
  priority: { da: 'Prioritet', en: 'Priority' },
  status: { da: 'Status', en: 'Status' },
  calledTimes: { da: 'Kaldt antal gange', en: 'Times called' },
  walkUpTicket: { da: 'Uden billet (henvendt direkte)', en: 'Without a ticket (walked up)' },
  notConfirmed: {
    da: 'Ikke bekræftet – sidst kendte billet, serveren kan ikke nås',
    en: 'Not confirmed – last known ticket, the host cannot be reached',
  },
  actions: { da: 'Handlinger', en: 'Actions' },
  shortcutsHint: { da: 'Tastaturgenveje virker, når du ikke skriver i et felt.', en: 'Keyboard shortcuts work when you are not typing in a field.' },
  callNext: { da: 'Kald næste', en: 'Call next' },
  recall: { da: 'Kald igen', en: 'Recall' },
  start: { da: 'Start betjening', en: 'Start serving' },
  finish: { da: 'Afslut', en: 'Finish' },
  outcome: { da: 'Resultat', en: 'Outcome' },
  noShow: { da: 'Udeblevet', en: 'No-show' },
  requeue: { da: 'Sæt tilbage i kø', en: 'Put back in queue' },
  transfer: { da: 'Overfør', en: 'Transfer' },
  walkUp: { da: 'Betjen uden billet', en: 'Serve without ticket' },
  transferTitle: { da: 'Overfør billetten til en anden ydelse', en: 'Transfer the ticket to another service' },
  walkUpTitle: { da: 'Betjen en borger uden billet', en: 'Serve a citizen without a ticket' },
  toService: { da: 'Ydelse', en: 'Service' },
  confirm: { da: 'Bekræft', en: 'Confirm' },
  cancel: { da: 'Annullér', en: 'Cancel' },
  callTicketTitle: { da: 'Kald en bestemt billet', en: 'Call a specific ticket' },
  callTicket: { da: 'Kald', en: 'Call' },
  reason: { da: 'Begrundelse (gemmes i loggen)', en: 'Reason (kept in the log)' },
  waitingHeading: { da: 'Venteliste', en: 'Waiting list' },
  waitingCount: { da: 'Venter', en: 'Waiting' },
  perService: { da: 'Venter pr. ydelse', en: 'Waiting per service' },
  longestWait: { da: 'Længste ventetid', en: 'Longest wait' },
  urgentCount: { da: 'Hastesager', en: 'Urgent' },
  nobodyWaiting: { da: 'Ingen venter.', en: 'Nobody is waiting.' },
  number: { da: 'Nummer', en: 'Number' },
  nobody: { da: 'Ingen venter på de ydelser, skranken betjener.', en: 'Nobody is waiting for the services this counter serves.' },
  offline: { da: 'Ingen forbindelse til serveren – prøver igen', en: 'No connection to the office host – retrying' },
  sessionExpired: { da: 'Din session er udløbet. Log ind igen.', en: 'Your session has expired. Please log in again.' },
  requeuedOnLogout: { da: 'Du er logget ud. Den kaldte borger er sat tilbage i køen.', en: 'You are logged out. The called citizen is back in the queue.' },
} satisfies Record<string, LocalizedText>;

/** Changing one's own password from the console's header. */
export const passwordText = {
  open: { da: 'Skift adgangskode', en: 'Change password' },
  title: { da: 'Skift din adgangskode', en: 'Change your password' },
  current: { da: 'Nuværende adgangskode', en: 'Current password' },
  next: { da: 'Ny adgangskode (mindst 10 tegn)', en: 'New password (at least 10 characters)' },
  repeat: { da: 'Gentag den nye adgangskode', en: 'Repeat the new password' },
  save: { da: 'Skift adgangskode', en: 'Change password' },
  changed: {
    da: 'Din adgangskode er skiftet. Du er stadig logget ind her; andre steder skal du logge ind igen.',
    en: 'Your password has been changed. You are still logged in here; elsewhere you must log in again.',
  },
} satisfies Record<string, LocalizedText>;

export const outcomeText: Record<Outcome, LocalizedText> = {
  mitid_issued: { da: 'MitID udstedt', en: 'MitID issued' },
  refused_no_valid_id: { da: 'Afvist: ingen gyldig legitimation', en: 'Refused: no valid ID' },
  referred: { da: 'Henvist', en: 'Referred' },
  other: { da: 'Andet', en: 'Other' },
};

export const priorityText: Record<PriorityClass, LocalizedText> = {
  urgent: { da: 'Hastesag', en: 'Urgent' },
  appointment: { da: 'Tidsbestilling', en: 'Appointment' },
  normal: { da: 'Almindelig', en: 'Normal' },
};

export const urgentReasonText: Record<UrgentReason, LocalizedText> = {
  hospital_summons: { da: 'Hastesag: indkaldelse fra hospital', en: 'Urgent: hospital summons' },
  other: { da: 'Hastesag: anden grund', en: 'Urgent: other reason' },
};

export const statusText: Record<string, LocalizedText> = {
  called: { da: 'Kaldt – venter på borgeren', en: 'Called – waiting for the citizen' },
  serving: { da: 'Under betjening', en: 'Being served' },
};

/** The ID pre-check: what the ticket and its check say about the citizen's ID, and the desk check. */
export const idCheckText = {
  heading: { da: 'ID-forhåndstjek', en: 'ID pre-check' },
  manual: { da: 'ID skal tjekkes manuelt', en: 'ID to be checked by hand' },
  supplementYes: {
    da: 'Borgeren har oplyst at have sundhedskort eller bopælsattest med',
    en: 'The citizen said they have their health card or certificate of residence with them',
  },
  supplementNo: {
    da: 'Borgeren har oplyst IKKE at have sundhedskort eller bopælsattest med',
    en: 'The citizen said they do NOT have their health card or certificate of residence with them',
  },
  verdictLoading: { da: 'Henter resultatet af forhåndstjekket …', en: 'Fetching the pre-check verdict …' },
  verdictUnavailable: { da: 'Resultatet af forhåndstjekket kan ikke hentes lige nu', en: 'The pre-check verdict cannot be fetched right now' },
  expires: { da: 'udløber', en: 'expires' },
  deskHeading: { da: 'ID-tjek ved skranken', en: 'ID check at the desk' },
  deskLabel: {
    da: 'Scan dokumentet med læseren her, eller indsæt den maskinlæsbare zone (MRZ)',
    en: 'Scan the document with the reader here, or paste the machine-readable zone (MRZ)',
  },
  deskCheck: { da: 'Tjek dokumentet', en: 'Check the document' },
  deskClear: { da: 'Ryd', en: 'Clear' },
  none: { da: 'Intet ID-forhåndstjek på denne billet', en: 'No ID pre-check on this ticket' },
  notNeeded: { da: 'Ydelsen kræver ikke ID-tjek', en: 'This service needs no ID check' },
} satisfies Record<string, LocalizedText>;

/** The host's refusals in words a clerk can act on; the host's own message is English only. */
export const errorText: Record<string, LocalizedText> = {
  ticket_in_progress: {
    da: 'Skranken kan ikke lukkes, mens der er en borger. Afslut billetten eller sæt den tilbage i køen først.',
    en: 'The counter cannot close while a citizen is at it. Finish the ticket or put it back in the queue first.',
  },
  counter_busy: {
    da: 'Skranken har allerede en borger. Afslut, marker som udeblevet eller sæt tilbage i køen først.',
    en: 'The counter already has a citizen. Finish, mark no-show or put back in the queue first.',
  },
  counter_taken: { da: 'Skranken er allerede åbnet af en kollega.', en: 'A colleague has already opened this counter.' },
  counter_not_open: { da: 'Skranken er ikke åben for dig længere. Vælg skranke igen.', en: 'The counter is no longer open for you. Choose a counter again.' },
  invalid_transition: { da: 'Billetten er ændret et andet sted. Visningen er opdateret.', en: 'The ticket was changed elsewhere. The view has been updated.' },
  service_not_served: { da: 'Skranken betjener ikke den ydelse. Overfør billetten først.', en: 'This counter does not serve that service. Transfer the ticket first.' },
  same_service: { da: 'Billetten er allerede i den ydelse.', en: 'The ticket is already in that service.' },
  unknown_service: { da: 'Ydelsen findes ikke eller er lukket.', en: 'The service does not exist or is closed.' },
  forbidden: { da: 'Du har ikke adgang til at gøre det.', en: 'You are not allowed to do that.' },
  not_found: { da: 'Billetten eller skranken findes ikke længere.', en: 'The ticket or counter no longer exists.' },
  rate_limited: { da: 'For mange forsøg. Vent et minut og prøv igen.', en: 'Too many attempts. Wait a minute and try again.' },
  wrong_login: { da: 'Forkert brugernavn eller adgangskode.', en: 'Wrong username or password.' },
  busy: { da: 'Serveren har travlt. Prøv igen om et øjeblik.', en: 'The host is busy. Try again in a moment.' },
};

/** Why the password was not changed, by the host's code (or the form's own check). */
export const passwordErrorText: Record<string, LocalizedText> = {
  mismatch: { da: 'De to nye adgangskoder er ikke ens.', en: 'The two new passwords are not the same.' },
  too_short: { da: 'Den nye adgangskode skal have mindst 10 tegn.', en: 'The new password must have at least 10 characters.' },
  wrong_password: { da: 'Den nuværende adgangskode er forkert.', en: 'The current password is wrong.' },
  rate_limited: errorText.rate_limited!,
  busy: errorText.busy!,
  network: { da: 'Ingen forbindelse til serveren. Prøv igen.', en: 'No connection to the office host. Try again.' },
  failed: { da: 'Adgangskoden blev ikke skiftet. Prøv igen.', en: 'The password was not changed. Try again.' },
};

export function refusalText(code: string, hostMessage: string): LocalizedText {
  return errorText[code] ?? { da: `Serveren afviste handlingen: ${hostMessage}`, en: `The host refused: ${hostMessage}` };
}

/** The pre-check verdict in a clerk's words. */
export const idVerdictText: Record<IdVerdict, LocalizedText> = {
  accepted: { da: 'Godkendt: dokumentet er nok alene', en: 'Accepted: the document is enough on its own' },
  supplement_required: { da: 'Kræver sundhedskort eller bopælsattest', en: 'Needs a health card or certificate of residence' },
  rejected: { da: 'Afvist', en: 'Rejected' },
};
