/**
 * The CI run's closing lines (.ci/summary.mjs) agree with its exit code: a
 * file that fails to load, or an error outside the tests, is a failure in the
 * summary too, never "0 failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '..', '.ci', 'summary.mjs');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cm-ci-summary-'));

function summary(report: unknown, status: number, expectExit = status === 0 ? 0 : 1): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  if (report !== undefined) writeFileSync(file, JSON.stringify(report));
  const run = spawnSync(process.execPath, [script, file, String(status)], { encoding: 'utf8' });
  expect(run.status, run.stdout + run.stderr).toBe(expectExit);
  return run.stdout;
}

const file = (name: string, status: string, assertions: { status: string; fullName: string }[], message = '') => ({
  name: path.resolve(name),
  status,
  message,
  assertionResults: assertions,
});
const counts = { numPassedTests: 3, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };

describe('.ci/summary.mjs', () => {
  it('names a test file that failed to load, and counts it', () => {
    const out = summary(
      {
        ...counts,
        testResults: [
          file('test/a.test.ts', 'passed', [{ status: 'passed', fullName: 'a' }]),
          file('test/b.test.ts', 'failed', [], "Cannot find module './x.js'\n at …"),
        ],
      },
      1,
    );
    expect(out).toContain("failed file: test/b.test.ts: Cannot find module './x.js'");
    expect(out).toMatch(/^tests: 3 passed, 0 failed, 1 file failed to run; FAILED \(exit 1\)$/m);
  });

  it('names each failed test', () => {
    const out = summary(
      {
        ...counts,
        numFailedTests: 1,
        testResults: [
          file('test/a.test.ts', 'failed', [
            { status: 'failed', fullName: 'group works' },
            { status: 'passed', fullName: 'other' },
          ]),
        ],
      },
      1,
    );
    expect(out).toContain('failed: test/a.test.ts › group works');
    expect(out).toMatch(/^tests: 3 passed, 1 failed; FAILED \(exit 1\)$/m);
  });

  it('counts an error outside the tests when every test passed but the run failed', () => {
    const out = summary({ ...counts, testResults: [file('test/a.test.ts', 'passed', [{ status: 'passed', fullName: 'a' }])] }, 1);
    expect(out).toMatch(/^tests: 3 passed, 0 failed, 1 error outside the tests; FAILED \(exit 1\)$/m);
  });

  it('says passed only when the exit code is 0 and every test ran', () => {
    expect(summary({ ...counts, testResults: [] }, 0)).toBe('tests: 3 passed, 0 failed; passed\n');
  });

  it('fails a run with a skipped or todo test, and names them', () => {
    const out = summary(
      {
        ...counts,
        numPendingTests: 1,
        numTodoTests: 1,
        testResults: [
          file('test/a.test.ts', 'passed', [
            { status: 'skipped', fullName: 'needs a network' },
            { status: 'todo', fullName: 'later' },
          ]),
        ],
      },
      0,
      1,
    );
    expect(out).toContain('not run: test/a.test.ts › needs a network');
    expect(out).toContain('not run: test/a.test.ts › later');
    expect(out).toMatch(/^tests: 3 passed, 0 failed, 1 skipped, 1 todo; FAILED \(tests that did not run\)$/m);
  });

  it('reports a missing report with the exit code', () => {
    expect(summary(undefined, 1)).toMatch(/^tests: no report \(ENOENT\); npm test exited 1$/m);
  });
});
