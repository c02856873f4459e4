/**
 * The checks the CLI applies to flag values: what they take, and the one line
 * they refuse the rest with (the value as given).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, choiceList, clockFlag, httpUrl, wholeNumber, writableFile } from '../src/cli-flags.js';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('not refused');
};

describe('flag checks', () => {
  it('takes whole numbers within bounds, and refuses signs, fractions, exponents and words as given', () => {
    expect(wholeNumber('--n', '0')).toBe(0);
    expect(wholeNumber('--n', '007')).toBe(7);
    expect(wholeNumber('--port', '65535', 0, 65535)).toBe(65535);
    for (const raw of ['-5', '+5', '1.5', '1e3', '0x10', 'abc', ' 5', '']) {
      expect(refusal(() => wholeNumber('--processing-ms', raw))).toBe(
        `--processing-ms must be a whole number ≥ 0, got ${raw === '' || raw.startsWith(' ') ? JSON.stringify(raw) : raw}`,
      );
    }
    expect(refusal(() => wholeNumber('--rate-limit', '0', 1))).toBe('--rate-limit must be a whole number ≥ 1, got 0');
    expect(refusal(() => wholeNumber('--port', '65536', 0, 65535))).toBe('--port must be at most 65535, got 65536');
  });

  it('takes a list of known names, each once, and refuses an empty, repeated or unknown entry', () => {
    const names = ['xai', 'airweave', 'ctxfy'] as const;
    expect(choiceList('--providers', 'xai', names, 'provider')).toEqual(['xai']);
    expect(choiceList('--providers', 'xai, ctxfy', names, 'provider')).toEqual(['xai', 'ctxfy']);
    expect(refusal(() => choiceList('--providers', 'xai,,xai', names, 'provider'))).toBe('--providers has an empty entry in xai,,xai');
    expect(refusal(() => choiceList('--providers', 'xai,', names, 'provider'))).toBe('--providers has an empty entry in xai,');
    expect(refusal(() => choiceList('--providers', 'xai,ctxfy,xai', names, 'provider'))).toBe('--providers names xai twice in xai,ctxfy,xai');
    expect(refusal(() => choiceList('--providers', 'xai,nope', names, 'provider'))).toBe(
      '--providers: unknown provider "nope"; choose from xai, airweave, ctxfy',
    );
    expect(refusal(() => choiceList('--providers', '', names, 'provider'))).toBe('--providers must name at least one provider (xai, airweave, ctxfy), got ""');
  });

  it('takes a clock mode, and a manual clock its RFC 3339 start time', () => {
    expect(clockFlag('--clock', 'real')).toEqual({ mode: 'real' });
    expect(clockFlag('--clock', 'manual')).toEqual({ mode: 'manual' });
    expect(clockFlag('--clock', 'manual@2026-01-01T00:00:00Z')).toEqual({ mode: 'manual', startMs: Date.UTC(2026, 0, 1) });
    expect(clockFlag('--clock', 'manual@2026-01-01T01:00:00.500+01:00')).toEqual({ mode: 'manual', startMs: Date.UTC(2026, 0, 1) + 500 });
    const refused: [string, string][] = [
      ['fast', '--clock: unknown clock fast; choose from real, manual, manual@<RFC 3339 time>'],
      ['real@2026-01-01T00:00:00Z', '--clock: a start time needs the manual clock (manual@TIME), got real@2026-01-01T00:00:00Z'],
      ['manual@2026-01-01', '--clock: the start time must be an RFC 3339 time such as 2026-01-01T00:00:00Z, got 2026-01-01'],
      ['manual@2026-13-01T00:00:00Z', '--clock: the start time must be an RFC 3339 time such as 2026-01-01T00:00:00Z, got 2026-13-01T00:00:00Z'],
      ['manual@', '--clock: the start time must be an RFC 3339 time such as 2026-01-01T00:00:00Z, got ""'],
    ];
    for (const [raw, message] of refused) {
      expect(() => clockFlag('--clock', raw), raw).toThrow(UsageError);
      expect(() => clockFlag('--clock', raw), raw).toThrow(message);
    }
  });

  it('takes http(s) URLs only', () => {
    expect(httpUrl('--base-url', 'https://api.ctxfy.com')).toBe('https://api.ctxfy.com');
    expect(refusal(() => httpUrl('--base-url', 'ftp://x'))).toBe('--base-url must be an http(s) URL, got ftp://x');
    expect(refusal(() => httpUrl('--base-url', 'localhost:4010'))).toBe('--base-url must be an http(s) URL, got localhost:4010');
  });

  it('takes a file to write only where it can be written', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'writable-'));
    expect(writableFile('--out', path.join(dir, 'new.yaml'))).toBe(path.join(dir, 'new.yaml'));
    expect(refusal(() => writableFile('--out', path.join(dir, 'no', 'x.yaml')))).toBe(
      `--out ${path.join(dir, 'no', 'x.yaml')} cannot be written: the folder ${path.join(dir, 'no')} does not exist`,
    );
    expect(refusal(() => writableFile('--junit', dir))).toBe(`--junit ${dir} cannot be written: ${dir} is a folder`);
    const file = path.join(dir, 'plain');
    writeFileSync(file, '');
    expect(refusal(() => writableFile('--out', path.join(file, 'x.yaml')))).toBe(
      `--out ${path.join(file, 'x.yaml')} cannot be written: ${file} is not a folder`,
    );
  });

  it('refuses a folder or a file without write permission', () => {
    // Root may write anywhere, so as root the checks run in a child process as an unprivileged user,
    // from a copy of the module that user can read (the checkout may sit in a folder only root can enter).
    const asRoot = process.getuid?.() === 0;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'writable-ro-'));
    chmodSync(dir, 0o755);
    copyFileSync(path.resolve(import.meta.dirname, '..', 'dist', 'core', 'writable.js'), path.join(dir, 'writable.mjs'));
    const ro = path.join(dir, 'ro');
    mkdirSync(ro);
    const file = path.join(ro, 'ro.xml');
    writeFileSync(file, '');
    chmodSync(file, 0o444);
    chmodSync(ro, 0o555);
    const script = `import { whyNotWritable } from './writable.mjs';
      console.log(JSON.stringify([whyNotWritable(${JSON.stringify(file)}), whyNotWritable(${JSON.stringify(file)}, { replaced: true }) ?? null, whyNotWritable(${JSON.stringify(path.join(ro, 'x'))})]));`;
    try {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: dir,
        encoding: 'utf8',
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(JSON.parse(out)).toEqual([
        // Written in place: the file itself must be writable.
        `the folder ${ro} is not writable`,
        `the folder ${ro} is not writable`,
        `the folder ${ro} is not writable`,
      ]);
    } finally {
      chmodSync(ro, 0o755);
    }
    // The same file in a writable folder: refused in place, taken when it is replaced by a rename.
    const dir2 = mkdtempSync(path.join(os.tmpdir(), 'writable-file-'));
    chmodSync(dir2, 0o777);
    copyFileSync(path.join(dir, 'writable.mjs'), path.join(dir2, 'writable.mjs'));
    const file2 = path.join(dir2, 'ro.xml');
    writeFileSync(file2, '');
    chmodSync(file2, 0o444);
    const out2 = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { whyNotWritable } from './writable.mjs'; console.log(JSON.stringify([whyNotWritable(${JSON.stringify(file2)}), whyNotWritable(${JSON.stringify(file2)}, { replaced: true }) ?? null]));`,
      ],
      { cwd: dir2, encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) },
    );
    expect(JSON.parse(out2)).toEqual([`${file2} is not writable`, null]);
  });
});
