// Test aids: a cluster CA on today's time (node:tls checks validity against the real clock), node
// identities, and small TCP servers on the 127.0.10.x loopback range of this package's tests.
import net from 'node:net';
import { ManualClock } from '@swarm/api';
import { DenyList } from '@swarm/ca';
import { createTestCA, type TestCA, type TestNode } from '@swarm/ca/testing';
import type { RelayTrust } from '../src/node.js';

/** A CA and `count` worker identities of one cluster. */
export async function cluster(count: number, seed = 1): Promise<{ ca: TestCA; nodes: TestNode[] }> {
  const ca = await createTestCA({ seed, clock: new ManualClock(Date.now()) });
  const nodes: TestNode[] = [];
  for (let i = 0; i < count; i++) nodes.push(await ca.issueNode({ role: i === 0 ? 'manager' : 'worker' }));
  return { ca, nodes };
}

/** The relay trust of `node` in `ca`'s cluster. */
export function trust(ca: TestCA, node: TestNode, denyList = new DenyList()): RelayTrust {
  return {
    material: () => ({ keyPem: node.keyPem, chainPem: node.chainPem, rootsPem: ca.ca.rootsPem }),
    clusterId: ca.clusterId,
    denyList,
    clock: ca.clock,
  };
}

/** A task: a TCP server on `host` that answers each line `x` with `NAME:x`. */
export async function task(
  host: string,
  name: string,
  port = 0,
): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.setEncoding('utf8');
    let buf = '';
    s.on('data', (d: string) => {
      buf += d;
      let i = buf.indexOf('\n');
      while (i >= 0) {
        s.write(`${name}:${buf.slice(0, i)}\n`);
        buf = buf.slice(i + 1);
        i = buf.indexOf('\n');
      }
    });
    s.on('error', () => s.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends one line on `socket` and reads the answer line. */
export function ask(socket: net.Socket, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('utf8');
      const i = buf.indexOf('\n');
      if (i < 0) return;
      socket.off('data', onData);
      socket.off('error', reject);
      resolve(buf.slice(0, i));
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`${line}\n`);
  });
}

/** A TCP connection to `host:port`, once connected. */
export function dial(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port });
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}
