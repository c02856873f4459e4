/**
 * Documents for loading a search index through a mock's API: English-like
 * text from corpus.mjs, each document a run of paragraphs that share its topic
 * words, cut by the mock's own chunker (from dist/) into exactly the number of
 * chunks asked for. Planning with the code the server runs makes the count
 * exact rather than estimated, so a run of "100,000 chunks" is one.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCorpus, generateQueries } from './corpus.mjs';
import { ROOT } from './proc.mjs';

const CHUNKER = path.join(ROOT, 'dist', 'core', 'retrieval', 'chunk.js');

/**
 * @typedef {import('./corpus.mjs').Chunk} Paragraph
 * @typedef {{ documents: { text: string, chunks: number }[], paragraphs: Paragraph[], draw: () => string }} Plan
 */

/**
 * `{ documents: [{ text, chunks }], paragraphs, draw }` whose chunks under
 * `options` (the chunker's ChunkOptions) add up to `chunks`. A document is
 * `paragraphsPerDocument` ([fewest, most]) paragraphs of 45 to 150 words,
 * separated by blank lines; the last one is cut short, at a word, to make the
 * count exact. Deterministic for a seed.
 * @param {{ chunks: number, options: import('../../dist/core/retrieval/types.js').ChunkOptions, paragraphsPerDocument?: [number, number], seed?: number }} spec
 * @returns {Promise<Plan>}
 */
export async function planDocuments({ chunks: target, options, paragraphsPerDocument, seed = 1 }) {
  /** @type {typeof import('../../dist/core/retrieval/chunk.js')} */
  const { chunkText } = await import(pathToFileURL(CHUNKER).href);
  /** @type {(text: string) => Promise<number>} */
  const count = async (text) => (await chunkText({ pages: [{ page: null, text }] }, options)).length;
  // A paragraph is about as long as a chunk; should that not be enough text, ask again for more.
  for (let paragraphs = target; ; paragraphs *= 2) {
    const corpus = generateCorpus({ count: paragraphs, seed, chunksPerDocument: paragraphsPerDocument });
    /** @type {Map<string, Paragraph[]>} */
    const byDoc = new Map();
    for (const c of corpus.chunks) {
      let doc = byDoc.get(c.docKey);
      if (!doc) byDoc.set(c.docKey, (doc = []));
      doc.push(c);
    }
    /** @type {Plan['documents']} */
    const documents = [];
    /** @type {Paragraph[]} */
    const used = [];
    let total = 0;
    for (const doc of byDoc.values()) {
      const text = doc.map((c) => c.text).join('\n\n');
      const n = await count(text);
      if (total + n <= target) {
        documents.push({ text, chunks: n });
        used.push(...doc);
        total += n;
      } else {
        const cut = await cutToChunks(text, target - total, count);
        documents.push({ text: cut, chunks: target - total });
        used.push(...doc.filter((c) => cut.includes(c.text)));
        total = target;
      }
      if (total === target) return { documents, paragraphs: used, draw: corpus.draw };
    }
  }
}

/**
 * The shortest prefix of `text`, whole words, that the chunker cuts into `wanted` chunks.
 * @param {string} text
 * @param {number} wanted
 * @param {(text: string) => Promise<number>} count
 */
async function cutToChunks(text, wanted, count) {
  const words = text.split(' ');
  let lo = 1;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((await count(words.slice(0, mid).join(' '))) >= wanted) hi = mid;
    else lo = mid + 1;
  }
  const cut = words.slice(0, lo).join(' ');
  const n = await count(cut);
  if (n !== wanted) throw new Error(`planDocuments: no prefix of a document makes ${wanted} chunks (the nearest makes ${n})`);
  return cut;
}

/**
 * Queries over the planned documents' text, as corpus.mjs makes them (spans of a paragraph, or words of the vocabulary).
 * @param {Pick<Plan, 'paragraphs' | 'draw'>} plan
 * @param {number} count
 * @param {number} [seed]
 */
export function planQueries(plan, count, seed = 2) {
  return generateQueries({ chunks: plan.paragraphs, count, seed, draw: plan.draw });
}
