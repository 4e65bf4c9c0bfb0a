// The visualizer in a real browser: Debian's chromium driven by playwright-core, against a
// three-node cluster of daemon processes (1 manager + 2 workers on 127.0.0.81-83), every
// cluster step through the CLI. It opens the page with the token, sees every node and task,
// scales the service and waits for the new task boxes without a reload, is refused without the
// token, and saves a screenshot to artifacts/visualizer.png.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TaskView } from '@swarm/node/control';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, formCluster } from './e2e/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/', import.meta.url));
const WEB_PORT = 18480;
const CANARY = 'canary-7c2b61-visualizer-must-not-show';
const TASK = 'setInterval(() => {}, 1 << 30)';

function httpGet(url: string, token: string, untilBytes = 0): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
        // An event stream never ends: stop once the first snapshot is in.
        if (
          untilBytes > 0 &&
          body.length >= untilBytes &&
          body.includes('\n\n', body.indexOf('event: state'))
        ) {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${url} timed out`)));
    req.end();
  });
}

describe('the cluster visualizer in chromium', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let w1: LocalNode;
  let w2: LocalNode;
  let browser: Browser;
  let page: Page;
  let token = '';
  const url = `http://127.0.0.81:${WEB_PORT}/`;
  const tokenFile = join(cluster.root, 'm1-web-token');

  const running = async (service: string) =>
    (await m1.json<TaskView[]>(['service', 'ps', service])).filter(
      (t) => t.currentState === 'running' && t.desiredState === 'running',
    );
  const counts = (service: string) =>
    page
      .locator('#services tr[data-service-id]', { has: page.locator(`td.name:text-is("${service}")`) })
      .locator('.counts');
  const boxes = (service = 'web') =>
    page.locator(`.task[data-service="${service}"][data-desired="running"][data-state="running"]`);

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does this)`,
      );
    m1 = cluster.add({
      name: 'm1',
      address: '127.0.0.81',
      daemonArgs: ['--web', `127.0.0.81:${WEB_PORT}`, '--web-token-file', tokenFile],
    });
    // A worker with the listener too: it must say that the visualizer needs a manager.
    w1 = cluster.add({ name: 'w1', address: '127.0.0.82', daemonArgs: ['--web', `127.0.0.82:${WEB_PORT}`] });
    w2 = cluster.add({ name: 'w2', address: '127.0.0.83' });
    await Promise.all(cluster.nodes.map((n) => n.start()));
    token = readFileSync(tokenFile, 'utf8').trim();
    expect(m1.log).toContain(`web UI: ${url} (token in ${tokenFile})`);
    expect(m1.log).not.toContain(token);

    await formCluster(m1, [], [w1, w2]);
    await m1.ok(['secret', 'create', 'db_password', '-'], CANARY);
    await m1.ok([
      'service',
      'create',
      '--name',
      'web',
      '--replicas',
      '3',
      '--secret',
      'db_password',
      '--',
      'node',
      '-e',
      TASK,
    ]);
    // A second service, so the page shows two colours.
    await m1.ok(['service', 'create', '--name', 'api', '--replicas', '2', '--', 'node', '-e', TASK]);
    await waitFor(
      'the tasks to run',
      async () => (await running('web')).length === 3 && (await running('api')).length === 2,
      60_000,
    );

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('opens with the token and shows every node and every task', async () => {
    const res = await page.goto(`${url}?token=${token}`);
    expect(res?.status()).toBe(200);
    // The query token became a cookie and left the address bar.
    expect(page.url()).toBe(url);
    const columns = page.locator('section.node[data-node-id]');
    await expect.poll(() => columns.count(), { timeout: 15_000 }).toBe(3);
    expect(
      (await columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-hostname')))).sort(),
    ).toEqual(['m1', 'w1', 'w2']);
    const manager = page.locator('section.node[data-hostname="m1"]');
    await expect.poll(() => manager.locator('.star').count()).toBe(1);
    expect(await manager.locator('.badge').allTextContents()).toEqual(
      expect.arrayContaining(['manager', 'active', 'ready']),
    );
    await expect.poll(() => boxes().count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => boxes('api').count(), { timeout: 15_000 }).toBe(2);
    const ids = [...(await running('web')), ...(await running('api'))].map((t) => t.id).sort();
    const all = page.locator('.task[data-desired="running"]');
    expect((await all.evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id')))).sort()).toEqual(
      ids,
    );
    // Each service has its own colour, the same on every node.
    const colour = (service: string) =>
      page
        .locator(`.task[data-service="${service}"]`)
        .evaluateAll((els) => [
          ...new Set(els.map((e) => e.ownerDocument.defaultView!.getComputedStyle(e).backgroundColor)),
        ]);
    const [web, api] = [await colour('web'), await colour('api')];
    expect(web).toHaveLength(1);
    expect(api).toHaveLength(1);
    expect(web[0]).not.toBe(api[0]);
    expect(await counts('web').textContent()).toBe('3 / 3');
    expect(await counts('api').textContent()).toBe('2 / 2');
    expect(await page.locator('#conn').textContent()).toBe('live');
  });

  it('shows the new tasks of a scale-up live, without a reload', async () => {
    const before = new Set(
      await boxes().evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id'))),
    );
    await page.evaluate(() => {
      (globalThis as unknown as { marker: string }).marker = 'same document';
    });
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await m1.ok(['service', 'scale', 'web=6']);
    await expect.poll(() => boxes().count(), { timeout: 60_000 }).toBe(6);
    const after = await boxes().evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id')));
    const added = after.filter((id) => !before.has(id));
    expect(added).toHaveLength(3);
    expect(navigations).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: string }).marker)).toBe(
      'same document',
    );
    await expect.poll(() => counts('web').textContent()).toBe('6 / 6');
    expect(await boxes('api').count()).toBe(2);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'visualizer.png'), fullPage: true });
    expect(existsSync(join(ARTIFACTS, 'visualizer.png'))).toBe(true);
  }, 90_000);

  it('never shows secret data: page, /api/state, /api/events', async () => {
    expect(await page.content()).not.toContain(CANARY);
    const state = await httpGet(`${url}api/state`, token);
    expect(state.status).toBe(200);
    expect(state.body).toContain('"hostname":"w2"');
    const events = await httpGet(`${url}api/events`, token, 100);
    expect(events.status).toBe(200);
    expect(events.body).toContain('event: state');
    const html = await httpGet(url, token);
    for (const body of [state.body, events.body, html.body]) {
      expect(body).not.toContain(CANARY);
      expect(body).not.toContain('db_password');
    }
  });

  it('refuses the page without the token', async () => {
    const context = await browser.newContext();
    try {
      const anonymous = await context.newPage();
      const res = await anonymous.goto(url);
      expect(res?.status()).toBe(401);
      expect(await anonymous.content()).not.toContain('section');
      expect((await anonymous.goto(`${url}?token=${token.slice(0, -1)}x`))?.status()).toBe(401);
      expect((await anonymous.goto(`${url}api/state`))?.status()).toBe(401);
      expect((await anonymous.goto(`${url}metrics`))?.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('says on a worker that the visualizer needs a manager (the API answers 503)', async () => {
    const banner = /web UI: (http:\/\/127\.0\.0\.82:\d+\/)\?token=([A-Za-z0-9_-]{43})/.exec(w1.log);
    expect(banner).not.toBeNull();
    const [, workerUrl, workerToken] = banner!;
    expect((await httpGet(`${workerUrl}api/state`, workerToken!)).status).toBe(503);
    const context = await browser.newContext();
    try {
      const p = await context.newPage();
      await p.goto(`${workerUrl}?token=${workerToken}`);
      await expect
        .poll(() => p.locator('#notice').textContent(), { timeout: 15_000 })
        .toContain('not a swarm manager');
      expect(await p.locator('section.node').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
