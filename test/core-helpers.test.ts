/** The helpers every provider and the contract suite share: the key-file reader, the hashes, the media type, the JSON body reader, the bounded memo. */
import { describe, expect, it } from 'vitest';
import { parseKeyFile } from '../src/core/keyfile.js';
import { fnv1a32, uuidFromText } from '../src/core/hash.js';
import { mediaTypeOf } from '../src/core/media.js';
import { withHeaders } from '../src/core/provider.js';
import { seedToInt } from '../src/core/ids.js';
import { parseJson } from '../src/core/body.js';
import { remembered } from '../src/core/remembered.js';

describe('parseKeyFile', () => {
  const reader = {
    provider: 'demo',
    shape: '{ key, team }',
    required: ['key', 'team'],
    read: (e: Record<string, unknown> & { key: string }, fail: (m: string) => never) => {
      if (e.team === 'bad') fail('"team" must not be bad');
      return { key: e.key, team: String(e.team) };
    },
  };

  it('reads a list of entries by key; no section, no keys', () => {
    expect(parseKeyFile(undefined, reader)).toBeUndefined();
    const keys = parseKeyFile(
      [
        { key: 'a', team: 't1' },
        { key: 'b', team: 't2' },
      ],
      reader,
    )!;
    expect([...keys.values()]).toEqual([
      { key: 'a', team: 't1' },
      { key: 'b', team: 't2' },
    ]);
  });

  it('names the provider and the entry in every refusal', () => {
    expect(() => parseKeyFile({}, reader)).toThrow('api keys for demo: expected a list of { key, team }');
    expect(() => parseKeyFile(['x'], reader)).toThrow('api keys for demo, entry 0: needs a non-empty "key" and "team"');
    expect(() => parseKeyFile([{ key: 'a', team: '' }], reader)).toThrow('entry 0: needs a non-empty "key" and "team"');
    expect(() => parseKeyFile([{ key: 'a', team: 'bad' }], reader)).toThrow('entry 0: "team" must not be bad');
    expect(() =>
      parseKeyFile(
        [
          { key: 'a', team: 't' },
          { key: 'a', team: 't' },
        ],
        reader,
      ),
    ).toThrow('entry 1: a key is listed twice');
    expect(() =>
      parseKeyFile(
        [
          { key: 'abcdef', team: 't' },
          { key: 'abcdef', team: 't' },
        ],
        { ...reader, nameKey: (k: string) => `${k[0]}…` },
      ),
    ).toThrow('entry 1: key a… is listed twice');
  });
});

describe('hashes and media types', () => {
  it('FNV-1a: the published test vectors, and the seed of the id source', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(seedToInt('foobar')).toBe(0xbf9cf968);
    expect(seedToInt(42)).toBe(fnv1a32('42'));
  });

  it('a UUID-shaped id from a text: stable, version 4 shape', () => {
    const id = uuidFromText('airweave-organization:k1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFromText('airweave-organization:k1')).toBe(id);
    expect(uuidFromText('airweave-organization:k2')).not.toBe(id);
  });

  it('the media type of a Content-Type header', () => {
    expect(mediaTypeOf('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaTypeOf(' text/plain ')).toBe('text/plain');
    expect(mediaTypeOf(undefined)).toBe('');
    expect(mediaTypeOf('')).toBe('');
    // The same header asked again, and others in between: each answer is its own header's.
    const seq = ['Application/JSON', 'application/json', 'text/csv; q=1', 'text/csv; q=1', 'Application/JSON', ' TEXT/plain'];
    expect(seq.map(mediaTypeOf)).toEqual(['application/json', 'application/json', 'text/csv', 'text/csv', 'application/json', 'text/plain']);
  });
});

describe('parseJson', () => {
  it('drops __proto__ keys, as written or spelt with escapes, and parses everything else as JSON.parse does', () => {
    for (const text of [
      '{"__proto__":{"polluted":true},"b":2}',
      '{"\\u005f_proto__":{"polluted":true},"b":2}',
      '{"_\\u005fproto__":{"polluted":true},"b":2}',
    ]) {
      const value = parseJson(Buffer.from(text)) as Record<string, unknown>;
      expect(Object.prototype.hasOwnProperty.call(value, '__proto__'), text).toBe(false);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(value).toEqual({ b: 2 });
    }
    expect(parseJson(Buffer.from('{"a":[1,"x",null,{"c":true}],"é":"\\u00e9"}'))).toEqual({ a: [1, 'x', null, { c: true }], é: 'é' });
    expect(() => parseJson(Buffer.from('{"a":'))).toThrow(/not valid JSON/);
  });
});

describe('withHeaders', () => {
  it("puts headers beneath a reply's own and above them, in a new reply that keeps its status, body and content type", () => {
    const reply = { status: 201, headers: { a: 'own', b: 'own' }, body: { x: 1 }, contentType: 'text/plain' };
    const out = withHeaders(reply, { a: 'under', c: 'under' }, { b: 'over', d: 'over' });
    expect(out).toEqual({ status: 201, headers: { a: 'own', b: 'over', c: 'under', d: 'over' }, body: { x: 1 }, contentType: 'text/plain' });
    expect(reply.headers).toEqual({ a: 'own', b: 'own' });
    // A reply without a body or a content type gets none.
    expect(withHeaders({ status: 204 }, undefined)).toStrictEqual({ status: 204, headers: {} });
  });
});

describe('remembered', () => {
  it('works a key out once while it is kept, keeps at most the bound (then starts again), and keeps nothing whose work threw', () => {
    const made: string[] = [];
    const upper = remembered(3, (key: string) => {
      if (key === 'bad') throw new Error('no');
      made.push(key);
      return { text: key.toUpperCase() };
    });
    const a = upper('a');
    expect(upper('a')).toBe(a);
    expect(a).toEqual({ text: 'A' });
    upper('b');
    upper('c');
    expect(made).toEqual(['a', 'b', 'c']);
    // Full: the fourth key empties the table and is the first kept again.
    expect(upper('d')).toEqual({ text: 'D' });
    expect(upper('d')).toBe(upper('d'));
    expect(upper('a')).not.toBe(a);
    expect(upper('a')).toEqual(a);
    expect(made).toEqual(['a', 'b', 'c', 'd', 'a']);
    for (let i = 0; i < 2; i++) expect(() => upper('bad')).toThrow('no');
    expect(made).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});
