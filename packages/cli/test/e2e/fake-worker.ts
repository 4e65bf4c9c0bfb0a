// A lying worker for the end-to-end suites: the real RPC clients of @swarm/node over mutual TLS,
// presenting a real worker's certificate and key (taken from its data directory after its daemon
// stopped), but saying whatever the test wants: any node description, any task status, any log
// line. Managers must treat all of it as data.
import { noopLogger, type SwarmError, type swarm } from '@swarm/api';
import { CredentialStore } from '@swarm/ca/tls';
import { RpcClients } from '@swarm/rpc';
import type { Identity } from './helpers.js';

export class FakeWorker {
  readonly clients: RpcClients;
  #heartbeat: NodeJS.Timeout | undefined;
  sessionId = '';
  /** The last node object the manager pushed. */
  node: swarm.Node.$Properties | undefined;
  #cancel: (() => void) | undefined;

  constructor(identity: Required<Identity>) {
    this.clients = new RpcClients({
      credentials: new CredentialStore({
        keyPem: identity.keyPem,
        chainPem: identity.chainPem,
        rootsPem: identity.rootsPem,
      }),
      logger: noopLogger,
      defaultTimeoutMs: 15_000,
    });
  }

  /**
   * Opens a session on `addr` with `description`; resolves with the session ID (and keeps the
   * session alive with heartbeats), or rejects with the manager's error.
   */
  open(addr: string, description: swarm.NodeDescription.$Properties): Promise<string> {
    this.close();
    return new Promise((resolve, reject) => {
      let settled = false;
      const handle = this.clients.get(addr).Dispatcher.session(
        { description },
        {
          send: (m) => {
            this.node = m.node ?? this.node;
            if (!settled) {
              settled = true;
              this.sessionId = m.sessionId;
              this.#heartbeat = setInterval(() => {
                this.clients
                  .get(addr)
                  .Dispatcher.heartbeat({ sessionId: this.sessionId }, { timeoutMs: 2000 })
                  .catch(() => {});
              }, 400);
              resolve(m.sessionId);
            }
          },
          end: (err) => {
            if (!settled) {
              settled = true;
              reject(err ?? new Error('the session ended without a message'));
            }
          },
        },
      );
      this.#cancel = () => handle.cancel();
    });
  }

  /** Opens a session with `description` and ends it at the first answer; resolves with the error code or 'ok'. */
  async probeSession(addr: string, description: swarm.NodeDescription.$Properties): Promise<string> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (code: string) => {
        if (done) return;
        done = true;
        handle.cancel();
        resolve(code);
      };
      const handle = this.clients.get(addr).Dispatcher.session(
        { description },
        {
          send: () => finish('ok'),
          end: (err) => finish((err as SwarmError | undefined)?.code ?? 'ended'),
        },
      );
    });
  }

  updateTaskStatus(addr: string, updates: swarm.TaskStatusUpdate.$Properties[]): Promise<string> {
    return this.clients
      .get(addr)
      .Dispatcher.updateTaskStatus({ sessionId: this.sessionId, updates })
      .then(
        () => 'ok',
        (e: SwarmError) => e.code,
      );
  }

  publishLogs(addr: string, lines: swarm.LogLine.$Properties[]): Promise<string> {
    return this.clients
      .get(addr)
      .LogBroker.publishLogs({ lines })
      .then(
        () => 'ok',
        (e: SwarmError) => e.code,
      );
  }

  endpoints(addr: string): Promise<swarm.PublishedEndpoint.$Properties[]> {
    return this.clients
      .get(addr)
      .Ingress.endpoints({})
      .then((r) => r.endpoints ?? []);
  }

  close(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    this.#cancel?.();
    this.#cancel = undefined;
  }

  destroy(): void {
    this.close();
    this.clients.close();
  }
}
