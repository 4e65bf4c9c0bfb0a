import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { ManualClock } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import { authorize, DenyList } from '../src/index.js';
import { nativeVerifier } from '../src/native.js';
import { createTestCA, type TestCA, type TestNode } from '../src/testing.js';
import {
  attachTlsServer,
  CredentialStore,
  grpcChannelCredentials,
  grpcChannelOptions,
  grpcServerCredentials,
  type TlsMaterial,
  tlsClientOptions,
  tlsServerOptions,
} from '../src/tls.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function realTimeCA(seed: number): Promise<TestCA> {
  // node:tls checks validity against the real clock, so issue "now".
  return createTestCA({ seed, clock: new ManualClock(Date.now()) });
}

const material = (t: TestCA, n: TestNode): TlsMaterial => ({
  keyPem: n.keyPem,
  chainPem: n.chainPem,
  rootsPem: t.ca.certPem,
});

/** A node:tls server that authorizes each client on the server side and answers `ok <nodeId>`. */
async function startServer(t: TestCA, store: CredentialStore) {
  const refused: string[] = [];
  const server = tls.createServer(tlsServerOptions(store.current), (socket) => {
    try {
      const id = authorize(socket.getPeerCertificate(true), {
        allowedRoles: ['swarm-worker', 'swarm-manager'],
        clusterId: t.clusterId,
        denyList: new DenyList(),
        roots: store.current.rootsPem,
        verifier: nativeVerifier,
      });
      socket.on('data', (d) => socket.write(`ok ${id.nodeId} ${d}`));
    } catch (err) {
      refused.push((err as { code: string }).code);
      socket.destroy();
    }
  });
  server.on('tlsClientError', (err) => refused.push(err.message));
  attachTlsServer(server, store);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => server.close());
  return { server, port: (server.address() as AddressInfo).port, refused };
}

/** Connects, sends `ping`, and resolves with what came back (empty if the server hung up). */
function exchange(
  port: number,
  options: tls.ConnectionOptions,
): Promise<{ reply: string; socket: tls.TLSSocket }> {
  return new Promise((resolve) => {
    let reply = '';
    const socket = tls.connect({ ...options, host: '127.0.0.1', port }, () => socket.write('ping'));
    socket.on('data', (d) => {
      reply += d;
      resolve({ reply, socket });
    });
    socket.on('error', () => resolve({ reply, socket }));
    socket.on('close', () => resolve({ reply, socket }));
    cleanups.push(() => socket.destroy());
  });
}

describe('mutual TLS with node:tls on 127.0.0.1', () => {
  it('accepts a node of the cluster in a real handshake and exchanges data', async () => {
    const t = await realTimeCA(31);
    const manager = await t.issueNode({ role: 'swarm-manager' });
    const worker = await t.issueNode({ role: 'swarm-worker' });
    const { port } = await startServer(t, new CredentialStore(material(t, manager)));
    const { reply, socket } = await exchange(port, tlsClientOptions(material(t, worker)));
    expect(reply).toBe(`ok ${worker.nodeId} ping`);
    expect(socket.authorized).toBe(true);
  });

  it('refuses a client with a certificate from another root (checked by data, not secureConnect)', async () => {
    const t = await realTimeCA(32);
    const other = await realTimeCA(33);
    const manager = await t.issueNode({ role: 'swarm-manager' });
    const stranger = await other.issueNode();
    const { port, refused } = await startServer(t, new CredentialStore(material(t, manager)));
    const { reply } = await exchange(
      port,
      tlsClientOptions({ ...material(other, stranger), rootsPem: t.ca.certPem }),
    );
    expect(reply).toBe('');
    expect(refused.length).toBeGreaterThan(0);
  });

  it('refuses a client without a certificate when one is required', async () => {
    const t = await realTimeCA(34);
    const manager = await t.issueNode({ role: 'swarm-manager' });
    const { port } = await startServer(t, new CredentialStore(material(t, manager)));
    const { reply } = await exchange(port, { ca: t.ca.certPem, servername: 'swarm-manager' });
    expect(reply).toBe('');
  });

  it('makes the client refuse a server that is not a manager', async () => {
    const t = await realTimeCA(35);
    const worker = await t.issueNode({ role: 'swarm-worker' });
    const client = await t.issueNode({ role: 'swarm-worker' });
    const { port } = await startServer(t, new CredentialStore(material(t, worker)));
    const { reply, socket } = await exchange(port, tlsClientOptions(material(t, client)));
    expect(reply).toBe('');
    expect(socket.authorized).toBe(false);
  });

  it('hot-swaps the server certificate on renewal without dropping an open connection', async () => {
    const t = await realTimeCA(36);
    const manager = await t.issueNode({ role: 'swarm-manager' });
    const worker = await t.issueNode();
    const store = new CredentialStore(material(t, manager));
    const { port } = await startServer(t, store);
    const first = await exchange(port, tlsClientOptions(material(t, worker)));
    const oldSerial = first.socket.getPeerCertificate().serialNumber;

    const renewed = await t.issueNode({ role: 'swarm-manager', nodeId: manager.nodeId });
    store.update({ keyPem: renewed.keyPem, chainPem: renewed.chainPem });

    // the open connection still works
    const again = await new Promise<string>((resolve) => {
      first.socket.once('data', (d) => resolve(String(d)));
      first.socket.write('still there');
    });
    expect(again).toBe(`ok ${worker.nodeId} still there`);
    // a new connection sees the renewed certificate
    const second = await exchange(port, tlsClientOptions(material(t, worker)));
    expect(second.reply).toBe(`ok ${worker.nodeId} ping`);
    const newSerial = second.socket.getPeerCertificate().serialNumber;
    expect(newSerial).not.toBe(oldSerial);
    expect(BigInt(`0x${newSerial}`)).toBe(BigInt(`0x${renewed.serial}`));
  });
});

describe('gRPC credentials (@grpc/grpc-js)', () => {
  const service: grpc.ServiceDefinition = {
    Whoami: {
      path: '/test.Id/Whoami',
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: Buffer) => v,
      requestDeserialize: (b: Buffer) => b,
      responseSerialize: (v: Buffer) => v,
      responseDeserialize: (b: Buffer) => b,
    },
  };
  const Client = grpc.makeGenericClientConstructor(service, 'Id');

  it('serves a node with a verified certificate and a joiner without one on the same port', async () => {
    const t = await realTimeCA(41);
    const manager = await t.issueNode({ role: 'swarm-manager' });
    const worker = await t.issueNode();
    const server = new grpc.Server();
    server.addService(service, {
      Whoami(call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) {
        const peer = call.getAuthContext()?.sslPeerCertificate;
        if (!peer) return cb(null, Buffer.from('anonymous'));
        try {
          const id = authorize(peer as never, {
            allowedRoles: ['swarm-worker', 'swarm-manager'],
            clusterId: t.clusterId,
            denyList: new DenyList(),
            roots: t.ca.certPem,
            verifier: nativeVerifier,
          });
          cb(null, Buffer.from(id.nodeId));
        } catch (err) {
          cb({ code: grpc.status.PERMISSION_DENIED, details: (err as Error).message });
        }
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(
        '127.0.0.1:0',
        grpcServerCredentials(new CredentialStore(material(t, manager))),
        (e, p) => (e ? reject(e) : resolve(p)),
      ),
    );
    cleanups.push(() => server.forceShutdown());

    const call = (client: grpc.Client) =>
      new Promise<string>((resolve, reject) => {
        (
          client as unknown as { Whoami: (r: Buffer, cb: (e: Error | null, v?: Buffer) => void) => void }
        ).Whoami(Buffer.alloc(0), (e, v) => (e ? reject(e) : resolve(String(v))));
      });
    const nodeClient = new Client(
      `127.0.0.1:${port}`,
      grpcChannelCredentials(new CredentialStore(material(t, worker))),
      grpcChannelOptions(),
    );
    cleanups.push(() => nodeClient.close());
    expect(await call(nodeClient)).toBe(worker.nodeId);

    const joiner = new Client(
      `127.0.0.1:${port}`,
      grpc.credentials.createSsl(Buffer.from(t.ca.certPem)),
      grpcChannelOptions(),
    );
    cleanups.push(() => joiner.close());
    expect(await call(joiner)).toBe('anonymous');

    // a certificate from another root is not a verified identity: it looks anonymous
    const other = await realTimeCA(42);
    const stranger = await other.issueNode();
    const strangerClient = new Client(
      `127.0.0.1:${port}`,
      grpcChannelCredentials(new CredentialStore({ ...material(other, stranger), rootsPem: t.ca.certPem })),
      grpcChannelOptions(),
    );
    cleanups.push(() => strangerClient.close());
    expect(await call(strangerClient)).toBe('anonymous');
  });

  it('hot-swaps the gRPC server certificate: new channels see the renewed one', async () => {
    const t = await realTimeCA(43);
    const manager = await t.issueNode({ role: 'swarm-manager' });
    const worker = await t.issueNode();
    const store = new CredentialStore(material(t, manager));
    const seen: string[] = [];
    const server = new grpc.Server();
    server.addService(service, {
      Whoami(_call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) {
        cb(null, Buffer.from('hi'));
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpcServerCredentials(store), (e, p) => (e ? reject(e) : resolve(p))),
    );
    cleanups.push(() => server.forceShutdown());
    const serverSerial = () =>
      new Promise<string>((resolve, reject) => {
        const socket = tls.connect(
          { ...tlsClientOptions(material(t, worker)), host: '127.0.0.1', port, ALPNProtocols: ['h2'] },
          () => {
            resolve(socket.getPeerCertificate().serialNumber.toLowerCase());
            socket.destroy();
          },
        );
        socket.on('error', reject);
      });
    // wait for the provider's first (asynchronous) value to reach the server
    const client = new Client(
      `127.0.0.1:${port}`,
      grpcChannelCredentials(new CredentialStore(material(t, worker))),
      grpcChannelOptions(),
    );
    cleanups.push(() => client.close());
    await new Promise<void>((resolve, reject) =>
      (client as unknown as { Whoami: (r: Buffer, cb: (e: Error | null) => void) => void }).Whoami(
        Buffer.alloc(0),
        (e) => (e ? reject(e) : resolve()),
      ),
    );
    seen.push(await serverSerial());
    const renewed = await t.issueNode({ role: 'swarm-manager', nodeId: manager.nodeId });
    store.update({ keyPem: renewed.keyPem, chainPem: renewed.chainPem });
    seen.push(await serverSerial());
    expect(BigInt(`0x${seen[0]}`)).toBe(BigInt(`0x${manager.serial}`));
    expect(BigInt(`0x${seen[1]}`)).toBe(BigInt(`0x${renewed.serial}`));
  });
});
