// Certificate renewal and connection age without dropped calls, on 127.0.0.69-71.
import * as tls from 'node:tls';
import { ManualClock, noopLogger, type SwarmError, swarm } from '@swarm/api';
import { DenyList } from '@swarm/ca';
import { CredentialStore, tlsClientOptions } from '@swarm/ca/tls';
import type { MessageSink } from '@swarm/dispatcher';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcClients } from '../src/client.js';
import { RPC_ROLES } from '../src/roles.js';
import { RpcServer } from '../src/server.js';
import { Cleanup, eventually, material, newClients, newServer, realTimeCA } from './fixtures/rpc-helpers.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('hot swap of certificates', () => {
  it('after a client renewal, calls go on and new connections present the new certificate', async () => {
    const t = await realTimeCA(690);
    const manager = await t.issueNode({ role: 'manager' });
    const worker = await t.issueNode({ role: 'worker' });
    const { server } = newServer(t, manager, cleanup);
    const serials: bigint[] = [];
    let openGate!: () => void;
    const gate = new Promise<void>((r) => {
      openGate = r;
    });
    const sessionSinks: MessageSink<swarm.SessionMessage.$Properties>[] = [];
    server.addService('Ingress', {
      endpoints: (_r, ctx) => {
        serials.push(ctx.identity!.certificate.serial);
        return {};
      },
    });
    server.addService('LogBroker', {
      publishLogs: async () => {
        await gate; // in flight across the renewal
        return {};
      },
      listLogs: () => ({}),
    });
    server.addService('Dispatcher', {
      session: (_r, _ctx, sink) => {
        sessionSinks.push(sink);
        sink.send({ sessionId: 'one' });
        return { cancel() {} };
      },
      heartbeat: () => ({}),
      updateTaskStatus: () => ({}),
      assignments: (_r, _ctx, sink) => {
        sink.end();
        return { cancel() {} };
      },
    });
    const addr = `127.0.0.69:${await server.listen('127.0.0.69:0')}`;

    const clock = new ManualClock(Date.now());
    const credentials = new CredentialStore(material(t, worker));
    const clients = new RpcClients({ credentials, logger: noopLogger, clock, retireGraceMs: 60_000 });
    cleanup.add(() => clients.close());
    const stubs = clients.get(addr);
    await stubs.Ingress.endpoints({});
    expect(serials).toEqual([BigInt(`0x${worker.serial}`)]);

    // in flight: a unary call and a stream
    const slow = stubs.LogBroker.publishLogs({});
    const streamed: (string | SwarmError | undefined)[] = [];
    stubs.Dispatcher.session(
      {},
      { send: (m) => streamed.push(m.sessionId), end: (e) => streamed.push((e as SwarmError) ?? 'ended') },
    );
    await eventually(() => streamed.length === 1 && sessionSinks.length === 1, 10_000, 'the session stream');

    // a steady stream of calls across the renewal: none may fail
    const failures: unknown[] = [];
    let calls = 0;
    let running = true;
    const loop = (async () => {
      while (running) {
        try {
          await stubs.Ingress.endpoints({});
          calls++;
        } catch (err) {
          failures.push(err);
        }
      }
    })();
    await eventually(() => calls >= 3, 10_000, 'calls before the renewal');

    const renewed = await t.issueNode({ role: 'worker', nodeId: worker.nodeId });
    credentials.update({ keyPem: renewed.keyPem, chainPem: renewed.chainPem });
    const after = calls;
    await eventually(() => calls >= after + 3, 10_000, 'calls after the renewal');
    running = false;
    await loop;
    expect(failures).toEqual([]);
    expect(serials.at(-1)).toBe(BigInt(`0x${renewed.serial}`));

    // the calls in flight on the old channel were not dropped
    openGate();
    await expect(slow).resolves.toBeInstanceOf(swarm.PublishLogsResponse);
    sessionSinks[0]!.send({ sessionId: 'two' });
    await eventually(() => streamed.length === 2, 10_000, 'a message on the old stream');
    expect(streamed).toEqual(['one', 'two']);

    // after the grace the old channel closes; its stream ends so that its owner reconnects
    clock.advance(60_000);
    await eventually(() => streamed.length === 3, 10_000, 'the old stream to end');
    expect((streamed[2] as SwarmError).code).toBe('RPC_CANCELLED');
  });

  it('after a server renewal, new connections see the new server certificate and calls go on', async () => {
    const t = await realTimeCA(691);
    const manager = await t.issueNode({ role: 'manager' });
    const worker = await t.issueNode({ role: 'worker' });
    const { server, credentials } = newServer(t, manager, cleanup);
    server.addService('Ingress', { endpoints: () => ({}) });
    const port = await server.listen('127.0.0.70:0');
    const addr = `127.0.0.70:${port}`;
    const { clients } = newClients(t, worker, cleanup);
    await clients.get(addr).Ingress.endpoints({});

    const serverSerial = () =>
      new Promise<bigint>((resolve, reject) => {
        const socket = tls.connect(
          { ...tlsClientOptions(material(t, worker)), host: '127.0.0.70', port, ALPNProtocols: ['h2'] },
          () => {
            resolve(BigInt(`0x${socket.getPeerCertificate().serialNumber}`));
            socket.destroy();
          },
        );
        socket.on('error', reject);
      });
    expect(await serverSerial()).toBe(BigInt(`0x${manager.serial}`));
    const renewed = await t.issueNode({ role: 'manager', nodeId: manager.nodeId });
    credentials.update({ keyPem: renewed.keyPem, chainPem: renewed.chainPem });
    await clients.get(addr).Ingress.endpoints({}); // the open connection goes on
    expect(await serverSerial()).toBe(BigInt(`0x${renewed.serial}`));
  });

  it('bounded connection age: connections are replaced and no call fails', async () => {
    const t = await realTimeCA(692);
    const manager = await t.issueNode({ role: 'manager' });
    const worker = await t.issueNode({ role: 'worker' });
    const server = new RpcServer({
      credentials: new CredentialStore(material(t, manager)),
      clusterId: () => t.clusterId,
      denyList: () => new DenyList(),
      logger: noopLogger,
      roles: RPC_ROLES,
      maxConnectionAgeMs: 200,
    });
    cleanup.add(() => server.close());
    const peers = new Set<string>();
    server.addService('Ingress', {
      endpoints: async (_r, ctx) => {
        peers.add(ctx.peer);
        await new Promise((r) => setTimeout(r, 5));
        return {};
      },
    });
    const addr = `127.0.0.71:${await server.listen('127.0.0.71:0')}`;
    const { clients } = newClients(t, worker, cleanup);
    const failures: unknown[] = [];
    const caller = async () => {
      while (peers.size < 3) {
        try {
          await clients.get(addr).Ingress.endpoints({});
        } catch (err) {
          failures.push(err);
        }
      }
    };
    await Promise.all([caller(), caller(), caller(), caller()]);
    expect(failures).toEqual([]);
  });
});
