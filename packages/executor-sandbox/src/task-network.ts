/**
 * A task's own network namespace, made by bubblewrap (`--unshare-net`) and connected by
 * slirp4netns: outbound connections leave through user-mode NAT, `--disable-host-loopback`
 * keeps the node's loopback services out of reach, and each published port is a host-side
 * forward from the node's address to the task's port. Set up while bubblewrap holds the task
 * back (`--block-fd`), so the task's first instruction already has its network.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const SLIRP_HINT = 'install slirp4netns: apt-get install slirp4netns';

export interface Forward {
  protocol: 'tcp' | 'udp';
  hostPort: number;
  targetPort: number;
}

export interface TaskNetworkOptions {
  /** A process inside the task's namespaces (the sandbox init). */
  pid: number;
  /** The node address forwards listen on. */
  hostAddress: string;
  forwards: readonly Forward[];
  /** A private directory for the API socket. */
  runDir: string;
  taskId: string;
  slirpPath?: string;
  nsenterPath?: string;
  /**
   * Ranges the task never reaches through slirp4netns (whose connections leave from the node's
   * namespace): `prohibit` routes in the task's namespace. A route of a network the task is on
   * (more specific) still leads to that network's bridge.
   */
  prohibit?: readonly string[];
}

function run(argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(err)
        : reject(new Error(`${path.basename(argv[0]!)}: ${err.trim() || `exit ${code}`}`)),
    );
  });
}

function apiCall(socket: string, request: unknown): Promise<{ return?: unknown; error?: { desc?: string } }> {
  return new Promise((resolve, reject) => {
    const c = net.connect(socket, () => c.end(JSON.stringify(request)));
    let text = '';
    c.on('data', (d) => {
      text += d.toString();
    });
    c.on('error', reject);
    c.on('close', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error(`slirp4netns answered ${JSON.stringify(text.slice(0, 200))}`));
      }
    });
  });
}

export class TaskNetwork {
  readonly #child: ChildProcess;
  readonly #socket: string;

  private constructor(child: ChildProcess, socket: string) {
    this.#child = child;
    this.#socket = socket;
  }

  /** Connects the namespace and opens the forwards; throws (after cleaning up) when any step fails. */
  static async attach(o: TaskNetworkOptions): Promise<TaskNetwork> {
    const netns = `/proc/${o.pid}/ns/net`;
    // Like Docker: a task may bind ports below 1024 inside its own namespace.
    await run([
      o.nsenterPath ?? 'nsenter',
      `--net=${netns}`,
      '--',
      '/bin/sh',
      '-c',
      [
        'echo 0 > /proc/sys/net/ipv4/ip_unprivileged_port_start',
        ...(o.prohibit ?? []).map((r) => `ip route add prohibit ${r}`),
      ].join(' && '),
    ]);
    fs.mkdirSync(o.runDir, { recursive: true, mode: 0o700 });
    const socket = path.join(o.runDir, `${o.taskId}.sock`);
    fs.rmSync(socket, { force: true });
    const slirp = o.slirpPath ?? 'slirp4netns';
    const child = spawn(
      slirp,
      [
        '--configure',
        '--mtu=65520',
        '--disable-host-loopback',
        '--enable-sandbox',
        '--enable-seccomp',
        '--api-socket',
        socket,
        '--exit-fd',
        '3',
        '--ready-fd',
        '4',
        '--netns-type=path',
        netns,
        'tap0',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const tn = new TaskNetwork(child, socket);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 8192) stderr += d.toString();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.once('error', (err: NodeJS.ErrnoException) =>
          reject(
            new Error(
              err.code === 'ENOENT' ? `slirp4netns (${slirp}) was not found: ${SLIRP_HINT}` : err.message,
            ),
          ),
        );
        child.once('exit', (code) =>
          reject(
            new Error(`slirp4netns exited (${code}): ${stderr.trim().split('\n').slice(-3).join('; ')}`),
          ),
        );
        (child.stdio[4] as Readable).once('data', () => resolve());
      });
      for (const f of o.forwards) {
        const res = await apiCall(socket, {
          execute: 'add_hostfwd',
          arguments: {
            proto: f.protocol,
            host_addr: o.hostAddress,
            host_port: f.hostPort,
            guest_port: f.targetPort,
          },
        });
        if (res.error !== undefined)
          throw new Error(
            `cannot publish ${o.hostAddress}:${f.hostPort}/${f.protocol}: ${res.error.desc ?? JSON.stringify(res.error)}`,
          );
      }
    } catch (err) {
      tn.close();
      throw err;
    }
    child.removeAllListeners('exit');
    return tn;
  }

  /** Ends slirp4netns (closing its exit fd) and removes the API socket. */
  close(): void {
    (this.#child.stdio[3] as Writable | null)?.end();
    (this.#child.stdio[3] as Writable | null)?.on('error', () => {});
    if (this.#child.exitCode === null) this.#child.kill('SIGTERM');
    fs.rmSync(this.#socket, { force: true });
  }
}
