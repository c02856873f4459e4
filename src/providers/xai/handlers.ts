/**
 * One function per operationId of specs/xai.yaml. Each is typed from the
 * generated `operations`, so a spec change the handler no longer matches
 * fails the build.
 */
import type { components, operations } from '../../generated/xai.js';
import { arrayText, objectText } from '../../core/json-text.js';
import type { Handlers, HandlerContext } from '../../core/provider.js';
import { MockError } from '../../core/errors.js';
import { Table, decodeCursor, encodeCursor, type SortKey, type SortSpec } from '../../core/store.js';
import { requestFilter, type FieldSpec } from './filter.js';
import {
  addDocument,
  defaultChunkConfiguration,
  DEFAULT_MODEL,
  contentTypeFor,
  deleteCollection,
  deleteFile,
  fieldValueTaken,
  forgetFieldIndexes,
  scheduleExpiry,
  filenameProblem,
  internFieldValue,
  internMediaType,
  isTextLike,
  newDocument,
  normaliseChunkConfiguration,
  normaliseFieldDefinition,
  packBytes,
  removeDocument,
  renderCollection,
  collectionBody,
  renderDocument,
  renderFile,
  sha256Hex,
  startIndexing,
  workBeforeReply,
  type CollectionRecord,
  type DocumentRecord,
  type FileRecord,
  type XaiState,
} from './model.js';
import { refreshFields } from './retrieval.js';
import { searchDocuments } from './search.js';
import { microsToSeconds } from '../../core/time.js';
import { fnv1a32 } from '../../core/hash.js';

type Ctx<K extends keyof operations> = HandlerContext<operations[K], XaiState>;
type ListCollectionsResponse = components['schemas']['ListCollectionsResponse'];

const EMPTY = {} as Record<string, never>;
const MAX_PAGE = 100;

// ---- helpers

function collectionOr404(state: XaiState, id: string): CollectionRecord {
  const c = state.collections.get(id);
  if (!c) throw new MockError('not_found', `Collection ${id} not found.`);
  return c;
}

function fileOr404(state: XaiState, id: string): FileRecord {
  const f = state.files.get(id);
  if (!f) throw new MockError('not_found', `File ${id} not found.`);
  return f;
}

function documentOr404(c: CollectionRecord, fileId: string): DocumentRecord {
  const d = c.documents.get(fileId);
  if (!d) throw new MockError('not_found', `Document ${fileId} not found in collection ${c.id}.`);
  return d;
}

/** 1..100; absent, zero or negative means 100, larger is clamped (the vendor's files proto rule, applied to every list). */
function pageSize(limit: number | undefined): number {
  if (limit === undefined || limit <= 0) return MAX_PAGE;
  return Math.min(limit, MAX_PAGE);
}

/** Cheap stable hash so a token is bound to the filter it was issued under. */
function fnv(text: string): string {
  return fnv1a32(text).toString(36);
}

function afterToken(scope: string, token: string | undefined): SortKey | undefined {
  if (token === undefined || token === '') return undefined;
  const key = decodeCursor(scope, token);
  if (!key) throw new MockError('validation', 'Invalid pagination_token: it was not issued for this list, order and filter.');
  return key;
}

/** A collections page's body from its parts: the collections' texts, then the cursor's (undefined on the last page). */
function joinCollectionsPage(parts: readonly (string | undefined)[]): string {
  return objectText({ collections: arrayText(parts.slice(0, -1) as string[]), pagination_token: parts[parts.length - 1] });
}

const descending = (order: string | undefined): boolean => !(order === 'ORDERING_ASCENDING' || order === '1');

function parseFieldsJson(state: XaiState, text: string | undefined): Record<string, string> {
  if (text === undefined || text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MockError('validation', 'fields must be a JSON object of string values.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MockError('validation', 'fields must be a JSON object of string values.');
  }
  const fields = parsed as Record<string, unknown>;
  let clean = true;
  for (const k of Object.keys(fields)) {
    const v = fields[k];
    if (typeof v !== 'string') throw new MockError('validation', `fields.${k} must be a string.`);
    fields[k] = internFieldValue(state.memory, v);
    if (k === '__proto__') clean = false;
  }
  if (clean) return fields as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (k !== '__proto__') out[k] = v as string;
  return out;
}

/** Checks a new document's fields against the collection's definitions: required keys present, unique values unique. */
function checkFields(state: XaiState, c: CollectionRecord, fields: Record<string, string>): void {
  for (const def of c.fieldDefinitions) {
    const has = Object.prototype.hasOwnProperty.call(fields, def.key);
    if (def.required && !has) throw new MockError('validation', `Missing required field "${def.key}".`);
    if (def.unique && has && fieldValueTaken(state, c, def.key, fields[def.key]!)) {
      throw new MockError('conflict', `A document with ${def.key}="${fields[def.key]}" already exists in the collection.`);
    }
  }
}

function storeFile(state: XaiState, input: { filename: string; data: Buffer; contentType: string; expiresAfter?: number }): FileRecord {
  const { clock, ids } = state.env;
  const now = clock.nowMicros();
  const file: FileRecord = {
    id: `file_${ids.uuid()}`,
    filename: input.filename,
    data: packBytes(state.memory, input.data),
    contentType: internMediaType(state.memory, input.contentType),
    createdAt: now,
    expiresAt: input.expiresAfter === undefined ? null : microsToSeconds(now) + input.expiresAfter,
    hash: sha256Hex(input.data),
  };
  state.files.insert(file);
  scheduleExpiry(state, file);
  return file;
}

/**
 * `attachment; filename="…"`. A header value cannot carry characters beyond Latin-1 (Node refuses
 * them), so a non-ASCII name also gets the RFC 6266 `filename*` form and an ASCII fallback.
 * Upload already refuses the characters that could break out of the quotes.
 */
function contentDisposition(filename: string): string {
  if (/^[\x20-\x7e]*$/.test(filename)) return `attachment; filename="${filename}"`;
  const fallback = filename.replace(/[^\x20-\x7e]/gu, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

async function attach(state: XaiState, c: CollectionRecord, file: FileRecord, fields: Record<string, string>): Promise<DocumentRecord> {
  if (c.documents.has(file.id)) throw new MockError('conflict', `Document ${file.id} is already in the collection.`);
  checkFields(state, c, fields);
  const doc = newDocument(file.id, fields);
  addDocument(state, c, doc);
  const work = startIndexing(state, c, doc);
  if (workBeforeReply(state)) await work;
  return doc;
}

// ---- sort orders

const collectionSorts = {
  name: (desc: boolean): SortSpec<CollectionRecord> => ({ name: 'name', descending: desc, key: (c) => [c.name, c.id] }),
  age: (desc: boolean): SortSpec<CollectionRecord> => ({ name: 'age', descending: desc, key: (c) => [c.createdAt, c.id] }),
};

function collectionFields(state: XaiState) {
  return (field: string): FieldSpec<CollectionRecord> | undefined => {
    switch (field) {
      case 'collection_id':
        return { kind: 'exact', get: (c) => c.id };
      case 'collection_name':
        return { kind: 'substring', get: (c) => c.name };
      case 'created_at':
        return { kind: 'timestamp', get: (c) => c.createdAt };
      case 'documents_count':
        return { kind: 'number', get: (c) => c.documents.size };
      case 'collection_description':
        return { kind: 'substring', get: (c) => c.description };
      default:
        void state;
        return undefined;
    }
  };
}

function documentFields(state: XaiState) {
  const file = (d: DocumentRecord) => state.files.get(d.fileId);
  return (field: string): FieldSpec<DocumentRecord> | undefined => {
    if (field.startsWith('fields.')) {
      const key = field.slice('fields.'.length);
      return { kind: 'dynamic', get: (d) => (Object.prototype.hasOwnProperty.call(d.fields, key) ? d.fields[key] : undefined) };
    }
    switch (field) {
      case 'name':
        return { kind: 'substring', get: (d) => file(d)?.filename };
      case 'file_id':
        return { kind: 'exact', get: (d) => d.fileId };
      case 'content_type':
        return { kind: 'substring', get: (d) => file(d)?.contentType };
      case 'size_bytes':
        return { kind: 'number', get: (d) => file(d)?.data.length };
      case 'created_at':
        return { kind: 'timestamp', get: (d) => file(d)?.createdAt };
      case 'status':
        return { kind: 'exact', get: (d) => d.status };
      default:
        return undefined;
    }
  };
}

const fileFields = (field: string): FieldSpec<FileRecord> | undefined => {
  switch (field) {
    case 'name':
    case 'file_name':
    case 'filename':
      return { kind: 'substring', get: (f) => f.filename };
    case 'file_id':
    case 'id':
      return { kind: 'exact', get: (f) => f.id };
    case 'size_bytes':
    case 'bytes':
      return { kind: 'number', get: (f) => f.data.length };
    case 'content_type':
      return { kind: 'substring', get: (f) => f.contentType };
    case 'created_at':
      return { kind: 'timestamp', get: (f) => f.createdAt };
    case 'expires_at':
      return { kind: 'timestamp', get: (f) => (f.expiresAt === null ? undefined : f.expiresAt * 1_000_000) };
    case 'upload_status':
      return { kind: 'exact', get: () => 'Complete' };
    case 'user_defined_id':
      return { kind: 'exact', get: () => undefined };
    default:
      return undefined;
  }
};

// ---- handlers

/** One handler per operationId, a fresh set per provider; they need nothing beyond the tenant's state (the provider's memory rides on it). */
export function createHandlers(): Handlers<operations, XaiState> {
  return {
    createCollection(ctx: Ctx<'createCollection'>) {
      const { state, body } = ctx;
      const { clock, ids } = state.env;
      if (body.collection_name.trim() === '') throw new MockError('validation', 'collection_name must not be empty');
      const definitions = (body.field_definitions ?? []).map(normaliseFieldDefinition);
      const keys = new Set<string>();
      for (const d of definitions) {
        if (keys.has(d.key)) throw new MockError('validation', `Duplicate field definition key "${d.key}".`);
        keys.add(d.key);
      }
      const record: CollectionRecord = {
        id: `collection_${ids.uuid()}`,
        name: body.collection_name,
        createdAt: clock.nowMicros(),
        modelName: body.index_configuration?.model_name || DEFAULT_MODEL,
        chunkConfiguration: body.chunk_configuration ? normaliseChunkConfiguration(body.chunk_configuration) : defaultChunkConfiguration(),
        fieldDefinitions: definitions,
        documents: new Table<DocumentRecord>('fileId'),
      };
      // Added after, not spread in: a literal with a spread is made as a bigger object, and a store keeps every record.
      if (body.collection_description !== undefined) record.description = body.collection_description;
      state.collections.insert(record);
      return { status: 200, body: renderCollection(state, record) };
    },

    listCollections(ctx: Ctx<'listCollections'>) {
      const { state, query } = ctx;
      const desc = descending(query.order);
      const byAge = query.sort_by === 'COLLECTIONS_SORT_BY_AGE' || query.sort_by === '1';
      const sort = (byAge ? collectionSorts.age : collectionSorts.name)(desc);
      const scope = `collections|${sort.name}|${desc ? 'd' : 'a'}|${fnv(query.filter ?? '')}`;
      const page = state.collections.page({
        sort,
        limit: pageSize(query.limit),
        after: afterToken(scope, query.pagination_token),
        filter: requestFilter(query.filter, collectionFields(state)),
      });
      const parts = page.items.map((c): string | undefined => collectionBody(state, c).text);
      parts.push(page.next ? JSON.stringify(encodeCursor(scope, page.next)) : undefined);
      return {
        status: 200,
        body: state.env.renders.joined<ListCollectionsResponse>(
          state.collections,
          `${scope}|${query.limit}|${query.pagination_token}`,
          parts,
          joinCollectionsPage,
        ),
      };
    },

    getCollectionMetadata(ctx: Ctx<'getCollectionMetadata'>) {
      const c = collectionOr404(ctx.state, ctx.path.collection_id);
      return { status: 200, body: collectionBody(ctx.state, c) };
    },

    updateCollection(ctx: Ctx<'updateCollection'>) {
      const { state } = ctx;
      const body = ctx.body ?? {};
      const c = collectionOr404(state, ctx.path.collection_id);
      if (body.collection_name !== undefined && body.collection_name.trim() === '') {
        throw new MockError('validation', 'collection_name must not be empty');
      }
      // Validate everything before applying anything, so a refused update changes nothing.
      const chunkConfiguration = body.chunk_configuration === undefined ? undefined : normaliseChunkConfiguration(body.chunk_configuration);
      const definitions = new Map(c.fieldDefinitions.map((d) => [d.key, d]));
      const removedKeys: string[] = [];
      for (const u of body.field_definition_updates ?? []) {
        const def = normaliseFieldDefinition(u.field_definition);
        const isDelete = u.operation === 'FIELD_DEFINITION_DELETE' || u.operation === 1;
        if (isDelete) {
          if (!definitions.delete(def.key)) throw new MockError('not_found', `Field definition "${def.key}" not found.`);
          removedKeys.push(def.key);
        } else {
          if (!definitions.has(def.key) && def.required) {
            throw new MockError('validation', `Cannot add required field definition "${def.key}" to an existing collection.`);
          }
          definitions.set(def.key, def);
        }
      }
      state.collections.update(c.id, (col) => {
        if (body.collection_name !== undefined) col.name = body.collection_name;
        if (body.collection_description !== undefined) col.description = body.collection_description;
        if (chunkConfiguration !== undefined) col.chunkConfiguration = chunkConfiguration;
        col.fieldDefinitions = [...definitions.values()];
        for (const key of removedKeys) {
          for (const doc of col.documents.values()) delete doc.fields[key];
        }
        if (removedKeys.length) {
          forgetFieldIndexes(state, col);
          refreshFields(state, col);
        }
      });
      return { status: 200, body: renderCollection(state, c) };
    },

    deleteCollection(ctx: Ctx<'deleteCollection'>) {
      if (!deleteCollection(ctx.state, ctx.path.collection_id)) {
        throw new MockError('not_found', `Collection ${ctx.path.collection_id} not found.`);
      }
      return { status: 200, body: EMPTY };
    },

    async addDocumentToCollection(ctx: Ctx<'addDocumentToCollection'>) {
      const { state } = ctx;
      const c = collectionOr404(state, ctx.path.collection_id);
      const file = fileOr404(state, ctx.path.file_id);
      const fields: Record<string, string> = { ...(ctx.body?.fields ?? {}) };
      for (const k of Object.keys(fields)) if (typeof fields[k] === 'string') fields[k] = internFieldValue(state.memory, fields[k]);
      await attach(state, c, file, fields);
      return { status: 200, body: EMPTY };
    },

    async uploadDocumentToCollection(ctx: Ctx<'uploadDocumentToCollection'>) {
      const { state, body } = ctx;
      const c = collectionOr404(state, ctx.path.collection_id);
      const part = ctx.files.data;
      if (!part) throw new MockError('validation', 'data must be a file part.');
      const name = body.name;
      const problem = filenameProblem(name);
      if (problem) throw new MockError('validation', problem);
      const fields = parseFieldsJson(state, body.fields);
      checkFields(state, c, fields);
      const file = storeFile(state, { filename: name, data: part.data, contentType: body.content_type || contentTypeFor(name, part.contentType) });
      const doc = await attach(state, c, file, fields);
      return { status: 200, body: renderDocument(file, doc) };
    },

    listDocuments(ctx: Ctx<'listDocuments'>) {
      const { state, query } = ctx;
      const c = collectionOr404(state, ctx.path.collection_id);
      const desc = descending(query.order);
      const fileOf = (d: DocumentRecord) => state.files.get(d.fileId);
      const sortBy = query.sort_by;
      const sort: SortSpec<DocumentRecord> =
        sortBy === 'DOCUMENTS_SORT_BY_SIZE' || sortBy === '1'
          ? { name: 'size', descending: desc, key: (d) => [fileOf(d)?.data.length ?? 0, d.fileId] }
          : sortBy === 'DOCUMENTS_SORT_BY_AGE' || sortBy === '2'
            ? { name: 'age', descending: desc, key: (d) => [fileOf(d)?.createdAt ?? 0, d.fileId] }
            : { name: 'name', descending: desc, key: (d) => [fileOf(d)?.filename ?? '', d.fileId] };
      // The deprecated `name=` parameter is the filter `name:"…"`.
      const parts: string[] = [];
      if (query.filter !== undefined && query.filter.trim() !== '') parts.push(`(${query.filter})`);
      if (query.name !== undefined && query.name !== '') parts.push(`name:${JSON.stringify(query.name)}`);
      const filterText = parts.join(' AND ');
      const scope = `documents|${c.id}|${sort.name}|${desc ? 'd' : 'a'}|${fnv(filterText)}`;
      const page = c.documents.page({
        sort,
        limit: pageSize(query.limit),
        after: afterToken(scope, query.pagination_token),
        filter: requestFilter(filterText || undefined, documentFields(state)),
      });
      return {
        status: 200,
        body: {
          documents: page.items.map((d) => renderDocument(fileOf(d)!, d)),
          ...(page.next ? { pagination_token: encodeCursor(scope, page.next) } : {}),
        },
      };
    },

    getDocumentMetadata(ctx: Ctx<'getDocumentMetadata'>) {
      const c = collectionOr404(ctx.state, ctx.path.collection_id);
      const doc = documentOr404(c, ctx.path.file_id);
      return { status: 200, body: renderDocument(fileOr404(ctx.state, doc.fileId), doc) };
    },

    async reIndexDocument(ctx: Ctx<'reIndexDocument'>) {
      const { state } = ctx;
      const c = collectionOr404(state, ctx.path.collection_id);
      const doc = documentOr404(c, ctx.path.file_id);
      let work: Promise<void> = Promise.resolve();
      c.documents.update(doc.fileId, (d) => {
        work = startIndexing(state, c, d);
      });
      if (workBeforeReply(state)) await work;
      return { status: 200, body: EMPTY };
    },

    removeDocumentFromCollection(ctx: Ctx<'removeDocumentFromCollection'>) {
      const c = collectionOr404(ctx.state, ctx.path.collection_id);
      documentOr404(c, ctx.path.file_id);
      removeDocument(ctx.state, c, ctx.path.file_id);
      return { status: 200, body: EMPTY };
    },

    batchGetDocuments(ctx: Ctx<'batchGetDocuments'>) {
      const { state } = ctx;
      const c = collectionOr404(state, ctx.path.collection_id);
      const documents = [];
      // Requested order, one entry per occurrence; ids not in the collection are skipped.
      for (const id of ctx.query.file_ids) {
        const doc = c.documents.get(id);
        const file = doc && state.files.get(id);
        if (doc && file) documents.push(renderDocument(file, doc));
      }
      return { status: 200, body: { documents } };
    },

    uploadFile(ctx: Ctx<'uploadFile'>) {
      const { state, body } = ctx;
      const part = ctx.files.file;
      if (!part) throw new MockError('validation', 'file must be a file part.');
      const problem = filenameProblem(part.filename);
      if (problem) throw new MockError('validation', problem);
      if (body['expires_after[anchor]'] !== undefined && body['expires_after[seconds]'] === undefined) {
        throw new MockError('validation', 'expires_after[seconds] is required with expires_after[anchor].');
      }
      const expiresAfter = body.expires_after ?? body['expires_after[seconds]'];
      const file = storeFile(state, {
        filename: part.filename,
        data: part.data,
        contentType: contentTypeFor(part.filename, part.contentType),
        ...(expiresAfter !== undefined ? { expiresAfter } : {}),
      });
      return { status: 200, body: renderFile(file) };
    },

    listFiles(ctx: Ctx<'listFiles'>) {
      const { state, query } = ctx;
      const desc = query.order === 'desc';
      const by = query.sort_by ?? 'created_at';
      const keyOf = (f: { createdAt: number; filename: string; bytes: number }, id: string): SortKey =>
        by === 'filename' ? [f.filename, id] : by === 'size' ? [f.bytes, id] : [f.createdAt, id];
      const sort: SortSpec<FileRecord> = {
        name: by,
        descending: desc,
        key: (f) => keyOf({ createdAt: f.createdAt, filename: f.filename, bytes: f.data.length }, f.id),
      };
      // The REST files list pages by file id: the token is the id of the last file served.
      const token = query.pagination_token || query.after || undefined;
      let after: SortKey | undefined;
      if (token !== undefined) {
        const f = state.files.get(token);
        const t = f ? { createdAt: f.createdAt, filename: f.filename, bytes: f.data.length } : state.tombstones.get(token);
        if (!t) throw new MockError('validation', `Invalid pagination_token: no file ${token}.`);
        after = keyOf(t, token);
      }
      const page = state.files.page({ sort, limit: pageSize(query.limit), ...(after ? { after } : {}), filter: requestFilter(query.filter, fileFields) });
      const data = page.items.map(renderFile);
      return { status: 200, body: { data, pagination_token: data.length ? data[data.length - 1]!.id : null } };
    },

    retrieveFile(ctx: Ctx<'retrieveFile'>) {
      return { status: 200, body: renderFile(fileOr404(ctx.state, ctx.path.file_id)) };
    },

    deleteFile(ctx: Ctx<'deleteFile'>) {
      const id = ctx.path.file_id;
      if (!deleteFile(ctx.state, id)) throw new MockError('not_found', `File ${id} not found.`);
      return { status: 200, body: { id, object: 'file', deleted: true } };
    },

    async searchDocuments(ctx: Ctx<'searchDocuments'>) {
      return { status: 200, body: await searchDocuments(ctx.state, ctx.body) };
    },

    downloadFileContent(ctx: Ctx<'downloadFileContent'>) {
      const file = fileOr404(ctx.state, ctx.path.file_id);
      if (ctx.query.format === 'text' && !isTextLike(file.contentType)) {
        throw new MockError('validation', `Text extraction is not available for ${file.contentType} files.`);
      }
      return {
        status: 200,
        body: file.data,
        contentType: 'application/octet-stream',
        headers: { 'content-disposition': contentDisposition(file.filename) },
      };
    },
  };
}
