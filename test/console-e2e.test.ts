/**
 * The web console in a real headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core), against a real server with an admin token and
 * the demo data: the page asks for the token once; data made through the
 * vendor APIs appears live; a record deleted in the console is gone from the
 * API; a scenario armed in the console fails the next API call; freezing and
 * advancing the clock in the console turns a document PROCESSED; export,
 * reset and import give the same state back; a request shows in the requests
 * view within a second; search runs the vendor's route. No page logs a
 * console error, fails a request, or fetches anything outside the mock. Each
 * view is screenshotted into docs/console/.
 *
 * Chromium must be installed (.ci/run installs it): without it this test
 * fails, it never skips.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createMockServer, type MockServer } from '../src/server.js';
import { raw } from './support/client.js';
import { uploadFile } from './support/xai.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TOKEN = 'console-e2e-token';
const SHOTS = fileURLToPath(new URL('../docs/console/', import.meta.url));

let server: MockServer;
let context: BrowserContext;
let page: Page;
let profile: string;
/** Console errors, page errors, failed and refused requests, and requests to anywhere but the mock. */
const problems: string[] = [];
let watching = true;

const admin = (p: string, init: RequestInit = {}) => raw(server.url, `/__mock${p}`, { ...init, key: TOKEN });
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const go = async (view: string) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(view);
};
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
const until = async <T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium); .ci/run does`);
  mkdirSync(SHOTS, { recursive: true });
  server = await createMockServer({ port: 0, strict: true, quiet: true, adminToken: TOKEN, fixtures: 'default', seed: 'console', processingMs: 200 });
  profile = mkdtempSync(path.join(os.tmpdir(), 'collections-mock-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  const origin = new URL(server.url).origin;
  page.on('console', (m) => {
    if (watching && m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', async (r) => {
    if (r.status() >= 400) problems.push(`body of ${r.url()}: ${await r.text().catch(() => '')}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.push(`outside the mock: ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // The live feed is cut when the page itself is reloaded or closed: that is the page leaving, not a failure.
    if (!watching) return;
    problems.push(`failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (watching && r.status() >= 400) problems.push(`refused: ${r.request().method()} ${r.url()} ${r.status()}`);
  });
  page.on('dialog', (d) => void d.accept());
}, 60_000);

afterAll(async () => {
  watching = false;
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the web console in Chromium', () => {
  it('asks for the admin token once, then shows the overview', async () => {
    await page.goto(`${server.url}/__mock/console`);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Open the console' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overview');
    // Reloading cuts the page's requests in flight (the live feed too): that is the page leaving, not a failure.
    watching = false;
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overview');
    watching = true;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overview');
    expect(await page.getByLabel('Admin token').count()).toBe(0);
    await expect.poll(() => page.getByTestId('health').textContent()).toBe('ok');
    await expect.poll(() => page.getByRole('heading', { name: 'xai', level: 3 }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'key:demo' }).count()).toBeGreaterThan(0);
    await shot('overview');
  });

  it('shows data made through a vendor API as it is made, and deletes a record so the API answers 404', async () => {
    await go('Data');
    await page.getByLabel('Provider').selectOption('xai');
    await page.getByLabel('Tenant').selectOption('key:demo');
    const created = await raw(server.url, '/xai/v1/collections', { key: 'demo', ...json({ collection_name: 'Made through the API' }) });
    expect(created.status).toBe(200);
    const id = created.json.collection_id as string;
    const record = page.getByRole('button', { name: 'Made through the API' });
    await expect.poll(() => record.count(), { timeout: 3000 }).toBe(1);
    await record.click();
    // As the vendor returns it, by default: GET /v1/collections/{id}'s reply, with the operation it came from.
    const vendorTab = page.getByRole('tab', { name: 'As the vendor returns it' });
    expect(await vendorTab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByLabel('Vendor JSON').textContent()).toContain(`"collection_id": "${id}"`);
    expect(await page.getByLabel('Vendor JSON').textContent()).toContain('"collection_name": "Made through the API"');
    expect(await page.getByTestId('vendor-operation').textContent()).toContain(`getCollectionMetadata: GET /v1/collections/${id}`);
    await shot('data');
    // As stored, a keypress away.
    await vendorTab.focus();
    await page.keyboard.press('ArrowRight');
    const storedTab = page.getByRole('tab', { name: 'As stored' });
    expect(await storedTab.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('As stored');
    await expect.poll(() => page.getByLabel('Record JSON').textContent()).toContain(`"id": "${id}"`);
    expect(await page.getByLabel('Record JSON').textContent()).not.toContain('collection_id');
    await shot('data-stored');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByLabel('Vendor JSON').count()).toBe(1);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(async () => (await raw(server.url, `/xai/v1/collections/${id}`, { key: 'demo' })).status).toBe(404);
    await expect.poll(() => record.count()).toBe(0);
  });

  it('follows Airweave from a collection to its source connection and the connection to its jobs', async () => {
    await go('Data');
    await page.getByLabel('Provider').selectOption('airweave');
    const linked = page.locator('ul.linked');
    await page.getByRole('button', { name: 'Support Tickets', exact: true }).click();
    await expect.poll(() => linked.getByRole('button', { name: /^entities: / }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Finance Data', exact: true }).click();
    await expect.poll(() => linked.getByRole('button', { name: /^connections: / }).count()).toBeGreaterThan(0);
    await linked
      .getByRole('button', { name: /^connections: / })
      .first()
      .click();
    await expect
      .poll(() =>
        page
          .locator('ul.linked')
          .getByRole('button', { name: /^jobs: / })
          .count(),
      )
      .toBeGreaterThan(0);
    // A job as the vendor lists it: its item of GET /source-connections/{id}/jobs.
    await page
      .locator('ul.linked')
      .getByRole('button', { name: /^jobs: / })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId('vendor-operation').textContent())
      .toMatch(/^getSourceConnectionJobs: GET \/source-connections\/[^/]+\/jobs answered 200$/);
    expect(await page.getByLabel('Vendor JSON').textContent()).toContain('"source_connection_id"');
    // An entity has no vendor GET (search finds it): shown as stored, and said so, without asking the admin API (health names the tables it renders).
    await page.getByRole('button', { name: 'Support Tickets', exact: true }).click();
    await page
      .locator('ul.linked')
      .getByRole('button', { name: /^entities: / })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('vendor-operation').textContent()).toMatch(/^As stored: No airweave operation reads entities records/);
    expect(await page.getByLabel('Record JSON').textContent()).toContain('"entityId"');
  });

  it('shows a request in the requests view within a second, with its exchange', async () => {
    await go('Requests');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^live$/ })
          .count(),
      )
      .toBe(1);
    const missing = 'collection_00000000-0000-4000-8000-00000000c0de';
    const started = Date.now();
    const res = await raw(server.url, `/xai/v1/collections/${missing}`, { key: 'demo' });
    expect(res.status).toBe(404);
    const row = page.getByRole('button', { name: `GET /xai/v1/collections/${missing}` });
    await row.waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    await row.click();
    const detail = page.getByTestId('request-detail');
    await expect.poll(() => detail.getByLabel('Response body').textContent()).toContain('Some requested entity was not found');
    expect(await detail.getByLabel('As curl').textContent()).toContain(
      `curl -sS '${server.url}/xai/v1/collections/${missing}' -H 'authorization: Bearer demo'`,
    );
    await shot('requests');
  });

  it('arms a scenario that the next API call answers with, then disarms it', async () => {
    await go('Scenarios');
    const form = page.locator('form').first();
    await form.getByLabel('Provider').selectOption('xai');
    await form.getByLabel('Scenario').selectOption('error-500');
    await form.getByLabel('Tenant (empty: everyone)').fill('key:demo');
    await form.getByRole('button', { name: 'Arm' }).click();
    await expect.poll(() => page.getByTestId('activation').count()).toBe(1);
    const failed = await raw(server.url, '/xai/v1/collections', { key: 'demo' });
    expect(failed.status).toBe(500);
    // Armed for one tenant only: another key is answered as usual.
    expect((await raw(server.url, '/xai/v1/collections', { key: 'someone-else' })).status).toBe(200);
    const journal = await admin('/journal?limit=5&provider=xai');
    expect(journal.json.entries.find((e: { status: number }) => e.status === 500)?.scenario?.name).toBe('error-500');
    await expect.poll(() => page.getByTestId('activation').textContent()).toContain('rule 1: 1');
    await shot('scenarios');
    await page.getByRole('button', { name: 'Disarm error-500' }).click();
    await expect.poll(() => page.getByTestId('activation').count()).toBe(0);
    expect((await raw(server.url, '/xai/v1/collections', { key: 'demo' })).status).toBe(200);

    // Fail twice, then succeed, for everyone.
    await page.getByLabel('Fail N times').fill('2');
    await page.getByLabel('with status').fill('500');
    await page.getByRole('button', { name: 'Arm fail-then-succeed' }).click();
    await expect.poll(() => page.getByTestId('activation').count()).toBe(1);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await raw(server.url, '/xai/v1/collections', { key: 'demo' })).status);
    expect(statuses).toEqual([500, 500, 200]);
    await page.getByRole('button', { name: 'Disarm all' }).click();
    await expect.poll(() => page.getByTestId('activation').count()).toBe(0);
  });

  it('freezes the clock, and advancing it turns a document PROCESSED', async () => {
    await go('Clock and work');
    await page.getByRole('button', { name: 'Freeze' }).click();
    await expect.poll(() => page.getByTestId('clock-mode').textContent()).toContain('frozen');
    const collection = (await raw(server.url, '/xai/v1/collections', { key: 'demo', ...json({ collection_name: 'Frozen' }) })).json.collection_id as string;
    const fileId = await uploadFile(server.url, 'demo', 'frozen.txt', 'A document added while the clock stands still.');
    expect((await raw(server.url, `/xai/v1/collections/${collection}/documents/${fileId}`, { key: 'demo', method: 'POST' })).status).toBe(200);
    const status = async () => (await raw(server.url, `/xai/v1/collections/${collection}/documents/${fileId}`, { key: 'demo' })).json.status as string;
    expect(await status()).toBe('DOCUMENT_STATUS_PROCESSING');
    await expect.poll(() => page.getByTestId('pending').count()).toBeGreaterThan(0);
    await shot('clock');
    // Still frozen: real time passing changes nothing.
    await new Promise((r) => setTimeout(r, 500));
    expect(await status()).toBe('DOCUMENT_STATUS_PROCESSING');
    await page.getByLabel('Step (ms)').fill('5000');
    await page.getByRole('button', { name: 'Advance' }).click();
    expect(await until(status, (s) => s === 'DOCUMENT_STATUS_PROCESSED')).toBe('DOCUMENT_STATUS_PROCESSED');
    await expect.poll(() => page.getByTestId('pending').count()).toBe(0);
    await page.getByRole('button', { name: 'Resume real time' }).click();
    await expect.poll(() => page.getByTestId('clock-mode').textContent()).toBe('real');
  });

  it('exports the state, resets everything, imports the file back, and has the same state', async () => {
    await go('Data');
    const withoutTime = (doc: { savedAt?: string }) => ({ ...doc, savedAt: undefined });
    const before = (await admin('/state')).json;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export state' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(withoutTime(exported)).toEqual(withoutTime(before));

    await page.getByRole('button', { name: 'Reset everything' }).click();
    await expect
      .poll(async () => Object.values((await admin('/state')).json.providers as Record<string, object>).every((t) => Object.keys(t).length === 0))
      .toBe(true);

    await page.getByLabel('Import a state file').setInputFiles(file);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).count()).toBe(1);
    expect(withoutTime((await admin('/state')).json)).toEqual(withoutTime(before));
  });

  it('searches through the vendor route and shows the exact request and response', async () => {
    await go('Search');
    await page.getByLabel('Provider').selectOption('xai');
    await page.getByLabel('Query').fill('quarterly report');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Response 200' }).count()).toBe(1);
    expect(await page.getByLabel('Search request').textContent()).toContain('POST ' + server.url + '/xai/v1/documents/search');
    await expect.poll(() => page.getByRole('list', { name: 'Ranked results' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await shot('search');
    // Airweave's instant search, on the demo's Support Tickets.
    await page.getByLabel('Provider').selectOption('airweave');
    await page.getByLabel('Collection').selectOption({ label: 'Support Tickets' });
    await page.getByLabel('Query').fill('refund');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByLabel('Search request').textContent()).toContain('/search/instant');
    await expect.poll(() => page.getByRole('heading', { name: 'Response 200' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('list', { name: 'Ranked results' }).getByRole('listitem').count()).toBeGreaterThan(0);
  });

  it('works from the keyboard, and on a narrow window', async () => {
    // From the top of the page: the brand, then the views, each reached with Tab and opened with Enter.
    await go('Overview');
    await page.getByRole('link', { name: 'collections-mock' }).focus();
    for (let i = 0; i < 2; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Data');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Data');
    await page.setViewportSize({ width: 390, height: 800 });
    await go('Overview');
    await expect.poll(() => page.getByTestId('health').textContent()).toBe('ok');
    await expect.poll(() => page.getByRole('heading', { name: 'xai', level: 3 }).count()).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shot('overview-narrow');
    await go('Requests');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logged no console error, failed no request, and fetched nothing outside the mock', () => {
    expect(problems).toEqual([]);
    expect(server.selfCheckFailures).toEqual([]);
  });
});
