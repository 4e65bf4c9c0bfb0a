// The pure raft core in a real browser: the portable `@swarm/raft` entry, bundled by esbuild, runs a
// three-member cluster inside Debian's chromium (driven by playwright-core): a leader is elected and
// a proposal is committed and applied on all three.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterResult } from '../browser/raft-cluster.js';
import { browserBundle } from '../src/bundle.js';
import { root } from '../src/workspace.js';

const CHROMIUM = '/usr/bin/chromium';

describe('@swarm/raft in chromium', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does)`,
      );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('elects a leader and commits a proposal on all three members', async () => {
    const harness = join(root, 'packaging/browser/raft-cluster.ts');
    const b = await browserBundle(`export { runCluster } from ${JSON.stringify(harness)};`, root, {
      format: 'iife',
      globalName: 'raftCluster',
    });
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><title>raft</title>');
    await page.addScriptTag({ content: b.code });
    const result = (await page.evaluate(() =>
      (globalThis as unknown as { raftCluster: { runCluster(p: string): unknown } }).raftCluster.runCluster(
        'hello from chromium',
      ),
    )) as ClusterResult;
    const userAgent = await page.evaluate(
      () => (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent,
    );
    await page.close();
    expect(errors).toEqual([]);
    expect(userAgent).toMatch(/Chrome\//);
    expect(result.hasBuffer || result.hasProcess).toBe(false);
    expect(['1', '2', '3']).toContain(result.leader);
    expect(result.applied).toEqual({
      '1': ['hello from chromium'],
      '2': ['hello from chromium'],
      '3': ['hello from chromium'],
    });
    expect(result.wireBytes).toBeGreaterThan(0);
  });
});
