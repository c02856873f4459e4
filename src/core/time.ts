/**
 * Units of time, named in the types: the vendors keep and print times at
 * different precisions (xAI, Airweave and Mixpeek six fractional digits, Ctxfy
 * milliseconds, xAI's file expiry whole seconds), so a record's field or a
 * function's parameter says which one it holds. They are aliases of `number`:
 * they document and are checked by reading, they cost nothing at run time, and
 * the conversions below are the places where one unit becomes another.
 */

/** Microseconds since the Unix epoch. */
export type EpochMicros = number;
/** Milliseconds since the Unix epoch (what `Date` holds). */
export type EpochMillis = number;
/** Whole seconds since the Unix epoch. */
export type EpochSeconds = number;

/** Epoch microseconds to milliseconds, rounded down. */
export const microsToMillis = (micros: EpochMicros): EpochMillis => Math.floor(micros / 1000);
/** Epoch milliseconds to whole seconds, rounded down. */
export const millisToSeconds = (ms: EpochMillis): EpochSeconds => Math.floor(ms / 1000);
/** Epoch microseconds to whole seconds, rounded down. */
export const microsToSeconds = (micros: EpochMicros): EpochSeconds => Math.floor(micros / 1_000_000);
/** Whole epoch seconds to microseconds. */
export const secondsToMicros = (seconds: EpochSeconds): EpochMicros => seconds * 1_000_000;
