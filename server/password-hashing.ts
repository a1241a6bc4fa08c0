import { ApiError } from './errors.js';
import { HashQueue, type HashQueueLoad } from './hash-queue.js';
import { hashPassword, verifyPassword } from './secrets.js';

/**
 * How many password hashes the host computes at once (each ~128 MB and ~0.3 s at cost 17): two,
 * the cores of a typical office PC, so a login flood costs at most ~256 MB and leaves the queue
 * and the pages responsive. Sixteen more wait (a few seconds at most); one client address holds
 * at most two places, so a flood from one PC cannot crowd out a colleague's login.
 */
export const PASSWORD_HASH_LIMITS = { running: 2, waiting: 16, perKey: 2 } as const;

/** A hash no password matches, at `cost`, so an unknown username costs the same time and memory as a wrong password. */
export function unmatchableHash(cost: number): string {
  return `scrypt$${2 ** cost}$8$1$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;
}

/** Every password hash the host computes for a request goes through here. */
export class PasswordHashing {
  private readonly queue = new HashQueue(PASSWORD_HASH_LIMITS);
  private readonly noSuchUserHash: string;

  constructor(private readonly cost: number) {
    this.noSuchUserHash = unmatchableHash(cost);
  }

  /** What is running and waiting now, and the most ever run at once. */
  get load(): HashQueueLoad {
    return this.queue.load;
  }

  /** A new hash at the configured cost. `client` is the address asking. */
  hash(client: string, password: string): Promise<string> {
    return this.admit(client, () => hashPassword(password, this.cost));
  }

  /** Whether `password` matches `stored`; `null` (no such user) takes as long as a wrong password. */
  verify(client: string, password: string, stored: string | null): Promise<boolean> {
    return this.admit(client, () => verifyPassword(password, stored ?? this.noSuchUserHash));
  }

  private admit<T>(client: string, task: () => Promise<T>): Promise<T> {
    const admitted = this.queue.run(client, task);
    if (admitted) return admitted;
    throw new ApiError(429, 'busy', 'The office host is checking other passwords right now. Try again in a moment.', { 'retry-after': '1' });
  }
}
