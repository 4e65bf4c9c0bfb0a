// Authorization that follows the store, and the verified peer address, on 127.0.1.200-202.
import { noopLogger } from '@swarm/api';
import { CredentialStore } from '@swarm/ca/tls';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcClients } from '../src/client.js';
import { peerHost } from '../src/dispatcher-binding.js';
import { RPC_ROLES } from '../src/roles.js';
import { RpcServer } from '../src/server.js';
import { Cleanup, material, realTimeCA, rejection } from './fixtures/rpc-helpers.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('the RPC server asks the store what a caller is now', () => {
  it('refuses a manager certificate on manager RPCs once the store stops granting the manager role, and serves it again on promotion', async () => {
    const t = await realTimeCA(1601);
    const server = await t.issueNode({ role: 'manager' });
    const caller = await t.issueNode({ role: 'manager' });
    let granted: 'swarm-manager' | 'swarm-worker' | undefined = 'swarm-manager';
    const asked: string[] = [];
    const rpc = new RpcServer({
      credentials: new CredentialStore(material(t, server)),
      clusterId: () => t.clusterId,
      denyList: () => new Set<string>(),
      grantedRole: (nodeId, method) => {
        asked.push(method);
        return nodeId === caller.nodeId ? granted : undefined;
      },
      logger: noopLogger,
      roles: RPC_ROLES,
    });
    cleanup.add(() => rpc.close());
    rpc.addService('LogBroker', { publishLogs: () => ({}), listLogs: () => ({}) });
    const addr = `127.0.1.200:${await rpc.listen('127.0.1.200:0')}`;
    const clients = new RpcClients({
      credentials: new CredentialStore(material(t, caller)),
      logger: noopLogger,
    });
    cleanup.add(() => clients.close());
    const stubs = clients.get(addr);

    await stubs.LogBroker.listLogs({});
    granted = 'swarm-worker'; // demoted: the same connection, the same certificate
    const err = await rejection(stubs.LogBroker.listLogs({}));
    expect(err.code).toBe('AUTH_ROLE_REVOKED');
    expect(err.message).toMatch(/must renew its certificate/);
    // A worker RPC still serves it (it is a worker now).
    await stubs.LogBroker.publishLogs({});
    granted = undefined; // unknown to the store: nothing at all
    expect((await rejection(stubs.LogBroker.publishLogs({}))).code).toBe('AUTH_ROLE_REVOKED');
    granted = 'swarm-manager';
    await stubs.LogBroker.listLogs({});
    expect(asked).toContain('/swarm.LogBroker/ListLogs');
  });
});

describe('the peer address the dispatcher records', () => {
  it('is the host grpc-js reports, without the port, IPv4-mapped addresses unwrapped', () => {
    expect(peerHost('127.0.1.3:40000')).toBe('127.0.1.3');
    expect(peerHost('ipv4:10.0.0.5:1234')).toBe('10.0.0.5');
    expect(peerHost('::ffff:10.0.0.5:1234')).toBe('10.0.0.5');
    expect(peerHost('fd00::5:1234')).toBe('fd00::5');
    expect(peerHost('[fd00::5]:1234')).toBe('fd00::5');
    expect(peerHost('::1')).toBe('::1');
    expect(peerHost('not-an-address:1')).toBe('');
    expect(peerHost('')).toBe('');
  });

  it("is the node's own address when its clients bind it (several nodes on one host's loopback)", async () => {
    const t = await realTimeCA(1602);
    const server = await t.issueNode({ role: 'manager' });
    const worker = await t.issueNode({ role: 'worker' });
    const peers: string[] = [];
    const rpc = new RpcServer({
      credentials: new CredentialStore(material(t, server)),
      clusterId: () => t.clusterId,
      denyList: () => new Set<string>(),
      logger: noopLogger,
      roles: RPC_ROLES,
    });
    cleanup.add(() => rpc.close());
    rpc.addService('Ingress', {
      endpoints: (_r, ctx) => {
        peers.push(peerHost(ctx.peer));
        return {};
      },
    });
    const addr = `127.0.1.201:${await rpc.listen('127.0.1.201:0')}`;
    for (const localAddress of ['127.0.1.202', undefined]) {
      const clients = new RpcClients({
        credentials: new CredentialStore(material(t, worker)),
        logger: noopLogger,
        ...(localAddress === undefined ? {} : { localAddress }),
      });
      cleanup.add(() => clients.close());
      await clients.get(addr).Ingress.endpoints({});
    }
    // Bound: the node's address. Unbound: the kernel's choice on loopback (not the node's).
    expect(peers[0]).toBe('127.0.1.202');
    expect(peers[1]).not.toBe('127.0.1.202');
  });
});
