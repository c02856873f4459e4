#!/usr/bin/env node
// The scenario coverage table: for every operation of every spec, each documented
// non-2xx status and what reaches it — a shipped scenario (scenarios/<provider>/*.yaml)
// or a natural request (test/scenario-natural.json). test/scenarios-coverage.test.ts
// makes every request this table names, from the same data (`coverage()`).
//
//   node scripts/scenario-coverage.mjs           print the Markdown to stdout
//   node scripts/scenario-coverage.mjs --write   write docs/scenario-coverage.md
//   node scripts/scenario-coverage.mjs --check   fail when that file is out of date
//   node scripts/scenario-coverage.mjs --json    the coverage data, as JSON
//
// Every form fails (exit 1) when an (operation, status) pair is left uncovered.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TABLE_FILE = path.join(ROOT, 'docs', 'scenario-coverage.md');
const PROVIDERS = [
  { name: 'xai', title: 'xAI' },
  { name: 'airweave', title: 'Airweave' },
  { name: 'mixpeek', title: 'Mixpeek' },
  { name: 'ctxfy', title: 'Ctxfy' },
];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Operations of a spec in document order, with their documented statuses. */
function operationsOf(specFile) {
  const doc = parse(readFileSync(specFile, 'utf8'), { maxAliasCount: -1 });
  const out = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const m of METHODS) {
      const op = item?.[m];
      if (!op) continue;
      out.push({ id: op.operationId, method: m.toUpperCase(), path: p, statuses: Object.keys(op.responses ?? {}) });
    }
  }
  return out;
}

function scenariosOf(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => {
      const doc = parse(readFileSync(path.join(dir, f), 'utf8'));
      return { name: doc.name ?? f.replace(/\.ya?ml$/i, ''), description: doc.description ?? '', rules: doc.rules ?? [], file: path.relative(ROOT, path.join(dir, f)) };
    });
}

const ruleOps = (rule) => {
  const wanted = rule.match?.operation ?? '*';
  return wanted === '*' ? null : new Set(Array.isArray(wanted) ? wanted : [wanted]);
};
/** A rule that needs particular path parameters, query or body fields is no general way to a status. */
const conditional = (rule) => ['path', 'query', 'body'].some((k) => rule.match?.[k] && Object.keys(rule.match[k]).length);

/**
 * What each rule of a scenario does to each operation, in the engine's order:
 * the first matching, unspent rule fires; a rule without `times` that always
 * applies hides the rules after it.
 */
function effects(scenario, op) {
  const out = [];
  for (const [i, rule] of scenario.rules.entries()) {
    const ids = ruleOps(rule);
    if (ids && !ids.has(op.id)) continue;
    if (rule.match?.method && rule.match.method !== op.method) continue;
    // A status the operation does not document falls through (unless it comes with a fault).
    if (rule.respond && !rule.fault && !op.statuses.includes(String(rule.respond.status))) continue;
    const when = conditional(rule);
    out.push({ rule: i + 1, status: rule.fault ? null : rule.respond?.status ?? null, fault: rule.fault ?? null, delay: rule.delay ?? null, times: rule.times ?? null, when });
    if (!when && rule.times === undefined) break;
  }
  return out;
}

function naturalFor(entries, op, status) {
  const out = [];
  for (const e of entries) {
    if (String(e.status) !== status) continue;
    const ops = e.operations === '*' ? null : new Set(e.operations);
    if (ops ? !ops.has(op.id) : (e.except ?? []).includes(op.id)) continue;
    if (!op.statuses.includes(status)) continue;
    out.push({ way: e.way, request: e.request });
  }
  return out;
}

/** The coverage of every documented non-2xx (operation, status) pair, from the specs, the shipped scenarios and the natural requests. */
export function coverage(root = ROOT) {
  const natural = JSON.parse(readFileSync(path.join(root, 'test', 'scenario-natural.json'), 'utf8'));
  const uncovered = [];
  const providers = PROVIDERS.map(({ name, title }) => {
    const ops = operationsOf(path.join(root, 'specs', `${name}.yaml`));
    const scenarios = scenariosOf(path.join(root, 'scenarios', name));
    const nat = natural[name] ?? [];
    for (const id of Object.keys(natural.notes?.[name] ?? {})) {
      if (!ops.some((o) => o.id === id)) throw new Error(`test/scenario-natural.json: a note for ${name} ${id}, which is no operation`);
    }
    for (const e of nat) {
      for (const id of e.operations === '*' ? [] : e.operations) {
        const op = ops.find((o) => o.id === id);
        if (!op) throw new Error(`test/scenario-natural.json: ${name} has no operation ${id}`);
        if (!op.statuses.includes(String(e.status))) throw new Error(`test/scenario-natural.json: ${name} ${id} does not document ${e.status}`);
      }
    }
    const summary = scenarios.map((s) => ({ name: s.name, description: s.description, file: s.file, statuses: new Map(), delays: 0, faults: new Map() }));
    const operations = ops.map((op) => {
      const fx = scenarios.map((s) => effects(s, op));
      fx.forEach((list, i) => {
        const sum = summary[i];
        for (const e of list) {
          if (e.fault) sum.faults.set(e.fault, (sum.faults.get(e.fault) ?? 0) + 1);
          else if (e.status !== null) {
            const key = `${e.status}${e.times ? ` (first ${e.times === 1 ? 'request' : `${e.times} requests`})` : ''}${e.when ? ' (some requests)' : ''}`;
            sum.statuses.set(key, (sum.statuses.get(key) ?? 0) + 1);
          } else if (e.delay !== null) sum.delays++;
        }
      });
      const statuses = op.statuses
        .filter((s) => /^\d{3}$/.test(s) && !s.startsWith('2'))
        .map((status) => {
          const via = [];
          fx.forEach((list, i) => {
            const hit = list.find((e) => !e.fault && !e.when && String(e.status) === status);
            if (hit) via.push({ name: scenarios[i].name, rule: hit.rule, ...(hit.times ? { times: hit.times } : {}) });
          });
          const nat = naturalFor(natural[name] ?? [], op, status);
          if (!via.length && !nat.length) uncovered.push({ provider: name, operation: op.id, status: Number(status) });
          return { status: Number(status), scenarios: via, natural: nat };
        });
      return { id: op.id, method: op.method, path: op.path, statuses };
    });
    return {
      name,
      title,
      notes: natural.notes?.[name] ?? {},
      operations,
      natural: nat.map((e) => ({ way: e.way, status: e.status, request: e.request })),
      scenarios: summary.map((s) => ({ name: s.name, file: s.file, description: s.description, statuses: Object.fromEntries(s.statuses), delays: s.delays, faults: Object.fromEntries(s.faults) })),
    };
  });
  return { providers, uncovered };
}

const isErrorScenario = (name, status) => name === `error-${status}`;

/** The Markdown table per provider. */
export function markdown(cov) {
  const lines = [
    '# Scenario coverage',
    '',
    '<!-- Generated by scripts/scenario-coverage.mjs from specs/, scenarios/ and test/scenario-natural.json. Do not edit: run `node scripts/scenario-coverage.mjs --write`. -->',
    '',
    'Every non-2xx status that an operation documents, and how to get it from the mock: the',
    '`error-<status>` scenario to name in `X-Mock-Scenario` (or to activate through the admin',
    'API), and, in *italics*, a natural request that gets it without any scenario.',
    '`test/scenarios-coverage.test.ts` makes every request named here and checks the status',
    'and that the reply matches the spec; it fails when a pair is left uncovered or when this',
    'file is out of date. A dash: the operation does not document that status.',
    '',
  ];
  for (const p of cov.providers) {
    const statuses = [...new Set(p.operations.flatMap((o) => o.statuses.map((s) => s.status)))].sort((a, b) => a - b);
    const pairs = p.operations.flatMap((o) => o.statuses);
    const byScenario = pairs.filter((s) => s.scenarios.length).length;
    const byNatural = pairs.filter((s) => s.natural.length).length;
    lines.push(`## ${p.title} (\`/${p.name}\`)`, '');
    lines.push(
      `${p.operations.length} operations, ${pairs.length} documented (operation, status) pairs: ${byScenario} reached through a scenario, ${byNatural} also (or only) through a natural request.`,
      '',
    );
    lines.push(`| Operation | ${statuses.join(' | ')} |`);
    lines.push(`| --- | ${statuses.map(() => '---').join(' | ')} |`);
    for (const op of p.operations) {
      const cells = statuses.map((status) => {
        const s = op.statuses.find((x) => x.status === status);
        if (!s) return '—';
        const parts = s.scenarios.filter((v) => isErrorScenario(v.name, status)).map((v) => `\`${v.name}\``);
        if (!parts.length) parts.push(...s.scenarios.map((v) => `\`${v.name}\``));
        parts.push(...s.natural.map((n) => `*${n.way}*`));
        return parts.join('<br>');
      });
      lines.push(`| \`${op.id}\`<br>\`${op.method} ${op.path}\` | ${cells.join(' | ')} |`);
    }
    lines.push('');
    const notes = Object.entries(p.notes);
    if (notes.length) {
      lines.push('Notes:', '');
      for (const [id, text] of notes) lines.push(`- \`${id}\`: ${text}`);
      lines.push('');
    }
    if (p.natural.length) {
      lines.push('Natural requests:', '');
      for (const n of p.natural) lines.push(`- *${n.way}* (${n.status}): ${n.request}.`);
      lines.push('');
    }
    const others = p.scenarios.filter((s) => !/^error-\d{3}$/.test(s.name));
    if (others.length) {
      lines.push('Other scenarios:', '');
      for (const s of others) {
        const what = [
          ...Object.entries(s.statuses).map(([k, n]) => `${k} on ${n} operation${n === 1 ? '' : 's'}`),
          ...(s.delays ? [`a delay on ${s.delays} operation${s.delays === 1 ? '' : 's'}, then the handler`] : []),
          ...Object.entries(s.faults).map(([k, n]) => `\`${k}\` on ${n} operation${n === 1 ? '' : 's'}`),
        ];
        lines.push(`- \`${s.name}\`: ${what.join('; ')}.`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = new Set(process.argv.slice(2));
  const cov = coverage();
  let failed = false;
  if (cov.uncovered.length) {
    failed = true;
    for (const u of cov.uncovered) console.error(`uncovered: ${u.provider} ${u.operation} ${u.status}`);
  }
  if (args.has('--json')) {
    console.log(JSON.stringify(cov, null, 2));
  } else {
    const text = markdown(cov);
    if (args.has('--write')) {
      writeFileSync(TABLE_FILE, text);
      console.log(`wrote ${path.relative(ROOT, TABLE_FILE)}`);
    } else if (args.has('--check')) {
      const current = existsSync(TABLE_FILE) ? readFileSync(TABLE_FILE, 'utf8') : null;
      if (current !== text) {
        failed = true;
        console.error(`${path.relative(ROOT, TABLE_FILE)} is out of date: run \`node scripts/scenario-coverage.mjs --write\``);
      } else console.log(`${path.relative(ROOT, TABLE_FILE)} is up to date`);
    } else {
      process.stdout.write(text);
    }
  }
  if (failed) process.exit(1);
}
