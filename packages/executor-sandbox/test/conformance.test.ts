// The executor contract of @swarm/testbed, run against the sandbox executor: the same tests the
// Docker executor passes. Tasks bind ports on 127.0.2.20 (this file's address).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Testbed } from '@swarm/testbed';
import { executorConformance } from '@swarm/testbed/conformance';
import { SandboxExecutor } from '../src/index.js';

const HOST = '127.0.2.20';
let tb: Testbed | undefined;
const servers: net.Server[] = [];

/** Task IDs of `nodeId` that have a live process (a task's environment names its node and task). */
function liveTasks(nodeId: string): string[] {
  const out = new Set<string>();
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    let env: string;
    try {
      env = fs.readFileSync(`/proc/${e}/environ`, 'utf8');
    } catch {
      continue;
    }
    const vars = env.split('\0');
    if (!vars.includes(`SWARM_NODE_ID=${nodeId}`)) continue;
    const task = vars.find((v) => v.startsWith('SWARM_TASK_ID='));
    if (task !== undefined) out.add(task.slice('SWARM_TASK_ID='.length));
  }
  // A forwarder left behind counts too: its socket is named after its task.
  const runDir = path.join(os.tmpdir(), `swarm-sandbox-${nodeId}`);
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8');
      const m = new RegExp(`${runDir}/([a-z0-9]+)\\.sock`).exec(cmd);
      if (m !== null) out.add(m[1]!);
    } catch {
      // gone
    }
  }
  return [...out];
}

executorConformance({
  name: 'sandbox',
  async setup() {
    tb = await Testbed.create({ prefix: 'sw17' });
    const secretsRoot = `/dev/shm/sw17-sbx-${process.pid}`;
    fs.mkdirSync(secretsRoot, { recursive: true, mode: 0o700 });
    tb.defer('secrets root', () => fs.rmSync(secretsRoot, { recursive: true, force: true }));
    return {
      hostAddress: HOST,
      image: 'busybox',
      dialer: await tb.dialer(),
      secretsRoot,
      executor: async (nodeId) =>
        new SandboxExecutor({ nodeId, hostAddress: HOST, defaultStopGraceMs: 2_000 }),
      // Sandboxed tasks die with their daemon (bwrap --die-with-parent).
      crash: (ex) => ex.close(),
      survivesRestart: false,
      liveTasks: async (nodeId) => liveTasks(nodeId),
      describeTask: async (nodeId, taskId) => {
        const parts: string[] = [];
        for (const e of fs.readdirSync('/proc')) {
          if (!/^\d+$/.test(e)) continue;
          try {
            const env = fs.readFileSync(`/proc/${e}/environ`, 'utf8');
            if (!env.includes(`SWARM_TASK_ID=${taskId}`) || !env.includes(`SWARM_NODE_ID=${nodeId}`))
              continue;
            parts.push(env, fs.readFileSync(`/proc/${e}/cmdline`, 'utf8'));
          } catch {
            // gone
          }
        }
        if (parts.length === 0) throw new Error(`no process of task ${taskId}`);
        return parts.join('\n');
      },
      loopbackService: async () => {
        const server = net.createServer((c) => c.end('hello\n'));
        servers.push(server);
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
        return (server.address() as net.AddressInfo).port;
      },
    };
  },
  async teardown() {
    for (const s of servers) s.close();
    await tb?.cleanup();
  },
});
