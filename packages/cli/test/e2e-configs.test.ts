// Configs on a real three-node cluster (127.0.11.1-3): `swarm config create/ls/inspect/rm` and a
// service with `--config`. The task reads the file at its target (content and mode); only the node
// that runs the task ever receives the config (the agents log each config they receive, by ID);
// the data never reaches a daemon log; rm is refused while a service uses the config and works
// once the service is gone; names are unique and data over 1000 KiB is refused.
import { randomBytes } from 'node:crypto';
import type { ConfigView, TaskView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, formCluster, runningTasks, startNodes } from './e2e/helpers.js';

/** Prints each config file under /conf (name, content, mode) and idles. */
const READER = `
const fs = require('node:fs');
for (const f of fs.readdirSync('/conf').sort()) {
  const p = '/conf/' + f;
  console.log(f + ': content=' + fs.readFileSync(p, 'utf8').trim() + ' mode=' + (fs.statSync(p).mode & 0o777).toString(8));
}
setInterval(() => {}, 1000);
`;

describe('configs on a three-node cluster', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let w1: LocalNode;
  let w2: LocalNode;
  const canary = `CANARY-CFG-${randomBytes(8).toString('hex')}`;
  let configId = '';

  beforeAll(async () => {
    // The manager takes no tasks: w1 runs the service, w2 never gets a task of it.
    [m1, w1, w2] = await startNodes(
      cluster,
      { name: 'm1', address: '127.0.11.1' },
      { name: 'w1', address: '127.0.11.2' },
      { name: 'w2', address: '127.0.11.3' },
    );
    await formCluster(m1, [], [w1, w2], ['--availability', 'drain']);
  }, 120_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  it('creates, lists and inspects a config; refuses a duplicate name and oversized data', async () => {
    configId = (
      await m1.ok(['config', 'create', '--label', 'tier=web', 'app.conf', '-'], `port=80 ${canary}\n`)
    ).trim();
    expect(configId).toMatch(/^[a-z0-9]{25}$/);
    const [view] = await m1.json<ConfigView[]>(['config', 'inspect', 'app.conf']);
    expect(view).toMatchObject({ id: configId, name: 'app.conf', labels: { tier: 'web' } });
    expect(Buffer.from(view!.dataBase64, 'base64').toString()).toBe(`port=80 ${canary}\n`);
    expect((await m1.ok(['config', 'ls', '-q', '--filter', 'name=app'])).trim()).toBe(configId);
    expect(await m1.ok(['config', 'inspect', '--pretty', configId])).toContain(`Data:\nport=80 ${canary}\n`);

    const dup = await m1.swarm(['config', 'create', 'app.conf', '-'], 'other');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('config app.conf already exists');
    const big = await m1.swarm(['config', 'create', 'big.conf', '-'], 'x'.repeat(1000 * 1024 + 1));
    expect(big.code).toBe(1);
    expect(big.stderr).toContain('config data must be 1 byte to 1000 KiB');
    expect((await m1.json<ConfigView[]>(['config', 'ls'])).map((c) => c.name)).toEqual(['app.conf']);
  }, 60_000);

  it('gives the task the file at its target, and only the node running it receives the config', async () => {
    await m1.ok([
      'service',
      'create',
      '--detach',
      '--name',
      'cfg',
      '--constraint',
      'node.hostname==w1',
      '--config',
      'source=app.conf,target=/conf/app.conf,mode=0440',
      '--',
      process.execPath,
      '-e',
      READER,
    ]);
    await waitFor(
      'the cfg task running on w1',
      async () => {
        const r = await runningTasks(m1, 'cfg');
        return r.length === 1 && r[0]!.nodeHostname === 'w1';
      },
      60_000,
    );
    await waitFor(
      'the task printing the config',
      async () =>
        (await m1.ok(['service', 'logs', 'cfg'])).includes(`app.conf: content=port=80 ${canary} mode=440`),
      30_000,
    );
    const [svc] = await m1.json<Array<{ spec: { task: { container: { configs: unknown[] } } } }>>([
      'service',
      'inspect',
      'cfg',
    ]);
    expect(svc!.spec.task.container.configs).toEqual([
      { configId, configName: 'app.conf', target: '/conf/app.conf', mode: 0o440 },
    ]);
    const received = (n: LocalNode) => n.log.includes('"config received"') && n.log.includes(configId);
    expect(received(w1)).toBe(true);
    expect(received(w2)).toBe(false);
    expect(received(m1)).toBe(false);
    // Config data is never logged.
    for (const n of cluster.nodes) expect(n.log).not.toContain(canary);

    // service update --config-add rolls the task out with a second file.
    await m1.ok(['config', 'create', 'second.conf', '-'], 'two\n');
    await m1.ok([
      'service',
      'update',
      '--detach',
      '--config-add',
      'source=second.conf,target=/conf/second.conf',
      'cfg',
    ]);
    await waitFor(
      'the updated task printing both configs',
      async () => {
        const logs = await m1.ok(['service', 'logs', 'cfg']);
        return (
          logs.includes('second.conf: content=two mode=444') &&
          logs.split('\n').some((l) => l.includes('app.conf:') && l.includes(canary))
        );
      },
      60_000,
    );
    expect(w2.log).not.toContain('"config received"');
  }, 180_000);

  it('refuses to remove a config in use, naming the service; removes it after the service', async () => {
    const inUse = await m1.swarm(['config', 'rm', 'app.conf']);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toBe("Error: config 'app.conf' is in use by the following service: cfg\n");
    expect((await m1.json<ConfigView[]>(['config', 'ls'])).map((c) => c.id)).toContain(configId);

    await m1.ok(['service', 'rm', 'cfg']);
    await waitFor(
      'w1 dropping the config once its task is gone',
      async () => w1.log.split('\n').some((l) => l.includes('"config dropped"') && l.includes(configId)),
      60_000,
    );
    expect(await m1.ok(['config', 'rm', 'app.conf', 'second.conf'])).toBe('app.conf\nsecond.conf\n');
    expect(await m1.json<ConfigView[]>(['config', 'ls'])).toEqual([]);
    const gone = await m1.swarm(['config', 'inspect', 'app.conf']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('config not found: app.conf');
    const missing = await m1.swarm([
      'service',
      'create',
      '--detach',
      '--name',
      'nocfg',
      '--config',
      'app.conf',
      '--',
      process.execPath,
      '-e',
      '1',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('config not found: app.conf');
    expect(await m1.json<TaskView[]>(['service', 'ls'])).toEqual([]);
    expect(w2.log).not.toContain('"config received"');
  }, 120_000);
});
