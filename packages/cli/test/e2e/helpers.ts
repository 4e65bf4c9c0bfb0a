// Shared pieces of the end-to-end suites: identities read from a node's data directory (exactly
// the files its daemon presents), a raw gRPC caller that classifies the outcome of any RPC, and
// small cluster helpers over the real CLI.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { grpcChannelOptions } from '@swarm/ca/tls';
import type { NodeView, TaskView } from '@swarm/node/control';
import { asBuffer, ERROR_METADATA_KEY, RPC_SERVICES, type RpcMethod } from '@swarm/rpc';
import { type LocalCluster, type LocalNode, type LocalNodeOptions, waitFor } from '../../src/testing.js';

/** TLS material a caller presents (no key/chain: an anonymous caller). */
export interface Identity {
  readonly rootsPem: string;
  readonly keyPem?: string;
  readonly chainPem?: string;
}

/** The node's certificate, key and roots as its daemon keeps them on disk. */
export function identityOf(node: LocalNode): Required<Identity> {
  const dir = join(node.dataDir, 'certificates');
  return {
    rootsPem: readFileSync(join(dir, 'swarm-root-ca.crt'), 'utf8'),
    chainPem: readFileSync(join(dir, 'swarm-node.crt'), 'utf8'),
    keyPem: readFileSync(join(dir, 'swarm-node.key'), 'utf8'),
  };
}

/** Every RPC served over the network, from RPC_SERVICES. */
export function allMethods(): RpcMethod[] {
  return Object.values(RPC_SERVICES).flatMap((s) => Object.values(s) as RpcMethod[]);
}

/**
 * What a call came to: `allow` when it passed authorization (it succeeded, or its handler
 * answered with an error of its own), the `AUTH_*` code of a refusal, or `unreachable:<status>`
 * when no gRPC answer came at all (TLS refused, connection failed).
 */
export type Outcome = string;

function classify(err: grpc.ServiceError | undefined): Outcome {
  if (err === undefined) return 'allow';
  const raw = err.metadata?.get(ERROR_METADATA_KEY)[0];
  if (raw !== undefined) {
    const code = (JSON.parse(Buffer.from(raw as Buffer).toString('utf8')) as { code?: string }).code ?? '';
    return code.startsWith('AUTH_') ? code : 'allow';
  }
  // Without our error payload: a handler's private error is INTERNAL ("see the serving node's
  // log"); everything else never reached a handler.
  if (err.code === grpc.status.INTERNAL && /internal error in/.test(err.details)) return 'allow';
  return `unreachable:${grpc.status[err.code]}:${err.details}`;
}

/**
 * Calls `method` on `addr` with an empty request as `who`. Server streams count as allowed when
 * they deliver a message, end, or stay open for `streamWaitMs` (a refusal is immediate: the
 * server authorizes before the handler runs).
 */
export async function callAs(
  addr: string,
  method: RpcMethod,
  who: Identity,
  options: { timeoutMs?: number; streamWaitMs?: number; request?: unknown } = {},
): Promise<Outcome> {
  const client = clientAs(addr, who);
  try {
    return await callOn(client, method, options);
  } finally {
    client.close();
  }
}

/** A gRPC client presenting `who` (one connection for many calls: see `callOn`). */
export function clientAs(addr: string, who: Identity): grpc.Client {
  const creds =
    who.keyPem !== undefined && who.chainPem !== undefined
      ? grpc.credentials.createSsl(
          Buffer.from(who.rootsPem),
          Buffer.from(who.keyPem),
          Buffer.from(who.chainPem),
        )
      : grpc.credentials.createSsl(Buffer.from(who.rootsPem));
  return new grpc.Client(addr, creds, {
    ...grpcChannelOptions(),
    'grpc.use_local_subchannel_pool': 1,
  });
}

/** `callAs` over an existing client (the server authorizes every call, whatever its connection). */
export function callOn(
  client: grpc.Client,
  method: RpcMethod,
  { timeoutMs = 8000, streamWaitMs = 3000, request = {} as unknown } = {},
): Promise<Outcome> {
  const serialize = (v: unknown) => asBuffer(method.request.encode(v).finish());
  const deserialize = (b: Buffer) => method.response.decode(b);
  const deadline = { deadline: Date.now() + timeoutMs };
  return new Promise<Outcome>((resolve) => {
    switch (method.kind) {
      case 'unary':
        client.makeUnaryRequest(
          method.path,
          serialize,
          deserialize,
          request,
          new grpc.Metadata(),
          deadline,
          (err) => resolve(classify(err ?? undefined)),
        );
        return;
      case 'clientStream': {
        const call = client.makeClientStreamRequest(
          method.path,
          serialize,
          deserialize,
          new grpc.Metadata(),
          deadline,
          (err) => resolve(classify(err ?? undefined)),
        );
        call.on('error', () => {});
        call.end();
        return;
      }
      case 'serverStream': {
        const call = client.makeServerStreamRequest(
          method.path,
          serialize,
          deserialize,
          request,
          new grpc.Metadata(),
          {},
        );
        const done = (o: Outcome) => {
          clearTimeout(timer);
          call.removeAllListeners();
          call.on('error', () => {});
          call.cancel();
          resolve(o);
        };
        const timer = setTimeout(() => done('allow'), streamWaitMs);
        call.on('data', () => done('allow'));
        call.on('end', () => done('allow'));
        call.on('error', (err: grpc.ServiceError) => done(classify(err)));
      }
    }
  });
}

/** Copies a node's certificates directory (to keep an identity after the node changes it). */
export function snapshotIdentity(node: LocalNode, into: string): Required<Identity> {
  mkdirSync(into, { recursive: true, mode: 0o700 });
  for (const f of readdirSync(join(node.dataDir, 'certificates')))
    if (statSync(join(node.dataDir, 'certificates', f)).isFile())
      copyFileSync(join(node.dataDir, 'certificates', f), join(into, f));
  return {
    rootsPem: readFileSync(join(into, 'swarm-root-ca.crt'), 'utf8'),
    chainPem: readFileSync(join(into, 'swarm-node.crt'), 'utf8'),
    keyPem: readFileSync(join(into, 'swarm-node.key'), 'utf8'),
  };
}

/** Adds a node to `cluster` for each of `nodes` and starts them all together; returns them in order. */
export async function startNodes<T extends LocalNodeOptions[]>(
  cluster: LocalCluster,
  ...nodes: T
): Promise<{ [K in keyof T]: LocalNode }> {
  const added = nodes.map((o) => cluster.add(o));
  await Promise.all(added.map((n) => n.start()));
  return added as { [K in keyof T]: LocalNode };
}

/** Waits (up to `budgetMs`) until `manager`'s `node ls` lists `total` nodes, all ready. */
export async function waitForReadyNodes(manager: LocalNode, total: number, budgetMs = 60_000): Promise<void> {
  await waitFor(
    `${total} ready nodes`,
    async () => {
      const ls = await manager.json<NodeView[]>(['node', 'ls']);
      return ls.length === total && ls.every((n) => n.status === 'ready');
    },
    budgetMs,
  );
}

/**
 * `swarm init` on `leader`, then joins `managers` (one by one) and `workers` (together); waits
 * (up to `readyBudgetMs`) until all are ready.
 */
export async function formCluster(
  leader: LocalNode,
  managers: LocalNode[],
  workers: LocalNode[],
  initArgs: string[] = [],
  readyBudgetMs = 60_000,
): Promise<{ workerToken: string; managerToken: string }> {
  await leader.ok(['init', '--listen-addr', leader.addr, ...initArgs]);
  const workerToken = (await leader.ok(['join-token', '-q', 'worker'])).trim();
  const managerToken = (await leader.ok(['join-token', '-q', 'manager'])).trim();
  for (const m of managers)
    await m.ok(['join', '--token', managerToken, '--listen-addr', m.addr, leader.addr]);
  await Promise.all(
    workers.map((w) => w.ok(['join', '--token', workerToken, '--listen-addr', w.addr, leader.addr])),
  );
  await waitForReadyNodes(leader, 1 + managers.length + workers.length, readyBudgetMs);
  return { workerToken, managerToken };
}

/** Node IDs by hostname, as `manager`'s `node ls` lists them. */
export async function nodeIds(m: LocalNode): Promise<Record<string, string>> {
  return Object.fromEntries(
    (await m.json<NodeView[]>(['node', 'ls'])).map((n) => [n.hostname, n.id] as const),
  );
}

export async function tasksOf(m: LocalNode, service: string): Promise<TaskView[]> {
  return m.json<TaskView[]>(['service', 'ps', service]);
}

export async function runningTasks(m: LocalNode, service: string): Promise<TaskView[]> {
  return (await tasksOf(m, service)).filter(
    (t) => t.currentState === 'running' && t.desiredState === 'running',
  );
}

/** Prints the last log lines of every node of the clusters when a test failed. */
export function dumpLogsOnFailure(
  ctx: { task: { result?: { state?: string } } },
  ...clusters: LocalCluster[]
) {
  if (ctx.task.result?.state !== 'fail') return;
  for (const c of clusters)
    for (const n of c.nodes)
      console.error(`--- ${n.name} (last log lines)\n${n.log.split('\n').slice(-25).join('\n')}`);
}

/** A command that idles (a task that stays running). */
export const IDLE = [process.execPath, '-e', 'setInterval(() => {}, 1000)'];

/** A unary call as `who`: `ok`, or the error's code (our SwarmError code, else the gRPC status name). */
export async function callCode(
  addr: string,
  method: RpcMethod,
  who: Identity,
  request: unknown,
): Promise<string> {
  const client = clientAs(addr, who);
  try {
    return await new Promise<string>((resolve) =>
      client.makeUnaryRequest(
        method.path,
        (v: unknown) => asBuffer(method.request.encode(v).finish()),
        (b: Buffer) => method.response.decode(b),
        request,
        new grpc.Metadata(),
        { deadline: Date.now() + 8000 },
        (err) => {
          if (!err) return resolve('ok');
          const raw = err.metadata?.get(ERROR_METADATA_KEY)[0];
          if (raw === undefined) return resolve(grpc.status[err.code] ?? 'UNKNOWN');
          resolve((JSON.parse(Buffer.from(raw as Buffer).toString('utf8')) as { code: string }).code);
        },
      ),
    );
  } finally {
    client.close();
  }
}
