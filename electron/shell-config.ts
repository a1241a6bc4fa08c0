import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LocalizedText } from '../core/types.js';
import type { ScannerConfig } from '../hardware/create-scanner.js';
import { SHELL_ROLES, type ShellRole } from '../contract/shell-bridge.js';

/**
 * The shell's own config file (JSON), one per PC. The office host has its own settings (environment
 * variables, see the README); this file only says what this PC is.
 *
 * {
 *   "role": "kiosk" | "counter" | "display",         required
 *   "hostUrl": "https://office-host.local:8443",     optional for a kiosk: without it the kiosk
 *                                                    starts the office host itself (one-PC office);
 *                                                    required for counter and display
 *   "printerName": "TM_T20III",                      optional; default: the system's default printer
 *   "scanner": { "kind": "hid-pos", ... },           optional; default: { "kind": "none" }
 *   "deviceToken": "…"                               kiosk with hostUrl only: proves to the remote
 *                                                    host that this PC is the kiosk
 * }
 */
export const SHELL_CONFIG_ENV = 'BORGERSERVICE_SHELL_CONFIG';
export const SHELL_CONFIG_FILE_NAME = 'shell.json';

export const SCANNER_KINDS = ['none', 'simulator', 'hid-pos'] as const satisfies readonly ScannerConfig['kind'][];

export type HostLocation = { kind: 'embedded' } | { kind: 'remote'; origin: string };

export interface ShellConfig {
  role: ShellRole;
  host: HostLocation;
  /** The operating system's name of the ticket printer; null means the system default printer. */
  printerName: string | null;
  scanner: ScannerConfig;
  deviceToken: string | null;
}

/** A config problem the person installing the PC can fix; the text names the field, never a secret. */
export class ShellConfigError extends Error {
  override name = 'ShellConfigError';
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

const KNOWN_FIELDS = ['role', 'hostUrl', 'printerName', 'scanner', 'deviceToken'];

/** The file named by BORGERSERVICE_SHELL_CONFIG, else `shell.json` in the app's userData folder. */
export function shellConfigPath(env: NodeJS.ProcessEnv, userDataDir: string): string {
  const fromEnv = env[SHELL_CONFIG_ENV]?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(userDataDir, SHELL_CONFIG_FILE_NAME);
}

export async function readShellConfig(filePath: string): Promise<ShellConfig> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    throw fileProblem(filePath, readFailure(error));
  }
  let raw: unknown;
  try {
    // Windows Notepad saves UTF-8 with a byte-order mark, which JSON.parse rejects.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The parser's message quotes the file's text, and the file may hold the device token.
    throw fileProblem(filePath, {
      da: ' er ikke gyldig JSON. Tjek kommaer, anførselstegn og krøllede parenteser.',
      en: ' is not valid JSON. Check commas, quotes and braces.',
    });
  }
  try {
    return parseShellConfig(raw);
  } catch (error) {
    if (error instanceof ShellConfigError) {
      throw fileProblem(filePath, { da: `: ${error.text.da}`, en: `: ${error.text.en}` });
    }
    throw error;
  }
}

export function parseShellConfig(raw: unknown): ShellConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw problem('skal være et JSON-objekt, fx { "role": "kiosk" }.', 'must be a JSON object, e.g. { "role": "kiosk" }.');
  }
  const fields = raw as Record<string, unknown>;
  const unknownFields = Object.keys(fields).filter((name) => !KNOWN_FIELDS.includes(name));
  if (unknownFields.length > 0) {
    // A misspelt "hostURL" silently ignored would turn a counter PC into a second office host.
    const names = unknownFields.map((name) => `"${name}"`).join(', ');
    const known = KNOWN_FIELDS.join(', ');
    throw problem(`ukendte felter ${names}. Kendte felter: ${known}.`, `unknown fields ${names}. Known fields: ${known}.`);
  }

  const role = parseRole(fields.role);
  const host = fields.hostUrl === undefined ? null : parseHostUrl(fields.hostUrl);
  if (host === null && role !== 'kiosk') {
    throw problem(
      `rollen "${role}" viser sider fra en kontorvært et andet sted: angiv "hostUrl", fx "https://kontor-pc.local:8443".`,
      `the "${role}" role shows pages of an office host running elsewhere: set "hostUrl", e.g. "https://office-pc.local:8443".`,
    );
  }
  const deviceToken = fields.deviceToken === undefined ? null : parseDeviceToken(fields.deviceToken, role);
  if (role === 'kiosk' && host !== null && deviceToken === null) {
    throw problem(
      'en kiosk der bruger en anden PC som kontorvært ("hostUrl") skal have "deviceToken" for at kunne udstede numre.',
      'a kiosk that uses another PC as office host ("hostUrl") needs "deviceToken" to be allowed to issue tickets.',
    );
  }

  return {
    role,
    host: host === null ? { kind: 'embedded' } : { kind: 'remote', origin: host },
    printerName: fields.printerName === undefined ? null : parsePrinterName(fields.printerName),
    scanner: fields.scanner === undefined ? { kind: 'none' } : parseScanner(fields.scanner),
    deviceToken,
  };
}

function parseRole(value: unknown): ShellRole {
  if (value === undefined) {
    throw problem(
      `"role" mangler: skriv hvad denne PC er, ${SHELL_ROLES.map((r) => `"${r}"`).join(', ')}.`,
      `"role" is missing: say what this PC is, ${SHELL_ROLES.map((r) => `"${r}"`).join(', ')}.`,
    );
  }
  const role = SHELL_ROLES.find((known) => known === value);
  if (role === undefined) {
    const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
    const allowed = SHELL_ROLES.join(', ');
    throw problem(`"role" skal være ${allowed} (fik ${shown}).`, `"role" must be ${allowed} (got ${shown}).`);
  }
  return role;
}

/** Returns the host's origin: the only origin the shell's window may show. */
function parseHostUrl(value: unknown): string {
  const example = '"https://kontor-pc.local:8443"';
  if (typeof value !== 'string' || value.trim() === '') {
    throw problem(`"hostUrl" skal være en adresse som ${example}.`, `"hostUrl" must be an address like ${example}.`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw problem(`"hostUrl" er ikke en gyldig adresse; skriv fx ${example}.`, `"hostUrl" is not a valid address; write e.g. ${example}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw problem('"hostUrl" skal begynde med https:// eller http://.', '"hostUrl" must start with https:// or http://.');
  }
  if (url.username !== '' || url.password !== '') {
    // Not echoed: the value holds a password.
    throw problem('"hostUrl" må ikke indeholde brugernavn eller adgangskode.', '"hostUrl" must not contain a user name or password.');
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    // Each role's page is chosen by the shell; a path here would be silently dropped.
    throw problem(
      `"hostUrl" skal kun være værtens adresse uden sti, fx ${example}.`,
      `"hostUrl" must be the host's address only, without a path, e.g. ${example}.`,
    );
  }
  return url.origin;
}

function parsePrinterName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw problem(
      '"printerName" skal være printerens navn i styresystemet (udelad feltet for standardprinteren).',
      '"printerName" must be the printer\'s name in the operating system (leave the field out for the default printer).',
    );
  }
  return value.trim();
}

function parseScanner(value: unknown): ScannerConfig {
  const kinds = SCANNER_KINDS.join(', ');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw problem(`"scanner" skal være et objekt med "kind": ${kinds}.`, `"scanner" must be an object with "kind": ${kinds}.`);
  }
  const settings = value as Record<string, unknown>;
  const kind = SCANNER_KINDS.find((known) => known === settings.kind);
  if (kind === undefined) {
    throw problem(`"scanner.kind" skal være ${kinds}.`, `"scanner.kind" must be ${kinds}.`);
  }
  // The hardware layer owns every other setting (all optional, with defaults); they pass as written.
  return { ...settings, kind } as ScannerConfig;
}

function parseDeviceToken(value: unknown, role: ShellRole): string {
  if (role !== 'kiosk') {
    // A counter or display holding the kiosk's token could issue tickets in the kiosk's name.
    throw problem('"deviceToken" hører kun til rollen "kiosk".', '"deviceToken" belongs to the "kiosk" role only.');
  }
  // Visible ASCII only: the token travels in an HTTP header, where a line break would be an injection.
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
    throw problem(
      '"deviceToken" skal være den tekst kontorværten udstedte, uden mellemrum eller linjeskift.',
      '"deviceToken" must be the text the office host issued, without spaces or line breaks.',
    );
  }
  return value;
}

function readFailure(error: unknown): LocalizedText {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    // No silent default: a PC that wrongly starts as a kiosk would run a second office host and split the queue.
    return {
      da: ' findes ikke. Opret den med mindst { "role": "kiosk" | "counter" | "display" } (se docs/electron.md).',
      en: ' does not exist. Create it with at least { "role": "kiosk" | "counter" | "display" } (see docs/electron.md).',
    };
  }
  return { da: ` kunne ikke læses (${code ?? 'ukendt fejl'}).`, en: ` could not be read (${code ?? 'unknown error'}).` };
}

/** `text` continues the sentence "The shell config file <path>…". */
function fileProblem(filePath: string, text: LocalizedText): ShellConfigError {
  return new ShellConfigError({
    da: `Skallens konfigurationsfil ${filePath}${text.da}`,
    en: `The shell config file ${filePath}${text.en}`,
  });
}

function problem(da: string, en: string): ShellConfigError {
  return new ShellConfigError({ da, en });
}
