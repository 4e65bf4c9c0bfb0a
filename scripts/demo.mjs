#!/usr/bin/env node
// The local cluster demo (`npm run demo`): five `swarm daemon` processes on loopback (three
// managers, two workers), driven through the real `swarm` CLI, command by command, as the
// tutorials do. `--keep` leaves the cluster running and prints how to reach it.
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { LocalCluster, SWARM_BIN, waitFor } from '../packages/node/dist/testing.js';

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

ensureBubblewrap();
const cluster = new LocalCluster();
const names = [
  ['manager1', '127.0.0.2'],
  ['manager2', '127.0.0.3'],
  ['manager3', '127.0.0.4'],
  ['worker1', '127.0.0.5'],
  ['worker2', '127.0.0.6'],
];
const nodes = Object.fromEntries(names.map(([name, address]) => [name, cluster.add({ name, address })]));
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
    '--',
    process.execPath,
    '-e',
    WEB,
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
    '--',
    process.execPath,
    '-e',
    IDLE,
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
      for (const [, address] of names) if (!(await get(address, PORT)).startsWith('task')) return false;
      return true;
    },
    30_000,
  );
  for (const [name, address] of names)
    console.log(`curl http://${address}:${PORT}/   (${name})  ->  ${await get(address, PORT)}`);

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
  console.log('\ndemo finished: every step succeeded.');
} catch (e) {
  failed = true;
  console.error(`\ndemo failed: ${e.message}`);
  for (const n of Object.values(nodes))
    console.error(`--- last log lines of ${n.name}:\n${n.log.split('\n').slice(-15).join('\n')}`);
} finally {
  if (keep && !failed) {
    console.log('\nThe cluster keeps running (--keep). Try:');
    console.log(`  node ${SWARM_BIN} --data-dir ${m1.dataDir} node ls`);
    console.log(`  curl http://127.0.0.3:${PORT}/`);
    console.log('Press Ctrl-C to stop it.');
    await new Promise((r) => process.once('SIGINT', r));
  }
  await cluster.destroy();
}
process.exitCode = failed ? 1 : 0;
