// Tasks on cluster networks, on a private engine in its own namespace: the Docker network of the
// node's slice (bridge named from the network ID, gateway on it, labels), the task's fixed address
// and DNS server, tasks of one network reaching each other while published ports keep working,
// Docker's own isolation between two networks' bridges, removal of a network with its last task,
// and a network name this node did not make left alone. Addresses 10.128.x.x exist only inside
// the bench's namespace.
import { execFile } from 'node:child_process';
import { swarm } from '@swarm/api';
import { makeTask, TaskRecord } from '@swarm/testbed/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachContainer,
  type DockerExecutor,
  dockerBridgeName,
  dockerNetworkName,
  NETWORK_LABELS,
  planAttachments,
} from '../src/index.js';
import { type DockerBench, dockerBench, HOST, IMAGE } from './harness.js';

const S = swarm.TaskState;
const APP = 'app0000000000000000000001';
const OTHER = 'oth0000000000000000000002';
const NODE = 'n'.repeat(25);

function attached(
  o: { command: string[]; ports?: number[]; serviceName?: string },
  networks: { id: string; name: string; slice: string; gateway: string; address: string }[],
): swarm.Task {
  const t = makeTask(IMAGE, {
    command: o.command,
    ...(o.ports ? { ports: o.ports } : {}),
    ...(o.serviceName ? { serviceName: o.serviceName } : {}),
  });
  t.networks = networks.map((n) =>
    swarm.NetworkAttachment.create({
      networkId: n.id,
      networkName: n.name,
      slice: n.slice,
      gateway: n.gateway,
      addresses: [n.address],
      aliases: ['alias1'],
    }),
  );
  return t;
}
const app = (address: string) => ({
  id: APP,
  name: 'app',
  slice: '10.128.1.0/26',
  gateway: '10.128.1.1',
  address,
});
const other = (address: string) => ({
  id: OTHER,
  name: 'other',
  slice: '10.128.17.0/26',
  gateway: '10.128.17.1',
  address,
});
const HTTPD = (name: string) => [
  'sh',
  '-c',
  `mkdir -p /www && echo ${name} > /www/index.html && exec httpd -f -p 80 -h /www`,
];
const SLEEP = ['sh', '-c', 'exec sleep 600'];

describe('attachments, without an engine', () => {
  it('checks what a manager sends and gives the container its address and DNS', () => {
    const t = attached({ command: SLEEP }, [app('10.128.1.2/26'), other('10.128.17.5/26')]);
    const plans = planAttachments(t);
    expect(plans.map((p) => [p.dockerName, p.address, p.gateway])).toEqual([
      [dockerNetworkName(APP), '10.128.1.2', '10.128.1.1'],
      [dockerNetworkName(OTHER), '10.128.17.5', '10.128.17.1'],
    ]);
    const options = { HostConfig: { NetworkMode: 'bridge' } };
    const { extraEndpoints } = attachContainer(options, plans);
    expect(options).toMatchObject({
      HostConfig: { NetworkMode: dockerNetworkName(APP), Dns: ['10.128.1.1', '10.128.17.1'] },
      NetworkingConfig: {
        EndpointsConfig: { [dockerNetworkName(APP)]: { IPAMConfig: { IPv4Address: '10.128.1.2' } } },
      },
    });
    expect(extraEndpoints).toEqual([
      { dockerName: dockerNetworkName(OTHER), config: { IPAMConfig: { IPv4Address: '10.128.17.5' } } },
    ]);
    expect(dockerBridgeName(APP)).toBe('sw-app000000000');
    expect(dockerBridgeName(APP).length).toBeLessThanOrEqual(15);

    const bad = (n: Partial<ReturnType<typeof app>>) => () =>
      planAttachments(attached({ command: SLEEP }, [{ ...app('10.128.1.2/26'), ...n }]));
    expect(bad({ slice: '10.128.1.0' })).toThrow(/slice "10.128.1.0" is not an IPv4 CIDR/);
    expect(bad({ gateway: '10.128.2.1' })).toThrow(/gateway "10.128.2.1" is not in the slice/);
    expect(bad({ address: '10.128.1.1/26' })).toThrow(/other than its gateway/);
    expect(bad({ address: '10.128.9.2/26' })).toThrow(/is not an address of the slice/);
    expect(bad({ id: 'x/../y' })).toThrow(/no valid network ID/);
    expect(() =>
      planAttachments(attached({ command: SLEEP }, [app('10.128.1.2/26'), app('10.128.1.3/26')])),
    ).toThrow(/attached twice/);
  });
});

describe('DockerExecutor: tasks on cluster networks', () => {
  let b: DockerBench;
  let ex: DockerExecutor;
  const start = (task: swarm.Task) => {
    const rec = new TaskRecord();
    ex.start(task, { secretsDir: undefined, report: rec.report });
    return rec;
  };
  const containerOf = async (taskId: string) => {
    const c = (await b.containersOf(NODE)).find((x) => x.Labels['io.swarm-core.task.id'] === taskId);
    if (c === undefined) throw new Error(`no container for ${taskId}`);
    return c.Id;
  };
  /** `docker exec` through the bench's engine: exit code and output. */
  const exec = (id: string, argv: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        'docker',
        ['-H', b.engine.host, 'exec', id, ...argv],
        { timeout: 60_000 },
        (err, stdout, stderr) =>
          resolve({
            code: err === null ? 0 : Number((err as { code?: number }).code ?? 1),
            out: stdout + stderr,
          }),
      );
    });
  const get = (id: string, address: string) =>
    exec(id, ['sh', '-c', `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 ${address} 80`]);
  const networks = async () =>
    (
      await b.engine.docker.listNetworks({
        filters: JSON.stringify({ label: [`${NETWORK_LABELS.node}=${NODE}`] }),
      })
    )
      .map((n) => n.Name)
      .sort();

  beforeAll(async () => {
    b = await dockerBench('dn');
    ex = await b.executor(NODE);
  }, 180_000);

  afterAll(async () => {
    await ex?.close().catch(() => {});
    await b?.tb.cleanup();
  }, 120_000);

  it('runs tasks of one network at their addresses on the slice bridge, with published ports working', async () => {
    const web = attached({ command: HTTPD('web1'), ports: [80], serviceName: 'web' }, [app('10.128.1.2/26')]);
    const client = attached({ command: SLEEP }, [app('10.128.1.3/26')]);
    const w = start(web);
    const c = start(client);
    const running = await w.until(S.RUNNING);
    await c.until(S.RUNNING);
    const webId = await containerOf(web.id);
    const info = await b.engine.docker.getContainer(webId).inspect();
    expect(info.NetworkSettings.Networks[dockerNetworkName(APP)]?.IPAddress).toBe('10.128.1.2');
    expect(info.HostConfig.Dns).toEqual(['10.128.1.1']);
    // The bridge of the network, named from its ID, holds the gateway.
    const link = await b.ns.ip('-4', '-o', 'addr', 'show', 'dev', dockerBridgeName(APP));
    expect(link).toContain('10.128.1.1/26');
    const net = await b.engine.docker.getNetwork(dockerNetworkName(APP)).inspect();
    expect(net.Labels).toMatchObject({
      [NETWORK_LABELS.networkId]: APP,
      [NETWORK_LABELS.networkName]: 'app',
    });
    expect(net.Internal).toBe(false);
    expect(net.Options?.['com.docker.network.bridge.enable_icc']).toBe('true');
    // Another task of the network reaches it at its address.
    const clientId = await containerOf(client.id);
    const answer = await get(clientId, '10.128.1.2');
    expect(answer.out).toContain('web1');
    // Its published port still answers on the node's address.
    const hostPort = running.ports?.[0]?.publishedPort ?? 0;
    expect(hostPort).toBeGreaterThan(0);
    const res = await b.dialer.get(HOST, hostPort, '/index.html');
    expect(res.body.trim()).toBe('web1');
  }, 120_000);

  it("keeps another network's tasks off this one (Docker's isolation between bridges)", async () => {
    const stranger = attached({ command: SLEEP }, [other('10.128.17.2/26')]);
    await start(stranger).until(S.RUNNING);
    const id = await containerOf(stranger.id);
    const r = await get(id, '10.128.1.2');
    expect(r.out).not.toContain('web1');
    expect(await networks()).toEqual([dockerNetworkName(APP), dockerNetworkName(OTHER)].sort());
    ex.stop(stranger.id);
  }, 120_000);

  it('removes a network with the last task on it, and leaves a network it did not make alone', async () => {
    for (const t of ex.running()) ex.stop(t);
    await waitUntil(async () => (await networks()).length === 0);
    // A network of the same name that this node did not make: the task is rejected with the fix.
    await b.engine.docker.createNetwork({ Name: dockerNetworkName(APP), Driver: 'bridge' });
    const t = attached({ command: SLEEP }, [app('10.128.1.4/26')]);
    const done = await start(t).until('final');
    expect(done).toMatchObject({ state: S.REJECTED, err: expect.stringMatching(/did not make: remove it/) });
    await b.engine.docker.getNetwork(dockerNetworkName(APP)).inspect();
    await b.engine.docker.getNetwork(dockerNetworkName(APP)).remove();
  }, 120_000);
});

async function waitUntil(ok: () => Promise<boolean>, budgetMs = 60_000): Promise<void> {
  const end = Date.now() + budgetMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 200));
  }
}
