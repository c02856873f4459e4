/**
 * The whole mock's data as one JSON document, and back: every mounted
 * provider's tenants, encoded by snapshot.ts, in the format specs/admin.yaml
 * describes (`SavedState`). Used by the admin API's export and import and by
 * --persist.
 *
 * A load is whole or nothing. The document is checked first (format, version,
 * schema, then what records refer to and what must be unique), the new states
 * are built and resumed aside, and they replace the old ones only once every
 * one of them is built; until then the running data is not touched.
 */
import { constants } from 'node:buffer';
import { packagePath } from './paths.js';
import type { MountedProvider } from './mount.js';
import type { StateCheckContext, StateProblem } from './provider.js';
import type { ValidationIssue } from './errors.js';
import { loadSpec } from './spec.js';
import { SpecValidators } from './validation.js';
import { decodeState, disposeState, encodeState, restoreInto } from './snapshot.js';

export const STATE_FORMAT = 'collections-mock/state';
/** The version exports are written in. */
export const STATE_VERSION = 1;
/** The versions a load reads. */
export const STATE_VERSIONS_READ: readonly number[] = [STATE_VERSION];

/**
 * The largest state document a load takes, in bytes: JSON.parse reads one
 * string, and Node holds none longer. An export is one JSON.stringify string
 * too, so every export the mock can write fits.
 */
export const STATE_IMPORT_LIMIT = constants.MAX_STRING_LENGTH;

export interface SavedState {
  format: typeof STATE_FORMAT;
  version: number;
  savedAt: string;
  /** Provider name → tenant → encoded state. */
  providers: Record<string, Record<string, unknown>>;
}

/** Why a document cannot be loaded: the first bad place (a JSON pointer into the document) and what is wrong there. */
export class StateError extends Error {
  constructor(
    readonly pointer: string,
    readonly reason: string,
    /** The schema keyword or the check that failed. */
    readonly rule: string,
  ) {
    super(pointer ? `${pointer}: ${reason}` : reason);
    this.name = 'StateError';
  }
}

const escapeSegment = (s: string | number): string => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (path: readonly (string | number)[]): string => path.map((s) => `/${escapeSegment(s)}`).join('');
const segmentsOf = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function exportState(mounted: readonly MountedProvider<unknown>[], nowMs: number, only?: string): SavedState {
  const providers: SavedState['providers'] = {};
  for (const m of mounted) {
    if (only !== undefined && m.provider.name !== only) continue;
    const tenants: Record<string, unknown> = {};
    for (const [tenant, state] of m.tenants.entries()) tenants[tenant] = encodeState(state, `${m.provider.name}/${tenant}`);
    providers[m.provider.name] = tenants;
  }
  return { format: STATE_FORMAT, version: STATE_VERSION, savedAt: new Date(nowMs).toISOString(), providers };
}

const ADMIN_SPEC = packagePath('specs', 'admin.yaml');
let savedStateSchema: ((value: unknown) => ValidationIssue[]) | undefined;

/** The document against specs/admin.yaml's `SavedState`; throws with the first issue. */
function checkSchema(doc: unknown): void {
  savedStateSchema ??= SpecValidators.of(loadSpec(ADMIN_SPEC, 'admin')).component('SavedState');
  const issue = savedStateSchema(doc)[0];
  if (issue) throw new StateError(issue.pointer, issue.message, issue.rule);
}

/**
 * Ids are unique within each table, keys within each map: a load would
 * otherwise keep one of two records silently (or stop half-way).
 */
function checkUnique(node: unknown, path: (string | number)[]): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => checkUnique(v, [...path, i]));
    return;
  }
  if (!isObject(node)) return;
  switch (node.$$) {
    case 'bytes':
      return;
    case 'object':
      // A client's object that has a `$$` key: its members are data like any other.
      for (const [k, v] of Object.entries(node.v as Record<string, unknown>)) checkUnique(v, [...path, 'v', k]);
      return;
    case 'table': {
      const key = node.key as string;
      const seen = new Map<unknown, number>();
      (node.rows as Record<string, unknown>[]).forEach((row, i) => {
        const id = row[key];
        const first = seen.get(id);
        if (first !== undefined) throw new StateError(pointerOf([...path, 'rows', i, key]), `${key} ${JSON.stringify(id)} is also rows/${first}'s`, 'unique');
        seen.set(id, i);
        checkUnique(row, [...path, 'rows', i]);
      });
      return;
    }
    case 'map': {
      const seen = new Map<string, number>();
      (node.entries as [unknown, unknown][]).forEach(([k, v], i) => {
        const id = JSON.stringify(k);
        const first = seen.get(id);
        if (first !== undefined) throw new StateError(pointerOf([...path, 'entries', i, 0]), `key ${id} is also entries/${first}'s`, 'unique');
        seen.set(id, i);
        checkUnique(v, [...path, 'entries', i, 1]);
      });
      return;
    }
    default:
      for (const [k, v] of Object.entries(node)) checkUnique(v, [...path, k]);
  }
}

/** What a provider's check may use: its own spec's schemas, for the values the vendor's replies echo. */
function checkContext(m: MountedProvider<unknown>): StateCheckContext {
  const validators = new Map<string, (value: unknown) => ValidationIssue[]>();
  return {
    conforms(component, value, path) {
      let validate = validators.get(component);
      if (!validate) {
        validate = m.validators.component(component);
        validators.set(component, validate);
      }
      const issue = validate(decodeState(value))[0];
      if (!issue) return undefined;
      return { path: [...path, ...segmentsOf(issue.pointer)], message: `${issue.message} (as ${m.provider.name}.yaml's ${component})` };
    },
  };
}

/**
 * Checks a parsed document before anything is replaced: its format, its
 * version, the schema, then uniqueness and each provider's references. Throws
 * a StateError naming the first bad place.
 */
export function checkSavedState(doc: unknown, mounted: readonly MountedProvider<unknown>[]): SavedState {
  if (!isObject(doc)) throw new StateError('', `not a ${STATE_FORMAT} document (not a JSON object)`, 'format');
  if (doc.format !== STATE_FORMAT)
    throw new StateError('/format', `not a ${STATE_FORMAT} document (its format is ${JSON.stringify(doc.format) ?? 'missing'})`, 'format');
  if (typeof doc.version !== 'number' || !STATE_VERSIONS_READ.includes(doc.version)) {
    throw new StateError(
      '/version',
      `version ${JSON.stringify(doc.version) ?? '(missing)'} is not one this mock reads (it reads ${STATE_VERSIONS_READ.join(', ')})`,
      'version',
    );
  }
  // A provider that is not mounted says so, rather than failing the schema as an unknown field.
  if (isObject(doc.providers)) {
    const names = mounted.map((m) => m.provider.name);
    for (const name of Object.keys(doc.providers)) {
      if (!names.includes(name))
        throw new StateError(pointerOf(['providers', name]), `provider ${name} is not mounted (mounted: ${names.join(', ') || 'none'})`, 'provider');
    }
  }
  checkSchema(doc);
  const saved = doc as unknown as SavedState;
  for (const m of mounted) {
    const tenants = saved.providers[m.provider.name];
    if (!tenants) continue;
    checkUnique(tenants, ['providers', m.provider.name]);
    const problem: StateProblem | undefined = m.provider.checkState?.(tenants, checkContext(m));
    if (problem) throw new StateError(pointerOf(['providers', m.provider.name, ...problem.path]), problem.message, 'reference');
  }
  return saved;
}

interface Staged {
  m: MountedProvider<unknown>;
  states: [string, unknown][];
}

/** Every saved tenant rebuilt and resumed, beside the running data; on any failure what was built is disposed. */
function stage(mounted: readonly MountedProvider<unknown>[], saved: SavedState): Staged[] {
  const staged: Staged[] = [];
  try {
    for (const m of mounted) {
      const tenants = saved.providers[m.provider.name];
      if (!tenants) continue;
      const entry: Staged = { m, states: [] };
      staged.push(entry);
      for (const [tenant, data] of Object.entries(tenants)) {
        try {
          const state = restoreInto(m.provider.createState(m.env, tenant) as object, data);
          entry.states.push([tenant, state]);
          m.provider.resume?.(state);
        } catch (err) {
          throw new StateError(pointerOf(['providers', m.provider.name, tenant]), `cannot be rebuilt: ${(err as Error).message}`, 'rebuild');
        }
      }
    }
  } catch (err) {
    for (const { states } of staged) for (const [, state] of states) disposeState(state);
    throw err;
  }
  return staged;
}

/**
 * Puts the staged states in place of the providers' current ones. Should a
 * provider's adopt throw, every provider is put back as it was: its old
 * states, registered again, their scheduled steps never stopped.
 */
function swap(staged: readonly Staged[]): void {
  const done: { m: MountedProvider<unknown>; old: [string, unknown][]; adopted: unknown[] }[] = [];
  try {
    for (const { m, states } of staged) {
      const entry = { m, old: [...m.tenants.entries()], adopted: [] as unknown[] };
      done.push(entry);
      for (const [, state] of entry.old) m.provider.forget?.(state);
      m.tenants.clear();
      for (const [tenant, state] of states) {
        m.tenants.set(tenant, state);
        entry.adopted.push(state);
        m.provider.adopt?.(state);
      }
    }
  } catch (err) {
    // Each step of the way back is tried on its own: one that fails must not keep the others from being put back.
    const attempt = (step: () => void): void => {
      try {
        step();
      } catch {
        // The error that stopped the swap is the one reported.
      }
    };
    for (const { m, old, adopted } of done.reverse()) {
      for (const state of adopted) attempt(() => m.provider.forget?.(state));
      m.tenants.clear();
      for (const [tenant, state] of old) {
        m.tenants.set(tenant, state);
        attempt(() => m.provider.adopt?.(state));
      }
    }
    for (const { states } of staged) for (const [, state] of states) disposeState(state);
    throw err;
  }
  // The old states are out: their scheduled steps stop.
  for (const { old } of done) for (const [, state] of old) disposeState(state);
}

/**
 * Replaces the data of every provider the document names (the others are
 * kept): the document is checked, the saved tenants rebuilt and resumed aside,
 * then swapped in for the current ones, whose scheduled steps are cancelled.
 * All-or-nothing: a document that cannot be loaded throws a StateError and
 * changes nothing.
 */
export function importState(mounted: readonly MountedProvider<unknown>[], doc: unknown): { providers: string[]; tenants: number } {
  let staged: Staged[];
  try {
    staged = stage(mounted, checkSavedState(doc, mounted));
  } catch (err) {
    if (err instanceof StateError) throw err;
    // A document that defeats the checks themselves (nesting deep enough to exhaust the stack, say) is refused like any other.
    throw new StateError('', `cannot be checked: ${(err as Error).message}`, 'check');
  }
  swap(staged);
  return { providers: staged.map((s) => s.m.provider.name), tenants: staged.reduce((n, s) => n + s.states.length, 0) };
}

/** Why a record cannot be removed: the path names nothing (404) or is malformed (400). */
export class RecordPathError extends Error {
  constructor(
    message: string,
    readonly missing: boolean,
  ) {
    super(message);
    this.name = 'RecordPathError';
  }
}

interface EncodedTable {
  $$: 'table';
  key: string;
  rows: Record<string, unknown>[];
}

const isTable = (v: unknown): v is EncodedTable => isObject(v) && v.$$ === 'table' && Array.isArray(v.rows) && typeof v.key === 'string';

/**
 * Removes one record from a tenant's data: `path` alternates a table's name
 * and a row's key, from the tenant's state down (`["collections", "<id>",
 * "documents", "<file id>"]`). Done as an export of the provider, the row
 * dropped, and a load of the result, so the data left must pass every check a
 * load makes (a record others refer to cannot go); nothing changes when it
 * cannot. Returns the record as it was stored.
 */
export function removeRecord(
  mounted: readonly MountedProvider<unknown>[],
  nowMs: number,
  provider: string,
  tenant: string,
  path: readonly string[],
): Record<string, unknown> {
  if (path.length === 0 || path.length % 2 !== 0)
    throw new RecordPathError('path: give a table and a key, then optionally more table and key pairs below it.', false);
  const doc = exportState(mounted, nowMs, provider);
  let node: unknown = doc.providers[provider]?.[tenant];
  if (node === undefined) throw new RecordPathError(`${provider} has no tenant ${JSON.stringify(tenant)}.`, true);
  let removed: Record<string, unknown> | undefined;
  for (let i = 0; i < path.length; i += 2) {
    const [name, key] = [path[i]!, path[i + 1]!];
    const table = isObject(node) ? node[name] : undefined;
    if (!isTable(table)) throw new RecordPathError(`${pointerOf(path.slice(0, i + 1))}: no table ${JSON.stringify(name)} there.`, true);
    const index = table.rows.findIndex((r) => String(r[table.key]) === key);
    if (index < 0) throw new RecordPathError(`${pointerOf(path.slice(0, i + 2))}: no record with ${table.key} ${JSON.stringify(key)}.`, true);
    if (i + 2 === path.length) removed = table.rows.splice(index, 1)[0]!;
    else node = table.rows[index];
  }
  importState(mounted, doc);
  return removed!;
}
