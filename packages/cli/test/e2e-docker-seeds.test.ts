// The seed tutorials (../shared/seeds/) typed into the docker CLI itself, command by command,
// against the Docker API socket of each `swarm daemon --docker-api`. Differences forced by this
// machine: the image name is a label (tasks run a host command under the node's sandbox, so the
// command follows the image, Docker's IMAGE COMMAND form), loopback addresses stand in for the
// tutorials' machines (127.0.3.11-13), and published ports are 8088/8080 instead of 80/8080.
// The rest of the verified commands (labels, promote/demote, global, secrets, constraints, env,
// memory limits, scale, update, rollback, logs, rm) run against the same cluster, and the read
// commands run with every docker client on the machine (20.10 and, where present, 28.x).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { DEBIAN_DOCKER, DockerCli, dockerClients } from './docker-cli.js';

const HELLO = `require('node:http').createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  res.end('Hello ' + u.searchParams.get('value') + ' from task ' + process.env.SWARM_TASK_SLOT + '\\n');
}).listen(Number(process.env.PORT), process.env.HOST);`;

describe('the seed tutorials, typed into the docker CLI', () => {
  const cluster = new LocalCluster();
  const sock = (n: LocalNode) => join(cluster.root, `${n.name}-docker.sock`);
  let manager1: LocalNode;
  let worker1: LocalNode;
  let worker2: LocalNode;
  /** `docker` on each machine (Debian's 20.10 client). */
  let on: Map<LocalNode, DockerCli>;
  let docker: DockerCli;

  beforeAll(async () => {
    const add = (name: string, address: string) =>
      cluster.add({
        name,
        address,
        daemonArgs: [
          '--raft-tick',
          '50ms',
          '--heartbeat-period',
          '1s',
          '--docker-api',
          `unix://${join(cluster.root, `${name}-docker.sock`)}`,
        ],
      });
    manager1 = add('manager1', '127.0.3.11');
    worker1 = add('worker1', '127.0.3.12');
    worker2 = add('worker2', '127.0.3.13');
    await Promise.all(cluster.nodes.map((n) => n.start()));
    on = new Map(
      cluster.nodes.map((n) => [
        n,
        new DockerCli(DEBIAN_DOCKER, `unix://${sock(n)}`, join(cluster.root, `cli-${n.name}`)),
      ]),
    );
    docker = on.get(manager1)!;
  }, 60_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  it('"a first cluster": service create before init fails as in the tutorial, then swarm init', async () => {
    // docker service create --name frontend --replicas 5 -p 80:80/tcp my-apache2:latest
    const early = await docker.fails([
      'service',
      'create',
      '--name',
      'frontend',
      '--replicas',
      '5',
      '-p',
      '8088:80/tcp',
      'my-apache2:latest',
      process.execPath,
      '-e',
      HELLO,
    ]);
    expect(early).toContain(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    );
    // docker swarm init --listen-addr 192.168.99.100:2377
    const out = await docker.ok(['swarm', 'init', '--listen-addr', manager1.addr]);
    expect(out).toMatch(/^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager\./);
    expect(out).toContain('To add a worker to this swarm, run the following command:');
    expect(out).toMatch(/docker swarm join --token SWMTKN-1-\S+ 127\.0\.3\.11:2377/);
    expect(out).toContain(
      "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.",
    );
    // docker node ls (the node is Ready once its first heartbeat is in: a moment after init)
    const ls = await waitFor('manager1 ready', async () => {
      const out = await docker.ok(['node', 'ls']);
      return /\*\s+manager1\s+Ready\s+Active\s+Leader\s+\d+\.\d+\.\d+/.test(out) ? out : undefined;
    });
    expect(ls).toMatch(/ID\s+HOSTNAME\s+STATUS\s+AVAILABILITY\s+MANAGER STATUS\s+ENGINE VERSION/);
  }, 60_000);

  it('"adding workers": join-token prints the command, joining twice and leaving behave as in Docker, docker info', async () => {
    // docker swarm join-token worker
    const printed = await docker.ok(['swarm', 'join-token', 'worker']);
    expect(printed).toContain('To add a worker to this swarm, run the following command:');
    const [, token, addr] = /docker swarm join --token (\S+) (\S+)/.exec(printed)!;
    expect(addr).toBe('127.0.3.11:2377');
    expect(await docker.ok(['swarm', 'join-token', '-q', 'worker'])).toBe(`${token}\n`);
    for (const w of [worker1, worker2])
      expect(await on.get(w)!.ok(['swarm', 'join', '--token', token!, '--listen-addr', w.addr, addr!])).toBe(
        'This node joined a swarm as a worker.\n',
      );
    // Error response from daemon: This node is already part of a swarm. ...
    expect(
      await on
        .get(worker1)!
        .fails(['swarm', 'join', '--token', token!, '--listen-addr', worker1.addr, addr!]),
    ).toContain(
      'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
    );
    // docker swarm leave, then the join again
    expect(await on.get(worker1)!.ok(['swarm', 'leave'])).toBe('Node left the swarm.\n');
    await on.get(worker1)!.ok(['swarm', 'join', '--token', token!, '--listen-addr', worker1.addr, addr!]);
    await waitFor('three ready nodes', async () => {
      const ls = await docker.ok(['node', 'ls', '--format', '{{.Hostname}} {{.Status}}']);
      return ls.split('\n').filter((l) => l.endsWith(' Ready')).length === 3;
    });
    // As in Docker, the node that left stays listed (Down, under the same name) until removed.
    const gone = await waitFor('the old worker1 down', async () => {
      const ls = await docker.ok(['node', 'ls', '--format', '{{.ID}} {{.Hostname}} {{.Status}}']);
      return /^(\S+) worker1 Down$/m.exec(ls)?.[1];
    });
    expect(await docker.fails(['node', 'inspect', 'worker1'])).toContain('node worker1 is ambiguous');
    expect(await docker.ok(['node', 'rm', gone])).toBe(`${gone}\n`);
    // docker info, on the worker and on the manager
    const wInfo = await on.get(worker2)!.ok(['info']);
    expect(wInfo).toContain(' Swarm: active');
    expect(wInfo).toContain('  Is Manager: false');
    expect(wInfo).toContain('  Node Address: 127.0.3.13');
    const mInfo = await docker.ok(['info']);
    expect(mInfo).toMatch(
      / {2}Is Manager: true\n {2}ClusterID: [0-9a-z]{25}\n {2}Managers: 1\n {2}Nodes: 3\n/,
    );
    expect(mInfo).toContain('   Task History Retention Limit: 5');
    expect(mInfo).toContain('   Expiry Duration: 3 months');
    expect(mInfo).toContain('  Manager Addresses:\n   127.0.3.11:2377');
  }, 90_000);

  it('"a first cluster": a 5-replica frontend with a published port, converged as the CLI waits for it', async () => {
    const out = await docker.ok([
      'service',
      'create',
      '--name',
      'frontend',
      '--replicas',
      '5',
      '-p',
      '8088:80/tcp',
      'my-apache2:latest',
      process.execPath,
      '-e',
      HELLO,
    ]);
    expect(out).toMatch(/^[0-9a-z]{25}\n/);
    expect(out).toContain('overall progress: 5 out of 5 tasks');
    expect(out).toMatch(/verify: Service (\S+ )?converged/);
    expect(await docker.ok(['service', 'ls'])).toMatch(
      /frontend\s+replicated\s+5\/5\s+my-apache2:latest\s+\*:8088->80\/tcp/,
    );
  }, 90_000);

  it('"the vagrant cluster": pinger in the IMAGE COMMAND form, service ps, logs, rm', async () => {
    // docker service create --replicas 1 --name pinger alpine ping google.com (no network here: it prints)
    await docker.ok([
      'service',
      'create',
      '-d',
      '--replicas',
      '1',
      '--name',
      'pinger',
      'alpine',
      'sh',
      '-c',
      'while true; do echo ping google.com; sleep 1; done',
    ]);
    // docker service tasks pinger (today: docker service ps)
    const ps = await waitFor('pinger running', async () => {
      const out = await docker.ok(['service', 'ps', 'pinger']);
      return /pinger\.1\s+alpine:latest\s+\S+\s+Running\s+Running/.test(out) ? out : undefined;
    });
    expect(ps).toMatch(/ID\s+NAME\s+IMAGE\s+NODE\s+DESIRED STATE\s+CURRENT STATE\s+ERROR\s+PORTS/);
    const logs = await waitFor('pinger output in the logs', async () => {
      const out = await docker.ok(['service', 'logs', 'pinger']);
      return out.includes('ping google.com') ? out : undefined;
    });
    expect(logs).toMatch(/^pinger\.1\.[0-9a-z]{12}@(manager1|worker1|worker2)\s+\| ping google\.com$/m);
    expect(await docker.ok(['service', 'rm', 'pinger'])).toBe('pinger\n');
    expect(await docker.ok(['service', 'ls'])).not.toContain('pinger');
  }, 60_000);

  it('"the vagrant cluster": hello-app on 8080, inspect --pretty, curl through every machine, ls, rm', async () => {
    await docker.ok([
      'service',
      'create',
      '-p',
      '8080:8080',
      '--replicas',
      '2',
      '--name',
      'hello-app',
      'chadlung/hello-app:2',
      process.execPath,
      '-e',
      HELLO,
    ]);
    const pretty = await docker.ok(['service', 'inspect', '--pretty', 'hello-app']);
    expect(pretty).toMatch(/Name:\s+hello-app/);
    expect(pretty).toMatch(/Replicas:\s+2/);
    expect(pretty).toMatch(
      /PublishedPort = 8080\n\s+Protocol = tcp\n\s+TargetPort = 8080\n\s+PublishMode = ingress/,
    );
    for (const [node, value] of [
      [manager1, 'Chad'],
      [worker1, 'Test'],
      [worker2, 'Docker'],
    ] as const) {
      const body = await waitFor(`hello-app through ${node.name}`, async () => {
        const res = await fetch(`http://${node.address}:8080/hello?value=${value}`, {
          signal: AbortSignal.timeout(3000),
        });
        return res.ok ? await res.text() : undefined;
      });
      expect(body).toMatch(new RegExp(`^Hello ${value} from task [12]\\n$`));
    }
    expect(await docker.ok(['service', 'ls'])).toMatch(/hello-app\s+replicated\s+2\/2/);
    expect(await docker.ok(['service', 'rm', 'hello-app', 'frontend'])).toBe('hello-app\nfrontend\n');
    await waitFor('no services', async () => (await docker.ok(['service', 'ls', '-q'])) === '');
  }, 90_000);

  it('node labels, promote and demote, as `docker node` does them', async () => {
    expect(await docker.ok(['node', 'update', '--label-add', 'zone=a', 'worker1'])).toBe('worker1\n');
    expect(await docker.ok(['node', 'inspect', '-f', '{{json .Spec.Labels}}', 'worker1'])).toBe(
      '{"zone":"a"}\n',
    );
    expect(await docker.ok(['node', 'promote', 'worker2'])).toBe(
      'Node worker2 promoted to a manager in the swarm.\n',
    );
    await waitFor(
      'worker2 reachable as a manager',
      async () =>
        (await docker.ok(['node', 'ls', '--format', '{{.Hostname}} {{.ManagerStatus}}'])).includes(
          'worker2 Reachable',
        ),
      60_000,
    );
    // worker2's own socket now serves the cluster calls
    await waitFor(
      'worker2 serves node ls',
      async () => (await on.get(worker2)!.run(['node', 'ls'])).code === 0,
      60_000,
    );
    expect(await docker.ok(['node', 'demote', 'worker2'])).toBe('Manager worker2 demoted in the swarm.\n');
    await waitFor(
      'worker2 a worker again',
      async () =>
        (await docker.ok(['node', 'ls', '--format', '{{.Hostname}}={{.ManagerStatus}}'])).includes(
          'worker2=\n',
        ),
      60_000,
    );
    expect(await docker.fails(['node', 'rm', 'manager1'])).toContain(
      'is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal',
    );
  }, 150_000);

  it('secrets, constraints, env, memory limits, global mode, scale, update, rollback, logs and rm', async () => {
    expect(await docker.ok(['secret', 'create', 'db_pass', '-'], 's3cret')).toMatch(/^[0-9a-z]{25}\n$/);
    expect(await docker.ok(['secret', 'ls'])).toMatch(
      /ID\s+NAME\s+DRIVER\s+CREATED\s+UPDATED\n[0-9a-z]{25}\s+db_pass\s+/,
    );
    expect(await docker.ok(['config', 'create', 'app_conf', '-'], 'cfg-v1')).toMatch(/^[0-9a-z]{25}\n$/);
    expect(await docker.ok(['config', 'ls'])).toMatch(
      /ID\s+NAME\s+CREATED\s+UPDATED\n[0-9a-z]{25}\s+app_conf\s+/,
    );
    expect(await docker.ok(['config', 'inspect', '-f', '{{printf "%s" .Spec.Data}}', 'app_conf'])).toBe(
      'cfg-v1\n',
    );
    await docker.ok([
      'service',
      'create',
      '-d',
      '--name',
      'api',
      '--replicas',
      '2',
      '--secret',
      'db_pass',
      '--config',
      'source=app_conf,target=/conf/app.conf',
      '--constraint',
      'node.labels.zone==a',
      '--env',
      'GREETING=hi',
      '--limit-memory',
      '64M',
      'busybox',
      'sh',
      '-c',
      'echo "$GREETING $(cat /run/secrets/db_pass) $(cat /conf/app.conf)"; sleep 1000',
    ]);
    const spec = JSON.parse(
      await docker.ok(['service', 'inspect', '-f', '{{json .Spec.TaskTemplate}}', 'api']),
    );
    expect(spec.ContainerSpec.Env).toEqual(['GREETING=hi']);
    expect(spec.ContainerSpec.Secrets[0]).toMatchObject({ SecretName: 'db_pass', File: { Name: 'db_pass' } });
    expect(spec.ContainerSpec.Configs[0]).toMatchObject({
      ConfigName: 'app_conf',
      File: { Name: '/conf/app.conf' },
    });
    expect(spec.Resources.Limits.MemoryBytes).toBe(64 * 1024 * 1024);
    expect(spec.Placement.Constraints).toEqual(['node.labels.zone==a']);
    // Both replicas on worker1, the only node with zone=a; each read the secret.
    await waitFor('api on worker1', async () => {
      const out = await docker.ok(['service', 'ps', 'api', '--format', '{{.Node}} {{.CurrentState}}']);
      return out.split('\n').filter((l) => /^worker1 Running/.test(l)).length === 2;
    });
    await waitFor(
      'api logs',
      async () => (await docker.ok(['service', 'logs', 'api'])).match(/\| hi s3cret cfg-v1$/gm)?.length === 2,
    );
    expect(await docker.fails(['secret', 'rm', 'db_pass'])).toContain(
      "Error response from daemon: rpc error: code = InvalidArgument desc = secret 'db_pass' is in use by the following service: api",
    );
    expect(await docker.fails(['config', 'rm', 'app_conf'])).toContain(
      "Error response from daemon: rpc error: code = InvalidArgument desc = config 'app_conf' is in use by the following service: api",
    );
    // scale, update, rollback (each waits for convergence as the CLI does)
    expect(await docker.ok(['service', 'scale', 'api=3'])).toContain('api scaled to 3');
    expect(await docker.ok(['service', 'ls', '--filter', 'name=api'])).toMatch(/api\s+replicated\s+3\/3/);
    expect(await docker.ok(['service', 'update', '--env-add', 'GREETING=hello', 'api'])).toContain('api');
    expect(
      await docker.ok(['service', 'inspect', '-f', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}', 'api']),
    ).toBe('["GREETING=hello"]\n');
    await docker.ok(['service', 'rollback', 'api']);
    expect(
      await docker.ok(['service', 'inspect', '-f', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}', 'api']),
    ).toBe('["GREETING=hi"]\n');
    // a global service runs once on every node
    await docker.ok([
      'service',
      'create',
      '-d',
      '--mode',
      'global',
      '--name',
      'agent',
      'busybox',
      'sh',
      '-c',
      'sleep 1000',
    ]);
    await waitFor(
      'agent on 3 nodes',
      async () => /agent\s+global\s+3\/3/.test(await docker.ok(['service', 'ls'])),
      60_000,
    );
    // the read commands, with every docker client on the machine
    for (const bin of dockerClients()) {
      const cli = new DockerCli(
        bin,
        docker.env.DOCKER_HOST!,
        join(cluster.root, `cli-${bin.replaceAll('/', '_')}`),
      );
      expect(await cli.ok(['node', 'ls'])).toMatch(/manager1\s+Ready\s+Active\s+Leader/);
      expect(await cli.ok(['service', 'ls'])).toMatch(/agent\s+global\s+3\/3\s+busybox:latest/);
      expect(await cli.ok(['service', 'ps', 'api', '-q'])).not.toBe('');
      expect(await cli.ok(['secret', 'ls', '-q'])).toMatch(/^[0-9a-z]{25}\n$/);
      expect(await cli.ok(['service', 'inspect', '--pretty', 'api'])).toMatch(/Memory:\s+64MiB/);
    }
    expect(await docker.ok(['service', 'rm', 'api', 'agent'])).toBe('api\nagent\n');
    await waitFor('secret free', async () => (await docker.run(['secret', 'rm', 'db_pass'])).code === 0);
    expect(await docker.ok(['secret', 'ls', '-q'])).toBe('');
    expect(await docker.ok(['config', 'rm', 'app_conf'])).toBe('app_conf\n');
    expect(await docker.ok(['config', 'ls', '-q'])).toBe('');
  }, 150_000);
});
