/**
 * The one reader of a provider's section of the --api-keys file: a list of
 * entries, each with a non-empty `key` (and whatever else the provider
 * requires), no key listed twice. The provider reads the rest of an entry;
 * every message names the provider and the entry's index.
 */
export interface KeyFileReader<K> {
  /** The provider's name, as the file's section is named. */
  provider: string;
  /** The entry's shape, for "expected a list of …": `{ key, team, kind? }`. */
  shape: string;
  /** Fields every entry must have as non-empty strings (default: `key` only). */
  required?: readonly string[];
  /** How a key listed twice is named in the message (default: "a key"; a provider that echoes keys masked masks it). */
  nameKey?: (key: string) => string;
  /** The entry as the provider keeps it; throws `fail(message)` for a field that is wrong. */
  read(entry: Record<string, unknown> & { key: string }, fail: (message: string) => never): K;
  /** A check against the entries before it, once the entry is known to be new (a plan that contradicts another entry's). */
  check?(entry: K, before: ReadonlyMap<string, K>, fail: (message: string) => never): void;
}

/** The keys of one provider's section, by key; undefined when the file has no such section. */
export function parseKeyFile<K>(raw: unknown, reader: KeyFileReader<K>): Map<string, K> | undefined {
  if (raw === undefined) return undefined;
  const { provider } = reader;
  if (!Array.isArray(raw)) throw new Error(`api keys for ${provider}: expected a list of ${reader.shape}`);
  const required = reader.required ?? ['key'];
  const keys = new Map<string, K>();
  raw.forEach((entry: unknown, i) => {
    const fail = (message: string): never => {
      throw new Error(`api keys for ${provider}, entry ${i}: ${message}`);
    };
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e !== 'object' || required.some((f) => typeof e[f] !== 'string' || e[f] === '')) {
      fail(`needs a non-empty ${required.map((f) => `"${f}"`).join(' and ')}`);
    }
    const key = (e as { key: string }).key;
    const value = reader.read(e as Record<string, unknown> & { key: string }, fail);
    if (keys.has(key)) fail(`${reader.nameKey ? `key ${reader.nameKey(key)}` : 'a key'} is listed twice`);
    reader.check?.(value, keys, fail);
    keys.set(key, value);
  });
  return keys;
}
