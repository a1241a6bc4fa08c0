import type { LocalizedText, StaffRole } from '../../../core/types.js';

/** The manager shell's own texts; each section keeps its texts next to its component. */
export const managerText = {
  title: { da: 'Borgerservice – leder', en: 'Citizen Service – manager' },
  sections: { da: 'Afsnit', en: 'Sections' },
  dashboard: { da: 'Overblik', en: 'Dashboard' },
  statistics: { da: 'Statistik', en: 'Statistics' },
  appointments: { da: 'Tidsbestilling', en: 'Appointments' },
  configuration: { da: 'Opsætning', en: 'Configuration' },
  audit: { da: 'Revisionslog', en: 'Audit log' },
  planning: { da: 'Planlægning', en: 'Planning' },
  logout: { da: 'Log ud', en: 'Log out' },
  loggedInAs: { da: 'Logget ind som', en: 'Logged in as' },
  wrongLogin: { da: 'Forkert brugernavn eller adgangskode.', en: 'Wrong username or password.' },
  hostUnreachable: { da: 'Kontorets server svarer ikke. Prøv igen om lidt.', en: 'The office host does not answer. Try again shortly.' },
} satisfies Record<string, LocalizedText>;

/** The sections of /manager, in menu order; the URL hash names the open one so it survives a reload. */
export const MANAGER_SECTIONS = ['dashboard', 'statistics', 'planning', 'appointments', 'configuration', 'audit'] as const;
export type ManagerSection = (typeof MANAGER_SECTIONS)[number];

/**
 * What each role may open. A clerk books a citizen's next visit at the desk, so the bookings are
 * theirs too; figures, settings and the audit log are the management's (the host checks the same).
 */
export function sectionsFor(role: StaffRole): readonly ManagerSection[] {
  return role === 'clerk' ? ['appointments'] : MANAGER_SECTIONS;
}

/** The section the URL names if this role may open it, else the role's first. */
export function sectionFromHash(hash: string, role: StaffRole): ManagerSection {
  const allowed = sectionsFor(role);
  const name = hash.replace(/^#/, '');
  return allowed.find((section) => section === name) ?? allowed[0]!;
}
