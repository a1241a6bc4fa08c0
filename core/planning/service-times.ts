import { exponential, type Rng } from './rng.js';

/**
 * How long one citizen of a service takes at the counter, call to finish. By hand: an
 * exponential or fixed time; from history: the office's own served tickets (drawn at random from
 * them, so an office whose service times have a long tail keeps it).
 */
export type ServiceTimeModel =
  | { kind: 'exponential'; meanMinutes: number }
  | { kind: 'fixed'; minutes: number }
  | { kind: 'empirical'; minutes: readonly number[] };

const MINUTE_MS = 60_000;

/** One service time, in ms. */
export function drawServiceMs(model: ServiceTimeModel, rng: Rng): number {
  switch (model.kind) {
    case 'exponential':
      return exponential(rng, model.meanMinutes * MINUTE_MS);
    case 'fixed':
      return model.minutes * MINUTE_MS;
    case 'empirical': {
      const index = Math.min(model.minutes.length - 1, Math.floor(rng.next() * model.minutes.length));
      return model.minutes[index]! * MINUTE_MS;
    }
  }
}

/** The mean service time of a model, in minutes (what Erlang C and a load estimate need). */
export function meanServiceMinutes(model: ServiceTimeModel): number {
  switch (model.kind) {
    case 'exponential':
      return model.meanMinutes;
    case 'fixed':
      return model.minutes;
    case 'empirical':
      return model.minutes.length === 0 ? 0 : model.minutes.reduce((sum, m) => sum + m, 0) / model.minutes.length;
  }
}
