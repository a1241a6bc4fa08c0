import { ApiCallError } from './api.js';

/**
 * The answer to the newest of a series of requests (a form whose inputs change faster than the
 * host answers): an older answer arriving late never paints over a newer one.
 */
export class LatestRequest<T> {
  value = $state<T | null>(null);
  error = $state<ApiCallError | null>(null);
  loading = $state(false);
  private latest = 0;

  async load(fetch: () => Promise<T>): Promise<void> {
    const request = ++this.latest;
    this.loading = true;
    try {
      const value = await fetch();
      if (request !== this.latest) return;
      this.value = value;
      this.error = null;
    } catch (error) {
      if (request !== this.latest) return;
      this.value = null;
      this.error = error instanceof ApiCallError ? error : new ApiCallError(0, 'network', String(error));
    } finally {
      if (request === this.latest) this.loading = false;
    }
  }

  /** Forgets the answer and any request still under way (the form no longer asks a valid question). */
  clear(): void {
    this.latest++;
    this.value = null;
    this.error = null;
    this.loading = false;
  }
}
