#!/usr/bin/env node
/**
 * The yardstick: a bare node:http server that answers each route with bytes
 * recorded from the mock (status, headers, body), and does nothing else: no
 * routing beyond one map lookup, no validation, no state. What the mock does
 * per request is the difference between the two in the same run.
 *
 *   node bench/lib/bare.mjs PORT ROUTES.json
 *
 * ROUTES.json: { "<METHOD> <url>": { "status": N, "headers": {…}, "body": "<base64>" } }.
 * A request with a body is answered once the body has been read, as the mock does.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';

/** @typedef {{ status: number, headers: Record<string, string>, body: string }} RecordedRoute */

const [port, file = ''] = process.argv.slice(2);
/** @type {Record<string, RecordedRoute>} */
const recorded = JSON.parse(readFileSync(file, 'utf8'));
const routes = new Map(Object.entries(recorded).map(([key, r]) => [key, { status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') }]));

const server = http.createServer((req, res) => {
  const route = routes.get(`${req.method} ${req.url}`);
  const answer = () => {
    if (!route) {
      res.writeHead(404, { 'content-length': '0' });
      res.end();
      return;
    }
    res.writeHead(route.status, route.headers);
    res.end(route.body);
  };
  if (req.method === 'GET' || req.method === 'HEAD') answer();
  else {
    req.resume();
    req.on('end', answer);
  }
});
server.listen(Number(port), '127.0.0.1', () => process.stderr.write(`bare: listening on ${port}\n`));
