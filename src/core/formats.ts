/**
 * The string formats every validator knows: ajv-formats' full set, with
 * OpenAPI's numeric and binary formats as OpenAPI defines them. One table for
 * the validators compiled at run time and those compiled at build time.
 *
 * `date-time` and `date` take a fast path first: the timestamps the mock
 * writes itself (`2025-09-16T18:36:09.790Z`, `…:09Z`, `…:09.790123Z`,
 * `…+00:00`) are read character by character, without a regular expression;
 * whatever that path does not accept (a leap second, a space or a lower-case
 * `t`, a malformed value) goes to ajv-formats' own check, so the answer is
 * always ajv-formats'.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Format, FormatDefinition } from 'ajv';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isDigit = (c: number) => c >= 48 && c <= 57;
const two = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/** `YYYY-MM-DD` at the start of `s`, a real day of the calendar. */
function plainDate(s: string): boolean {
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(s.charCodeAt(i))) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

/** The common shape, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)` with no leap second; false means "ask ajv-formats", not "invalid". */
export function plainDateTime(s: string): boolean {
  const n = s.length;
  if (n < 20 || s.charCodeAt(10) !== 84 /* T */ || !plainDate(s)) return false;
  for (const i of [11, 12, 14, 15, 17, 18]) if (!isDigit(s.charCodeAt(i))) return false;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  if (two(s, 11) > 23 || two(s, 14) > 59 || two(s, 17) > 59) return false;
  let i = 19;
  if (s.charCodeAt(i) === 46 /* . */) {
    i++;
    const start = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === start) return false;
  }
  const zone = s.charCodeAt(i);
  if (zone === 90 /* Z */) return i === n - 1;
  if ((zone === 43 || zone === 45) && i === n - 6 && s.charCodeAt(i + 3) === 58) {
    return (
      isDigit(s.charCodeAt(i + 1)) &&
      isDigit(s.charCodeAt(i + 2)) &&
      isDigit(s.charCodeAt(i + 4)) &&
      isDigit(s.charCodeAt(i + 5)) &&
      two(s, i + 1) <= 23 &&
      two(s, i + 4) <= 59
    );
  }
  return false;
}

/** A format of ajv-formats with a fast path in front of its check. */
function withFastPath(format: Format, fast: (s: string) => boolean): Format {
  const def = format as FormatDefinition<string>;
  const slow = def.validate as (s: string) => boolean;
  return { ...def, validate: (s: string) => fast(s) || slow(s) } as Format;
}

export const FORMATS: Record<string, Format> = {
  ...fullFormats,
  'date-time': withFastPath(fullFormats['date-time'], plainDateTime),
  date: withFastPath(fullFormats.date, (s) => s.length === 10 && plainDate(s)),
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX },
  int64: { type: 'number', validate: (n: number) => Number.isSafeInteger(n) },
  float: { type: 'number', validate: (n: number) => Number.isFinite(n) },
  double: { type: 'number', validate: (n: number) => Number.isFinite(n) },
  binary: true,
  password: true,
};
