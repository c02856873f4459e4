/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each list
 * gives an item weight / (k + rank), ranks from 1, and an item's score is the
 * sum over the lists it is in. Ranks, not scores, are fused, so BM25's
 * unbounded scores and cosines in [-1, 1] need no common scale.
 */
import type { FusionOptions } from './types.js';

export const DEFAULT_FUSION: FusionOptions = { k: 60, keywordWeight: 0.5, vectorWeight: 0.5 };

/** Checks fusion options, throwing a RangeError that names the bad one. */
export function checkFusion(fusion: FusionOptions): void {
  if (!Number.isFinite(fusion.k) || fusion.k < 0) throw new RangeError(`fusion.k must be a finite number ≥ 0, not ${fusion.k}`);
  for (const name of ['keywordWeight', 'vectorWeight'] as const) {
    const w = fusion[name];
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`fusion.${name} must be a finite number ≥ 0, not ${w}`);
  }
}

/**
 * Fuses ranked lists of keys: `lists[i]` best first, weighted by
 * `weights[i]`. Returns each key's fused score (the caller orders them and
 * breaks ties). A key that repeats within a list counts at its first rank.
 */
export function reciprocalRankFusion<K>(lists: readonly (readonly K[])[], weights: readonly number[], k: number): Map<K, number> {
  const scores = new Map<K, number>();
  lists.forEach((list, l) => {
    const weight = weights[l] ?? 0;
    const seen = new Set<K>();
    list.forEach((key, i) => {
      if (seen.has(key)) return;
      seen.add(key);
      scores.set(key, (scores.get(key) ?? 0) + weight / (k + i + 1));
    });
  });
  return scores;
}
