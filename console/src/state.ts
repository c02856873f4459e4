/**
 * Reading the saved state (`GET /__mock/state`) as the data browser shows it:
 * each tenant's state holds tables (`{"$$": "table", key, rows}`), whose rows
 * may hold tables of their own (xAI collections → documents, Mixpeek
 * namespaces → buckets → objects).
 */
export type Row = Record<string, unknown>;
export interface Table {
  $$: 'table';
  key: string;
  rows: Row[];
}

export const isTable = (v: unknown): v is Table =>
  typeof v === 'object' && v !== null && (v as { $$?: unknown }).$$ === 'table' && Array.isArray((v as Table).rows);

/** The tables of a state or a row, by name. */
export function tablesOf(node: unknown): [string, Table][] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).filter((e): e is [string, Table] => isTable(e[1]));
}

/** A row without its nested tables, encoded values made readable (bytes as a size, maps as objects). */
export function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object' || value === null) return value;
  const tag = (value as { $$?: unknown }).$$;
  if (tag === 'bytes') {
    const v = String((value as { v?: unknown }).v ?? '');
    return `<${Math.floor((v.length * 3) / 4) - (v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0)} bytes>`;
  }
  if (tag === 'map') return Object.fromEntries(((value as { entries?: [unknown, unknown][] }).entries ?? []).map(([k, v]) => [String(k), plain(v)]));
  if (tag === 'set') return ((value as { values?: unknown[] }).values ?? []).map(plain);
  if (tag === 'table') return `<${(value as Table).rows.length} records>`;
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) {
    if (isTable(v)) continue;
    out[k] = plain(v);
  }
  return out;
}

export const keyOf = (row: Row, table: Table): string => String(row[table.key]);

/** A row's name as a person would call it. */
export function labelOf(row: Row, table: Table): string {
  const name = row.name ?? row.filename ?? row.title;
  const key = keyOf(row, table);
  return typeof name === 'string' && name !== key ? `${name}` : key;
}

/** How many records each table holds, nested tables included (by their name). */
export function countsOf(state: unknown, into: Record<string, number> = {}): Record<string, number> {
  for (const [name, table] of tablesOf(state)) {
    into[name] = (into[name] ?? 0) + table.rows.length;
    for (const row of table.rows) countsOf(row, into);
  }
  return into;
}

/** A status that says the record is still being worked on. */
export const isPending = (status: unknown): boolean =>
  typeof status === 'string' &&
  /PROCESSING|PENDING|IN_PROGRESS|RUNNING|QUEUED|CREATED|SYNCING|^processing$|^pending$|^running$|^in_progress$|^queued$/i.test(status);

/** Every record of a state whose status says it is still being worked on, with where it is. */
export function pendingRecords(state: unknown, path: string[] = []): { path: string[]; table: string; label: string; status: string }[] {
  const out: { path: string[]; table: string; label: string; status: string }[] = [];
  for (const [name, table] of tablesOf(state)) {
    for (const row of table.rows) {
      const here = [...path, name, keyOf(row, table)];
      if (isPending(row.status)) out.push({ path: here, table: name, label: labelOf(row, table), status: String(row.status) });
      out.push(...pendingRecords(row, here));
    }
  }
  return out;
}

/**
 * Records of the tenant that name this one in a field of their own (an
 * Airweave connection's `collection`, a job's `connectionId`, a Ctxfy
 * source's `collectionId`): how flat tables link up, as the vendor's console
 * would nest them.
 */
export function linkedTo(state: unknown, key: string, path: string[] = []): { path: string[]; table: string; label: string; field: string }[] {
  const out: { path: string[]; table: string; label: string; field: string }[] = [];
  for (const [name, table] of tablesOf(state)) {
    for (const row of table.rows) {
      const here = [...path, name, keyOf(row, table)];
      const field = Object.keys(row).find((k) => k !== table.key && row[k] === key);
      if (field) out.push({ path: here, table: name, label: labelOf(row, table), field });
      out.push(...linkedTo(row, key, here));
    }
  }
  return out;
}
