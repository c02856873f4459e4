/**
 * The date and date-time formats' fast path answers exactly as ajv-formats
 * does, on the mock's own timestamps and on everything around them.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { FORMATS, plainDateTime } from '../src/core/formats.js';

const check = (name: 'date-time' | 'date') => (FORMATS[name] as { validate: (s: string) => boolean }).validate;
const reference = (name: 'date-time' | 'date') => (fullFormats[name] as { validate: (s: string) => boolean }).validate;

const DATE_TIMES = [
  '2025-09-16T18:36:09.790Z',
  '2025-09-16T18:36:09Z',
  '2025-09-16T18:36:09.790629Z',
  '2025-09-16T18:36:09+00:00',
  '2025-09-16T18:36:09.5-07:30',
  '2024-02-29T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2025-13-01T00:00:00Z',
  '2025-00-01T00:00:00Z',
  '2025-04-31T00:00:00Z',
  '2025-04-30T24:00:00Z',
  '2025-04-30T23:60:00Z',
  '2016-12-31T23:59:60Z',
  '2016-12-31T15:59:60-08:00',
  '2025-09-16t18:36:09z',
  '2025-09-16 18:36:09Z',
  '2025-09-16T18:36:09',
  '2025-09-16T18:36:09.Z',
  '2025-09-16T18:36:09+0000',
  '2025-09-16T18:36:09+24:00',
  '2025-09-16T18:36:09+00:60',
  '2025-09-16T18:36:09ZZ',
  '2025-9-16T18:36:09Z',
  '20250916T183609Z',
  'not a date',
  '',
  '1900-02-29T12:00:00Z',
  '2000-02-29T12:00:00Z',
];

describe('date-time and date formats', () => {
  it('answer as ajv-formats does, on the mock’s timestamps and around them', () => {
    for (const s of DATE_TIMES) expect(check('date-time')(s), s).toBe(reference('date-time')(s));
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(Math.random() * 4e12);
      const iso = new Date(ms).toISOString();
      for (const s of [iso, iso.replace(/\.\d{3}Z$/, 'Z'), iso.replace('Z', '123Z'), iso.replace('Z', '+00:00'), iso.slice(0, 10)]) {
        expect(check('date-time')(s), s).toBe(reference('date-time')(s));
        expect(check('date')(s), s).toBe(reference('date')(s));
      }
    }
    for (const s of ['2024-02-29', '2023-02-29', '2025-04-31', '2025-12-31', '2025-1-01', '2025-01-01T00:00:00Z', ''])
      expect(check('date')(s), s).toBe(reference('date')(s));
  });

  it('read the common shape without ajv-formats, and leave the rest to it', () => {
    expect(plainDateTime('2025-09-16T18:36:09.790629Z')).toBe(true);
    expect(plainDateTime('2025-09-16T18:36:09+00:00')).toBe(true);
    // Valid, but not the fast path's: ajv-formats decides.
    expect(plainDateTime('2016-12-31T23:59:60Z')).toBe(false);
    expect(plainDateTime('2025-09-16 18:36:09Z')).toBe(false);
  });
});
