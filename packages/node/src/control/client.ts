/**
 * The CLI's side of the control API: every ControlApi method becomes `POST /v1/<method>` to the
 * daemon's socket. Errors come back as the daemon's SwarmError (same code and message); a daemon
 * that cannot be reached is a SwarmError DAEMON_UNREACHABLE that names the socket and the fix.
 */
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { dirname } from 'node:path';
import { isSwarmError, SwarmError } from '@swarm/api';
import type {
  ConfigView,
  ControlApi,
  ControlMethod,
  ImagePolicyUpdateRequest,
  ImagePolicyUpdateResult,
  ImagePolicyView,
  InfoResult,
  InitRequest,
  InitResult,
  JoinRequest,
  JoinResult,
  Json,
  LogLineView,
  LogsPage,
  NetworkView,
  NodeRoleName,
  NodeUpdateRequest,
  NodeView,
  SecretView,
  ServiceCreateRequest,
  ServiceLogsFollowRequest,
  ServiceLogsRequest,
  ServiceUpdateRequest,
  ServiceView,
  SwarmBackupResult,
  TaskView,
} from './api.js';
import { type ClientTls, readClientTls } from './client-tls.js';

/** A parsed `--host`: `unix:///abs/path.sock` or `tcp://HOST:PORT`. */
export type ControlEndpoint = { socketPath: string } | { host: string; port: number };

/** Parses a control host URL; throws SwarmError INVALID_ARGUMENT naming the accepted forms. */
export function parseControlHost(host: string): ControlEndpoint {
  const bad = (why: string) =>
    new SwarmError(
      'INVALID_ARGUMENT',
      `invalid --host ${JSON.stringify(host)}: ${why}; use unix:///path/to/swarm.sock or tcp://127.0.0.1:PORT`,
      { host },
    );
  if (host.startsWith('unix://')) {
    const path = host.slice('unix://'.length);
    if (!path.startsWith('/')) throw bad('the socket path must be absolute');
    return { socketPath: path };
  }
  if (host.startsWith('tcp://')) {
    const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:/[\]]+)):(\d{1,5})\/?$/.exec(host.slice('tcp://'.length));
    const port = Number(m?.[3]);
    if (m === null || !(port > 0 && port < 65536)) throw bad('expected tcp://HOST:PORT');
    return { host: m[1] ?? m[2]!, port };
  }
  throw bad('unknown scheme');
}

export interface ControlClientOptions {
  /** Give up on every call after this long (default: never; `service create` may wait for tasks). */
  timeoutMs?: number;
  /**
   * For a `tcp://` host: the client certificate directory (`ca.pem`, `cert.pem`, `key.pem`, see
   * control/tcp-guard.ts), read at the first call. Required for TCP.
   */
  certDir?: string;
}

export interface CallOptions {
  timeoutMs?: number;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'ENOTSOCK',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

export class ControlClient implements ControlApi {
  readonly host: string;
  readonly #endpoint: ControlEndpoint;
  readonly #timeoutMs: number | undefined;
  readonly #certDir: string | undefined;
  #tls: ClientTls | undefined;

  constructor(host: string, options: ControlClientOptions = {}) {
    this.host = host;
    this.#endpoint = parseControlHost(host);
    this.#timeoutMs = options.timeoutMs;
    this.#certDir = options.certDir;
  }

  /** TLS options for a TCP host: our client certificate, the daemon verified against its control CA. */
  #tlsOptions(): { ca: string; cert: string; key: string } {
    if (this.#tls === undefined) {
      if (this.#certDir === undefined)
        throw new SwarmError(
          'CONTROL_TLS_MISSING',
          `a TCP control API (${this.host}) needs the daemon's client certificate: give its --data-dir, or set SWARM_CERT_PATH`,
          { host: this.host },
        );
      this.#tls = readClientTls(this.#certDir);
    }
    return { ca: this.#tls.caPem, cert: this.#tls.certPem, key: this.#tls.keyPem };
  }

  #unreachable(cause: NodeJS.ErrnoException): SwarmError {
    const run =
      'socketPath' in this.#endpoint
        ? `swarm daemon --data-dir ${dirname(this.#endpoint.socketPath)}`
        : `swarm daemon --host ${this.host}`;
    const why =
      cause.code === 'EACCES' || cause.code === 'EPERM'
        ? `permission denied (the socket is private to the user who runs the daemon)`
        : `is \`${run}\` running?`;
    return new SwarmError(
      'DAEMON_UNREACHABLE',
      `Cannot connect to the swarm daemon at ${this.host}: ${why}`,
      {
        host: this.host,
        errno: cause.code ?? '',
      },
    );
  }

  /** Sends one call; the typed methods below are thin wrappers. */
  call<T>(method: ControlMethod, req: object = {}, options: CallOptions = {}): Promise<T> {
    const body = Buffer.from(JSON.stringify(req));
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const endpoint = this.#endpoint;
    let tls: { ca: string; cert: string; key: string } | undefined;
    try {
      tls = 'socketPath' in endpoint ? undefined : this.#tlsOptions();
    } catch (e) {
      return Promise.reject(e);
    }
    // Over TCP the Host header names the daemon's address (the server checks it); the socket has none.
    const target =
      'socketPath' in endpoint
        ? { socketPath: endpoint.socketPath, headers: { host: 'swarm' } }
        : { host: endpoint.host, port: endpoint.port, ...tls, headers: {} };
    const send = 'socketPath' in endpoint ? request : httpsRequest;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (err: SwarmError) => {
        if (!settled) {
          settled = true;
          reject(err);
        }
      };
      const req = send(
        {
          ...target,
          method: 'POST',
          path: `/v1/${method}`,
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': body.length, ...target.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e: NodeJS.ErrnoException) => fail(this.#lost(method, e)));
          res.on('end', () => {
            if (settled) return;
            let parsed: unknown;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              fail(
                new SwarmError(
                  'DAEMON_PROTOCOL_ERROR',
                  `the daemon at ${this.host} answered ${method} with HTTP ${res.statusCode} and a body that is not JSON; is it a swarm daemon?`,
                  { method, status: res.statusCode ?? 0 },
                ),
              );
              return;
            }
            if (res.statusCode === 200) {
              settled = true;
              resolve(parsed as T);
              return;
            }
            const error = (parsed as { error?: unknown } | null)?.error;
            try {
              fail(SwarmError.fromJSON(error));
            } catch {
              fail(
                new SwarmError(
                  'DAEMON_PROTOCOL_ERROR',
                  `the daemon at ${this.host} answered ${method} with HTTP ${res.statusCode} and no error object`,
                  { method, status: res.statusCode ?? 0 },
                ),
              );
            }
          });
        },
      );
      if (timeoutMs !== undefined) {
        req.setTimeout(timeoutMs, () => {
          fail(
            new SwarmError(
              'DEADLINE_EXCEEDED',
              `the daemon did not answer ${method} within ${timeoutMs} ms; the operation may still complete, check with "swarm info"`,
              { method, timeoutMs },
            ),
          );
          req.destroy();
        });
      }
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (isSwarmError(e)) fail(e);
        else if (UNREACHABLE.has(e.code ?? '') || e.code === 'EACCES' || e.code === 'EPERM')
          fail(this.#unreachable(e));
        else fail(this.#lost(method, e));
      });
      req.end(body);
    });
  }

  #lost(method: string, e: NodeJS.ErrnoException): SwarmError {
    return new SwarmError(
      'DAEMON_CONNECTION_LOST',
      `the connection to the swarm daemon at ${this.host} broke during ${method} (${e.code ?? e.message}); the operation may still complete, check with "swarm info"`,
      { method, errno: e.code ?? '' },
    );
  }

  info(): Promise<InfoResult> {
    return this.call('info');
  }
  init(req: InitRequest): Promise<InitResult> {
    return this.call('init', req);
  }
  join(req: JoinRequest): Promise<JoinResult> {
    return this.call('join', req);
  }
  leave(req: { force?: boolean }): Promise<{ left: true }> {
    return this.call('leave', req);
  }
  joinToken(req: { role: NodeRoleName; rotate?: boolean }): Promise<{ token: string; managerAddr: string }> {
    return this.call('joinToken', req);
  }
  update(req: Parameters<ControlApi['update']>[0]): Promise<{ unlockKey?: string }> {
    return this.call('update', req);
  }
  unlock(req: { unlockKey: string }): Promise<{ unlocked: true }> {
    return this.call('unlock', req);
  }
  unlockKey(req: { rotate?: boolean }): Promise<{ unlockKey: string }> {
    return this.call('unlockKey', req);
  }
  caRotate(req: { timeoutMs?: number }): Promise<{ rootDigest: string; done: boolean; progress: string }> {
    return this.call('caRotate', req);
  }
  nodeList(): Promise<NodeView[]> {
    return this.call('nodeList');
  }
  nodeInspect(req: { id: string }): Promise<NodeView> {
    return this.call('nodeInspect', req);
  }
  nodeUpdate(req: NodeUpdateRequest): Promise<NodeView> {
    return this.call('nodeUpdate', req);
  }
  nodeRemove(req: { id: string; force?: boolean }): Promise<{ id: string }> {
    return this.call('nodeRemove', req);
  }
  serviceCreate(req: ServiceCreateRequest): Promise<ServiceView> {
    return this.call('serviceCreate', req);
  }
  serviceList(): Promise<ServiceView[]> {
    return this.call('serviceList');
  }
  serviceInspect(req: { id: string }): Promise<ServiceView> {
    return this.call('serviceInspect', req);
  }
  servicePs(req: { id: string; all?: boolean }): Promise<TaskView[]> {
    return this.call('servicePs', req);
  }
  serviceLogs(req: ServiceLogsRequest): Promise<LogLineView[]> {
    return this.call('serviceLogs', req);
  }
  serviceLogsFollow(req: ServiceLogsFollowRequest): Promise<LogsPage> {
    return this.call('serviceLogsFollow', req);
  }
  serviceUpdate(req: ServiceUpdateRequest): Promise<ServiceView> {
    return this.call('serviceUpdate', req);
  }
  serviceScale(req: { id: string; replicas: number }): Promise<ServiceView> {
    return this.call('serviceScale', req);
  }
  serviceRollback(req: { id: string }): Promise<ServiceView> {
    return this.call('serviceRollback', req);
  }
  serviceRemove(req: { id: string }): Promise<{ id: string }> {
    return this.call('serviceRemove', req);
  }
  secretCreate(req: {
    name: string;
    dataBase64: string;
    labels?: Record<string, string>;
  }): Promise<SecretView> {
    return this.call('secretCreate', req);
  }
  configCreate(req: {
    name: string;
    dataBase64: string;
    labels?: Record<string, string>;
  }): Promise<ConfigView> {
    return this.call('configCreate', req);
  }
  configList(): Promise<ConfigView[]> {
    return this.call('configList');
  }
  configInspect(req: { id: string }): Promise<ConfigView> {
    return this.call('configInspect', req);
  }
  configRemove(req: { id: string }): Promise<{ id: string }> {
    return this.call('configRemove', req);
  }
  configUpdate(req: { id: string; version?: string; labels: Record<string, string> }): Promise<ConfigView> {
    return this.call('configUpdate', req);
  }
  secretList(): Promise<SecretView[]> {
    return this.call('secretList');
  }
  secretInspect(req: { id: string }): Promise<SecretView> {
    return this.call('secretInspect', req);
  }
  secretRemove(req: { id: string }): Promise<{ id: string }> {
    return this.call('secretRemove', req);
  }
  secretUpdate(req: { id: string; version?: string; labels: Record<string, string> }): Promise<SecretView> {
    return this.call('secretUpdate', req);
  }
  swarmInspect(): Promise<{ raw: Json }> {
    return this.call('swarmInspect', {});
  }
  swarmBackup(req: { passphrase?: string }): Promise<SwarmBackupResult> {
    return this.call('swarmBackup', req);
  }
  taskList(req: { upToDate?: boolean }): Promise<TaskView[]> {
    return this.call('taskList', req);
  }
  /** One task by ID (or unique ID prefix). */
  taskInspect(req: { id: string }): Promise<TaskView> {
    return this.call('taskInspect', req);
  }
  networkCreate(req: { spec: Json }): Promise<NetworkView> {
    return this.call('networkCreate', req);
  }
  /** Every network object of the cluster. */
  networkList(): Promise<NetworkView[]> {
    return this.call('networkList', {});
  }
  /** One network by ID, ID prefix or name. */
  networkInspect(req: { id: string }): Promise<NetworkView> {
    return this.call('networkInspect', req);
  }
  networkRemove(req: { id: string }): Promise<{ id: string }> {
    return this.call('networkRemove', req);
  }

  imagePolicyShow(): Promise<ImagePolicyView> {
    return this.call('imagePolicyShow');
  }

  imagePolicyUpdate(req: ImagePolicyUpdateRequest): Promise<ImagePolicyUpdateResult> {
    return this.call('imagePolicyUpdate', req);
  }
}
