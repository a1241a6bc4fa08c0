import { migration001 } from './001-initial.js';
import { migration002 } from './002-service-time-index.js';
import { migration003 } from './003-appointments.js';
import { migration004 } from './004-stats.js';
import { migration005 } from './005-audit-chain.js';
import { migration006KioskLastSeen } from './006-kiosk-last-seen.js';
import { migration007DisplayIndex } from './007-display-index.js';

/** In order; the position + 1 is the schema version stored in `PRAGMA user_version`. */
export const MIGRATIONS: readonly string[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006KioskLastSeen,
  migration007DisplayIndex,
];
