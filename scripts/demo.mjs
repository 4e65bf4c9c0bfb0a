#!/usr/bin/env node
// The local cluster demo (`npm run demo`): five `swarm daemon` processes on loopback (three
// managers, two workers), driven through the real `swarm` CLI, command by command, as the
// tutorials do. Tasks are containers when Docker can run here (as root, with Debian's docker.io,
// docker-registry and busybox-static, which `npm run demo` installs): the daemons and a private
// Docker Engine then live in a network namespace of their own, and images are built locally and
// pulled from a local registry. Otherwise tasks run in the bubblewrap sandbox. The demo says which.
// `--keep` leaves the cluster running and prints how to reach it.
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { LocalCluster, SWARM_BIN, waitFor } from '../packages/cli/dist/testing.js';

const keep = process.argv.includes('--keep');
const PORT = 8080;

function ensureBubblewrap() {
  try {
    execFileSync('bwrap', ['--version'], { stdio: 'ignore' });
    return;
  } catch {}
  if (process.getuid?.() === 0) {
    console.log('== installing bubblewrap (the task sandbox) with apt-get');
    try {
      execFileSync(
        'sh',
        ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap'],
        {
          stdio: 'inherit',
        },
      );
      return;
    } catch {}
  }
  console.error(
    'The demo runs tasks in a bubblewrap sandbox. Install it first: sudo apt-get install bubblewrap',
  );
  process.exit(1);
}

/** Why containers cannot run here, or undefined when they can. */
function containersUnavailable() {
  if (process.getuid?.() !== 0) return 'the demo is not running as root (a private dockerd needs root)';
  for (const [tool, pkg] of [
    ['dockerd', 'docker.io'],
    ['docker-registry', 'docker-registry'],
    ['busybox', 'busybox-static'],
    ['nsenter', 'util-linux'],
  ]) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (apt-get install ${pkg})`;
    }
  }
  if (process.argv.includes('--sandbox')) return 'asked for the sandbox (--sandbox)';
  return undefined;
}

function get(host, port) {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/', timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve(body.trim()));
    });
    req.on('error', (e) => resolve(`error: ${e.message}`));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

function show(cmd, out) {
  console.log(`\n$ ${cmd}`);
  process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
}

// The web task: answers HTTP on the port the executor gives it, with a digest of its secret
// (it reads /run/secrets/greeting from its in-memory, task-private mount).
const WEB = `
const http = require('node:http');
const fs = require('node:fs');
const crypto = require('node:crypto');
const secret = fs.readFileSync('/run/secrets/greeting');
const digest = crypto.createHash('sha256').update(secret).digest('hex').slice(0, 12);
http.createServer((req, res) => {
  res.end('task ' + process.env.SWARM_TASK_SLOT + ' on ' + process.env.HOST + ': secret sha256 ' + digest + ' (' + secret.length + ' bytes)\\n');
}).listen(Number(process.env.PORT), process.env.HOST);
`;
const IDLE = "setInterval(() => console.log('payment batch ok'), 2000)";

// The same web task for containers: busybox's nc serves each connection with this script.
const WEB_SH = `#!/bin/sh
while read -r line; do line=$(printf '%s' "$line" | tr -d '\\r'); [ -z "$line" ] && break; done
digest=$(sha256sum /run/secrets/greeting | cut -c1-12)
size=$(wc -c < /run/secrets/greeting)
printf 'HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\ntask %s on %s: secret sha256 %s (%s bytes)\\n' "$SWARM_TASK_SLOT" "$(hostname)" "$digest" "$size"
`;

/** Containers: a private engine and registry in a namespace of their own, images built and pushed. */
async function containerMode() {
  const { Testbed } = await import('../packages/testbed/dist/index.js');
  const tb = await Testbed.create({ prefix: 'demo' });
  try {
    const ns = await tb.namespace('cluster');
    const engine = await tb.engine({ name: 'demo', netns: ns });
    const registry = '127.0.0.10:5000';
    await tb.registry({ name: 'demo', addr: registry, netns: ns });
    await tb.busyboxImage(engine, 'busybox:local');
    const web = `${registry}/demo/web:1`;
    const idle = `${registry}/demo/busybox:1`;
    await tb.buildImage(
      engine,
      web,
      [
        'FROM busybox:local',
        'COPY web.sh /bin/web.sh',
        'EXPOSE 80',
        `CMD ["sh", "-c", "trap 'exit 0' TERM; nc -ll -p 80 -e /bin/web.sh & wait"]`,
      ],
      { 'web.sh': WEB_SH },
    );
    await tb.tagImage(engine, 'busybox:local', idle);
    for (const image of [web, idle]) {
      await tb.pushImage(engine, image);
      await engine.docker.getImage(image).remove(); // the nodes pull them from the registry
    }
    const dialer = await tb.dialer(ns);
    const version = (await engine.docker.version()).Version;
    return {
      kind: 'containers',
      describe: `Docker Engine ${version} (a private dockerd in network namespace ${ns.name}), images pulled from the registry on ${registry}`,
      netns: ns.path,
      nsName: ns.name,
      daemonArgs: ['--executor', 'docker', '--docker-host', engine.host],
      web: [web],
      idle: [idle, 'sh', '-c', "trap 'exit 0' TERM; while :; do echo payment batch ok; sleep 2; done"],
      get: (host, port) =>
        dialer.get(host, port, '/').then(
          (r) => r.body.trim(),
          (e) => `error: ${e.message}`,
        ),
      cleanup: () => tb.cleanup(),
    };
  } catch (e) {
    await tb.cleanup().catch(() => {});
    throw e;
  }
}

function sandboxMode(why) {
  ensureBubblewrap();
  return {
    kind: 'sandbox',
    describe: `the bubblewrap sandbox, each task in its own network namespace (containers: ${why})`,
    netns: undefined,
    daemonArgs: ['--executor', 'sandbox'],
    web: ['--', process.execPath, '-e', WEB],
    idle: ['--', process.execPath, '-e', IDLE],
    get,
    cleanup: async () => {},
  };
}

const unavailable = containersUnavailable();
let mode;
if (unavailable === undefined) {
  try {
    mode = await containerMode();
  } catch (e) {
    mode = sandboxMode(`Docker did not start: ${e.message.split('\n')[0]}`);
  }
} else mode = sandboxMode(unavailable);
console.log(
  `swarm demo: tasks run as ${mode.kind === 'containers' ? 'containers' : 'sandboxed processes'} on ${mode.describe}`,
);

const cluster = new LocalCluster();
const names = [
  ['manager1', '127.0.0.2'],
  ['manager2', '127.0.0.3'],
  ['manager3', '127.0.0.4'],
  ['worker1', '127.0.0.5'],
  ['worker2', '127.0.0.6'],
];
const nodes = Object.fromEntries(
  names.map(([name, address]) => [
    name,
    cluster.add({ name, address, daemonArgs: mode.daemonArgs, ...(mode.netns ? { netns: mode.netns } : {}) }),
  ]),
);
const m1 = nodes.manager1;
let failed = false;

async function run(node, args, input) {
  const out = await node.ok(args, input);
  show(`swarm ${args.join(' ')}${node === m1 ? '' : `    # on ${node.name}`}`, out);
  return out;
}

async function runningTasks(service) {
  const tasks = await m1.json(['service', 'ps', service]);
  return tasks.filter((t) => t.currentState === 'running' && t.desiredState === 'running');
}

try {
  console.log(`swarm demo: 3 managers and 2 workers on 127.0.0.2-6, data under ${cluster.root}`);
  await Promise.all(Object.values(nodes).map((n) => n.start()));

  await run(m1, ['init', '--listen-addr', m1.addr]);
  const workerToken = (await m1.ok(['join-token', '-q', 'worker'])).trim();
  const managerToken = (await m1.ok(['join-token', '-q', 'manager'])).trim();
  for (const n of [nodes.manager2, nodes.manager3])
    await run(n, ['join', '--token', managerToken, '--listen-addr', n.addr, m1.addr]);
  for (const n of [nodes.worker1, nodes.worker2])
    await run(n, ['join', '--token', workerToken, '--listen-addr', n.addr, m1.addr]);

  await run(m1, ['node', 'update', '--label-add', 'swarm.zone=pci', 'worker1']);
  await waitFor(
    'every node ready',
    async () => {
      const ls = await m1.json(['node', 'ls']);
      return (
        ls.length === 5 &&
        ls.every((n) => n.status === 'ready') &&
        ls.find((n) => n.hostname === 'worker1')?.zone === 'pci'
      );
    },
    60_000,
  );
  await run(m1, ['node', 'ls']);

  await run(m1, ['secret', 'create', 'greeting', '-'], 'hello from a swarm secret\n');
  await run(m1, [
    'service',
    'create',
    '--name',
    'web',
    '--replicas',
    '5',
    '--publish',
    `${PORT}:80`,
    '--secret',
    'greeting',
    ...mode.web,
  ]);
  await run(m1, [
    'service',
    'create',
    '--name',
    'payments',
    '--replicas',
    '2',
    '--constraint',
    'node.labels.swarm.zone==pci',
    ...mode.idle,
  ]);
  await waitFor('5 web tasks running', async () => (await runningTasks('web')).length === 5, 60_000);
  await waitFor(
    '2 payments tasks running',
    async () => (await runningTasks('payments')).length === 2,
    60_000,
  );
  await run(m1, ['service', 'ls']);
  await run(m1, ['service', 'ps', 'web']);
  await run(m1, ['service', 'ps', 'payments']);

  console.log(`\n# the published port ${PORT} answers on every node, whichever node runs the task:`);
  await waitFor(
    'ingress on every node',
    async () => {
      for (const [, address] of names) if (!(await mode.get(address, PORT)).startsWith('task')) return false;
      return true;
    },
    30_000,
  );
  for (const [name, address] of names)
    console.log(`curl http://${address}:${PORT}/   (${name})  ->  ${await mode.get(address, PORT)}`);

  await run(m1, ['service', 'scale', 'web=8']);
  await waitFor('8 web tasks running', async () => (await runningTasks('web')).length === 8, 60_000);
  await run(m1, ['service', 'ps', 'web']);

  console.log('\n# worker2 fails: its daemon stops, and a manager removes it from the swarm');
  const before = (await runningTasks('web')).filter((t) => t.nodeHostname === 'worker2').length;
  await nodes.worker2.stop();
  await run(m1, ['node', 'rm', '--force', 'worker2']);
  await waitFor(
    'web tasks moved off worker2',
    async () => {
      const r = await runningTasks('web');
      return r.length === 8 && r.every((t) => t.nodeHostname !== 'worker2');
    },
    60_000,
  );
  console.log(`(${before} web task(s) ran on worker2; all 8 now run elsewhere)`);
  await run(m1, ['node', 'ls']);
  await run(m1, ['service', 'ps', 'web']);

  const logs = await m1.ok(['service', 'logs', '--tail', '1', 'payments']);
  show('swarm service logs --tail 1 payments', logs);
  console.log(
    `\ndemo finished: every step succeeded (tasks ran as ${mode.kind === 'containers' ? 'containers' : 'sandboxed processes'}).`,
  );
} catch (e) {
  failed = true;
  console.error(`\ndemo failed: ${e.message}`);
  for (const n of Object.values(nodes))
    console.error(`--- last log lines of ${n.name}:\n${n.log.split('\n').slice(-15).join('\n')}`);
} finally {
  if (keep && !failed) {
    console.log('\nThe cluster keeps running (--keep). Try:');
    console.log(`  node ${SWARM_BIN} --data-dir ${m1.dataDir} node ls`);
    if (mode.netns) console.log(`  nsenter --net=${mode.netns} curl http://127.0.0.3:${PORT}/`);
    else console.log(`  curl http://127.0.0.3:${PORT}/`);
    console.log('Press Ctrl-C to stop it.');
    await new Promise((r) => process.once('SIGINT', r));
  }
  await cluster.destroy();
  await mode.cleanup();
}
process.exitCode = failed ? 1 : 0;
