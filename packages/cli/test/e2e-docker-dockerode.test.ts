// dockerode (the Docker Engine API client most Node tools use) against `swarm daemon --docker-api`:
// the service life cycle (create, inspect, update, scale, logs, rm), node and secret listing, and
// every error path the client can reach, each with the status code and message dockerd 20.10 gives
// for the same case (recorded from a real Docker swarm; see packages/docker-api/README.md).
import { request } from 'node:http';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';

/** Dockerode's Task has `logs` at run time; its type declarations omit it. */
interface TaskWithLogs {
  logs(options: { stdout?: boolean; timestamps?: boolean; details?: boolean }): Promise<unknown>;
}

const ADDRESS = '127.0.3.31';
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** The status and Docker `message` of a failed dockerode call. */
async function failure(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { statusCode?: number; json?: { message?: string } | null };
    return { status: err.statusCode ?? 0, message: err.json?.message ?? String(e) };
  }
  throw new Error('the call succeeded');
}

/** A raw request on the socket (for what dockerode cannot send, such as a malformed body). */
function raw(
  socketPath: string,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath, method, path, headers: { 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Lines of a multiplexed log stream (8-byte frame headers). */
function demux(buf: Buffer): string[] {
  const out: string[] = [];
  for (let at = 0; at + 8 <= buf.length; ) {
    const size = buf.readUInt32BE(at + 4);
    out.push(
      buf
        .subarray(at + 8, at + 8 + size)
        .toString()
        .replace(/\n$/, ''),
    );
    at += 8 + size;
  }
  return out;
}

const APP = `const fs = require('node:fs');
console.log('greeting=' + process.env.GREETING + ' key=' + fs.readFileSync('/run/secrets/api_key', 'utf8'));
setInterval(() => console.log('tick ' + process.env.GREETING), 300);`;

describe('dockerode drives the swarm through the Docker API', () => {
  const cluster = new LocalCluster();
  let node: LocalNode;
  let socketPath: string;
  let docker: Docker;
  let nodeId: string;
  let serviceId: string;
  let secretId: string;

  const spec = (greeting: string, replicas: number) => ({
    Name: 'web',
    Labels: { tier: 'front' },
    TaskTemplate: {
      ContainerSpec: {
        Image: 'app:1',
        Command: [process.execPath, '-e', APP],
        Env: [`GREETING=${greeting}`],
        Secrets: [
          {
            SecretID: secretId,
            SecretName: 'api_key',
            File: { Name: 'api_key', UID: '0', GID: '0', Mode: 0o444 },
          },
        ],
      },
      RestartPolicy: { Condition: 'any' },
    },
    Mode: { Replicated: { Replicas: replicas } },
    EndpointSpec: { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8082 }] },
  });

  beforeAll(async () => {
    node = cluster.add({
      name: 'node1',
      address: ADDRESS,
      daemonArgs: [
        '--raft-tick',
        '50ms',
        '--heartbeat-period',
        '1s',
        '--docker-api',
        `unix://${join(cluster.root, 'docker.sock')}`,
      ],
    });
    await node.start();
    socketPath = join(cluster.root, 'docker.sock');
    docker = new Docker({ socketPath, version: 'v1.41' });
  }, 60_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  it('refuses cluster calls before the swarm exists, then initializes it', async () => {
    expect(await failure(docker.listServices())).toEqual({
      status: 503,
      message:
        'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    });
    nodeId = await docker.swarmInit({ ListenAddr: node.addr, AdvertiseAddr: node.addr });
    expect(nodeId).toMatch(/^[0-9a-z]{25}$/);
    expect(await failure(docker.swarmInit({ ListenAddr: node.addr }))).toEqual({
      status: 503,
      message:
        'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
    });
    const swarm = await docker.swarmInspect();
    expect(swarm.JoinTokens.Worker).toMatch(/^SWMTKN-1-/);
    expect(swarm.Spec.Dispatcher.HeartbeatPeriod).toBe(1_000_000_000);
    const info = await docker.info();
    expect(info.Swarm).toMatchObject({
      NodeID: nodeId,
      LocalNodeState: 'active',
      ControlAvailable: true,
      Nodes: 1,
      Managers: 1,
    });
  }, 60_000);

  it('lists nodes and secrets, with Docker filters', async () => {
    // The node describes itself (hostname, platform) with its first heartbeat, a moment after init.
    const nodes = await waitFor('the node ready', async () => {
      const list = await docker.listNodes();
      return list[0]?.Status?.State === 'ready' && list[0].Description?.Hostname ? list : undefined;
    });
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({
      ID: nodeId,
      Spec: { Role: 'manager', Availability: 'active' },
      Description: { Hostname: 'node1' },
      ManagerStatus: { Leader: true, Addr: node.addr },
    });
    expect(await docker.listNodes({ filters: JSON.stringify({ role: ['worker'] }) })).toEqual([]);
    expect(await docker.listNodes({ filters: JSON.stringify({ name: ['node'] }) })).toHaveLength(1);
    expect(await failure(docker.listNodes({ filters: JSON.stringify({ bogus: ['x'] }) }))).toEqual({
      status: 400,
      message: "Invalid filter 'bogus'",
    });

    const created = await docker.createSecret({ Name: 'api_key', Data: b64('k3y'), Labels: { app: 'web' } });
    secretId = (created as unknown as { id: string }).id;
    expect(secretId).toMatch(/^[0-9a-z]{25}$/);
    await docker.createSecret({ Name: 'other', Data: b64('x') });
    const secrets = await docker.listSecrets({ filters: { label: ['app=web'] } });
    expect(secrets.map((s) => s.Spec?.Name)).toEqual(['api_key']);
    expect(JSON.stringify(await docker.getSecret('api_key').inspect())).not.toContain(b64('k3y'));
    expect(await failure(docker.createSecret({ Name: 'api_key', Data: b64('again') }))).toEqual({
      status: 409,
      message: 'rpc error: code = AlreadyExists desc = secret api_key already exists',
    });
    await docker.getSecret('other').remove();
    expect((await docker.listSecrets()).map((s) => s.Spec?.Name)).toEqual(['api_key']);
  }, 30_000);

  it('creates, inspects, updates, scales, reads the logs of and removes a service', async () => {
    // Swarm events: the create shows up on a stream opened before it.
    const events = (await docker.getEvents({
      filters: { type: ['service'], event: ['create'] },
    })) as NodeJS.ReadableStream & {
      destroy(): void;
    };
    const createEvent = new Promise<{
      Type: string;
      Action: string;
      Actor: { ID: string; Attributes: Record<string, string> };
    }>((resolve) => {
      let text = '';
      events.on('data', (c: Buffer) => {
        text += c.toString();
        const line = text.split('\n').find((l) => l.trim() !== '');
        if (line && text.includes('\n')) resolve(JSON.parse(line));
      });
    });
    // An unknown field is ignored, as dockerd does.
    const created = await docker.createService({ ...spec('hi', 1), NotADockerField: 1 } as never);
    serviceId = (created as unknown as { id: string }).id;
    const svc = docker.getService(serviceId);
    expect(await createEvent).toMatchObject({
      Type: 'service',
      Action: 'create',
      Actor: { ID: serviceId, Attributes: { name: 'web' } },
    });
    events.destroy();
    const first = await svc.inspect();
    expect(first.Spec).toMatchObject({
      Name: 'web',
      Labels: { tier: 'front' },
      Mode: { Replicated: { Replicas: 1 } },
    });
    expect(first.Endpoint.Ports).toEqual([
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8082, PublishMode: 'ingress' },
    ]);
    await waitFor('one task running', async () => {
      const tasks = await docker.listTasks({ filters: { service: ['web'], 'desired-state': ['running'] } });
      return tasks.length === 1 && tasks[0].Status?.State === 'running';
    });
    // update: a new environment (dockerode sends the version in the query and the spec as the body);
    // read the version just before, as the docker CLI does (the orchestrator writes the service too)
    const current = await svc.inspect();
    expect(await svc.update({ version: current.Version.Index, ...spec('hello', 1) })).toEqual({
      Warnings: null,
    });
    const second = await svc.inspect();
    expect(second.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['GREETING=hello']);
    expect(second.PreviousSpec.TaskTemplate.ContainerSpec.Env).toEqual(['GREETING=hi']);
    expect(await failure(svc.update({ version: current.Version.Index, ...spec('stale', 1) }))).toEqual({
      status: 500,
      message: 'rpc error: code = Unknown desc = update out of sequence',
    });
    // scale to 2. The orchestrator writes the service too (its update status moves to "updating",
    // then "completed", as swarmkit's does), so a read-modify-write may meet "update out of
    // sequence": read again and retry, as a careful client does.
    await waitFor('the scale written', async () => {
      try {
        await svc.update({ version: (await svc.inspect()).Version.Index, ...spec('hello', 2) });
        return true;
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 500) return false;
        throw e;
      }
    });
    await waitFor(
      'two tasks of the new spec running',
      async () => {
        const tasks = await docker.listTasks({
          filters: { service: [serviceId], 'desired-state': ['running'] },
        });
        return (
          tasks.length === 2 &&
          tasks.every(
            (t) => t.Status?.State === 'running' && t.Spec?.ContainerSpec?.Env?.[0] === 'GREETING=hello',
          )
        );
      },
      60_000,
    );
    const [listed] = await docker.listServices({
      filters: { label: ['tier=front'] },
      status: true,
    } as Docker.ServiceListOptions);
    expect(listed?.ServiceStatus).toEqual({ RunningTasks: 2, DesiredTasks: 2, CompletedTasks: 0 });
    // logs, with timestamps and details, then followed
    const lines = await waitFor('log lines', async () => {
      const buf = (await svc.logs({
        stdout: true,
        stderr: true,
        timestamps: true,
        details: true,
      })) as unknown as Buffer;
      const all = demux(buf);
      return all.filter((l) => l.includes('greeting=hello key=k3y')).length === 2 ? all : undefined;
    });
    expect(lines.find((l) => l.includes('greeting=hello'))).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z com\.docker\.swarm\.node\.id=[0-9a-z]{25},com\.docker\.swarm\.service\.id=[0-9a-z]{25},com\.docker\.swarm\.task\.id=[0-9a-z]{25} greeting=hello key=k3y$/,
    );
    const abort = new AbortController();
    const stream = (await svc.logs({
      stdout: true,
      follow: true,
      tail: 0,
      abortSignal: abort.signal,
    } as never)) as unknown as NodeJS.ReadableStream;
    const followed = await new Promise<string>((resolve) => {
      let seen = '';
      stream.on('data', (c: Buffer) => {
        seen += demux(c).join('\n');
        if (seen.includes('tick hello')) resolve(seen);
      });
    });
    abort.abort();
    expect(followed).toContain('tick hello');
    // a task's logs and inspect
    const [task] = await docker.listTasks({ filters: { service: ['web'], 'desired-state': ['running'] } });
    expect((await docker.getTask(task.ID).inspect()).ServiceID).toBe(serviceId);
    expect(
      demux(
        (await (docker.getTask(task.ID) as unknown as TaskWithLogs).logs({
          stdout: true,
        })) as unknown as Buffer,
      ).join('\n'),
    ).toContain('greeting=hello');
    // rm
    await svc.remove();
    expect(await failure(svc.inspect())).toEqual({ status: 404, message: `service ${serviceId} not found` });
  }, 120_000);

  it('answers every error path dockerode reaches with Docker status and message', async () => {
    // objects that do not exist
    expect(await failure(docker.getService('nosuch').inspect())).toEqual({
      status: 404,
      message: 'service nosuch not found',
    });
    expect(await failure(docker.getService('nosuch').remove())).toEqual({
      status: 404,
      message: 'service nosuch not found',
    });
    expect(await failure(docker.getSecret('nosuch').inspect())).toEqual({
      status: 404,
      message: 'secret nosuch not found',
    });
    expect(await failure(docker.getNode('nosuch').inspect())).toEqual({
      status: 404,
      message: 'node nosuch not found',
    });
    expect(await failure(docker.getTask('nosuch').inspect())).toEqual({
      status: 404,
      message: 'task nosuch not found',
    });
    expect(await failure(docker.getNetwork('nosuch').inspect())).toEqual({
      status: 404,
      message: 'network nosuch not found',
    });
    // conflicts and rules of the cluster
    const again = await docker.createService(spec('hi', 1) as never);
    // (without the port: like swarmkit, a published port conflict is found before the name's)
    expect(await failure(docker.createService({ ...spec('hi', 1), EndpointSpec: {} } as never))).toEqual({
      status: 409,
      message:
        'rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists',
    });
    expect(await failure(docker.createService({ ...spec('x', 1), Name: 'other' } as never))).toEqual({
      status: 400,
      message: `rpc error: code = InvalidArgument desc = port '8082' is already in use by service 'web' (${(again as unknown as { id: string }).id}) as an ingress port`,
    });
    expect(await failure(docker.getSecret('api_key').remove())).toEqual({
      status: 400,
      message:
        "rpc error: code = InvalidArgument desc = secret 'api_key' is in use by the following service: web",
    });
    expect(await failure(docker.getNode(nodeId).remove())).toEqual({
      status: 400,
      message: `rpc error: code = FailedPrecondition desc = node ${nodeId} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
    });
    const self = await docker.getNode(nodeId).inspect();
    expect(
      await failure(
        docker
          .getNode(nodeId)
          .update({ version: self.Version.Index, Role: 'worker', Availability: 'active', Labels: {} }),
      ),
    ).toEqual({
      status: 400,
      message:
        'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm',
    });
    expect(
      await failure(
        docker.getNode(nodeId).update({ version: 1, Role: 'manager', Availability: 'active', Labels: {} }),
      ),
    ).toEqual({ status: 500, message: 'rpc error: code = Unknown desc = update out of sequence' });
    await docker.getNode(nodeId).update({
      version: self.Version.Index,
      Role: 'manager',
      Availability: 'active',
      Labels: { disk: 'ssd' },
    });
    expect((await docker.getNode(nodeId).inspect()).Spec.Labels).toEqual({ disk: 'ssd' });
    expect(await failure(docker.swarmLeave({}))).toMatchObject({ status: 503 });
    expect((await failure(docker.swarmLeave({}))).message).toContain(
      'You are attempting to leave the swarm on a node that is participating as a manager.',
    );
    // what the request itself gets wrong
    expect(await failure(docker.getService('web').update({ ...spec('x', 1) } as never))).toEqual({
      status: 400,
      message: `invalid service version '': strconv.ParseUint: parsing "": invalid syntax`,
    });
    expect(
      await failure(
        docker.createService({
          ...spec('x', 1),
          Name: 'mounted',
          EndpointSpec: {},
          TaskTemplate: {
            ContainerSpec: {
              Image: 'a',
              Args: ['b'],
              Mounts: [{ Type: 'bind', Source: '/', Target: '/host' }],
            },
          },
        } as never),
      ),
    ).toEqual({
      status: 501,
      message:
        'TaskTemplate.ContainerSpec.Mounts is not supported: tasks have no volumes or bind mounts here',
    });
    expect(await failure(docker.listContainers())).toMatchObject({ status: 501 });
    expect(await failure(new Docker({ socketPath, version: 'v1.99' }).info())).toEqual({
      status: 400,
      message: 'client version 1.99 is too new. Maximum supported API version is 1.41',
    });
    expect(await raw(socketPath, 'GET', '/v1.41/nope')).toEqual({
      status: 404,
      body: '{"message":"page not found"}\n',
    });
    const malformed = await raw(socketPath, 'POST', '/v1.41/secrets/create', '{bad');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).message).toMatch(/^invalid JSON: /);
    const noData = await raw(socketPath, 'POST', '/v1.41/secrets/create', '{"Name":"empty"}');
    expect(noData.status).toBe(400);
    expect(JSON.parse(noData.body).message).toMatch(
      /^rpc error: code = InvalidArgument desc = secret data must be/,
    );
    await docker.getService('web').remove();
  }, 60_000);
});
