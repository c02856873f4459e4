/**
 * Outbound deliveries against a real receiver on loopback: retries on the
 * manual clock with the configured backoff, every attempt recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../src/core/clock.js';
import { createDeliveries, isAllowedPostbackUrl } from '../src/core/delivery.js';
import { createLogger } from '../src/core/log.js';

describe('deliveries', () => {
  let receiver: http.Server;
  let url: string;
  /** Bodies received per path, and how many times each path should still fail. */
  const received = new Map<string, unknown[]>();
  const failFirst = new Map<string, number>();

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        const path = req.url ?? '/';
        received.set(path, [...(received.get(path) ?? []), { body: JSON.parse(text), type: req.headers['content-type'], sig: req.headers['x-signature'] }]);
        const left = failFirst.get(path) ?? 0;
        failFirst.set(path, left - 1);
        res.writeHead(left > 0 ? 503 : 204);
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(() => receiver.close());

  const make = () => {
    const clock = createClock({ mode: 'manual', startMs: Date.UTC(2026, 0, 1) });
    return { clock, deliveries: createDeliveries({ clock, log: createLogger({ level: 'silent' }), backoffMs: [1000, 5000] }) };
  };

  it('delivers at once when the receiver answers 2xx, as JSON with the given headers', async () => {
    const { deliveries } = make();
    const d = deliveries.send({
      id: 'd1',
      url: `${url}/ok`,
      topic: 'SourceStatusNotification',
      body: { status: 'COMPLETED' },
      headers: { 'x-signature': 'abc' },
    });
    await deliveries.idle();
    expect(d.state).toBe('delivered');
    expect(d.attempts).toEqual([{ at: Date.UTC(2026, 0, 1), status: 204 }]);
    expect(received.get('/ok')).toEqual([{ body: { status: 'COMPLETED' }, type: 'application/json', sig: 'abc' }]);
  });

  it('retries on the clock with the backoff until a 2xx, recording every attempt', async () => {
    const { clock, deliveries } = make();
    failFirst.set('/flaky', 2);
    const d = deliveries.send({ id: 'd2', url: `${url}/flaky`, topic: 't', body: { n: 1 } });
    await deliveries.idle();
    expect(d.state).toBe('pending');
    expect(d.attempts.map((a) => a.status)).toEqual([503]);
    clock.advance(999);
    await deliveries.idle();
    expect(d.attempts).toHaveLength(1); // not before the backoff
    clock.advance(1);
    await deliveries.idle();
    expect(d.attempts.map((a) => a.status)).toEqual([503, 503]);
    clock.advance(5000);
    await deliveries.idle();
    expect(d.state).toBe('delivered');
    expect(d.attempts.map((a) => [a.at - Date.UTC(2026, 0, 1), a.status])).toEqual([
      [0, 503],
      [1000, 503],
      [6000, 204],
    ]);
  });

  it('gives up after the last backoff step and says why each attempt failed', async () => {
    const { clock, deliveries } = make();
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise<void>((r) => closed.close(() => r()));
    const d = deliveries.send({ id: 'd3', url: deadUrl, topic: 't', body: {} });
    for (let i = 0; i < 3; i++) {
      await deliveries.idle();
      clock.advance(5000);
    }
    await deliveries.idle();
    expect(d.state).toBe('failed');
    expect(d.attempts).toHaveLength(3);
    for (const a of d.attempts) expect(a).toMatchObject({ error: 'ECONNREFUSED' });
  });

  it('clear() forgets the record and cancels waiting retries', async () => {
    const { clock, deliveries } = make();
    failFirst.set('/cleared', 5);
    deliveries.send({ id: 'd4', url: `${url}/cleared`, topic: 't', body: {} });
    await deliveries.idle();
    expect(clock.pending()).toBe(1);
    deliveries.clear();
    expect(deliveries.list()).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('allows HTTPS anywhere and plain HTTP only to this machine', () => {
    expect(isAllowedPostbackUrl('https://hooks.example.com/x')).toBe(true);
    expect(isAllowedPostbackUrl('http://127.0.0.1:9000/x')).toBe(true);
    expect(isAllowedPostbackUrl('http://localhost/x')).toBe(true);
    expect(isAllowedPostbackUrl('http://[::1]:8080/x')).toBe(true);
    expect(isAllowedPostbackUrl('http://example.com/x')).toBe(false);
    expect(isAllowedPostbackUrl('http://10.0.0.1/x')).toBe(false);
    expect(isAllowedPostbackUrl('ftp://127.0.0.1/x')).toBe(false);
    expect(isAllowedPostbackUrl('not a url')).toBe(false);
  });
});
