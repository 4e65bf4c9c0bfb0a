// The tutorials the project grew from (../shared/seeds/), step by step, with `swarm` in place of
// `docker`. Differences forced by running processes instead of container images: a service gets
// its command after the image (Docker's `IMAGE COMMAND ARGS` form, or after `--`), and loopback
// addresses stand in for the tutorials' machines (192.168.99.100-102 become 127.0.0.26-28).

import type { NodeView, ServiceView, TaskView } from '@swarm/node/control';
import { type Dialer, Testbed } from '@swarm/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';

const HELLO = `require('node:http').createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  res.end('Hello ' + u.searchParams.get('value') + ' from task ' + process.env.SWARM_TASK_SLOT + '\\n');
}).listen(Number(process.env.PORT), process.env.HOST);`;

describe('the seed tutorials, with swarm in place of docker', () => {
  const cluster = new LocalCluster();
  let manager1: LocalNode;
  let worker1: LocalNode;
  let worker2: LocalNode;

  beforeAll(async () => {
    manager1 = cluster.add({ name: 'manager1', address: '127.0.0.26' });
    worker1 = cluster.add({ name: 'worker1', address: '127.0.0.27' });
    worker2 = cluster.add({ name: 'worker2', address: '127.0.0.28' });
    await Promise.all(cluster.nodes.map((n) => n.start()));
  }, 60_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  it('"a first cluster": service create before init fails with the classic message, then init', async () => {
    // docker service create --name frontend --replicas 5 -p 80:80/tcp my-apache2:latest
    const early = await manager1.swarm([
      'service',
      'create',
      '--name',
      'frontend',
      '--replicas',
      '5',
      '-p',
      '8088:80/tcp',
      'my-apache2:latest',
      '--',
      process.execPath,
      '-e',
      HELLO,
    ]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(
      'This node is not a swarm manager. Use "swarm init" or "swarm join" to connect this node to swarm and try again.',
    );
    // docker swarm init --listen-addr 192.168.99.100:2377
    const out = await manager1.ok(['init', '--listen-addr', manager1.addr]);
    expect(out).toContain('Swarm initialized: current node (');
    expect(out).toContain('To add a worker to this swarm, run the following command:');
    expect(out).toMatch(/swarm join --token SWMTKN-1-\S+ 127\.0\.0\.26:2377/);
    // docker node ls
    const ls = await manager1.ok(['node', 'ls']);
    expect(ls).toMatch(/ID\s+HOSTNAME\s+STATUS\s+AVAILABILITY\s+MANAGER STATUS/);
    expect(ls).toMatch(/\*\s+manager1\s+Ready\s+Active\s+Leader/);
  }, 60_000);

  it('"adding workers": join-token prints the join command; joining twice and leaving behave as in Docker', async () => {
    // docker swarm join-token worker
    const printed = await manager1.ok(['join-token', 'worker']);
    expect(printed).toContain('To add a worker to this swarm, run the following command:');
    const command = /swarm join --token (\S+) (\S+)/.exec(printed);
    expect(command).not.toBeNull();
    const [, token, addr] = command!;
    // the printed command, run on the workers
    expect(await worker1.ok(['join', '--token', token!, '--listen-addr', worker1.addr, addr!])).toContain(
      'This node joined a swarm as a worker.',
    );
    expect(await worker2.ok(['join', '--token', token!, '--listen-addr', worker2.addr, addr!])).toContain(
      'This node joined a swarm as a worker.',
    );
    // joining again: "Error response from daemon: This node is already part of a swarm. ..."
    const again = await worker1.swarm(['join', '--token', token!, '--listen-addr', worker1.addr, addr!]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'This node is already part of a swarm. Use "swarm leave" to leave this swarm and join another one.',
    );
    // docker swarm leave, then join again with the same token
    expect(await worker1.ok(['leave'])).toContain('Node left the swarm.');
    expect(await worker1.ok(['join', '--token', token!, '--listen-addr', worker1.addr, addr!])).toContain(
      'This node joined a swarm as a worker.',
    );
    await waitFor(
      'three ready nodes',
      async () => {
        const nodes = await manager1.json<NodeView[]>(['node', 'ls']);
        return nodes.filter((n) => n.status === 'ready').length === 3;
      },
      30_000,
    );
  }, 90_000);

  it('"a first cluster": a 5-replica frontend with a published port', async () => {
    // docker service create --name frontend --replicas 5 -p 80:80/tcp my-apache2:latest
    await manager1.ok([
      'service',
      'create',
      '--name',
      'frontend',
      '--replicas',
      '5',
      '-p',
      '8088:80/tcp',
      'my-apache2:latest',
      '--',
      process.execPath,
      '-e',
      HELLO,
    ]);
    await waitFor(
      '5 frontend tasks running',
      async () => {
        const ls = await manager1.json<ServiceView[]>(['service', 'ls']);
        return ls.find((x) => x.name === 'frontend')?.running === 5;
      },
      60_000,
    );
    // docker service ls
    expect(await manager1.ok(['service', 'ls'])).toMatch(/frontend\s+replicated\s+5\/5/);
  }, 90_000);

  it('"the vagrant cluster": pinger with the IMAGE COMMAND form, service tasks, service rm', async () => {
    // docker service create --replicas 1 --name pinger alpine ping google.com
    // (no network here: the task prints instead of pinging)
    await manager1.ok([
      'service',
      'create',
      '--replicas',
      '1',
      '--name',
      'pinger',
      'alpine',
      'sh',
      '-c',
      'while true; do echo ping google.com; sleep 1; done',
    ]);
    // docker service tasks pinger (the tutorial's old spelling of `service ps`)
    const tasks = await waitFor(
      'pinger running',
      async () => {
        const out = await manager1.ok(['service', 'tasks', 'pinger']);
        return /pinger\.1\s+\S+\s+Running\s+Running/.test(out) ? out : undefined;
      },
      30_000,
    );
    expect(tasks).toMatch(/ID\s+NAME\s+NODE\s+DESIRED STATE\s+CURRENT STATE/);
    await waitFor('pinger output in the logs', async () =>
      (await manager1.ok(['service', 'logs', 'pinger'])).includes('ping google.com'),
    );
    // docker service rm pinger
    await manager1.ok(['service', 'rm', 'pinger']);
    expect(await manager1.ok(['service', 'ls'])).not.toContain('pinger');
  }, 60_000);

  it('"the vagrant cluster": hello-app on 8080, inspect --pretty, curl on every machine, rm', async () => {
    // docker service create -p 8080:8080 --replicas 2 --name hello-app chadlung/hello-app:2
    await manager1.ok([
      'service',
      'create',
      '-p',
      '8080:8080',
      '--replicas',
      '2',
      '--name',
      'hello-app',
      'chadlung/hello-app:2',
      '--',
      process.execPath,
      '-e',
      HELLO,
    ]);
    // docker service inspect --pretty hello-app
    const pretty = await manager1.ok(['service', 'inspect', '--pretty', 'hello-app']);
    expect(pretty).toMatch(/Name:\s+hello-app/);
    expect(pretty).toMatch(/Replicas:\s+2/);
    expect(pretty).toContain('8080');
    await waitFor(
      '2 hello-app tasks running',
      async () => {
        const t = await manager1.json<TaskView[]>(['service', 'ps', 'hello-app']);
        return t.filter((x) => x.currentState === 'running').length === 2;
      },
      60_000,
    );
    // curl -X GET "http://192.168.99.10x:8080/hello?value=..." on each machine
    for (const [node, value] of [
      [manager1, 'Chad'],
      [worker1, 'Test'],
      [worker2, 'Docker'],
    ] as const) {
      const body = await waitFor(
        `hello-app through ${node.name}`,
        async () => {
          const res = await fetch(`http://${node.address}:8080/hello?value=${value}`, {
            signal: AbortSignal.timeout(3000),
          });
          return res.ok ? await res.text() : undefined;
        },
        30_000,
      );
      expect(body).toMatch(new RegExp(`^Hello ${value} from task [12]\\n$`));
    }
    // docker service ls; docker service rm hello-app
    expect(await manager1.ok(['service', 'ls'])).toMatch(/hello-app\s+replicated\s+2\/2/);
    await manager1.ok(['service', 'rm', 'hello-app', 'frontend']);
    await waitFor(
      'no services',
      async () => (await manager1.json<unknown[]>(['service', 'ls'])).length === 0,
    );
  }, 120_000);
});

// The same tutorials with real containers: three daemons in one network namespace share a private
// Docker Engine (--executor docker), and images built locally from busybox stand in for the
// tutorials' `alpine`, `my-apache2` and `chadlung/hello-app:2`. The commands are the tutorials' own,
// with `swarm` for `docker`; nodes on 127.0.2.31-33.
const HELLO_APP = `#!/bin/sh
read -r method path proto
while read -r line; do line=$(printf '%s' "$line" | tr -d '\\r'); [ -z "$line" ] && break; done
value=$(printf '%s' "$path" | sed -n 's/.*[?&]value=\\([^&]*\\).*/\\1/p')
body="Hello $value from task $SWARM_TASK_SLOT"
printf 'HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\nConnection: close\\r\\n\\r\\n%s\\n' "$body"
`;

describe('the seed tutorials with containers', () => {
  let tb: Testbed;
  let dialer: Dialer;
  const cluster = new LocalCluster();
  let manager1: LocalNode;
  let workers: LocalNode[];

  beforeAll(async () => {
    tb = await Testbed.create({ prefix: 'sw17' });
    const ns = await tb.namespace('seeds');
    const engine = await tb.engine({ name: 'seeds', netns: ns });
    await tb.busyboxImage(engine, 'busybox:local');
    // Each image stops at once on SIGTERM (a shell that traps it), as the real ones do.
    await tb.tagImage(engine, 'busybox:local', 'alpine:latest');
    await tb.buildImage(
      engine,
      'my-apache2:latest',
      [
        'FROM busybox:local',
        'COPY index.html /var/www/index.html',
        'EXPOSE 80',
        `CMD ["sh", "-c", "trap 'exit 0' TERM; httpd -f -p 80 -h /var/www & wait"]`,
      ],
      { 'index.html': '<html><body><h1>It works!</h1></body></html>\n' },
    );
    await tb.buildImage(
      engine,
      'chadlung/hello-app:2',
      [
        'FROM busybox:local',
        'COPY hello-app /bin/hello-app',
        'EXPOSE 8080',
        `CMD ["sh", "-c", "trap 'exit 0' TERM; nc -ll -p 8080 -e /bin/hello-app & wait"]`,
      ],
      { 'hello-app': HELLO_APP },
    );
    dialer = await tb.dialer(ns);
    const daemonArgs = ['--executor', 'docker', '--docker-host', engine.host];
    manager1 = cluster.add({ name: 'manager1', address: '127.0.2.31', netns: ns.path, daemonArgs });
    workers = [2, 3].map((i) =>
      cluster.add({ name: `worker${i - 1}`, address: `127.0.2.3${i}`, netns: ns.path, daemonArgs }),
    );
    await Promise.all(cluster.nodes.map((n) => n.start()));
    // docker swarm init --listen-addr 192.168.99.100:2377; docker swarm join --token ... (each worker)
    await manager1.ok(['init', '--listen-addr', manager1.addr]);
    const token = (await manager1.ok(['join-token', '-q', 'worker'])).trim();
    for (const w of workers) await w.ok(['join', '--token', token, '--listen-addr', w.addr, manager1.addr]);
    await waitFor(
      'three ready nodes',
      async () => {
        const nodes = await manager1.json<NodeView[]>(['node', 'ls']);
        return nodes.length === 3 && nodes.every((n) => n.status === 'ready');
      },
      60_000,
    );
  }, 180_000);

  afterAll(async () => {
    await cluster.destroy();
    await tb?.cleanup();
  }, 120_000);

  it('"a first cluster": my-apache2 with 5 replicas on published port 80 answers through every node', async () => {
    // docker service create --name frontend --replicas 5 -p 80:80/tcp my-apache2:latest
    await manager1.ok([
      'service',
      'create',
      '--name',
      'frontend',
      '--replicas',
      '5',
      '-p',
      '80:80/tcp',
      'my-apache2:latest',
    ]);
    await waitFor(
      '5 frontend tasks running',
      async () => {
        const ls = await manager1.json<ServiceView[]>(['service', 'ls']);
        return ls.find((x) => x.name === 'frontend')?.running === 5;
      },
      90_000,
    );
    expect(await manager1.ok(['service', 'ls'])).toMatch(/frontend\s+replicated\s+5\/5\s+my-apache2:latest/);
    for (const n of cluster.nodes) {
      const res = await waitFor(
        `It works! through ${n.name}`,
        () => dialer.get(n.address, 80, '/').catch(() => undefined),
        30_000,
      );
      expect(res.body).toContain('It works!');
    }
  }, 150_000);

  it('"the vagrant cluster": alpine pinger in a container, its logs, service rm', async () => {
    // docker service create --replicas 1 --name pinger alpine ping google.com (no network here)
    await manager1.ok([
      'service',
      'create',
      '--replicas',
      '1',
      '--name',
      'pinger',
      'alpine',
      'sh',
      '-c',
      'trap "exit 0" TERM; while true; do echo ping google.com; sleep 1; done',
    ]);
    const tasks = await waitFor(
      'pinger running',
      async () => {
        const out = await manager1.ok(['service', 'ps', 'pinger']);
        return /pinger\.1\s+\S+\s+Running\s+Running/.test(out) ? out : undefined;
      },
      60_000,
    );
    expect(tasks).toMatch(/ID\s+NAME\s+NODE\s+DESIRED STATE\s+CURRENT STATE/);
    await waitFor('pinger output in the logs', async () =>
      (await manager1.ok(['service', 'logs', 'pinger'])).includes('ping google.com'),
    );
    await manager1.ok(['service', 'rm', 'pinger']);
    expect(await manager1.ok(['service', 'ls'])).not.toContain('pinger');
  }, 90_000);

  it('"the vagrant cluster": hello-app:2 on 8080, inspect --pretty, curl on every machine, rm', async () => {
    // docker service create -p 8080:8080 --replicas 2 --name hello-app chadlung/hello-app:2
    await manager1.ok([
      'service',
      'create',
      '-p',
      '8080:8080',
      '--replicas',
      '2',
      '--name',
      'hello-app',
      'chadlung/hello-app:2',
    ]);
    const pretty = await manager1.ok(['service', 'inspect', '--pretty', 'hello-app']);
    expect(pretty).toMatch(/Name:\s+hello-app/);
    expect(pretty).toMatch(/Replicas:\s+2/);
    expect(pretty).toContain('chadlung/hello-app:2');
    await waitFor(
      '2 hello-app tasks running',
      async () => {
        const t = await manager1.json<TaskView[]>(['service', 'ps', 'hello-app']);
        return t.filter((x) => x.currentState === 'running').length === 2;
      },
      90_000,
    );
    // curl -X GET "http://192.168.99.10x:8080/hello?value=..." on each machine
    for (const [node, value] of [
      [manager1, 'Chad'],
      [workers[0]!, 'Test'],
      [workers[1]!, 'Docker'],
    ] as const) {
      const res = await waitFor(
        `hello-app through ${node.name}`,
        () => dialer.get(node.address, 8080, `/hello?value=${value}`).catch(() => undefined),
        30_000,
      );
      expect(res.body).toMatch(new RegExp(`^Hello ${value} from task [12]\\n$`));
    }
    await manager1.ok(['service', 'rm', 'hello-app', 'frontend']);
    await waitFor(
      'no services',
      async () => (await manager1.json<unknown[]>(['service', 'ls'])).length === 0,
    );
  }, 150_000);
});
