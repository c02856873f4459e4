/**
 * Values worked out from their key alone (a caller from its credentials, a
 * text from a timestamp), remembered for the next request that brings the
 * same key. At most `max` are kept: when the table is full it is emptied and
 * fills again, so a client that sends ever new keys costs a bounded table and
 * the work it would have done anyway. A key whose work throws is not kept.
 */
export function remembered<K, V>(max: number, make: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key: K): V => {
    let value = kept.get(key);
    if (value === undefined) {
      value = make(key);
      if (kept.size >= max) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
