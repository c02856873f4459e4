/** The value at a dotted path (`a.b.0.c`) inside parsed JSON; undefined when any step is missing. */
export function valueAt(value: unknown, dotted: string): unknown {
  let v = value;
  for (const key of dotted.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
