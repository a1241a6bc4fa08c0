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
  return capacity > 0 && peakOverlap(booked, candidate) + 1 <= capacity;
}

/** The most bookings that overlap at any one moment of `slot`: the places it has taken. */
export function peakOverlap(booked: readonly Slot[], slot: Slot): number {
  const overlapping = booked.filter((b) => b.start < slot.end && slot.start < b.end);
  // The overlap count only rises at a start, so checking every start inside the slot is enough.
  const rises = [slot.start, ...overlapping.map((b) => b.start).filter((s) => s > slot.start)];
  return Math.max(...rises.map((moment) => overlapping.filter((b) => b.start <= moment && moment < b.end).length));
}
