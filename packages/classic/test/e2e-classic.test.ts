// Standalone Swarm 0.2 end to end, as the seed article runs it: `swarm token-service` stands in
// for the Docker Hub, `swarm create` makes a cluster, `swarm join --addr=ENGINE token://…` runs
// beside each engine, `swarm manage token://…` serves the Docker API, and the real docker CLI
// (`docker -H tcp://… --tlsverify`) runs the Swarm 0.2 scheduler docs' examples against it.
//
// Three real dockerd engines, each in a network namespace of its own with its own host name
// (node-1..3, what `constraint:node==` reads), labels storage=ssd / storage=disk / none, serving
// the Docker API with mutual TLS on 10.213.13.1-3:2376. The namespaces are joined by a LAN the test
// makes (a bridge in a fourth namespace, 10.213.13.254, where the token service, the managers and
// the docker CLI run). Nothing of the host is used. Needs root, dockerd, openssl and the built
// @swarm/cli and @swarm/node (`pnpm build`); run inside `unshare -n`.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Engine, type Lan, poll, Testbed } from '@swarm/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SWARM = fileURLToPath(new URL('../../cli/bin/swarm.js', import.meta.url));
const DOCKER = '/usr/bin/docker'; // Debian's docker.io 20.10 (API 1.41)
const NEWER_DOCKER = '/usr/local/bin/docker';
const SUBNET = '10.213.13';
const MANAGER = `${SUBNET}.254`;
const PORTS = { spread: 2376, binpack: 2377, random: 2378 } as const;
type Strategy = keyof typeof PORTS;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function openssl(dir: string, args: string[]): void {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

/** A CA, a server certificate for every address of the test and a client certificate. */
function makeCerts(dir: string): { ca: string; cert: string; key: string; client: string } {
  mkdirSync(join(dir, 'client'), { recursive: true });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca-key.pem',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=classic-test-ca',
  ]);
  const sans = [1, 2, 3, 254].map((i) => `IP:${SUBNET}.${i}`).join(',');
  writeFileSync(join(dir, 'server.cnf'), `subjectAltName=${sans}\nextendedKeyUsage=serverAuth\n`);
  writeFileSync(join(dir, 'client.cnf'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, cnf, out] of [
    ['server', 'server.cnf', ''],
    ['client', 'client.cnf', 'client/'],
  ] as const) {
    openssl(dir, [
      'req',
      ...ec,
      '-keyout',
      `${out}${name === 'server' ? 'key' : 'key'}.pem`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${name}`,
    ]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-out',
      `${out}cert.pem`,
      '-days',
      '2',
      '-extfile',
      cnf,
    ]);
  }
  openssl(dir, ['x509', '-in', 'ca.pem', '-out', 'client/ca.pem']);
  return {
    ca: join(dir, 'ca.pem'),
    cert: join(dir, 'cert.pem'),
    key: join(dir, 'key.pem'),
    client: join(dir, 'client'),
  };
}

describe('standalone swarm: the docker CLI against swarm manage over three engines', () => {
  let tb: Testbed;
  let lan: Lan;
  let certs: ReturnType<typeof makeCerts>;
  const engines: Engine[] = [];
  const children: ChildProcess[] = [];
  const output = new Map<ChildProcess, string>();
  let token = '';

  /** Starts a `swarm` command in a namespace and keeps it running until the end. */
  function swarmBackground(ns: Lan['bridge'], args: string[]): ChildProcess {
    const argv = ns.wrap([process.execPath, SWARM, ...args]);
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    output.set(child, '');
    const keep = (b: Buffer) => output.set(child, (output.get(child) ?? '') + b.toString());
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    children.push(child);
    return child;
  }

  function runIn(ns: Lan['bridge'], argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
    const full = ns.wrap(argv);
    return new Promise((resolve, reject) => {
      const child = spawn(full[0]!, full.slice(1), {
        env: { PATH: process.env.PATH, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
      });
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  /** The docker CLI against the manager of a strategy, with mutual TLS. */
  function docker(strategy: Strategy, args: string[], bin = DOCKER): Promise<Run> {
    return runIn(lan.bridge, [bin, ...args], {
      HOME: join(tb.dir, 'home'),
      DOCKER_CONFIG: join(tb.dir, 'home', '.docker'),
      DOCKER_HOST: `tcp://${MANAGER}:${PORTS[strategy]}`,
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: certs.client,
      DOCKER_CLI_HINTS: 'false',
    });
  }

  async function ok(strategy: Strategy, args: string[]): Promise<string> {
    const r = await docker(strategy, args);
    if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout.trim();
  }

  /** Which engine a container is on, as `docker inspect` shows it (the `Node` field). */
  const nodeOf = (ref: string, strategy: Strategy = 'spread') =>
    ok(strategy, ['inspect', '-f', '{{.Node.Name}}', ref]);

  async function removeAll(): Promise<void> {
    const ids = (await ok('spread', ['ps', '-aq'])).split('\n').filter((l) => l !== '');
    if (ids.length > 0) await ok('spread', ['rm', '-f', ...ids]);
    // Three managers share the engines: the two that did not remove them learn of it at their next
    // refresh (--refresh 1s). Placement tests start only when every manager's pool is empty again.
    for (const s of Object.keys(PORTS) as Strategy[])
      await poll(
        `swarm manage --strategy ${s} sees no container`,
        async () => {
          const r = await docker(s, ['info', '--format', '{{.Containers}}']);
          return r.code === 0 && r.stdout.trim() === '0';
        },
        60_000,
        200,
      );
  }

  beforeAll(async () => {
    tb = await Testbed.create({ prefix: 'cl13' });
    // Pinned: held by processes of the test, not by /run/netns entries that other runs can disturb.
    lan = await tb.lan('cl', 3, SUBNET, { pinned: true });
    certs = makeCerts(tb.dir);
    const labels = [['--label=storage=ssd'], ['--label=storage=disk'], []];
    for (const [i, host] of lan.hosts.entries()) {
      const e = await tb.engine({
        name: `node-${i + 1}`,
        hostname: `node-${i + 1}`,
        netns: host.ns,
        args: [
          `--host=tcp://${host.addr}:2376`,
          '--tlsverify',
          `--tlscacert=${certs.ca}`,
          `--tlscert=${certs.cert}`,
          `--tlskey=${certs.key}`,
          ...labels[i]!,
        ],
        startTimeoutMs: 120_000,
      });
      engines.push(e);
      await tb.busyboxImage(e, 'busybox:latest');
    }
    // The image affinity example: redis only on node-1 and node-3.
    await tb.busyboxImage(engines[0]!, 'redis:latest');
    await tb.busyboxImage(engines[2]!, 'redis:latest');

    // The seed: a token service, `swarm create`, one `swarm join` per engine, then the managers.
    const ts = swarmBackground(lan.bridge, ['token-service', '--listen', `${MANAGER}:8000`]);
    const service = `http://${MANAGER}:8000`;
    token = await poll(
      'swarm create',
      async () => {
        if (ts.exitCode !== null) throw new Error(`token-service exited: ${output.get(ts)}`);
        const r = await runIn(lan.bridge, [process.execPath, SWARM, 'create', '--token-service', service]);
        return r.code === 0 ? r.stdout.trim() : undefined;
      },
      60_000,
      200,
    );
    for (const host of lan.hosts)
      swarmBackground(host.ns, [
        'join',
        `--addr=${host.addr}:2376`,
        `token://${token}`,
        '--token-service',
        service,
        '--heartbeat',
        '1s',
      ]);
    for (const s of Object.keys(PORTS) as Strategy[])
      swarmBackground(lan.bridge, [
        'manage',
        `token://${token}`,
        '--token-service',
        service,
        '-H',
        `tcp://${MANAGER}:${PORTS[s]}`,
        '--tlscacert',
        certs.ca,
        '--tlscert',
        certs.cert,
        '--tlskey',
        certs.key,
        '--engine-tlscacert',
        certs.ca,
        '--engine-tlscert',
        join(certs.client, 'cert.pem'),
        '--engine-tlskey',
        join(certs.client, 'key.pem'),
        '--strategy',
        s,
        '--refresh',
        '1s',
      ]);
    // Every manager sees the three engines, healthy.
    for (const s of Object.keys(PORTS) as Strategy[])
      await poll(
        `swarm manage --strategy ${s} sees 3 healthy engines`,
        async () => {
          const r = await docker(s, ['info']);
          return (
            r.code === 0 &&
            /Nodes: 3/.test(r.stdout) &&
            (r.stdout.match(/Status: Healthy/g) ?? []).length === 3
          );
        },
        120_000,
        250,
      );
  }, 600_000);

  afterAll(async () => {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)),
    );
    await tb?.cleanup();
  }, 180_000);

  it('swarm list and docker info show the pool (seed steps 6 and 8)', async () => {
    const list = await runIn(lan.bridge, [
      process.execPath,
      SWARM,
      'list',
      `token://${token}`,
      '--token-service',
      `http://${MANAGER}:8000`,
    ]);
    expect(list.stdout.trim().split('\n')).toEqual([1, 2, 3].map((i) => `${SUBNET}.${i}:2376`));
    const info = await ok('spread', ['info']);
    expect(info).toMatch(/Server Version: 0\.2\.0-swarm-core/);
    expect(info).toMatch(/Strategy: spread/);
    for (const i of [1, 2, 3]) expect(info).toContain(`node-${i}: ${SUBNET}.${i}:2376`);
    expect(info).toMatch(/storage=ssd/);
    // The newer docker CLI negotiates down to 1.41 and reads the same.
    const newer = await docker('spread', ['info'], NEWER_DOCKER);
    if (newer.code !== 127) expect(newer.stdout).toMatch(/Nodes: 3/);
    expect(await ok('spread', ['version', '--format', '{{.Server.APIVersion}}'])).toBe('1.41');
  });

  it('spread: each new container on the least loaded engine', async () => {
    await removeAll();
    const placed: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await ok('spread', ['run', '-d', 'busybox', 'sleep', '600']);
      placed.push(await nodeOf(id));
    }
    expect(placed.slice(0, 3).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(placed.slice(3).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    // -c counts CPUs: containers asking for every CPU of an engine go one per engine, then none fits.
    await removeAll();
    // The three engines share this machine's CPUs: each has a third of the pool's NCPU.
    const ncpu = Number(await ok('spread', ['info', '--format', '{{.NCPU}}'])) / 3;
    expect(ncpu).toBeGreaterThan(0);
    const big: string[] = [];
    for (let i = 0; i < 3; i++)
      big.push(
        await nodeOf(await ok('spread', ['run', '-d', '-c', String(ncpu), 'busybox', 'sleep', '600'])),
      );
    expect(big.sort()).toEqual(['node-1', 'node-2', 'node-3']);
    const full = await docker('spread', ['run', '-d', '-c', String(ncpu), 'busybox', 'sleep', '600']);
    expect(full.code).not.toBe(0);
    expect(full.stderr).toContain('no resources available to schedule container');
  }, 300_000);

  it('binpack: fills one engine before the next, by -m', async () => {
    await removeAll();
    // Without reservations binpack keeps to the engine that already has the most containers.
    const same = new Set<string>();
    for (let i = 0; i < 3; i++)
      same.add(await nodeOf(await ok('binpack', ['run', '-d', 'busybox', 'sleep', '600']), 'binpack'));
    expect(same.size).toBe(1);
    // Memory: 40% of an engine each, so two fit on one engine and the third goes to the next.
    await removeAll();
    const info = JSON.parse(await ok('binpack', ['info', '--format', '{{json .}}'])) as { MemTotal: number };
    const each = Math.floor((info.MemTotal / 3) * 0.4);
    const placed: string[] = [];
    for (let i = 0; i < 6; i++)
      placed.push(
        await nodeOf(
          await ok('binpack', ['run', '-d', '-m', String(each), 'busybox', 'sleep', '600']),
          'binpack',
        ),
      );
    expect(placed[0]).toBe(placed[1]);
    expect(placed[2]).toBe(placed[3]);
    expect(placed[4]).toBe(placed[5]);
    expect(new Set(placed).size).toBe(3);
    const full = await docker('binpack', ['run', '-d', '-m', String(each * 2), 'busybox', 'sleep', '600']);
    expect(full.stderr).toContain('no resources available to schedule container');
  }, 300_000);

  it('random: placements reach more than one engine', async () => {
    await removeAll();
    const placed = new Set<string>();
    for (let i = 0; i < 12; i++)
      placed.add(await nodeOf(await ok('random', ['run', '-d', 'busybox', 'sleep', '600']), 'random'));
    expect(placed.size).toBeGreaterThan(1);
  }, 300_000);

  it('constraint: engine labels, node names and standard constraints', async () => {
    await removeAll();
    await ok('spread', [
      'run',
      '-d',
      '-P',
      '-e',
      'constraint:storage==ssd',
      '--name',
      'db',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(await nodeOf('db')).toBe('node-1');
    await ok('spread', [
      'run',
      '-d',
      '-P',
      '-e',
      'constraint:storage==disk',
      '--name',
      'frontend',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(await nodeOf('frontend')).toBe('node-2');
    await ok('spread', [
      'run',
      '-d',
      '-e',
      'constraint:node==node-3',
      '--name',
      'pinned',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(await nodeOf('pinned')).toBe('node-3');
    await ok('spread', [
      'run',
      '-d',
      '-e',
      'constraint:node!=/node-[12]/',
      '--name',
      'notonetwo',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(await nodeOf('notonetwo')).toBe('node-3');
    await ok('spread', [
      'run',
      '-d',
      '-e',
      'constraint:storagedriver==overlay2',
      '-e',
      'constraint:storage!=ssd',
      '--name',
      'std',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(['node-2', 'node-3']).toContain(await nodeOf('std'));
    // The expressions are not the container's environment: they are kept as a label.
    const env = await ok('spread', ['inspect', '-f', '{{json .Config.Env}}', 'db']);
    expect(env).not.toContain('constraint:');
    expect(
      await ok('spread', ['inspect', '-f', '{{index .Config.Labels "com.docker.swarm.constraints"}}', 'db']),
    ).toBe('["storage==ssd"]');
    const none = await docker('spread', [
      'run',
      '-d',
      '-e',
      'constraint:storage==tape',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('unable to find a node that satisfies storage==tape');
    const bad = await docker('spread', ['run', '-d', '-e', 'constraint:storage', 'busybox']);
    expect(bad.stderr).toContain('invalid constraint expression "storage"');
    // docker ps lists every engine's containers with the engine in the name.
    const names = (await ok('spread', ['ps', '--format', '{{.Names}}'])).split('\n').sort();
    expect(names).toEqual(expect.arrayContaining(['node-1/db', 'node-2/frontend', 'node-3/pinned']));
  }, 300_000);

  it('affinity: next to a container, where an image is, soft affinities', async () => {
    await ok('spread', [
      'run',
      '-d',
      '--name',
      'logger',
      '-e',
      'affinity:container==frontend',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(await nodeOf('logger')).toBe('node-2');
    const dbId = await ok('spread', ['inspect', '-f', '{{.Id}}', 'db']);
    await ok('spread', [
      'run',
      '-d',
      '--name',
      'bylabel',
      '-e',
      `affinity:container==${dbId.slice(0, 12)}`,
      'busybox',
      'sleep',
      '600',
    ]);
    expect(await nodeOf('bylabel')).toBe('node-1');
    const redis = new Set<string>();
    for (let i = 1; i <= 4; i++) {
      await ok('spread', [
        'run',
        '-d',
        '--name',
        `redis${i}`,
        '-e',
        'affinity:image==redis',
        'redis',
        'sleep',
        '600',
      ]);
      redis.add(await nodeOf(`redis${i}`));
    }
    expect([...redis].sort()).toEqual(['node-1', 'node-3']);
    const away = await ok('spread', ['run', '-d', '-e', 'affinity:container!=db', 'busybox', 'sleep', '600']);
    expect(await nodeOf(away)).not.toBe('node-1');
    const hard = await docker('spread', [
      'run',
      '-d',
      '-e',
      'affinity:container==ghost',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(hard.stderr).toContain('unable to find a node that satisfies container==ghost');
    const soft = await ok('spread', [
      'run',
      '-d',
      '-e',
      'affinity:container==~ghost',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(await nodeOf(soft)).toMatch(/^node-[123]$/);
  }, 300_000);

  it('dependency: --link, --volumes-from and --net container: co-schedule', async () => {
    await ok('spread', ['run', '-d', '--name', 'linked', '--link', 'db:database', 'busybox', 'sleep', '600']);
    expect(await nodeOf('linked')).toBe('node-1');
    await ok('spread', [
      'run',
      '-d',
      '--name',
      'volumes',
      '--volumes-from',
      'frontend',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(await nodeOf('volumes')).toBe('node-2');
    await ok('spread', [
      'run',
      '-d',
      '--name',
      'sharednet',
      '--net',
      'container:pinned',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(await nodeOf('sharednet')).toBe('node-3');
    const split = await docker('spread', [
      'run',
      '-d',
      '--link',
      'db:db',
      '--volumes-from',
      'frontend',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(split.code).not.toBe(0);
    expect(split.stderr).toContain('unable to find a node fulfilling all dependencies');
  }, 300_000);

  it('port: a published host port is taken on one engine, then the next, then none is left', async () => {
    const placed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await ok('spread', ['run', '-d', '-p', '80:80', 'busybox', 'httpd', '-f', '-p', '80']);
      placed.push(await nodeOf(id));
      expect(await ok('spread', ['port', id])).toMatch(/80\/tcp -> 0\.0\.0\.0:80/);
    }
    expect(placed.sort()).toEqual(['node-1', 'node-2', 'node-3']);
    const fourth = await docker('spread', ['run', '-d', '-p', '80:80', 'busybox', 'httpd', '-f', '-p', '80']);
    expect(fourth.code).not.toBe(0);
    expect(fourth.stderr).toContain('unable to find a node with port 80/tcp available');
    // Port 81 is still free everywhere.
    await ok('spread', ['run', '-d', '-p', '81:80', 'busybox', 'httpd', '-f', '-p', '80']);
  }, 300_000);

  it('container calls go to the engine that has the container', async () => {
    const id = await ok('spread', [
      'run',
      '-d',
      '--name',
      'talker',
      '-e',
      'constraint:node==node-2',
      'busybox',
      'sh',
      '-c',
      'echo hello from $(hostname); sleep 600',
    ]);
    await poll(
      'logs',
      async () => (await ok('spread', ['logs', 'talker'])).includes('hello from'),
      60_000,
      200,
    );
    expect(await ok('spread', ['inspect', '-f', '{{.State.Running}}', id.slice(0, 12)])).toBe('true');
    await ok('spread', ['stop', '-t', '1', 'talker']);
    expect(await ok('spread', ['inspect', '-f', '{{.State.Running}}', 'talker'])).toBe('false');
    await ok('spread', ['start', 'talker']);
    await ok('spread', ['kill', 'talker']);
    expect(await ok('spread', ['inspect', '-f', '{{.State.Running}}', 'talker'])).toBe('false');
    await ok('spread', ['rm', 'talker']);
    const gone = await docker('spread', ['container', 'inspect', 'talker']);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('No such container: talker');
    // The engine itself confirms where it ran and that it is gone.
    expect((await engines[1]!.docker.listContainers({ all: true })).some((c) => c.Id === id)).toBe(false);
    // A name is unique across the pool.
    const dup = await docker('spread', ['run', '-d', '--name', 'db', 'busybox', 'sleep', '1']);
    expect(dup.stderr).toContain('Conflict. The container name "/db" is already in use');
    // Images through the pool; what is not served says so.
    expect(await ok('spread', ['images', '--format', '{{.Repository}}'])).toMatch(/redis/);
    expect(await ok('spread', ['image', 'inspect', '-f', '{{.RepoTags}}', 'redis'])).toContain(
      'redis:latest',
    );
    const net = await docker('spread', ['network', 'ls']);
    expect(net.stderr).toContain('GET /networks is not served');
  }, 300_000);

  it('health: an engine that stops answering takes no new containers', async () => {
    await removeAll();
    engines[2]!.crash();
    await poll(
      'node-3 unhealthy',
      async () => /node-3[\s\S]*?Status: Unhealthy/.test(await ok('spread', ['info'])),
      60_000,
      250,
    );
    const placed = new Set<string>();
    for (let i = 0; i < 4; i++)
      placed.add(await nodeOf(await ok('spread', ['run', '-d', 'busybox', 'sleep', '600'])));
    expect([...placed].sort()).toEqual(['node-1', 'node-2']);
    const pinned = await docker('spread', [
      'run',
      '-d',
      '-e',
      'constraint:node==node-3',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(pinned.stderr).toContain('unable to find a node that satisfies node==node-3');
  }, 300_000);
});
