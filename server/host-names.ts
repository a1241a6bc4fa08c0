import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import os from 'node:os';

/**
 * The names this host answers to. A browser puts the name it was told in the `Host` header, so a
 * DNS-rebinding page (evil.example resolving to 127.0.0.1) arrives here as `Host: evil.example`:
 * refusing names the host does not own is what stops it. An IP literal cannot be rebound, but only
 * our own addresses are taken so that the rule stays "names we own", not "anything numeric".
 */
export interface HostNameSources {
  /** HOST: the listening address (a wildcard means every address of this PC's interfaces). */
  listenAddress: string;
  /** The TLS certificate (PEM) when the host serves HTTPS: its subjectAltName and CN entries. */
  certificate: Buffer | undefined;
  /** ALLOWED_HOSTS, already normalised by `normalizeHostName`. */
  allowedHosts: readonly string[];
  /** os.hostname(): LAN PCs that reach the host by the PC's own name (DNS, NetBIOS, mDNS). */
  machineName: string;
  /** The PC's interface addresses, read again on a miss because DHCP can change them. */
  interfaceAddresses?: () => string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** A predicate over the `Host` header of a request: true when it names this host (any port). */
export function hostNameCheck(sources: HostNameSources): (hostHeader: string | undefined) => boolean {
  const exact = new Set<string>(LOOPBACK_NAMES);
  const wildcards: string[] = [];
  const add = (raw: string) => {
    if (raw.startsWith('*.')) {
      const suffix = normalizeHostName(raw.slice(2));
      if (suffix) wildcards.push(suffix);
      return;
    }
    const name = normalizeHostName(raw);
    if (name) exact.add(name);
  };
  const listensEverywhere = WILDCARD_ADDRESSES.has(sources.listenAddress);
  if (!listensEverywhere) add(sources.listenAddress);
  if (sources.certificate) certificateNames(sources.certificate).forEach(add);
  sources.allowedHosts.forEach(add);
  add(sources.machineName);
  const interfaceAddresses = sources.interfaceAddresses ?? machineAddresses;

  return (hostHeader) => {
    const name = hostNameOf(hostHeader);
    if (name === null) return false;
    if (exact.has(name) || isLoopbackLiteral(name)) return true;
    // A certificate's `*.office.local` covers exactly one more label, as it does for a browser.
    const dot = name.indexOf('.');
    if (dot > 0 && !isIP(name) && wildcards.includes(name.slice(dot + 1))) return true;
    return listensEverywhere && isIP(unbracket(name)) !== 0 && interfaceAddresses().map(normalizeHostName).includes(name);
  };
}

/**
 * The name of a `Host` header value (`name`, `name:port`, `[v6]:port`), normalised; null when it
 * is not a plain host and port — user info, a path or spaces are never part of a real Host.
 */
export function hostNameOf(hostHeader: string | undefined): string | null {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]@/\\?#%\s]+)(?::\d{1,5})?$/.exec(hostHeader ?? '');
  return match ? normalizeHostName(match[1]!) : null;
}

/**
 * One spelling per name, so that comparisons are exact: lower case, IPv4 in dotted decimal, IPv6
 * compressed and in brackets (as URL.hostname writes them). Null for something that is no host name.
 */
export function normalizeHostName(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '' || /[/\\?#@\s%]/.test(trimmed)) return null;
  const host = isIP(trimmed) === 6 ? `[${trimmed}]` : trimmed;
  try {
    const url = new URL(`http://${host}`);
    return url.port === '' && url.pathname === '/' ? url.hostname : null;
  } catch {
    return null;
  }
}

/** subjectAltName DNS and IP entries and the subject's CN, as a browser would match them. */
export function certificateNames(pem: Buffer): string[] {
  const certificate = new X509Certificate(pem);
  const names: string[] = [];
  for (const entry of (certificate.subjectAltName ?? '').split(', ')) {
    const match = /^(DNS|IP Address):(.+)$/.exec(entry);
    // Node quotes an entry holding a comma or a quote as a JSON string; such a name is no host name.
    if (match && !match[2]!.startsWith('"')) names.push(match[2]!);
  }
  const commonName = /^CN=(.+)$/m.exec(certificate.subject)?.[1];
  if (commonName) names.push(commonName);
  return names;
}

function machineAddresses(): string[] {
  return Object.values(os.networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
}

function isLoopbackLiteral(name: string): boolean {
  return isIP(name) === 4 && name.startsWith('127.');
}

function unbracket(name: string): string {
  return name.startsWith('[') ? name.slice(1, -1) : name;
}
