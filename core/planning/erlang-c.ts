/**
 * Erlang C: the textbook answer for Poisson arrivals, exponential service and `counters`
 * identical counters in a long steady day. The planner's simulation is checked against it, and
 * it gives a first guess of staffing; real days (a morning rush, several services, an urgent
 * lane) are what the simulation is for.
 */
export interface ErlangCInput {
  arrivalsPerHour: number;
  meanServiceMinutes: number;
  counters: number;
}

/** Probability that an arriving citizen has to wait; 1 when the counters cannot keep up. */
export function erlangCProbabilityOfWaiting({ arrivalsPerHour, meanServiceMinutes, counters }: ErlangCInput): number {
  const load = (arrivalsPerHour * meanServiceMinutes) / 60;
  if (counters <= load) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let blocking = 1;
  for (let k = 1; k <= counters; k++) blocking = (load * blocking) / (k + load * blocking);
  const rho = load / counters;
  return blocking / (1 - rho + rho * blocking);
}

/** Mean wait in minutes (Infinity when the counters cannot keep up). */
export function erlangCMeanWaitMinutes(input: ErlangCInput): number {
  const load = (input.arrivalsPerHour * input.meanServiceMinutes) / 60;
  if (input.counters <= load) return Infinity;
  return (erlangCProbabilityOfWaiting(input) * input.meanServiceMinutes) / (input.counters - load);
}

/** Probability that a citizen waits longer than `minutes`: P(wait) · e^(−(c·μ − λ)·t). */
export function erlangCWaitLongerThan(input: ErlangCInput, minutes: number): number {
  const load = (input.arrivalsPerHour * input.meanServiceMinutes) / 60;
  if (input.counters <= load) return 1;
  return erlangCProbabilityOfWaiting(input) * Math.exp((-(input.counters - load) * minutes) / input.meanServiceMinutes);
}

/** The fewest counters whose 90th percentile wait is at most `p90WaitMinutes` in a steady day. */
export function erlangCCountersForP90(arrivalsPerHour: number, meanServiceMinutes: number, p90WaitMinutes: number): number {
  for (let counters = 1; ; counters++) {
    if (erlangCWaitLongerThan({ arrivalsPerHour, meanServiceMinutes, counters }, p90WaitMinutes) <= 0.1) return counters;
  }
}
