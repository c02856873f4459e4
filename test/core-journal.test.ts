/** The journal keeps the last N entries, newest first, across wrap-arounds and partial clears. */
import { describe, expect, it } from 'vitest';
import { Journal, type JournalEntry } from '../src/core/journal.js';

const entry = (j: Journal, provider: string, status = 200): JournalEntry => ({
  id: j.nextId(),
  at: new Date(0).toISOString(),
  atMs: 0,
  provider,
  operationId: null,
  method: 'GET',
  url: '/',
  status,
  tenant: null,
  durationMs: 0,
});

describe('Journal', () => {
  it('keeps the newest `capacity` entries, newest first, however often it wraps', () => {
    const j = new Journal(5);
    for (let i = 0; i < 23; i++) j.record(entry(j, i % 2 ? 'xai' : 'ctxfy'));
    expect(j.size).toBe(5);
    expect(j.list().map((e) => e.id)).toEqual([23, 22, 21, 20, 19]);
    expect(j.list({ provider: 'xai', limit: 2 }).map((e) => e.id)).toEqual([22, 20]);
  });

  it('clears one provider and keeps the order of the rest, then fills up again', () => {
    const j = new Journal(4);
    for (let i = 0; i < 7; i++) j.record(entry(j, i % 2 ? 'xai' : 'ctxfy'));
    j.clear('xai');
    expect(j.list().map((e) => e.id)).toEqual([7, 5]);
    for (let i = 0; i < 3; i++) j.record(entry(j, 'airweave'));
    expect(j.list().map((e) => e.id)).toEqual([10, 9, 8, 7]);
    j.clear();
    expect(j.size).toBe(0);
    expect(j.list()).toEqual([]);
  });

  it('keeps nothing with capacity 0', () => {
    const j = new Journal(0);
    j.record(entry(j, 'xai'));
    expect(j.size).toBe(0);
    expect(j.list()).toEqual([]);
  });
});
