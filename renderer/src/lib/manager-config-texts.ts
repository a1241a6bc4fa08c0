import type { DocumentType } from '../../../core/idcheck/types.js';
import type { LocalizedText, StaffRole } from '../../../core/types.js';

type Texts = Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;

/** Texts of the configuration section of /manager (components/manager/config/). */
export const configText = {
  intro: {
    da: 'Her indstiller du kontorets ydelser, skranker, medarbejdere, åbningstider og regler. Hver formular gemmes for sig.',
    en: "Set up the office's services, counters, staff, opening hours and rules here. Each form is saved on its own.",
  },
  contents: { da: 'Indhold', en: 'Contents' },
  save: { da: 'Gem', en: 'Save' },
  saved: { da: 'Gemt.', en: 'Saved.' },
  loading: { da: 'Henter …', en: 'Loading …' },
  retry: { da: 'Prøv igen', en: 'Try again' },
  active: { da: 'I brug', en: 'In use' },
  inactive: { da: 'Ikke i brug', en: 'Not in use' },
} satisfies Texts;

export const serviceText = {
  heading: { da: 'Ydelser', en: 'Services' },
  intro: {
    da: 'Ydelser vises som knapper på kiosken. En ydelse slettes aldrig; tag den ud af brug, så kiosken holder op med at tilbyde den. Borgere, der allerede venter, bliver stadig kaldt.',
    en: 'Services are the buttons on the kiosk. A service is never deleted: take it out of use and the kiosk stops offering it. Citizens already waiting are still called.',
  },
  formLabel: (code: string, name: string) => ({ da: `Ydelse ${code} – ${name}`, en: `Service ${code} – ${name}` }),
  code: { da: 'Kode (ét bogstav, står på billetten)', en: 'Code (one letter, printed on the ticket)' },
  nameDa: { da: 'Navn på dansk', en: 'Name in Danish' },
  nameEn: { da: 'Navn på engelsk', en: 'Name in English' },
  needsIdCheck: { da: 'Kræver ID-tjek på kiosken (MitID)', en: 'Needs an ID check at the kiosk (MitID)' },
  slaMinutes: { da: 'Mål for ventetid (minutter)', en: 'Waiting-time target (minutes)' },
  inUse: { da: 'I brug (vises på kiosken)', en: 'In use (offered on the kiosk)' },
  newHeading: { da: 'Ny ydelse', en: 'New service' },
  newHint: { da: 'En ny ydelse betjenes af alle skranker i brug, sidst i deres rækkefølge.', en: 'A new service is served by every counter in use, last in its order.' },
  create: { da: 'Opret ydelse', en: 'Create service' },
  created: { da: 'Ydelsen er oprettet.', en: 'The service was created.' },
  waiting: (n: number) => ({
    da: `Gemt. ${n} ${n === 1 ? 'borger venter' : 'borgere venter'} stadig på denne ydelse og bliver kaldt som normalt.`,
    en: `Saved. ${n} ${n === 1 ? 'citizen still waits' : 'citizens still wait'} for this service and will be called as usual.`,
  }),
} satisfies Texts;

export const counterSetupText = {
  heading: { da: 'Skranker', en: 'Counters' },
  intro: {
    da: 'Navnet står på ventesalens skærm. Rækkefølgen af ydelser bruges, når skranken kalder efter præference.',
    en: "The name is shown on the waiting-room screen. The order of services is used when the counter calls by preference.",
  },
  name: { da: 'Navn', en: 'Name' },
  ordering: { da: 'Hvem kaldes først', en: 'Who is called first' },
  arrival: { da: 'Længst ventende, uanset ydelse', en: 'Longest waiting, whatever the service' },
  preference: { da: 'Efter ydelsernes rækkefølge', en: 'By the order of services' },
  services: { da: 'Ydelser, den foretrukne først', en: 'Services, most preferred first' },
  notServed: { da: 'Betjenes ikke her', en: 'Not served here' },
  noneServed: { da: 'Skranken betjener ingen ydelser endnu.', en: 'The counter serves no services yet.' },
  moveUp: (name: string) => ({ da: `Flyt ${name} op`, en: `Move ${name} up` }),
  moveDown: (name: string) => ({ da: `Flyt ${name} ned`, en: `Move ${name} down` }),
  remove: (name: string) => ({ da: `Fjern ${name}`, en: `Remove ${name}` }),
  add: (name: string) => ({ da: `Tilføj ${name}`, en: `Add ${name}` }),
  moved: (name: string, position: number) => ({ da: `${name} er nu nummer ${position}.`, en: `${name} is now number ${position}.` }),
  inUse: { da: 'I brug (kan åbnes af ekspedienter)', en: 'In use (clerks can open it)' },
  heldBy: (name: string) => ({ da: `Åben – ${name}. Den kan tages ud af brug, når den er lukket.`, en: `Open – ${name}. It can be taken out of use once closed.` }),
  newHeading: { da: 'Ny skranke', en: 'New counter' },
  create: { da: 'Opret skranke', en: 'Create counter' },
  created: { da: 'Skranken er oprettet.', en: 'The counter was created.' },
} satisfies Texts;

export const roleText: Record<StaffRole, LocalizedText> = {
  clerk: { da: 'Ekspedient', en: 'Clerk' },
  manager: { da: 'Leder', en: 'Manager' },
  admin: { da: 'Administrator', en: 'Administrator' },
};

export const staffText = {
  heading: { da: 'Medarbejdere', en: 'Staff' },
  intro: {
    da: 'En medarbejder slettes aldrig; deaktiver kontoen, så kan den ikke logge ind, og historikken bevares. Kun en administrator kan ændre administratorer.',
    en: 'Staff are never deleted: deactivate the account and it can no longer log in, while its history is kept. Only an admin can change admins.',
  },
  memberLabel: (name: string, username: string) => ({ da: `${name} (${username})`, en: `${name} (${username})` }),
  username: { da: 'Brugernavn', en: 'Username' },
  displayName: { da: 'Navn', en: 'Name' },
  role: { da: 'Rolle', en: 'Role' },
  password: { da: 'Adgangskode (mindst 10 tegn)', en: 'Password (at least 10 characters)' },
  currentPassword: { da: 'Nuværende adgangskode', en: 'Current password' },
  newPassword: { da: 'Ny adgangskode (mindst 10 tegn)', en: 'New password (at least 10 characters)' },
  resetPassword: { da: 'Skift adgangskode', en: 'Set password' },
  passwordSet: (sessions: number) => ({
    da: `Adgangskoden er skiftet. ${sessions} ${sessions === 1 ? 'session er' : 'sessioner er'} logget ud.`,
    en: `The password was changed. ${sessions} ${sessions === 1 ? 'session was' : 'sessions were'} logged out.`,
  }),
  deactivate: { da: 'Deaktiver konto', en: 'Deactivate account' },
  reactivate: { da: 'Genaktiver konto', en: 'Reactivate account' },
  deactivated: { da: 'Kontoen er deaktiveret og logget ud.', en: 'The account was deactivated and logged out.' },
  reactivated: { da: 'Kontoen kan logge ind igen.', en: 'The account can log in again.' },
  deactivatedMark: { da: 'Deaktiveret', en: 'Deactivated' },
  adminOnly: { da: 'Kun en administrator kan ændre denne konto.', en: 'Only an admin can change this account.' },
  you: { da: '(dig)', en: '(you)' },
  newHeading: { da: 'Ny medarbejder', en: 'New staff member' },
  create: { da: 'Opret medarbejder', en: 'Create staff member' },
  created: { da: 'Medarbejderen er oprettet.', en: 'The staff member was created.' },
} satisfies Texts;

export const hoursText = {
  heading: { da: 'Åbningstider', en: 'Opening hours' },
  intro: {
    da: 'Dansk tid. Uden for åbningstiden viser kiosken "Lukket". Ekspedienterne kan stadig udstede billetter, så borgere, der er i huset ved lukketid, bliver betjent.',
    en: 'Copenhagen time. Outside opening hours the kiosk shows "Closed". Clerks can still issue tickets, so citizens inside at closing time are served.',
  },
  enabled: { da: 'Brug åbningstider (ellers er kiosken altid åben)', en: 'Use opening hours (otherwise the kiosk is always open)' },
  usual: { da: 'Start fra de sædvanlige tider', en: 'Start from the usual hours' },
  week: { da: 'Ugen', en: 'The week' },
  closedAllDay: { da: 'Lukket', en: 'Closed' },
  opens: (day: string, n: number) => ({ da: `${day}, åbner (tidsrum ${n})`, en: `${day}, opens (interval ${n})` }),
  closes: (day: string, n: number) => ({ da: `${day}, lukker (tidsrum ${n})`, en: `${day}, closes (interval ${n})` }),
  addInterval: (day: string) => ({ da: `Tilføj tidsrum om ${day.toLowerCase()}en`, en: `Add an interval on ${day}` }),
  removeInterval: (day: string, n: number) => ({ da: `Fjern tidsrum ${n} om ${day.toLowerCase()}en`, en: `Remove interval ${n} on ${day}` }),
  closedDates: { da: 'Lukkedage (fx helligdage)', en: 'Closed dates (e.g. public holidays)' },
  noClosedDates: { da: 'Ingen lukkedage.', en: 'No closed dates.' },
  date: (n: number) => ({ da: `Dato ${n}`, en: `Date ${n}` }),
  note: (n: number) => ({ da: `Note til dato ${n} (valgfri)`, en: `Note for date ${n} (optional)` }),
  addDate: { da: 'Tilføj lukkedag', en: 'Add a closed date' },
  removeDate: (n: number) => ({ da: `Fjern lukkedag ${n}`, en: `Remove closed date ${n}` }),
} satisfies Texts;

export const documentTypeText: Record<DocumentType, LocalizedText> = {
  passport: { da: 'Pas', en: 'Passport' },
  id_card: { da: 'ID-kort', en: 'ID card' },
  residence_permit: { da: 'Opholdskort', en: 'Residence permit' },
  visa: { da: 'Visum', en: 'Visa' },
  other: { da: 'Andet dokument', en: 'Other document' },
};

export const idRuleText = {
  heading: { da: 'Regler for ID-tjek (MitID)', en: 'ID check rules (MitID)' },
  intro: { da: 'Hvilke dokumenter kiosken godkender før MitID. Se docs/id-rules.md.', en: 'Which documents the kiosk accepts before MitID. See docs/id-rules.md.' },
  minimumAge: { da: 'Mindstealder', en: 'Minimum age' },
  accepted: { da: 'Godkendte dokumenttyper', en: 'Accepted document types' },
  enoughAlone: { da: 'Nok alene, når udstedt i Danmark, Grønland eller Færøerne (ellers skal sundhedskort medbringes)', en: 'Enough alone when domestic (otherwise a health card must be brought)' },
  domesticStates: { da: 'Indenlandske udstedere (landekoder med 3 bogstaver, adskilt af komma)', en: 'Domestic issuers (3-letter state codes, separated by commas)' },
  specimenStates: { da: 'Prøveudstedere (landekoder, fx UTO)', en: 'Specimen issuers (state codes, e.g. UTO)' },
  acceptSpecimen: { da: 'Godkend prøvedokumenter (kun til test)', en: 'Accept specimen documents (testing only)' },
  acceptNoExpiry: { da: 'Godkend dokumenter uden udløbsdato', en: 'Accept documents without an expiry date' },
} satisfies Texts;

export const queuePolicyText = {
  heading: { da: 'Køregler', en: 'Queue policy' },
  maxConsecutiveUrgent: { da: 'Højst antal hastesager i træk (0 = ingen grænse)', en: 'Most urgent calls in a row (0 = no limit)' },
  guardMinutes: { da: 'Efter så mange minutters ventetid går en borger forrest', en: 'After this many minutes of waiting a citizen goes first' },
} satisfies Texts;

export const retentionText = {
  heading: { da: 'Opbevaring af data', en: 'Data retention' },
  intro: {
    da: 'Billetternes detaljer slettes af den natlige oprydning, når de er ældre end dette.',
    en: 'The nightly purge deletes ticket details once they are older than this.',
  },
  ticketDetailDays: { da: 'Behold billetdetaljer i (dage)', en: 'Keep ticket details for (days)' },
} satisfies Texts;

export const issuanceLimitText = {
  heading: { da: 'Grænser for billetter fra kiosker', en: 'Ticket limits for kiosks' },
  intro: {
    da: 'En kiosk betjener én borger ad gangen. Flere billetter end dette fra samme kiosk afvises et øjeblik, og afvisningen står i revisionsloggen. Billetter, som medarbejdere udsteder ved skranken, er aldrig begrænset.',
    en: 'A kiosk serves one citizen at a time. More tickets than this from one kiosk are refused for a moment, and the refusal is written in the audit log. Tickets staff issue at the counter are never limited.',
  },
  ticketsPerMinute: { da: 'Billetter pr. minut pr. kiosk', en: 'Tickets a minute per kiosk' },
  urgentPerHour: { da: 'Akutte billetter pr. time pr. kiosk', en: 'Urgent tickets an hour per kiosk' },
} satisfies Texts;

export const kioskText = {
  heading: { da: 'Kiosker', en: 'Kiosks' },
  intro: {
    da: 'Kiosk-pc’er, der er parret med kontorets server. En kiosk, der er mistet eller udskiftet, skal tilbagekaldes: derefter afvises dens nøgle. Værts-pc’ens egen kiosk behøver ingen nøgle.',
    en: "Kiosk PCs paired with the office host. Revoke a kiosk that was lost or replaced: its key is refused from then on. The host PC's own kiosk needs no key.",
  },
  listLabel: { da: 'Parrede kiosker', en: 'Paired kiosks' },
  none: { da: 'Ingen kiosk-pc’er er parret endnu.', en: 'No kiosk PCs are paired yet.' },
  name: { da: 'Navn', en: 'Name' },
  pairedAt: { da: 'Parret', en: 'Paired' },
  lastSeen: { da: 'Sidst set', en: 'Last seen' },
  state: { da: 'Status', en: 'State' },
  never: { da: 'Aldrig', en: 'Never' },
  inUse: { da: 'I brug', en: 'In use' },
  revokedAt: (at: string) => ({ da: `Tilbagekaldt ${at}`, en: `Revoked ${at}` }),
  revoke: (name: string) => ({ da: `Tilbagekald ${name}`, en: `Revoke ${name}` }),
  confirmRevoke: (name: string) => ({
    da: `Tilbagekald ${name}? Kiosken kan ikke længere udstede billetter, før den er parret igen med en ny nøgle.`,
    en: `Revoke ${name}? The kiosk can no longer issue tickets until it is paired again with a new key.`,
  }),
  confirm: { da: 'Ja, tilbagekald', en: 'Yes, revoke' },
  cancel: { da: 'Fortryd', en: 'Cancel' },
  revoked: (name: string) => ({ da: `${name} er tilbagekaldt.`, en: `${name} was revoked.` }),
  pairHeading: { da: 'Par en ny kiosk', en: 'Pair a new kiosk' },
  pairName: { da: 'Navn på kiosken (fx "Indgang")', en: 'Name of the kiosk (e.g. "Entrance")' },
  pair: { da: 'Par kiosk', en: 'Pair kiosk' },
  tokenHeading: (name: string) => ({ da: `Nøgle til ${name}`, en: `Key for ${name}` }),
  tokenHint: {
    da: 'Vises kun denne ene gang. Markér og kopiér nøglen (Ctrl+C), og indsæt den som "deviceToken" i kiosk-pc’ens shell.json. Luk derefter beskeden.',
    en: 'Shown this one time only. Select and copy the key (Ctrl+C) and paste it as "deviceToken" into the kiosk PC\'s shell.json. Then close this message.',
  },
  tokenLabel: { da: 'Nøgle', en: 'Key' },
  tokenDone: { da: 'Jeg har kopieret nøglen', en: 'I have copied the key' },
} satisfies Texts;
