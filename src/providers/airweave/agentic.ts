/**
 * The stand-in for Airweave's agentic search: where the vendor runs an LLM
 * that calls tools (search, read, add_to_results, return_results_to_user)
 * until it is satisfied, the mock takes the same steps deterministically:
 * one hybrid search with the request's filter, then it reads and collects the
 * results whose score is at least half the best one's (at most 25), and
 * returns them (the first `limit`, when the request sets one).
 *
 * The JSON endpoint answers the results; the stream endpoint sends the steps
 * as the vendor's events (`started`, `thinking`, `tool_call`, `done`), each a
 * pace of the mock's clock after the one before, with `duration_ms` counted
 * on that clock.
 */
import type { components } from '../../generated/airweave.js';
import type { SseEvent } from '../../core/sse.js';
import { renderResult, type Ranked, type SearchResult } from './search.js';

type Schemas = components['schemas'];
type AgenticEvent = Schemas['AgenticSearchEvent'];

/** How many results the agent's search asks for, and the most it collects. */
export const AGENT_SEARCH_LIMIT = 25;

/** The results the agent collects from its search's ranking. */
export function collect(ranked: readonly Ranked[], limit: number | null | undefined): Ranked[] {
  const best = ranked[0]?.score ?? 0;
  const kept = ranked.filter((r) => r.score >= best / 2).slice(0, AGENT_SEARCH_LIMIT);
  return limit ? kept.slice(0, limit) : kept;
}

/** The vendor's message when the search fails once the stream has started (a missing collection included). */
export const AGENTIC_FAILURE = 'An internal error occurred during search.';

/** Token counts for the diagnostics: about four characters a token, as tokenizers count English. */
const tokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

const summary = (r: Ranked): Record<string, unknown> => ({
  entity_id: r.hit.doc.record.entityId,
  name: r.hit.doc.record.name,
  entity_type: r.hit.doc.record.entityType,
  source_name: r.hit.doc.record.sourceName,
  relevance_score: r.score,
});

export interface AgentRun {
  requestId: string;
  readableId: string;
  query: string;
  thinking: boolean;
  filter: unknown;
  /** The ranking of the agent's one search (at most AGENT_SEARCH_LIMIT). */
  ranked: Ranked[];
  limit: number | null | undefined;
  /** Milliseconds of the mock's clock each step takes. */
  stepMs: number;
}

const data = (event: AgenticEvent, delayMs: number): SseEvent => ({ data: event, delayMs });

/** The events of a run, in order, each with its delay on the clock. */
export function* agentEvents(run: AgentRun): Generator<SseEvent> {
  const { stepMs } = run;
  let elapsed = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  const step = (): number => {
    elapsed += stepMs;
    return stepMs;
  };
  yield data({ type: 'started', request_id: run.requestId, tier: 'agentic', collection_readable_id: run.readableId }, 0);

  const think = (iteration: number, text: string, reasoning: string): SseEvent => {
    const prompt = tokens(run.query) + 400 + iteration * 350;
    const completion = tokens(text) + (run.thinking ? tokens(reasoning) : 0);
    promptTokens += prompt;
    completionTokens += completion;
    const ms = step();
    return data(
      {
        type: 'thinking',
        thinking: run.thinking ? reasoning : null,
        text,
        duration_ms: ms,
        diagnostics: { iteration, prompt_tokens: prompt, completion_tokens: completion },
      },
      ms,
    );
  };
  let calls = 0;
  const tool = (
    iteration: number,
    name: Schemas['AgenticToolCallEvent']['tool_name'],
    args: Record<string, unknown>,
    stats: Record<string, unknown>,
  ): SseEvent => {
    const ms = step();
    return data(
      {
        type: 'tool_call',
        tool_name: name,
        duration_ms: ms,
        diagnostics: { iteration, tool_call_id: `toolu_${run.requestId.replace(/-/g, '').slice(0, 16)}_${++calls}`, arguments: args, stats },
      },
      ms,
    );
  };

  const found = run.ranked;
  const collected = collect(found, run.limit);
  const ids = collected.map((r) => r.hit.doc.record.entityId);
  const uniqueIds = [...new Set(ids)];

  yield think(
    0,
    `Searching the collection for "${run.query}".`,
    `The user asks: "${run.query}". A hybrid search of the whole collection should surface the relevant entities; I will read the best ones before collecting them.`,
  );
  yield tool(
    0,
    'search',
    { query: run.query, retrieval_strategy: 'hybrid', filter: run.filter ?? [], limit: AGENT_SEARCH_LIMIT },
    { result_count: found.length, new_results: found.length, first_results: found.slice(0, 5).map(summary) },
  );
  yield think(
    1,
    found.length ? `Reading the ${uniqueIds.length} most relevant results.` : 'The search found nothing to read.',
    `The search returned ${found.length} results; the ones scoring at least half the best are worth reading.`,
  );
  yield tool(
    1,
    'read',
    { entity_ids: uniqueIds },
    { found: uniqueIds.length, not_found: 0, entities: collected.slice(0, 5).map(summary), context_label: null },
  );
  yield tool(
    1,
    'add_to_results',
    { entity_ids: uniqueIds },
    { added: uniqueIds.length, already_collected: 0, not_found: 0, total_collected: uniqueIds.length, entities: collected.slice(0, 5).map(summary) },
  );
  yield think(
    2,
    `Collected ${uniqueIds.length} result${uniqueIds.length === 1 ? '' : 's'}; returning them.`,
    'The collected results answer the question; nothing more to search.',
  );
  yield tool(2, 'return_results_to_user', {}, { accepted: true, total_collected: uniqueIds.length, warning: null });

  const results: SearchResult[] = collected.map(renderResult);
  const ms = step();
  yield data(
    {
      type: 'done',
      results,
      duration_ms: elapsed,
      diagnostics: {
        total_iterations: 3,
        all_seen_entity_ids: [...new Set(found.map((r) => r.hit.doc.record.entityId))],
        all_read_entity_ids: uniqueIds,
        all_collected_entity_ids: uniqueIds,
        max_iterations_hit: false,
        total_llm_retries: 0,
        stagnation_nudges_sent: 0,
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    },
    ms,
  );
}

/** A stream that fails once started: `started`, then the vendor's error event. */
export function* failedEvents(requestId: string, readableId: string, stepMs: number): Generator<SseEvent> {
  yield data({ type: 'started', request_id: requestId, tier: 'agentic', collection_readable_id: readableId }, 0);
  yield data({ type: 'error', message: AGENTIC_FAILURE, request_id: requestId }, stepMs);
}

/** The vendor's error event, for a stream a scenario makes fail. */
export const errorEvent =
  (requestId: string) =>
  (message: string): SseEvent => ({ data: { type: 'error', message, request_id: requestId } satisfies AgenticEvent });
