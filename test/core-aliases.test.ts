import { describe, expect, it } from 'vitest';
import { applyCamelCaseAliases, applyCamelCaseQueryAliases, camelToSnake, dropUndeclaredFields } from '../src/core/aliases.js';
import { MockError } from '../src/core/errors.js';

const doc = {
  components: {
    schemas: {
      Inner: { type: 'object', properties: { max_size: { type: 'integer' } } },
      Body: {
        type: 'object',
        properties: {
          collection_name: { type: 'string' },
          inner: { $ref: '#/components/schemas/Inner' },
          fields: { type: 'object', additionalProperties: { type: 'string' } },
          free: { type: 'object' },
          list: { type: 'array', items: { $ref: '#/components/schemas/Inner' } },
          either: {
            anyOf: [
              { type: 'object', properties: { a: {} } },
              { type: 'object', properties: { b: {} } },
            ],
          },
        },
      },
    },
  },
};
const body = { $ref: '#/components/schemas/Body' };

describe('camelCase aliases', () => {
  it('renames declared fields at every depth but never map keys', () => {
    const v: any = { collectionName: 'x', inner: { maxSize: 3 }, fields: { someKey: 'kept' }, list: [{ maxSize: 1 }] };
    applyCamelCaseAliases(doc, body, v);
    expect(v).toEqual({ collection_name: 'x', inner: { max_size: 3 }, fields: { someKey: 'kept' }, list: [{ max_size: 1 }] });
    expect(camelToSnake('maxChunkSizeTokens')).toBe('max_chunk_size_tokens');
  });

  it('refuses both spellings of one field, in the body and in the query', () => {
    expect(() => applyCamelCaseAliases(doc, body, { collectionName: 'a', collection_name: 'b' })).toThrow(MockError);
    const q: Record<string, string | string[]> = { sortBy: 'x' };
    applyCamelCaseQueryAliases(new Set(['sort_by']), q);
    expect(q).toEqual({ sort_by: 'x' });
    expect(() => applyCamelCaseQueryAliases(new Set(['sort_by']), { sortBy: 'x', sort_by: 'y' })).toThrow(/Both sort_by and sortBy/);
  });
});

describe('dropUndeclaredFields', () => {
  it('drops undeclared keys of declared objects, keeps maps, free-form objects and union members', () => {
    const v: any = {
      collection_name: 'x',
      extra: 1,
      inner: { max_size: 1, junk: true },
      fields: { anything: 'kept' },
      free: { whatever: { deep: 1 } },
      list: [{ max_size: 2, junk: 1 }],
      either: { a: 1, b: 2, c: 3 },
    };
    dropUndeclaredFields(doc, body, v);
    expect(v).toEqual({
      collection_name: 'x',
      inner: { max_size: 1 },
      fields: { anything: 'kept' },
      free: { whatever: { deep: 1 } },
      list: [{ max_size: 2 }],
      either: { a: 1, b: 2 },
    });
  });
});
