import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DnsRecords } from '../src/index.js';
import { DnsServer } from '../src/node.js';

// Run inside a private network namespace: unshare -n sh -c 'ip link set lo up && ...'.
// Each network's resolver listens on its own address (on a node: the network's bridge gateway).
const APP_RESOLVER = '127.0.10.31';
const OTHER_RESOLVER = '127.0.10.32';
const PORT = 5353;

const servers: DnsServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** busybox nslookup, a real stub resolver: its output and exit status. */
function nslookup(name: string, server: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('busybox', ['nslookup', `-port=${PORT}`, '-timeout=5', name, server]);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out }));
  });
}

const addresses = (out: string) =>
  [
    ...out
      .split(/\n\s*\n/)
      .slice(1)
      .join('\n')
      .matchAll(/Address: ([0-9.]+)/g),
  ]
    .map((m) => m[1]!)
    .sort();

async function start() {
  const records = new DnsRecords();
  records.update([
    {
      id: 'net-app',
      name: 'app',
      services: [
        { name: 'db', aliases: ['database'], vip: '10.128.0.1', tasks: ['10.128.1.2', '10.128.1.66'] },
      ],
    },
    {
      id: 'net-other',
      name: 'other',
      services: [{ name: 'web', vip: '10.128.16.1', tasks: ['10.128.17.2'] }],
    },
  ]);
  const app = new DnsServer({ networkId: 'net-app', records });
  const other = new DnsServer({ networkId: 'net-other', records });
  servers.push(app, other);
  await app.listen(APP_RESOLVER, PORT);
  await other.listen(OTHER_RESOLVER, PORT);
  return { records, app, other };
}

describe("a network's resolver, asked by busybox nslookup", () => {
  it('resolves a service to its VIP and tasks.SERVICE to every task', async () => {
    const { app } = await start();
    const db = await nslookup('db', APP_RESOLVER);
    expect(db.code).toBe(0);
    expect(addresses(db.out)).toEqual(['10.128.0.1']);
    const alias = await nslookup('database.app', APP_RESOLVER);
    expect(addresses(alias.out)).toEqual(['10.128.0.1']);
    const tasks = await nslookup('tasks.db', APP_RESOLVER);
    expect(addresses(tasks.out)).toEqual(['10.128.1.2', '10.128.1.66']);
    expect(app.answered).toBeGreaterThanOrEqual(3);
  });

  it("answers NXDOMAIN on another network's resolver, and follows table updates", async () => {
    const { records } = await start();
    const denied = await nslookup('db', OTHER_RESOLVER);
    expect(denied.code).not.toBe(0);
    expect(denied.out).toMatch(/NXDOMAIN/);
    records.update([
      { id: 'net-other', name: 'other', services: [{ name: 'db', vip: '10.128.16.9', tasks: [] }] },
    ]);
    expect(addresses((await nslookup('db', OTHER_RESOLVER)).out)).toEqual(['10.128.16.9']);
    expect((await nslookup('db', APP_RESOLVER)).out).toMatch(/NXDOMAIN/);
  });
});
