/**
 * Scenarios: named, ordered rules that answer a request instead of the
 * stateful handler (a status, a delay, a fault), loaded from YAML, checked
 * against a JSON Schema and against the provider's spec at start-up, and
 * activated per request (X-Mock-Scenario), per tenant or for everyone.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from './paths.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { schemaFileValidator } from './validation.js';
import { parseYamlText } from './yaml.js';
import { responseFor, type Operation, type Spec } from './spec.js';
import { valueAt } from './dotted.js';
import { EVENT_STREAM_MEDIA, type StreamCut } from './sse.js';

export type Fault = 'connection_reset' | 'empty_response' | 'malformed_json' | 'timeout';
type Scalar = string | number | boolean | null;

export interface ScenarioRule {
  match?: {
    operation?: string | string[];
    method?: string;
    path?: Record<string, Scalar>;
    query?: Record<string, Scalar>;
    body?: Record<string, unknown>;
  };
  times?: number;
  respond?: { status: number; headers?: Record<string, string | number>; body?: unknown; example?: string; message?: string };
  delay?: number | { min: number; max: number };
  fault?: Fault;
  /** For operations that answer with server-sent events: the stream fails after `after` events (the handler still answers). */
  stream?: StreamCut;
}

export interface Scenario {
  name: string;
  provider: string;
  description?: string;
  rules: ScenarioRule[];
  /** The file it came from, or `inline` for one given through the admin API. */
  source: string;
}

export interface Activation {
  id: string;
  provider: string;
  scenario: Scenario;
  /** Only this tenant's requests; absent: everyone's. */
  tenant?: string;
  /** How it was switched on: the admin API, or an X-Mock-Scenario header (counted per tenant). */
  via: 'admin' | 'header';
  /** Times each rule has fired under this activation. */
  hits: number[];
  activatedAt: number;
}

/** A scenario file that cannot be used, with where and why. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly rule: number | null,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${rule === null ? '' : `rule ${rule + 1}, `}${field ? `${field}: ` : ''}${reason}`);
    this.name = 'ScenarioError';
  }
}

export const SCENARIO_SCHEMA_FILE = packagePath('scenarios', 'schema.json');
export const SHIPPED_SCENARIOS_DIR = path.dirname(SCENARIO_SCHEMA_FILE);

let compiled: ValidateFunction | undefined;
const schemaValidator = (): ValidateFunction => (compiled ??= schemaFileValidator(SCENARIO_SCHEMA_FILE));

/**
 * How telling an Ajv error is, among those at the same depth: an unknown field
 * (usually a typo) explains a missing one, and a wrong value explains the
 * `anyOf`/`oneOf` failures around it.
 */
const KEYWORD_RANK: Record<string, number> = { additionalProperties: 0, enum: 1, type: 2, required: 4, anyOf: 5, oneOf: 5 };
const rank = (e: ErrorObject) => KEYWORD_RANK[e.keyword] ?? 3;

/** The most useful Ajv error: the deepest one, so `rules/0/respond/status` wins over the anyOf around it. */
function firstError(errors: ErrorObject[]): ErrorObject {
  const sorted = [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length || rank(a) - rank(b));
  const best = sorted[0]!;
  // A value of the type another branch takes (`delay: {min: 5}`) is wrong for that branch's reason, not for its type.
  if (best.keyword === 'type' && /\/(oneOf|anyOf)\//.test(best.schemaPath)) {
    const other = sorted.find((e) => e.instancePath === best.instancePath && !['type', 'oneOf', 'anyOf'].includes(e.keyword));
    if (other) return other;
  }
  return best;
}

/** What is wrong, in words: an unknown field by name, a choice of required fields as the choice. */
function describeError(e: ErrorObject, all: ErrorObject[]): { pointer: string; reason: string } {
  if (e.keyword === 'additionalProperties') {
    const name = (e.params as { additionalProperty: string }).additionalProperty;
    return { pointer: `${e.instancePath}/${name}`, reason: 'is not a known field' };
  }
  if (e.keyword === 'required' && e.schemaPath.includes('/anyOf/')) {
    // One of several fields is needed (a rule's respond, delay or fault): name them all.
    const branch = e.schemaPath.slice(0, e.schemaPath.indexOf('/anyOf/'));
    const names = all
      .filter((x) => x.keyword === 'required' && x.instancePath === e.instancePath && x.schemaPath.startsWith(`${branch}/anyOf/`))
      .map((x) => (x.params as { missingProperty: string }).missingProperty);
    return { pointer: e.instancePath, reason: `needs one of ${[...new Set(names)].join(', ')}` };
  }
  const extra = e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  return { pointer: e.instancePath, reason: `${e.message ?? 'is invalid'}${extra}` };
}

function locate(pointer: string): { rule: number | null; field: string } {
  const parts = pointer.split('/').slice(1);
  if (parts[0] === 'rules' && parts[1] !== undefined) return { rule: Number(parts[1]), field: parts.slice(2).join('.') };
  return { rule: null, field: parts.join('.') };
}

const operationsOf = (rule: ScenarioRule, spec: Spec): Operation[] => {
  const wanted = rule.match?.operation ?? '*';
  if (wanted === '*') return [...spec.operations.values()];
  return (Array.isArray(wanted) ? wanted : [wanted]).map((id) => spec.operations.get(id)!).filter(Boolean);
};

/** A named example (or the first one) of the operation's response for a status, if the spec has one. */
export function specExample(op: Operation, status: number, name?: string): { found: boolean; value?: unknown; mediaType?: string } {
  const response = responseFor(op, status);
  if (!response) return { found: false };
  for (const [mediaType, media] of Object.entries(response.content)) {
    if (name !== undefined) {
      const hit = media.examples?.[name];
      if (hit && 'value' in hit) return { found: true, value: hit.value, mediaType };
      continue;
    }
    if (media.example !== undefined) return { found: true, value: media.example, mediaType };
    const first = Object.values(media.examples ?? {}).find((e) => e && 'value' in e);
    if (first) return { found: true, value: first.value, mediaType };
  }
  return { found: false };
}

/** Checks a parsed scenario against the schema and the provider's spec; returns it with its name and provider filled in. */
export function checkScenario(raw: unknown, where: string, specs: ReadonlyMap<string, Spec>, folderProvider?: string): Scenario {
  const validate = schemaValidator();
  if (!validate(raw)) {
    const errors = validate.errors ?? [];
    const { pointer, reason } = describeError(firstError(errors), errors);
    const { rule, field } = locate(pointer);
    throw new ScenarioError(where, rule, field, reason);
  }
  const doc = raw as { name?: string; provider?: string; description?: string; rules: ScenarioRule[] };
  const provider = doc.provider ?? folderProvider;
  if (!provider) throw new ScenarioError(where, null, 'provider', 'is required for a file outside a provider folder');
  if (folderProvider && doc.provider && doc.provider !== folderProvider)
    throw new ScenarioError(where, null, 'provider', `says ${doc.provider} but the file is in the ${folderProvider} folder`);
  const spec = specs.get(provider);
  if (!spec) throw new ScenarioError(where, null, 'provider', `${provider} is not mounted`);
  const name = doc.name ?? path.basename(where).replace(/\.ya?ml$/i, '');
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(name)) throw new ScenarioError(where, null, 'name', `"${name}" must be lower case letters, digits, '.', '_' or '-'`);
  doc.rules.forEach((rule, i) => {
    const ids = rule.match?.operation;
    for (const id of ids === undefined || ids === '*' ? [] : Array.isArray(ids) ? ids : [ids]) {
      if (!spec.operations.has(id)) throw new ScenarioError(where, i, 'match.operation', `${id} is not an operation of the ${provider} spec`);
    }
    if (typeof rule.delay === 'object' && rule.delay.min > rule.delay.max) throw new ScenarioError(where, i, 'delay', 'min is above max');
    if (rule.stream) {
      if (rule.respond || rule.fault)
        throw new ScenarioError(where, i, 'stream', 'cuts the stream the handler answers with: it cannot go with respond or fault');
      const ops = operationsOf(rule, spec);
      const specific = ids !== undefined && ids !== '*';
      const flat = specific ? ops.find((op) => !streams(op)) : undefined;
      if (flat) throw new ScenarioError(where, i, 'stream', `${flat.id} does not answer with server-sent events`);
      if (!ops.some(streams)) throw new ScenarioError(where, i, 'stream', `no operation of the ${provider} spec answers with server-sent events`);
    }
    const r = rule.respond;
    if (!r || rule.fault) return;
    const ops = operationsOf(rule, spec);
    const declaring = ops.filter((op) => responseFor(op, r.status));
    const specific = ids !== undefined && ids !== '*';
    if (specific) {
      const missing = ops.find((op) => !responseFor(op, r.status));
      if (missing) throw new ScenarioError(where, i, 'respond.status', `${missing.id} does not document status ${r.status}`);
    } else if (!declaring.length) {
      throw new ScenarioError(where, i, 'respond.status', `no operation of the ${provider} spec documents status ${r.status}`);
    }
    if (r.example !== undefined) {
      const without = declaring.find((op) => !specExample(op, r.status, r.example).found);
      if (without) throw new ScenarioError(where, i, 'respond.example', `${without.id} has no example "${r.example}" for status ${r.status}`);
    }
  });
  return { name, provider, ...(doc.description !== undefined ? { description: doc.description } : {}), rules: doc.rules, source: where };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

function parseFile(file: string): unknown {
  try {
    return parseYamlText(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ScenarioError(file, null, '', `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * Loads `<dir>/<provider>/*.yaml` for every mounted provider (and files
 * directly in `dir` that name their provider) from each directory in turn.
 */
export function loadScenarios(dirs: readonly string[], specs: ReadonlyMap<string, Spec>): Scenario[] {
  const out: Scenario[] = [];
  const seen = new Map<string, string>();
  const add = (s: Scenario) => {
    const key = `${s.provider}/${s.name}`;
    const before = seen.get(key);
    if (before) throw new ScenarioError(s.source, null, 'name', `"${s.name}" is already defined for ${s.provider} in ${before}`);
    seen.set(key, s.source);
    out.push(s);
  };
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch (err) {
      throw new ScenarioError(dir, null, '', `cannot read the directory: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    for (const file of yamlFiles(dir)) {
      const raw = parseFile(file);
      const provider = (raw as { provider?: unknown } | null)?.provider;
      // A file at the top names its provider; one for a provider that is not mounted is skipped, like its folder.
      if (typeof provider === 'string' && !specs.has(provider)) continue;
      add(checkScenario(raw, file, specs));
    }
    for (const name of entries.sort()) {
      const sub = path.join(dir, name);
      if (!specs.has(name) || !statSync(sub).isDirectory()) continue;
      for (const file of yamlFiles(sub)) add(checkScenario(parseFile(file), file, specs, name));
    }
  }
  return out;
}

// ---------------------------------------------------------------- matching

export interface RequestFacts {
  op: Operation;
  method: string;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const asText = (v: unknown): string => (Array.isArray(v) ? String(v[0]) : String(v));

export function ruleMatches(rule: ScenarioRule, req: RequestFacts): boolean {
  const m = rule.match ?? {};
  const ops = m.operation ?? '*';
  if (ops !== '*' && !(Array.isArray(ops) ? ops.includes(req.op.id) : ops === req.op.id)) return false;
  if (m.method && m.method !== req.method) return false;
  for (const [k, v] of Object.entries(m.path ?? {})) if (req.path[k] === undefined || asText(req.path[k]) !== String(v)) return false;
  for (const [k, v] of Object.entries(m.query ?? {})) if (req.query[k] === undefined || asText(req.query[k]) !== String(v)) return false;
  for (const [k, v] of Object.entries(m.body ?? {})) if (!sameValue(valueAt(req.body, k), v)) return false;
  // A catch-all status applies only where the spec documents it; elsewhere the request goes on.
  if (rule.respond && !rule.fault && !responseFor(req.op, rule.respond.status)) return false;
  // A stream rule applies only to operations that answer with a stream.
  if (rule.stream && !rule.respond && !rule.fault && !streams(req.op)) return false;
  return true;
}

/** Whether an operation documents a success answered with server-sent events. */
export function streams(op: Operation): boolean {
  return Object.entries(op.responses).some(([status, r]) => /^2/.test(status) && EVENT_STREAM_MEDIA in r.content);
}

// ---------------------------------------------------------------- registry

export interface Fired {
  activation: Activation;
  rule: ScenarioRule;
  index: number;
}

export class ScenarioRegistry {
  private readonly byProvider = new Map<string, Map<string, Scenario>>();
  private readonly activations: Activation[] = [];
  /** Header activations, created on first use, keyed provider / tenant / name. */
  private readonly viaHeader = new Map<string, Activation>();
  private seq = 0;

  constructor(
    scenarios: readonly Scenario[],
    private readonly now: () => number,
  ) {
    for (const s of scenarios) this.define(s);
  }

  define(s: Scenario): void {
    let m = this.byProvider.get(s.provider);
    if (!m) {
      m = new Map();
      this.byProvider.set(s.provider, m);
    }
    m.set(s.name, s);
  }

  get(provider: string, name: string): Scenario | undefined {
    return this.byProvider.get(provider)?.get(name);
  }

  list(provider?: string): Scenario[] {
    const out: Scenario[] = [];
    for (const [p, m] of this.byProvider) if (!provider || p === provider) out.push(...m.values());
    return out;
  }

  activate(scenario: Scenario, tenant?: string): Activation {
    const a: Activation = {
      id: `act_${++this.seq}`,
      provider: scenario.provider,
      scenario,
      ...(tenant !== undefined ? { tenant } : {}),
      via: 'admin',
      hits: scenario.rules.map(() => 0),
      activatedAt: this.now(),
    };
    this.activations.push(a);
    return a;
  }

  deactivate(id: string): Activation | undefined {
    const i = this.activations.findIndex((a) => a.id === id);
    if (i >= 0) return this.activations.splice(i, 1)[0];
    for (const [key, a] of this.viaHeader) {
      if (a.id === id) {
        this.viaHeader.delete(key);
        return a;
      }
    }
    return undefined;
  }

  /** Switches off every activation (of one provider), header counts included. */
  clear(provider?: string, tenant?: string): void {
    const keep = (a: Activation) => (provider !== undefined && a.provider !== provider) || (tenant !== undefined && a.tenant !== tenant);
    for (let i = this.activations.length - 1; i >= 0; i--) if (!keep(this.activations[i]!)) this.activations.splice(i, 1);
    for (const [key, a] of this.viaHeader) if (!keep(a)) this.viaHeader.delete(key);
  }

  active(provider?: string): Activation[] {
    return [...this.activations, ...this.viaHeader.values()].filter((a) => !provider || a.provider === provider);
  }

  /** The scenarios named in a request's header, as activations of that tenant (unknown names are returned apart). */
  fromHeader(provider: string, tenant: string, names: readonly string[]): { activations: Activation[]; unknown: string[] } {
    const activations: Activation[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const s = this.get(provider, name);
      if (!s) {
        unknown.push(name);
        continue;
      }
      const key = `${provider}\u0000${tenant}\u0000${name}`;
      let a = this.viaHeader.get(key);
      if (!a) {
        a = { id: `act_${++this.seq}`, provider, scenario: s, tenant, via: 'header', hits: s.rules.map(() => 0), activatedAt: this.now() };
        this.viaHeader.set(key, a);
      }
      activations.push(a);
    }
    return { activations, unknown };
  }

  /** True when an admin activation could apply to this provider's requests (the common case, none, costs one check per request). */
  hasActivations(provider: string): boolean {
    if (this.activations.length === 0) return false;
    for (const a of this.activations) if (a.provider === provider) return true;
    return false;
  }

  /** Header activations first, in the header's order; then the tenant's, then everyone's, oldest first. */
  candidates(provider: string, tenant: string, fromHeader: readonly Activation[]): Activation[] {
    const mine = this.activations.filter((a) => a.provider === provider && a.tenant === tenant);
    const everyone = this.activations.filter((a) => a.provider === provider && a.tenant === undefined);
    return [...fromHeader, ...mine, ...everyone];
  }

  /**
   * The rules that fire for a request, each counted: every matching, unspent
   * delay-only rule on the way (their delays add up, so `slow` composes with
   * `flaky`), the first matching stream rule (it lets the request through and
   * cuts the stream the handler answers with), then the first matching,
   * unspent rule that answers (respond or fault), if any.
   */
  fire(candidates: readonly Activation[], req: RequestFacts): { delays: Fired[]; answer?: Fired; stream?: Fired } {
    const delays: Fired[] = [];
    let stream: Fired | undefined;
    for (const activation of candidates) {
      const rules = activation.scenario.rules;
      for (let index = 0; index < rules.length; index++) {
        const rule = rules[index]!;
        if (rule.times !== undefined && activation.hits[index]! >= rule.times) continue;
        if (!ruleMatches(rule, req)) continue;
        if (rule.stream && !rule.respond && !rule.fault) {
          if (stream) continue;
          activation.hits[index]!++;
          stream = { activation, rule, index };
          if (rule.delay !== undefined) delays.push(stream);
          continue;
        }
        activation.hits[index]!++;
        const fired = { activation, rule, index };
        if (!rule.respond && !rule.fault) {
          delays.push(fired);
          continue;
        }
        return { delays, answer: fired, ...(stream ? { stream } : {}) };
      }
    }
    return { delays, ...(stream ? { stream } : {}) };
  }
}

// ---------------------------------------------------------------- Prefer (Prism)

export interface Prefer {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

/** Prism's `Prefer: code=404, example=notFound, dynamic=true`; undefined when the header asks for none of them. */
export function parsePrefer(header: string | undefined): Prefer | undefined {
  if (!header) return undefined;
  const out: Prefer = {};
  for (const part of header.split(/[,;]/)) {
    const [k, v = ''] = part.split('=').map((s) => s.trim());
    if (k === 'code' && /^\d{3}$/.test(v)) out.code = Number(v);
    else if (k === 'example' && v) out.example = v.replace(/^"(.*)"$/, '$1');
    else if (k === 'dynamic') out.dynamic = v === 'true';
  }
  return out.code !== undefined || out.example !== undefined || out.dynamic ? out : undefined;
}

/** The lowest 2xx the operation documents (Prism's default pick). */
export function lowestSuccess(op: Operation): number | undefined {
  const codes = Object.keys(op.responses)
    .filter((s) => /^2\d\d$/.test(s))
    .map(Number)
    .sort((a, b) => a - b);
  return codes[0];
}
