/**
 * The CLI's heap sizing (heap.ts): once keepHeapSmall has run, the young
 * generation grows to its bound and no further, where V8 alone would grow it
 * to 2 × 16 MiB. Run in a process of its own on dist/ (the flags are the
 * process's).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const heapJs = pathToFileURL(path.resolve(import.meta.dirname, '..', 'dist', 'heap.js')).href;

/**
 * The largest young generation seen while a program allocates, some of it
 * kept for a while, a few hundred kB a turn of the event loop as a busy
 * server does. The bound is checked after each garbage collection, a turn
 * later (Node reports a collection to JS in a later turn): a program that
 * allocated megabytes in one synchronous stretch could grow it twice before
 * the check, which no request of the mock does.
 */
function largestYoungGeneration(keepSmall: boolean): { max: number; bound: number } {
  const script = `
    import v8 from 'node:v8';
    const { keepHeapSmall, YOUNG_GENERATION_BYTES } = await import(${JSON.stringify(heapJs)});
    if (${keepSmall}) keepHeapSmall();
    const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    let kept = [];
    let max = 0;
    for (let round = 0; round < 1500; round++) {
      for (let i = 0; i < 2000; i++) {
        const o = { a: i, b: 'x' + i, c: [i, round] };
        if (i % 4 === 0) kept.push(o);
      }
      if (kept.length > 100000) kept = kept.slice(50000);
      max = Math.max(max, young());
      await new Promise((r) => setImmediate(r));
    }
    console.log(JSON.stringify({ max, bound: YOUNG_GENERATION_BYTES }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { max: number; bound: number };
}

/** How many of the build's code caches V8 took and refused while one spec's validators of every kind were read. */
function codeCachesRead(sizedFirst: boolean): { used: number; refused: number } {
  const dist = path.resolve(import.meta.dirname, '..', 'dist');
  const at = (file: string) => JSON.stringify(pathToFileURL(path.join(dist, file)).href);
  const script = `
    const { keepHeapSmall } = await import(${at('heap.js')});
    const { codeCaches, SpecValidators } = await import(${at('core/validation.js')});
    const { loadSpec } = await import(${at('core/spec.js')});
    if (${sizedFirst}) keepHeapSmall();
    const spec = loadSpec(${JSON.stringify(path.resolve(import.meta.dirname, '..', 'specs', 'xai.yaml'))}, 'xai');
    const validators = SpecValidators.of(spec);
    for (const op of spec.operations.values()) {
      const v = validators.for(op);
      v.params({ path: {}, query: {}, header: {} });
      v.body('application/json');
      v.response('200', 'application/json');
    }
    console.log(JSON.stringify(codeCaches));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { used: number; refused: number };
}

describe('keepHeapSmall', () => {
  it("leaves the build's code caches usable: the validator modules read after it are not compiled again", () => {
    const fresh = codeCachesRead(false);
    expect(fresh.used).toBeGreaterThanOrEqual(2);
    expect(fresh.refused).toBe(0);
    expect(codeCachesRead(true)).toEqual(fresh);
  });

  it('bounds the young generation, which V8 alone grows past the bound', () => {
    const alone = largestYoungGeneration(false);
    expect(alone.max).toBeGreaterThan(alone.bound);
    const small = largestYoungGeneration(true);
    expect(small.max).toBeLessThanOrEqual(small.bound);
  });
});
