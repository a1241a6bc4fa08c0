/** A booking's time span, epoch ms, end exclusive. */
export interface Slot {
  start: number;
  end: number;
}

/**
 * The bookings a service can take at the same moment: the configured number, or else one per
 * counter that serves the service (a counter helps one citizen at a time).
 */
export function slotCapacity(configured: number | null, countersServing: number): number {
  return configured ?? countersServing;
}

/**
 * Whether one more booking fits. Slots may start at any whole minute, so "per slot" means: at no
 * moment of the new slot do more than `capacity` bookings of the service overlap.
 */
export function fitsCapacity(booked: readonly Slot[], candidate: Slot, capacity: number): boolean {
  if (capacity <= 0) return false;
  const overlapping = booked.filter((b) => b.start < candidate.end && candidate.start < b.end);
  // The overlap count only rises at a start, so checking every start inside the new slot is enough.
  const rises = [candidate.start, ...overlapping.map((b) => b.start).filter((s) => s > candidate.start)];
  return rises.every((moment) => overlapping.filter((b) => b.start <= moment && moment < b.end).length + 1 <= capacity);
}
