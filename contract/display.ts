import { Type, type Static } from 'typebox';
import { IsoTime, Nullable } from './common.js';

/** One call on the waiting-room screen: public data only. */
export const DisplayCall = Type.Object({
  seq: Type.Integer(),
  at: IsoTime,
  /** `ticket.called` or `ticket.recalled`. */
  type: Type.String(),
  number: Type.String(),
  counterName: Nullable(Type.String()),
});
export type DisplayCall = Static<typeof DisplayCall>;

export const DisplayView = Type.Object({
  officeName: Type.String(),
  calls: Type.Array(DisplayCall),
  /** Connect the event stream from here so no call falls between this answer and the stream. */
  lastSeq: Type.Integer(),
});
export type DisplayView = Static<typeof DisplayView>;
