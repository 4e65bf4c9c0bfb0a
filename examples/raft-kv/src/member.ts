import http from 'node:http';
import { parseArgs } from 'node:util';
import { cryptoRandom, type Logger, noopLogger, SwarmError, systemClock } from '@swarm/api';
import { toMemberId } from '@swarm/raft';
import { RaftNode } from '@swarm/raft/driver';
import { LevelStorage } from '@swarm/raft/level';
import { WalStorage } from '@swarm/raft/wal';
import { parseAddress } from './framing.js';
import { encodeCommand, type KvCommand, type KvResult, KvStateMachine } from './kv-state-machine.js';
import { TcpTransport } from './tcp-transport.js';

export interface MemberOptions {
  id: bigint;
  /** The member's data directory (LevelDB, or the write-ahead log's segments and snapshots). */
  dataDir: string;
  /**
   * `level` (LevelDB, the default), `wal` (preallocated segment files synced with fdatasync) or
   * `wal-threadpool` (the same, every write through the thread pool: no inline follower writes).
   */
  storage?: StorageKind;
  /** host:port where peers connect. */
  listen: string;
  /** host:port of the client HTTP API. */
  http: string;
  /** Where every member (this one included) is reached by its peers. */
  peers: Map<bigint, string>;
  /** Join an existing cluster (start empty; the leader sends a snapshot) instead of founding one. */
  join: boolean;
  /** Milliseconds per raft tick. Default 100: elections after 1-2 s, heartbeats every 100 ms. */
  tickMs: number;
  snapshotInterval: number;
  /** Remember every applied (client, sequence) write, for the robustness harness. */
  audit: boolean;
  logger?: Logger;
}

export interface RunningMember {
  node: RaftNode<KvResult>;
  stateMachine: KvStateMachine;
  close(): Promise<void>;
}

/** The storages a member can run on. */
export type StorageKind = 'level' | 'wal' | 'wal-threadpool';
export const STORAGE_KINDS: readonly StorageKind[] = ['level', 'wal', 'wal-threadpool'];

/** Time a client request may wait for raft before it is answered with an unknown outcome. */
const REQUEST_TIMEOUT_MS = 3000;

export async function startMember(options: MemberOptions): Promise<RunningMember> {
  const storage =
    options.storage === 'wal' || options.storage === 'wal-threadpool'
      ? await WalStorage.open({ path: options.dataDir, inlineWrites: options.storage === 'wal' })
      : await LevelStorage.open({ path: options.dataDir });
  const transport = new TcpTransport(options.id, options.peers);
  const stateMachine = new KvStateMachine({
    audit: options.audit,
    onAddress: (id, address) => transport.setAddress(id, address),
  });
  const node = new RaftNode({
    id: options.id,
    storage,
    transport,
    stateMachine,
    clock: systemClock,
    random: cryptoRandom,
    logger: options.logger ?? noopLogger,
    tickMs: options.tickMs,
    snapshotInterval: options.snapshotInterval,
    timeoutMs: REQUEST_TIMEOUT_MS,
    ...(options.join ? {} : { bootstrap: [...options.peers.keys()] }),
    raft: { electionTick: 10, heartbeatTick: 1, preVote: true, checkQuorum: true },
  });
  transport.attach(node);
  await transport.listen(options.listen);
  await node.start();
  const server = http.createServer((req, res) => {
    handle(node, stateMachine, transport, req, res).catch((error: unknown) =>
      reply(res, 500, errorBody(error)),
    );
  });
  server.keepAliveTimeout = 60_000;
  const { host, port } = parseAddress(options.http);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    node,
    stateMachine,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await node.stop();
      await transport.close();
      await storage.close();
    },
  };
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * `outcome: 'failed'` means the request definitely had no effect; `'unknown'` that it may still
 * take effect (retry a write with the same client ID and sequence number to learn which).
 */
function errorBody(error: unknown): { error: string; message: string; outcome: 'failed' | 'unknown' } {
  const code = error instanceof SwarmError ? error.code : 'INTERNAL';
  const definite = code === 'PROPOSAL_DROPPED' || code === 'NO_LEADER' || code === 'BAD_REQUEST';
  return {
    error: code,
    message: error instanceof Error ? error.message : String(error),
    outcome: definite ? 'failed' : 'unknown',
  };
}

function errorStatus(body: { error: string }): number {
  if (body.error === 'BAD_REQUEST') return 400;
  if (body.error === 'RAFT_TIMEOUT') return 504;
  if (body.error === 'INTERNAL') return 500;
  return 503;
}

class BadRequestError extends SwarmError {
  constructor(message: string) {
    super('BAD_REQUEST', message);
  }
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      if (chunks.length === 0) return resolve({});
      try {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (typeof body !== 'object' || body === null) throw new Error('not an object');
        resolve(body as Record<string, unknown>);
      } catch {
        reject(new BadRequestError('request body must be a JSON object'));
      }
    });
  });
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadRequestError(`${field} must be a string`);
  return value;
}

function session(body: Record<string, unknown>): { c?: string; s?: number } {
  const client = optionalString(body, 'client');
  const seq = body.seq;
  if (client === undefined && seq === undefined) return {};
  if (client === undefined || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
    throw new BadRequestError('client (a string) and seq (an integer >= 1) go together');
  }
  return { c: client, s: seq };
}

async function handle(
  node: RaftNode<KvResult>,
  sm: KvStateMachine,
  transport: TcpTransport,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://member');
  const parts = url.pathname
    .split('/')
    .filter((p) => p.length > 0)
    .map(decodeURIComponent);
  const method = req.method ?? 'GET';
  try {
    const body = method === 'GET' ? {} : await readJson(req);
    if (parts[0] === 'kv' && parts.length === 2) {
      const key = parts[1] as string;
      if (method === 'GET') {
        const { index } = await node.readIndex();
        reply(res, 200, { value: sm.get(key) ?? null, index: index.toString() });
        return;
      }
      if (method === 'PUT') {
        const value = optionalString(body, 'value');
        if (value === undefined) throw new BadRequestError('value is required');
        await propose(node, res, { t: 'put', k: key, v: value, ...session(body) });
        return;
      }
      if (method === 'DELETE') {
        await propose(node, res, { t: 'del', k: key, ...session(body) });
        return;
      }
    }
    if (parts[0] === 'cas' && parts.length === 2 && method === 'POST') {
      const value = optionalString(body, 'value');
      const expected = body.expected === null ? null : optionalString(body, 'expected');
      if (value === undefined || expected === undefined) {
        throw new BadRequestError('expected (a string, or null for an absent key) and value are required');
      }
      await propose(node, res, { t: 'cas', k: parts[1] as string, e: expected, v: value, ...session(body) });
      return;
    }
    if (parts[0] === 'members' && parts.length === 1 && method === 'POST') {
      const id = optionalString(body, 'id');
      const peer = optionalString(body, 'peer');
      if (id === undefined || peer === undefined)
        throw new BadRequestError('id and peer (host:port) are required');
      const memberId = toMemberId(id);
      parseAddress(peer);
      // The address first, so that the new member is reachable by whoever leads when it joins.
      await node.propose(encodeCommand({ t: 'addr', id: memberId.toString(), a: peer }));
      const { confState } = await node.addMember(memberId, { learner: body.learner === true });
      reply(res, 200, confStateBody(confState));
      return;
    }
    if (parts[0] === 'members' && parts.length === 2 && method === 'DELETE') {
      const { confState } = await node.removeMember(toMemberId(parts[1] as string));
      reply(res, 200, confStateBody(confState));
      return;
    }
    if (parts[0] === 'status' && method === 'GET') {
      const status = node.status();
      reply(res, 200, {
        id: node.id.toString(),
        leader: node.leader.toString(),
        term: node.term.toString(),
        applied: node.appliedIndex.toString(),
        isLeader: node.isLeader,
        voters: status.config.voters.map(String),
        learners: status.config.learners.map(String),
        peers: Object.fromEntries([...transport.addresses()].map(([id, a]) => [id.toString(), a])),
      });
      return;
    }
    if (parts[0] === 'debug' && parts[1] === 'state' && method === 'GET') {
      reply(res, 200, {
        applied: node.appliedIndex.toString(),
        data: Object.fromEntries(sm.data),
        audit: sm.audit ? Object.fromEntries(sm.audit) : null,
      });
      return;
    }
    reply(res, 404, { error: 'NOT_FOUND', message: `no route ${method} ${url.pathname}`, outcome: 'failed' });
  } catch (error) {
    const body = errorBody(error);
    reply(res, errorStatus(body), body);
  }
}

function confStateBody(cs: { voters: readonly bigint[]; learners: readonly bigint[] }) {
  return { voters: cs.voters.map(String), learners: cs.learners.map(String) };
}

async function propose(
  node: RaftNode<KvResult>,
  res: http.ServerResponse,
  command: KvCommand,
): Promise<void> {
  const { index, result } = await node.propose(encodeCommand(command));
  reply(res, 200, { index: index.toString(), ...result });
}

/** Parses "1=127.0.0.1:7001,2=127.0.0.1:7002". */
export function parsePeers(text: string): Map<bigint, string> {
  const peers = new Map<bigint, string>();
  for (const item of text.split(',').filter((s) => s.length > 0)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new TypeError(`--peers entries are ID=host:port, got ${JSON.stringify(item)}`);
    const address = item.slice(eq + 1);
    parseAddress(address);
    peers.set(toMemberId(item.slice(0, eq)), address);
  }
  return peers;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      id: { type: 'string' },
      data: { type: 'string' },
      listen: { type: 'string' },
      http: { type: 'string' },
      peers: { type: 'string' },
      join: { type: 'boolean', default: false },
      'tick-ms': { type: 'string', default: '100' },
      'snapshot-interval': { type: 'string', default: '10000' },
      audit: { type: 'boolean', default: false },
      storage: { type: 'string', default: 'level' },
    },
  });
  if (
    !values.id ||
    !values.data ||
    !values.listen ||
    !values.http ||
    !values.peers ||
    !STORAGE_KINDS.includes(values.storage as StorageKind)
  ) {
    console.error(
      'usage: member --id N --data DIR --listen HOST:PORT --http HOST:PORT --peers 1=HOST:PORT,2=... [--join] [--tick-ms 100] [--snapshot-interval 10000] [--audit] [--storage level|wal|wal-threadpool]',
    );
    process.exit(2);
  }
  const id = toMemberId(values.id);
  const peers = parsePeers(values.peers);
  if (!values.join && !peers.has(id)) peers.set(id, values.listen);
  const member = await startMember({
    id,
    dataDir: values.data,
    listen: values.listen,
    http: values.http,
    peers,
    join: values.join,
    tickMs: Number(values['tick-ms']),
    snapshotInterval: Number(values['snapshot-interval']),
    audit: values.audit,
    storage: values.storage as StorageKind,
  });
  member.node.onLeaderChange((leader, term) => {
    console.error(`member ${id}: leader ${leader} term ${term}`);
  });
  console.log(
    JSON.stringify({ event: 'listening', id: id.toString(), http: values.http, peer: values.listen }),
  );
  const shutdown = () => {
    member.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  member.node.onApplied(() => {
    if (member.node.stoppedReason !== undefined) {
      console.error(`member ${id} stopped: ${member.node.stoppedReason}`);
      process.exit(1);
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
