// The closing lines of a CI run, from vitest's JSON report and npm test's exit code:
// everything that made the run fail is counted and named, so the summary never
// says "0 failed" while the exit code says otherwise. A skipped or todo test is a
// failure too: a test that cannot run must never pass quietly. Exits 1 when the
// run failed for any of these reasons.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [file, statusText] = process.argv.slice(2);
const status = Number(statusText);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.log(`tests: no report (${err.code ?? err.message}); npm test exited ${status}`);
  process.exit(1);
}
const files = report.testResults ?? [];
// A file that fails outside any test (it does not load, a hook throws) has no failed assertion of its own.
const brokenFiles = files.filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'));
const failedTests = files.flatMap((f) =>
  (f.assertionResults ?? []).filter((a) => a.status === 'failed').map((a) => `${path.relative(process.cwd(), f.name)} › ${a.fullName}`),
);
const skipped = files.flatMap((f) =>
  (f.assertionResults ?? [])
    .filter((a) => a.status === 'skipped' || a.status === 'pending' || a.status === 'todo')
    .map((a) => `${path.relative(process.cwd(), f.name)} › ${a.fullName}`),
);
const uncounted = status !== 0 && failedTests.length === 0 && brokenFiles.length === 0;

for (const t of failedTests) console.log(`failed: ${t}`);
for (const f of brokenFiles) console.log(`failed file: ${path.relative(process.cwd(), f.name)}: ${(f.message ?? '').split('\n')[0]}`);
for (const t of skipped) console.log(`not run: ${t}`);
if (uncounted) console.log(`failed: npm test exited ${status} with every test passing: an error outside the tests (see "Unhandled Errors" above)`);

const parts = [`${report.numPassedTests} passed`, `${failedTests.length} failed`];
if (brokenFiles.length) parts.push(`${brokenFiles.length} file${brokenFiles.length === 1 ? '' : 's'} failed to run`);
if (uncounted) parts.push('1 error outside the tests');
if (report.numPendingTests) parts.push(`${report.numPendingTests} skipped`);
if (report.numTodoTests) parts.push(`${report.numTodoTests} todo`);
const ok = status === 0 && !report.numPendingTests && !report.numTodoTests;
const why = status !== 0 ? `exit ${status}` : 'tests that did not run';
console.log(`tests: ${parts.join(', ')}; ${ok ? 'passed' : `FAILED (${why})`}`);
process.exit(ok ? 0 : 1);
