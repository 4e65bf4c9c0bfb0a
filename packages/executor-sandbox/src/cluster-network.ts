/**
 * A sandboxed task on the cluster's networks (service networking): for each network of the task,
 * the node's Linux bridge of that network (the same name the Docker executor gives its bridge and
 * the node's network agent names in its firewall rules: `sw-` and the first 12 characters of the
 * network ID) holding the slice's gateway, and a veth pair per task with one end on the bridge and
 * the other in the task's network namespace with the task's address and a route for the network's
 * whole subnet (the services' VIPs are in its first part) through the gateway, where the node's
 * VIP balancer and resolver answer. The slirp4netns link stays the task's default route (outbound
 * traffic, published ports).
 *
 * A bridge is made when the node's first sandbox task on the network starts and removed with the
 * last one (as the Docker executor does with its Docker network). The bridge's alias names the node
 * that made it: a bridge of another node (two nodes in one network namespace) is never taken over.
 * Commands run in the node's network namespace, as root, through an injectable runner.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { swarm } from '@swarm/api';

/** Runs one command; resolves with its exit code and output, never rejects on a non-zero exit. */
export type LinkRunner = (
  argv: readonly string[],
  input?: string,
) => Promise<{ code: number; stdout: string; stderr: string }>;

/** Runs commands with `node:child_process`. */
export const systemLinkRunner: LinkRunner = (argv, input) =>
  new Promise((resolve) => {
    const child = execFile(
      argv[0]!,
      argv.slice(1),
      { timeout: 30_000, maxBuffer: 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 127;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) || (err?.message ?? '') });
      },
    );
    child.stdin?.on('error', () => {});
    if (input !== undefined) child.stdin?.end(input);
  });

/** The bridge of cluster network `networkId` on a node (as the Docker executor and the network agent name it). */
export function clusterBridgeName(networkId: string): string {
  return `sw-${networkId.slice(0, 12)}`;
}

/** The node-side end of task `taskId`'s veth on network `networkId` (15 characters at most). */
export function hostVethName(taskId: string, networkId: string): string {
  return `swv${createHash('sha256').update(`${taskId}\0${networkId}`).digest('hex').slice(0, 12)}`;
}

/** One checked attachment of a task. */
export interface SandboxAttachment {
  /** The cluster network's ID. */
  networkId: string;
  /** Its name (for messages). */
  networkName: string;
  /** The node's slice (CIDR): the bridge's subnet. */
  slice: string;
  /** The network's subnet (CIDR) routed through the gateway; the slice when the manager sent none. */
  subnet: string;
  /** The slice's gateway (the bridge's address, the task's resolver). */
  gateway: string;
  /** The task's address (no prefix). */
  address: string;
  /** The slice's prefix length. */
  prefix: number;
}

interface Cidr {
  base: number;
  prefix: number;
  address: string;
}

function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (m === null) return undefined;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function cidr(text: string, maxPrefix = 30): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const base = ipv4(address);
  const p = text.slice(slash + 1);
  if (base === undefined || !/^\d{1,2}$/.test(p)) return undefined;
  const prefix = Number(p);
  if (prefix < 8 || prefix > maxPrefix) return undefined;
  return { base, prefix, address };
}

function contains(net: { base: number; prefix: number }, addr: number): boolean {
  const mask = (0xffffffff << (32 - net.prefix)) >>> 0;
  return (addr & mask) >>> 0 === (net.base & mask) >>> 0;
}

/**
 * The task's attachments, checked; throws with the fix on what a manager should never send (a
 * slice that is not a CIDR, a gateway or an address outside it, a subnet that does not hold the
 * slice, two attachments to one network).
 */
export function planSandboxAttachments(task: swarm.ITask): SandboxAttachment[] {
  const out: SandboxAttachment[] = [];
  for (const a of task.networks ?? []) {
    const id = a.networkId ?? '';
    if (!/^[a-zA-Z0-9]{1,64}$/.test(id))
      throw new Error(`the task's network attachment has no valid network ID (${JSON.stringify(id)})`);
    if (out.some((x) => x.networkId === id))
      throw new Error(
        `the task is attached twice to network ${id}: a manager sends one attachment per network`,
      );
    const what = `network ${a.networkName || id}`;
    const slice = cidr(a.slice ?? '');
    if (slice === undefined)
      throw new Error(`${what}: the node's slice ${JSON.stringify(a.slice ?? '')} is not an IPv4 CIDR`);
    const gw = ipv4(a.gateway ?? '');
    if (gw === undefined || !contains(slice, gw))
      throw new Error(
        `${what}: the gateway ${JSON.stringify(a.gateway ?? '')} is not in the slice ${a.slice}`,
      );
    const first = (a.addresses ?? [])[0];
    const addr = first === undefined ? undefined : cidr(first);
    if (addr === undefined || !contains(slice, addr.base) || addr.base === gw)
      throw new Error(
        `${what}: the task's address ${JSON.stringify(first ?? '')} is not an address of the slice ${a.slice} other than its gateway`,
      );
    let subnet = a.slice as string;
    const given = (a as { subnet?: string | null }).subnet;
    if (typeof given === 'string' && given !== '') {
      const s = cidr(given, 26);
      if (s === undefined || s.prefix > slice.prefix || !contains(s, slice.base))
        throw new Error(
          `${what}: the subnet ${JSON.stringify(given)} does not hold the node's slice ${a.slice}`,
        );
      subnet = given;
    }
    out.push({
      networkId: id,
      networkName: a.networkName || id,
      slice: a.slice as string,
      subnet,
      gateway: a.gateway as string,
      address: addr.address,
      prefix: slice.prefix,
    });
  }
  return out;
}

/** The resolv.conf of a task on cluster networks: each network's gateway (the node's resolver). */
export function taskResolvConf(attachments: readonly SandboxAttachment[]): string {
  return `${attachments.map((a) => `nameserver ${a.gateway}`).join('\n')}\noptions ndots:0\n`;
}

/** What `attach` made for one task: removed by `detach`. */
export interface TaskLinks {
  /** The task. */
  readonly taskId: string;
  /** Its node-side veth on each network. */
  readonly links: readonly { networkId: string; veth: string }[];
}

/** Options of `ClusterLinks`. */
export interface ClusterLinksOptions {
  /** This node's ID (the alias of the bridges it makes). */
  nodeId: string;
  /** Runs `ip` and `nsenter`. Default `systemLinkRunner`. */
  run?: LinkRunner;
  /** The bridge of a network. Default `clusterBridgeName`. */
  bridgeName?: (networkId: string) => string;
  /** The nsenter binary. Default `nsenter`. */
  nsenterPath?: string;
}

interface BridgeUse {
  count: number;
  gateway: string;
  prefix: number;
}

/** The node's bridges and the tasks' veths (one instance per executor; operations are serialized). */
export class ClusterLinks {
  readonly #run: LinkRunner;
  readonly #bridge: (networkId: string) => string;
  readonly #alias: string;
  readonly #nsenter: string;
  readonly #uses = new Map<string, BridgeUse>();
  #chain: Promise<unknown> = Promise.resolve();

  /** Links for node `options.nodeId`; nothing is made until `attach`. */
  constructor(options: ClusterLinksOptions) {
    this.#run = options.run ?? systemLinkRunner;
    this.#bridge = options.bridgeName ?? clusterBridgeName;
    this.#alias = `swarm-node=${options.nodeId}`;
    this.#nsenter = options.nsenterPath ?? 'nsenter';
  }

  /** Bridges in use by this executor's tasks: network ID → number of tasks. */
  inUse(): Record<string, number> {
    return Object.fromEntries([...this.#uses].map(([id, u]) => [id, u.count]));
  }

  /**
   * Connects the network namespace of process `pid` (the task's sandbox init) to each network:
   * the bridge (made if missing), a veth, the task's address, the subnet's route. Throws (after
   * undoing what it did) when a step fails.
   */
  attach(taskId: string, pid: number, attachments: readonly SandboxAttachment[]): Promise<TaskLinks> {
    return this.#serial(async () => {
      const done: { networkId: string; veth: string }[] = [];
      try {
        for (const [i, a] of attachments.entries()) {
          await this.#acquire(a);
          const veth = hostVethName(taskId, a.networkId);
          done.push({ networkId: a.networkId, veth });
          await this.#attachOne(pid, a, veth, `eth${i}`);
        }
      } catch (err) {
        await this.#detach(done);
        throw err;
      }
      return { taskId, links: done };
    });
  }

  /** Removes the task's veths (already gone when its namespace is) and the bridges no task uses any more. */
  detach(links: TaskLinks): Promise<void> {
    return this.#serial(() => this.#detach(links.links));
  }

  /** Resolves once every attach and detach asked so far is done. */
  idle(): Promise<void> {
    return this.#serial(async () => {});
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#chain.then(fn);
    this.#chain = next.catch(() => {});
    return next;
  }

  async #ip(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return this.#run(['ip', ...args]);
  }

  async #must(what: string, ...args: string[]): Promise<string> {
    const r = await this.#ip(...args);
    if (r.code !== 0)
      throw new Error(`${what}: ip ${args.join(' ')}: ${r.stderr.trim() || `exit ${r.code}`}`);
    return r.stdout;
  }

  /** Makes sure the network's bridge exists with the gateway, and counts one more task on it. */
  async #acquire(a: SandboxAttachment): Promise<void> {
    const use = this.#uses.get(a.networkId);
    if (use !== undefined && use.gateway === a.gateway && use.prefix === a.prefix) {
      use.count++;
      return;
    }
    if (use !== undefined)
      throw new Error(
        `network ${a.networkName}: this node's bridge holds ${use.gateway}/${use.prefix}, the task's gateway is ${a.gateway}/${a.prefix} (the node's slice changed while tasks ran on it)`,
      );
    const name = this.#bridge(a.networkId);
    const want = `${a.gateway}/${a.prefix}`;
    const shown = await this.#ip('-d', '-o', 'link', 'show', 'dev', name);
    if (shown.code !== 0) {
      await this.#must(
        `cannot make the bridge of network ${a.networkName}`,
        'link',
        'add',
        name,
        'type',
        'bridge',
      );
      await this.#must(`cannot name the bridge ${name}`, 'link', 'set', 'dev', name, 'alias', this.#alias);
    } else {
      const alias = /\balias (\S+)/.exec(shown.stdout)?.[1];
      if (!/\bbridge\b/.test(shown.stdout) || (alias !== undefined && alias !== this.#alias))
        throw new Error(
          `network ${a.networkName}: the interface ${name} exists and is not this node's bridge (${alias ?? 'no alias'}): run one node per network namespace`,
        );
      if (alias === undefined)
        await this.#must(`cannot name the bridge ${name}`, 'link', 'set', 'dev', name, 'alias', this.#alias);
    }
    const addrs = await this.#must(`cannot read the bridge ${name}`, '-4', '-o', 'addr', 'show', 'dev', name);
    const present = [...addrs.matchAll(/inet (\d+\.\d+\.\d+\.\d+\/\d+)/g)].map((m) => m[1]!);
    // What an earlier run of this node left with another slice goes; the right address stays.
    for (const p of present)
      if (p !== want) await this.#must(`cannot fix the bridge ${name}`, 'addr', 'del', p, 'dev', name);
    if (!present.includes(want))
      await this.#must(`cannot address the bridge ${name}`, 'addr', 'add', want, 'dev', name);
    await this.#must(`cannot bring up the bridge ${name}`, 'link', 'set', 'dev', name, 'up');
    this.#uses.set(a.networkId, { count: 1, gateway: a.gateway, prefix: a.prefix });
  }

  async #attachOne(pid: number, a: SandboxAttachment, veth: string, inner: string): Promise<void> {
    const bridge = this.#bridge(a.networkId);
    await this.#ip('link', 'del', veth); // a leftover of a task that ran with the same ID
    await this.#must(
      `cannot link the task to network ${a.networkName}`,
      'link',
      'add',
      veth,
      'type',
      'veth',
      'peer',
      'name',
      inner,
      'netns',
      String(pid),
    );
    await this.#must(`cannot put ${veth} on ${bridge}`, 'link', 'set', 'dev', veth, 'master', bridge);
    await this.#must(`cannot bring up ${veth}`, 'link', 'set', 'dev', veth, 'up');
    const batch = [
      `addr add ${a.address}/${a.prefix} dev ${inner}`,
      `link set dev ${inner} up`,
      ...(a.subnet === a.slice ? [] : [`route add ${a.subnet} via ${a.gateway} dev ${inner}`]),
      '',
    ].join('\n');
    const r = await this.#run([this.#nsenter, `--net=/proc/${pid}/ns/net`, '--', 'ip', '-batch', '-'], batch);
    if (r.code !== 0)
      throw new Error(
        `cannot give the task its address on network ${a.networkName}: ${r.stderr.trim() || `exit ${r.code}`}`,
      );
  }

  async #detach(links: readonly { networkId: string; veth: string }[]): Promise<void> {
    for (const l of links) {
      await this.#ip('link', 'del', l.veth);
      const use = this.#uses.get(l.networkId);
      if (use === undefined) continue;
      use.count--;
      if (use.count > 0) continue;
      this.#uses.delete(l.networkId);
      await this.#ip('link', 'del', this.#bridge(l.networkId));
    }
  }
}
