/**
 * Listing, shared by every list operation: the list body's search, filters and
 * sort, and the page with its pagination object and cursor.
 */
import type { components } from '../../generated/mixpeek.js';
import { MockError } from '../../core/errors.js';
import { compareKeys, decodeCursor, encodeCursor, type SortKey } from '../../core/store.js';
import { matches, parseFilter, valuesAt, type Filter } from './filter.js';

type Json = Record<string, unknown>;
type Pagination = components['schemas']['PaginationResponse'];

export interface ListRequest {
  limit: number;
  offset: number;
  cursor?: string | undefined;
  includeTotal: boolean;
  search?: string | null | undefined;
  caseSensitive: boolean;
  filter: Filter | null;
  sort?: { field: string; direction?: string } | null | undefined;
}

export function listRequest(query: Json, body: Json | undefined, defaults: { limit?: number } = {}): ListRequest {
  const b = body ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return {
    limit: num(query.limit) ?? num(b.limit) ?? defaults.limit ?? 10,
    offset: num(query.offset) ?? num(b.offset) ?? 0,
    cursor: (query.cursor as string | undefined) ?? (b.cursor as string | undefined),
    includeTotal: query.include_total === true,
    search: b.search as string | null | undefined,
    caseSensitive: b.case_sensitive === true,
    filter: b.filters === undefined || b.filters === null ? null : parseFilter(b.filters, 'filters'),
    sort: b.sort as ListRequest['sort'],
  };
}

/**
 * Search, filter, sort and page rows (oldest first unless sorted). The cursor
 * holds the last row's sort key, so it survives inserts; with a cursor the
 * offset is ignored, as the vendor documents.
 */
export function list<T extends { id: string; seq: number; createdAt: number }, V extends object>(
  scope: string,
  rows: Iterable<T>,
  render: (row: T) => V,
  searchable: (row: T) => Array<string | undefined>,
  req: ListRequest,
): { results: V[]; pagination: Pagination; total: number } {
  const norm = (s: string) => (req.caseSensitive ? s : s.toLowerCase());
  const term = req.search ? norm(req.search) : undefined;
  let entries = [...rows].map((row) => ({ row, view: render(row) }));
  if (term) entries = entries.filter((e) => searchable(e.row).some((s) => s !== undefined && norm(s).includes(term)));
  if (req.filter) entries = entries.filter((e) => matches(req.filter!, e.view));
  const sortField = req.sort?.field;
  const dir = req.sort?.direction === 'desc' ? -1 : 1;
  const keyOf = (e: { row: T; view: V }): SortKey => {
    if (!sortField) return [e.row.createdAt, e.row.seq];
    const v = valuesAt(e.view, sortField)[0];
    return [typeof v === 'number' ? v : v === undefined || v === null ? '' : String(v), e.row.createdAt, e.row.seq];
  };
  const keyed = entries.map((e) => ({ ...e, key: keyOf(e) }));
  keyed.sort((a, b) => dir * compareKeys(a.key, b.key));
  const fullScope = `${scope}|${sortField ?? ''}|${dir}`;
  let start = Math.min(req.offset, keyed.length);
  if (req.cursor) {
    const after = decodeCursor(fullScope, req.cursor);
    if (!after) throw new MockError('bad_request', 'Invalid cursor: it was not issued for this list and sort.');
    start = keyed.findIndex((e) => dir * compareKeys(e.key, after) > 0);
    if (start < 0) start = keyed.length;
  }
  const page = keyed.slice(start, start + req.limit);
  const more = start + page.length < keyed.length;
  const pagination: Pagination = { page_size: req.limit };
  if (more && page.length) pagination.next_cursor = encodeCursor(fullScope, page[page.length - 1]!.key);
  if (req.includeTotal) {
    pagination.total = keyed.length;
    pagination.page = Math.floor(start / req.limit) + 1;
    pagination.total_pages = Math.ceil(keyed.length / req.limit);
  }
  return { results: page.map((e) => e.view), pagination, total: keyed.length };
}

/** `select`: only the named fields (by their first path segment), plus the ones that identify the row. */
export function selectFields<V extends object>(view: V, select: unknown, keep: string[]): V {
  if (!Array.isArray(select) || !select.length) return view;
  const wanted = new Set([...keep, ...select.map((p) => String(p).split('.')[0]!)]);
  // The kept identifying fields are the ones the response schema requires.
  return Object.fromEntries(Object.entries(view).filter(([k]) => wanted.has(k))) as V;
}
