// Docker's JSON and the swarm core's objects: durations in nanoseconds against milliseconds, enum
// names, secret references, networks; the fields refused (501) and the type errors (400).

import type { IncomingMessage } from 'node:http';
import { swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { checkTcpRequest, frame, rfc3339NanoFixed, type ServiceSpec } from '../src/index.js';
import {
  clusterToDocker,
  networkSpecFromDocker,
  networkToDocker,
  nodeToDocker,
  serviceSpecFromDocker,
  serviceSpecToDocker,
  taskToDocker,
} from '../src/swarm.js';

const S = 1_000_000_000;

/** What the docker CLI sends for `service create` with most flags set. */
const FULL: ServiceSpec = {
  Name: 'web',
  Labels: { tier: 'front' },
  TaskTemplate: {
    ContainerSpec: {
      Image: 'nginx:alpine',
      Labels: { a: 'b' },
      Command: ['/bin/sh'],
      Args: ['-c', 'serve'],
      Hostname: 'h',
      Env: ['A=B'],
      Dir: '/srv',
      User: '33',
      StopGracePeriod: 12 * S,
      Secrets: [
        { File: { Name: 'key', UID: '33', GID: '34', Mode: 0o400 }, SecretID: 'id1', SecretName: 'key' },
      ],
      Configs: [
        {
          File: { Name: '/etc/nginx/nginx.conf', UID: '101', GID: '0', Mode: 0o440 },
          ConfigID: 'cid1',
          ConfigName: 'nginx.conf',
        },
      ],
      Init: false,
      DNSConfig: {},
      Isolation: 'default',
      Privileges: { CredentialSpec: null, SELinuxContext: null },
    },
    Resources: {
      Limits: { MemoryBytes: 64 << 20, NanoCPUs: S / 2 },
      Reservations: { MemoryBytes: 32 << 20 },
    },
    RestartPolicy: { Condition: 'on-failure', Delay: 3 * S, MaxAttempts: 4, Window: 60 * S },
    Placement: {
      Constraints: ['node.role==worker'],
      Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.dc' } }],
      MaxReplicas: 2,
      Platforms: [{ Architecture: 'amd64', OS: 'linux' }],
    },
    Networks: [{ Target: 'app_default', Aliases: ['web'] }],
    ForceUpdate: 2,
    Runtime: 'container',
  },
  Mode: { Replicated: { Replicas: 3 } },
  UpdateConfig: {
    Parallelism: 2,
    Delay: S,
    FailureAction: 'rollback',
    Monitor: 15 * S,
    MaxFailureRatio: 0.25,
    Order: 'start-first',
  },
  RollbackConfig: {
    Parallelism: 1,
    FailureAction: 'pause',
    Monitor: 5 * S,
    MaxFailureRatio: 0,
    Order: 'stop-first',
  },
  EndpointSpec: {
    Mode: 'vip',
    Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
  },
};

describe('service specs between Docker and the swarm core', () => {
  it('round-trips every modelled field, durations as nanoseconds outside and milliseconds inside', () => {
    const json = serviceSpecFromDocker(FULL);
    const spec = swarm.ServiceSpec.fromObject(json);
    expect(spec.task?.restart?.delayMs?.toString()).toBe('3000');
    expect(spec.task?.container?.stopGracePeriodMs?.toString()).toBe('12000');
    expect(spec.update?.monitorMs?.toString()).toBe('15000');
    expect(spec.task?.container?.secrets?.[0]).toMatchObject({
      secretId: 'id1',
      secretName: 'key',
      target: 'key',
      uid: 33,
      gid: 34,
      mode: 0o400,
    });
    expect(spec.task?.container?.configs?.[0]).toMatchObject({
      configId: 'cid1',
      configName: 'nginx.conf',
      target: '/etc/nginx/nginx.conf',
      uid: 101,
      gid: 0,
      mode: 0o440,
    });
    const back = serviceSpecToDocker(spec);
    const {
      Init: _i,
      DNSConfig: _d,
      Isolation: _s,
      Privileges: _p,
      ...container
    } = FULL.TaskTemplate!.ContainerSpec!;
    expect(back).toEqual({
      ...FULL,
      TaskTemplate: { ...FULL.TaskTemplate, ContainerSpec: container },
    });
  });

  it('accepts global and job modes, and moves the deprecated Spec.Networks to the task', () => {
    const g = swarm.ServiceSpec.fromObject(
      serviceSpecFromDocker({ Name: 'g', Mode: { Global: {} }, Networks: [{ Target: 'n' }] }),
    );
    expect(g.global).toBeDefined();
    expect(g.task?.networks?.map((n) => n.target)).toEqual(['n']);
    const j = swarm.ServiceSpec.fromObject(
      serviceSpecFromDocker({ Name: 'j', Mode: { ReplicatedJob: { TotalCompletions: 5 } } }),
    );
    expect(j.replicatedJob?.totalCompletions?.toString()).toBe('5');
    expect(serviceSpecToDocker(j).Mode).toEqual({ ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 5 } });
  });

  it('refuses with 501 what a task would silently run without', () => {
    const refused: Array<[ServiceSpec, string]> = [
      [
        { TaskTemplate: { ContainerSpec: { Mounts: [{ Type: 'bind', Source: '/', Target: '/h' }] } } },
        'TaskTemplate.ContainerSpec.Mounts',
      ],
      [
        { TaskTemplate: { ContainerSpec: { CapabilityAdd: ['CAP_NET_ADMIN'] } } },
        'TaskTemplate.ContainerSpec.CapabilityAdd',
      ],
      [{ TaskTemplate: { ContainerSpec: { TTY: true } } }, 'TaskTemplate.ContainerSpec.TTY'],
      [
        { TaskTemplate: { ContainerSpec: { Configs: [{ ConfigID: 'c', Runtime: { x: 1 } }] } } },
        'TaskTemplate.ContainerSpec.Configs[0].Runtime',
      ],
      [{ TaskTemplate: { Resources: { Limits: { Pids: 10 } } } }, 'TaskTemplate.Resources.Limits.Pids'],
      [{ TaskTemplate: { Runtime: 'plugin' } }, 'TaskTemplate.Runtime "plugin"'],
      [
        { EndpointSpec: { Ports: [{ Protocol: 'sctp', TargetPort: 1 }] } },
        'EndpointSpec.Ports[0].Protocol sctp',
      ],
    ];
    for (const [spec, field] of refused)
      expect(() => serviceSpecFromDocker(spec)).toThrow(
        expect.objectContaining({
          status: 501,
          message: expect.stringContaining(`${field} is not supported`),
        }),
      );
  });

  it('answers type errors with 400 naming the field', () => {
    expect(() => serviceSpecFromDocker({ Mode: { Replicated: { Replicas: -1 } } })).toThrow(
      expect.objectContaining({
        status: 400,
        message: 'invalid Mode.Replicated.Replicas: expected a whole number >= 0, got -1',
      }),
    );
    expect(() => serviceSpecFromDocker({ TaskTemplate: { ContainerSpec: { Env: 'A=B' as never } } })).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringContaining('TaskTemplate.ContainerSpec.Env'),
      }),
    );
    expect(() => serviceSpecFromDocker({ UpdateConfig: { Order: 'sideways' as never } })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});

describe('objects shown in Docker shape', () => {
  it('shows a node with Docker names for roles, states and architectures', () => {
    const n = nodeToDocker(
      swarm.Node.create({
        id: 'n1',
        role: 1,
        spec: { desiredRole: 1, availability: 2, annotations: { labels: { zone: 'a' } } },
        description: {
          hostname: 'h',
          platform: { architecture: 'x64', os: 'linux' },
          engineLabels: { e: '1' },
        },
        status: { state: 2, addr: '10.0.0.1' },
        managerStatus: { addr: '10.0.0.1:2377', leader: true, reachability: 2 },
      }),
      { engineVersion: '0.1.0' },
    );
    expect(n).toMatchObject({
      ID: 'n1',
      Spec: { Role: 'manager', Availability: 'drain', Labels: { zone: 'a' } },
      Description: {
        Hostname: 'h',
        Platform: { Architecture: 'x86_64', OS: 'linux' },
        Engine: { EngineVersion: '0.1.0', Labels: { e: '1' } },
      },
      Status: { State: 'ready', Addr: '10.0.0.1' },
      ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: '10.0.0.1:2377' },
    });
    expect(n.CreatedAt).toBe('0001-01-01T00:00:00Z');
  });

  it('shows task states by name and lists only host-mode ports in the port status', () => {
    const t = taskToDocker(
      swarm.Task.create({
        id: 't1',
        serviceId: 's1',
        slot: 2 as never,
        nodeId: 'n1',
        desiredState: swarm.TaskState.RUNNING,
        meta: { createdAt: 1767225600123 as never },
        status: {
          state: swarm.TaskState.FAILED,
          err: 'exit 1',
          ports: [{ targetPort: 80, publishedPort: 41000 }],
        },
        endpoint: { spec: { ports: [{ targetPort: 80, publishedPort: 8080 }] } },
      }),
    );
    expect(t).toMatchObject({
      ID: 't1',
      Slot: 2,
      DesiredState: 'running',
      Status: { State: 'failed', Err: 'exit 1', PortStatus: {} },
    });
    expect(t.CreatedAt).toBe('2026-01-01T00:00:00.123Z');
    expect(t.NetworksAttachments).toBeUndefined();
  });

  it("shows a task's network attachments as Docker's NetworksAttachments", () => {
    const t = taskToDocker(
      swarm.Task.create({
        id: 't1',
        serviceId: 's1',
        networks: [
          {
            networkId: 'net1',
            networkName: 'app',
            slice: '10.128.1.0/26',
            gateway: '10.128.1.1',
            addresses: ['10.128.1.2/26'],
          },
        ],
      }),
    );
    expect(t.NetworksAttachments).toEqual([
      { Network: { ID: 'net1', Spec: { Name: 'app' } }, Addresses: ['10.128.1.2/26'] },
    ]);
  });

  it('never shows CA keys or the unlock key of the cluster', () => {
    const s = clusterToDocker(
      swarm.Cluster.create({
        id: 'c1',
        rootCa: {
          caKey: new TextEncoder().encode('KEY'),
          caCert: new TextEncoder().encode('CERT'),
          joinTokens: { worker: 'W', manager: 'M' },
        },
        unlockKey: 'SWMKEY-1-secret',
      }),
    );
    expect(s.JoinTokens).toEqual({ Worker: 'W', Manager: 'M' });
    expect(s.TLSInfo.TrustRoot).toBe('CERT');
    expect(JSON.stringify(s)).not.toMatch(/KEY|SWMKEY/);
  });

  it('round-trips a network create request', () => {
    const spec = swarm.NetworkSpec.fromObject(
      networkSpecFromDocker({
        Name: 'app_default',
        Driver: 'overlay',
        Attachable: true,
        Labels: { 'com.docker.stack.namespace': 'app' },
        Options: { encrypted: '' },
        IPAM: { Driver: 'default', Config: [{ Subnet: '10.9.0.0/24', Gateway: '10.9.0.1' }] },
      }),
    );
    const n = networkToDocker(swarm.Network.create({ id: 'net1', spec }));
    expect(n).toMatchObject({
      Name: 'app_default',
      Id: 'net1',
      Scope: 'swarm',
      Driver: 'overlay',
      Attachable: true,
      Labels: { 'com.docker.stack.namespace': 'app' },
      Options: { encrypted: '' },
      IPAM: { Driver: 'default', Config: [{ Subnet: '10.9.0.0/24', Gateway: '10.9.0.1' }] },
    });
  });
});

describe('log frames and the TCP rules', () => {
  it('frames a line as Docker stdcopy does, with RFC3339NanoFixed timestamps', () => {
    const f = frame(
      {
        timestamp: Date.UTC(2026, 0, 1),
        stream: 'stderr',
        line: 'x',
        nodeId: 'n',
        serviceId: 's',
        taskId: 't',
      },
      { stdout: true, stderr: true, timestamps: true, details: false },
    )!;
    expect([...f.subarray(0, 8)]).toEqual([2, 0, 0, 0, 0, 0, 0, 33]);
    expect(Buffer.from(f.subarray(8)).toString()).toBe(`${rfc3339NanoFixed(Date.UTC(2026, 0, 1))} x\n`);
    expect(rfc3339NanoFixed(Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00.000000000Z');
  });

  it('refuses an Origin, a foreign Host and a body that is not JSON', () => {
    const guard = { hosts: new Set(['127.0.3.41']), port: 2376 };
    const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
    expect(() => checkTcpRequest(guard, req({ host: '127.0.3.41:2376' }))).not.toThrow();
    expect(() => checkTcpRequest(guard, req({ host: '127.0.3.41:2376', origin: 'http://a' }))).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => checkTcpRequest(guard, req({ host: 'evil.example:2376' }))).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => checkTcpRequest(guard, req({ host: '127.0.3.41:9999' }))).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() =>
      checkTcpRequest(
        guard,
        req({ host: '127.0.3.41:2376', 'content-length': '2', 'content-type': 'text/plain' }),
      ),
    ).toThrow(expect.objectContaining({ status: 400 }));
  });
});
