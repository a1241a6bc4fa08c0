import { migration001 } from './001-initial.js';
import { migration002 } from './002-service-time-index.js';
import { migration003 } from './003-appointments.js';
import { migration004 } from './004-stats.js';
import { migration005 } from './005-audit-chain.js';
import { migration006DisplayIndex } from './006-display-index.js';

/** In order; the position + 1 is the schema version stored in `PRAGMA user_version`. */
export const MIGRATIONS: readonly string[] = [migration001, migration002, migration003, migration004, migration005, migration006DisplayIndex];
