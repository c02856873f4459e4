/**
 * core/spec.ts declaredResponse: the one lookup of the response an operation
 * declares for a status (exact, then the `4XX`-style range, then `default`),
 * with its key, as the self-check, the Prefer header, the contract checks and
 * the recorder use it.
 */
import { describe, expect, it } from 'vitest';
import { declaredResponse, responseFor, type Operation, type SpecResponse } from '../src/core/spec.js';

const response = (description: string): SpecResponse => ({ description, headers: {}, content: {} });

function operation(keys: string[]): Operation {
  return {
    id: 'op',
    method: 'GET',
    path: '/x',
    tags: [],
    parameters: [],
    responses: Object.fromEntries(keys.map((k) => [k, response(k)])),
    raw: {},
  };
}

describe('declaredResponse', () => {
  it('prefers the exact status, then its range, then DEFAULT', () => {
    const op = operation(['200', '404', '4XX', 'DEFAULT']);
    expect(declaredResponse(op, 200)).toEqual({ key: '200', response: op.responses['200'] });
    expect(declaredResponse(op, 404)?.key).toBe('404');
    expect(declaredResponse(op, 422)).toEqual({ key: '4XX', response: op.responses['4XX'] });
    expect(declaredResponse(op, 503)?.key).toBe('DEFAULT');
    expect(responseFor(op, 422)).toBe(op.responses['4XX']);
  });

  it('is undefined for a status nothing declares', () => {
    const op = operation(['200', '4XX']);
    expect(declaredResponse(op, 500)).toBeUndefined();
    expect(declaredResponse(op, 201)).toBeUndefined();
    expect(responseFor(op, 500)).toBeUndefined();
  });
});
