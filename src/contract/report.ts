/**
 * Reports of a contract run: a console summary (each failure with its curl
 * line, ending in `N passed, N failed`) and JUnit XML for CI.
 */
import { MOCK_ONLY_REASON, LEGACY_ONLY_REASON, type Report, type Result } from './runner.js';

function failureText(r: Result): string {
  return [
    `✗ ${r.check} — ${r.operationId} (${r.step})`,
    `    expected: ${r.expected ?? '?'}`,
    `    received: ${r.received ?? '?'}`,
    `    reproduce: ${r.curl}`,
    // A fuzz result stands for many requests: a couple more of its failures, each with its own line.
    ...(r.fuzz?.examples.slice(1).map((e) => `    also ${e.step}: ${e.received.slice(0, 200)}\n      reproduce: ${e.curl}`) ?? []),
  ].join('\n');
}

/** The console summary of one or several runs; the last line is exactly `N passed, N failed`. */
export function summary(reports: Report | readonly Report[]): string {
  const list: readonly Report[] = Array.isArray(reports) ? reports : [reports as Report];
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  let na = 0;
  for (const report of list) {
    lines.push(
      `${report.provider} at ${report.baseUrl}${report.apiBaseUrl !== undefined ? ` and ${report.apiBaseUrl}` : ''} (run prefix ${report.runPrefix}${report.live ? ', live: against the vendor' : ''}${report.stateless ? ', stateless: behavioural checks do not apply' : ''})`,
    );
    const byCheck = new Map<string, { passed: number; failed: number; na: number }>();
    for (const r of report.results) {
      const c = byCheck.get(r.check) ?? { passed: 0, failed: 0, na: 0 };
      if (r.outcome === 'passed') c.passed++;
      else if (r.outcome === 'failed') c.failed++;
      else c.na++;
      byCheck.set(r.check, c);
    }
    for (const [check, c] of byCheck) lines.push(`  ${check.padEnd(30)} ${c.passed} passed, ${c.failed} failed, ${c.na} not applicable`);
    // Steps a live run did not send (the vendor does not serve them), once each.
    const notSent = new Map<string, string>();
    for (const r of report.results) {
      if (r.outcome === 'not_applicable' && r.step !== 'fuzz' && (r.reason === MOCK_ONLY_REASON || r.reason === LEGACY_ONLY_REASON))
        notSent.set(`${r.operationId} (${r.step})`, r.reason);
    }
    for (const [step, reason] of notSent) lines.push(`  - not sent: ${step}: ${reason}`);
    const failures = report.results.filter((r) => r.outcome === 'failed');
    for (const f of failures) lines.push(failureText(f).replace(/^/gm, '  '));
    for (const c of report.cleanupFailures) lines.push(`  ! clean-up did not succeed: ${c}`);
    const fz = report.fuzz;
    if (fz) {
      lines.push(
        `  fuzz: ${fz.requests} requests (${fz.valid} valid, ${fz.invalid} invalid) to ${fz.operations} operations in ${(fz.ms / 1000).toFixed(1)} s, seed ${fz.seed}; ${fz.failedRequests} failed`,
      );
      for (const s of fz.skipped) lines.push(`  fuzz: ${s.operationId} not fuzzed: ${s.reason}`);
      if (fz.ungenerated) lines.push(`  fuzz: ${fz.ungenerated} valid requests not sent (no generated value passed our validator)`);
    }
    passed += report.passed;
    failed += report.failed;
    na += report.notApplicable;
  }
  lines.push(`${na} not applicable`);
  lines.push(`${passed} passed, ${failed} failed`);
  return lines.join('\n');
}

const xmlEscape = (s: string) =>
  s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''); // eslint-disable-line no-control-regex -- XML 1.0 forbids these characters

/** JUnit XML: a testsuite per provider, a testcase per check × step (not applicable ones are skipped). */
export function junit(reports: Report | readonly Report[]): string {
  const list: readonly Report[] = Array.isArray(reports) ? reports : [reports as Report];
  const total = (k: 'passed' | 'failed' | 'notApplicable') => list.reduce((n, r) => n + r[k], 0);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="collections-mock contract" tests="${total('passed') + total('failed') + total('notApplicable')}" failures="${total('failed')}" skipped="${total('notApplicable')}">`,
  );
  for (const report of list) {
    const tests = report.results.length;
    out.push(
      `  <testsuite name="${xmlEscape(report.provider)}" tests="${tests}" failures="${report.failed}" skipped="${report.notApplicable}" errors="0">`,
      `    <properties><property name="baseUrl" value="${xmlEscape(report.baseUrl)}"/><property name="runPrefix" value="${xmlEscape(report.runPrefix)}"/></properties>`,
    );
    for (const r of report.results) {
      const open = `    <testcase classname="${xmlEscape(`${report.provider}.${r.check}`)}" name="${xmlEscape(`${r.operationId}: ${r.step}`)}"`;
      if (r.outcome === 'passed') out.push(`${open}/>`);
      else if (r.outcome === 'not_applicable') out.push(`${open}>${r.reason ? `<skipped message="${xmlEscape(r.reason)}"/>` : '<skipped/>'}</testcase>`);
      else {
        const message = `expected ${r.expected ?? '?'}, received ${r.received ?? '?'}`;
        out.push(
          `${open}>`,
          `      <failure message="${xmlEscape(message)}" type="${xmlEscape(r.check)}">${xmlEscape(`${message}\n${r.curl}`)}</failure>`,
          '    </testcase>',
        );
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
