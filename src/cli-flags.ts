/**
 * The checks the CLI applies to flag values before anything starts. Each
 * refusal is a UsageError whose message names the flag, what it takes and the
 * value as given, so it reads as one line after the command's name.
 */
import { whyNotWritable } from './core/writable.js';
import { parseRfc3339Micros } from './core/clock.js';

/** A flag mistake: the CLI prints its message as one line and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The value as the user typed it; quoted only when it would otherwise be invisible or ambiguous. */
export const shown = (raw: string): string => (raw === '' || /\s|^"/.test(raw) ? JSON.stringify(raw) : raw);

/** `--flag N`: digits only (no sign, fraction or exponent), within [min, max]. */
export function wholeNumber(flag: string, raw: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= min)) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got ${shown(raw)}`);
  if (n > max) throw new UsageError(`${flag} must be at most ${max}, got ${shown(raw)}`);
  return n;
}

/** `--flag a,b,c`: each entry one of `choices`, none empty, none twice. */
export function choiceList<T extends string>(flag: string, raw: string, choices: readonly T[], what: string): T[] {
  const entries = raw.split(',').map((e) => e.trim());
  if (entries.every((e) => e === '')) throw new UsageError(`${flag} must name at least one ${what} (${choices.join(', ')}), got ${shown(raw)}`);
  if (entries.some((e) => e === '')) throw new UsageError(`${flag} has an empty entry in ${shown(raw)}`);
  const seen = new Set<string>();
  for (const e of entries) {
    if (!(choices as readonly string[]).includes(e)) throw new UsageError(`${flag}: unknown ${what} "${e}"; choose from ${choices.join(', ')}`);
    if (seen.has(e)) throw new UsageError(`${flag} names ${e} twice in ${shown(raw)}`);
    seen.add(e);
  }
  return entries as T[];
}

/** `--flag X`: one of `choices`. */
export function choice<T extends string>(flag: string, raw: string, choices: readonly T[], what: string): T {
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(`${flag}: unknown ${what} ${JSON.stringify(raw)}; choose from ${choices.join(', ')}`);
  return raw as T;
}

/** `--flag URL`: an http or https URL. */
export function httpUrl(flag: string, raw: string): string {
  let ok: boolean;
  try {
    const u = new URL(raw);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`${flag} must be an http(s) URL, got ${shown(raw)}`);
  return raw;
}

/** `--flag X` that must not be blank. */
export function nonEmpty(flag: string, raw: string): string {
  if (raw.trim() === '') throw new UsageError(`${flag} must not be empty`);
  return raw;
}

/** `--flag FILE` that the command will write: its folder must exist and be writable. */
export function writableFile(flag: string, file: string, options: { replaced?: boolean } = {}): string {
  const why = whyNotWritable(file, options);
  if (why) throw new UsageError(`${flag} ${shown(file)} cannot be written: ${why}`);
  return file;
}

/** A flag the command cannot do without. */
export function required<T>(flag: string, value: T | undefined, what: string): T {
  if (value === undefined) throw new UsageError(`${flag} is required: ${what}`);
  return value;
}

/**
 * `--clock MODE`: `real`, `manual` (from the real time at start), or
 * `manual@TIME` (from an RFC 3339 time, so a run repeats across days).
 */
export function clockFlag(flag: string, raw: string): { mode: 'real' | 'manual'; startMs?: number } {
  const at = raw.indexOf('@');
  const mode = at < 0 ? raw : raw.slice(0, at);
  if (mode !== 'real' && mode !== 'manual') throw new UsageError(`${flag}: unknown clock ${shown(raw)}; choose from real, manual, manual@<RFC 3339 time>`);
  if (at < 0) return { mode };
  if (mode === 'real') throw new UsageError(`${flag}: a start time needs the manual clock (manual@TIME), got ${shown(raw)}`);
  const time = raw.slice(at + 1);
  const micros = parseRfc3339Micros(time);
  if (micros === undefined) throw new UsageError(`${flag}: the start time must be an RFC 3339 time such as 2026-01-01T00:00:00Z, got ${shown(time)}`);
  return { mode, startMs: Math.floor(micros / 1000) };
}
