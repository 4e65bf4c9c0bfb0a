// The bench the Docker executor's tests share: one private dockerd inside its own network
// namespace (its bridge and iptables live only there), a busybox image, a dialer into the
// namespace, and a tmpfs directory for secrets.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import type { ManagedExecutor } from '@swarm/dispatcher';
import { type Dialer, type Engine, type Namespace, poll, Testbed } from '@swarm/testbed';
import type { ConformanceEnv } from '@swarm/testbed/conformance';
import { DockerExecutor, type DockerExecutorOptions, LABELS } from '../src/index.js';

export const HOST = '127.0.2.1';
export const IMAGE = 'busybox:local';

export interface DockerBench {
  tb: Testbed;
  ns: Namespace;
  engine: Engine;
  dialer: Dialer;
  secretsRoot: string;
  executor(nodeId: string, extra?: Partial<DockerExecutorOptions>): Promise<DockerExecutor>;
  containersOf(nodeId: string): Promise<{ Id: string; State: string; Labels: Record<string, string> }[]>;
}

export async function dockerBench(name: string): Promise<DockerBench> {
  const tb = await Testbed.create({ prefix: 'sw17' });
  try {
    const ns = await tb.namespace(name);
    const engine = await tb.engine({ name, netns: ns });
    await tb.busyboxImage(engine, IMAGE);
    const dialer = await tb.dialer(ns);
    const secretsRoot = `/dev/shm/sw17-${name}-${process.pid}`;
    mkdirSync(secretsRoot, { recursive: true, mode: 0o700 });
    tb.defer('secrets root', () => rmSync(secretsRoot, { recursive: true, force: true }));
    return {
      tb,
      ns,
      engine,
      dialer,
      secretsRoot,
      executor: (nodeId, extra = {}) =>
        DockerExecutor.connect({
          nodeId,
          hostAddress: HOST,
          dockerHost: engine.host,
          defaultStopGraceMs: 2_000,
          ...extra,
        }),
      containersOf: async (nodeId) =>
        (await engine.docker.listContainers({
          all: true,
          filters: JSON.stringify({ label: [`${LABELS.node}=${nodeId}`] }),
        })) as never,
    };
  } catch (err) {
    await tb.cleanup().catch(() => {});
    throw err;
  }
}

/** The conformance environment over a bench. */
export function conformanceEnv(b: DockerBench): ConformanceEnv {
  return {
    hostAddress: HOST,
    image: IMAGE,
    dialer: b.dialer,
    secretsRoot: b.secretsRoot,
    executor: (nodeId) => b.executor(nodeId) as Promise<ManagedExecutor>,
    crash: async (ex) => (ex as DockerExecutor).detach(),
    survivesRestart: true,
    liveTasks: async (nodeId) => (await b.containersOf(nodeId)).map((c) => c.Labels[LABELS.task] ?? c.Id),
    describeTask: async (nodeId, taskId) => {
      const c = (await b.containersOf(nodeId)).find((x) => x.Labels[LABELS.task] === taskId);
      if (c === undefined) throw new Error(`no container for task ${taskId}`);
      return JSON.stringify(await b.engine.docker.getContainer(c.Id).inspect());
    },
    loopbackService: async () => {
      const child = spawn(
        b.ns.wrap([
          process.execPath,
          '-e',
          "const s=require('net').createServer((c)=>c.end('hello\\n')).listen(0,'127.0.0.1',()=>console.log(s.address().port))",
        ])[0]!,
        b.ns
          .wrap([
            process.execPath,
            '-e',
            "const s=require('net').createServer((c)=>c.end('hello\\n')).listen(0,'127.0.0.1',()=>console.log(s.address().port))",
          ])
          .slice(1),
        { stdio: ['ignore', 'pipe', 'ignore'] },
      );
      b.tb.defer('loopback service', () => child.kill('SIGKILL'));
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
      });
      const port = await poll(
        'the loopback service',
        () => (/^\d+\n/.test(out) ? Number(out.trim()) : undefined),
        // A Node process starting: slow only on a loaded machine (this waits, it does not time).
        60_000,
      );
      // It answers inside the namespace: the tasks' failure to reach it is the network's doing.
      const s = await b.dialer.connect('127.0.0.1', port);
      s.destroy();
      return port;
    },
  };
}
