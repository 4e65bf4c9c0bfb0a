/**
 * The network agent of one node: takes the `NodeNetworkView` the managers send the node and makes
 * the node serve it. For each network the node's tasks are on, a resolver on the network's bridge
 * gateway (port 53; the bridge appears when the executor creates it, so binding is retried); for
 * each service VIP, the VIP as a local address of the node (on `lo`, labelled `lo:swarm`) and a
 * `VipBalancer` listener on each service port, reaching tasks on this node directly and tasks on
 * other nodes through their relays; a `RelayServer` on the node's address that joins other nodes
 * only to this node's own tasks; and the firewall rules that keep each network's bridge off the
 * other networks, their resolvers and VIPs, and the node's own ports (iptables chains owned by the
 * agent, replaced atomically, removed by `close`).
 *
 * It runs in the node's network namespace, as root (addresses and iptables). The commands it runs
 * go through an injected runner, so the embedder (or a test) can log or confine them.
 */
import { execFile } from 'node:child_process';
import { type Logger, noopLogger } from '@swarm/api';
import type { NodeRole } from '@swarm/ca';
import { VipBalancer } from './balancer.js';
import { DnsRecords } from './dns/records.js';
import { DnsServer } from './dns-server.js';
import { NetworkAgentError } from './errors.js';
import { isIpv4, parseSubnet } from './ipv4.js';
import { DEFAULT_DATA_PATH_PORT, type NodeNetworkView, type NodePlan, nodePlan } from './plan.js';
import { RelayClient, RelayServer, type RelayTrust } from './relay.js';

/** Runs one command (argv[0] found on PATH); resolves with its exit code and output, never rejects on a non-zero exit. */
export type CommandRunner = (
  argv: readonly string[],
  input?: string,
) => Promise<{ code: number; stdout: string; stderr: string }>;

/** Runs commands with `node:child_process`. */
export const systemRunner: CommandRunner = (argv, input) =>
  new Promise((resolve) => {
    const child = execFile(
      argv[0]!,
      argv.slice(1),
      { timeout: 30_000, maxBuffer: 4 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 127;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) || (err?.message ?? '') });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });

/** The bridge of network `networkId` on a node (as `@swarm/executor-docker`'s `dockerBridgeName`). */
export function defaultBridgeName(networkId: string): string {
  return `sw-${networkId.slice(0, 12)}`;
}

/** The iptables chain of the agent's INPUT rules. */
export const INPUT_CHAIN = 'SWARM-NET-INPUT';
/** The iptables chain of the agent's FORWARD rules. */
export const FORWARD_CHAIN = 'SWARM-NET-FORWARD';
/** The label of the VIP addresses the agent adds to `lo`. */
export const VIP_LABEL = 'lo:swarm';

/** Options of `NetworkAgent`. */
export interface NetworkAgentOptions {
  /** This node's ID. */
  nodeId: string;
  /** The node's address: where its relay listens. */
  relayHost: string;
  /** The relay's port. Default `DEFAULT_DATA_PATH_PORT` (4789). */
  relayPort?: number;
  /** The node's identity and the checks of the other end of every relayed connection. */
  trust: RelayTrust;
  /** TCP ports of the node that no task may reach (the control API, the raft and cluster port); the relay port is always added. */
  protectedPorts?: readonly number[];
  /** The bridge of a network on this node. Default `defaultBridgeName`. */
  bridgeName?: (networkId: string) => string;
  /** Runs `ip` and `iptables`. Default `systemRunner`. */
  run?: CommandRunner;
  /** Manage the firewall rules. Default true. */
  firewall?: boolean;
  /** How often resolvers and VIP listeners that could not be opened yet are retried, ms. Default 500. */
  retryMs?: number;
  /** Logger. Default none. */
  logger?: Logger;
}

/** What the agent serves now, as `status()` reports it. */
export interface NetworkAgentStatus {
  /** The networks this node serves, with whether their resolver is bound. */
  networks: { id: string; name: string; gateway: string; resolver: boolean; error?: string }[];
  /** The VIP listeners. */
  vips: { serviceId: string; endpoint: string; listening: boolean; backends: number }[];
  /** Where the relay listens (`host:port`), once it does. */
  relay?: string;
  /** Whether the firewall rules are in place. */
  firewall: boolean;
}

interface Resolver {
  gateway: string;
  name: string;
  server?: DnsServer;
  error?: string;
}

/** The node's side of service networking. */
export class NetworkAgent {
  readonly #o: NetworkAgentOptions;
  readonly #log: Logger;
  readonly #run: CommandRunner;
  readonly #bridge: (networkId: string) => string;
  readonly #records = new DnsRecords();
  readonly #resolvers = new Map<string, Resolver>();
  readonly #relayAddrs = new Map<string, { host: string; port: number }>();
  readonly #client: RelayClient;
  readonly #balancer: VipBalancer;
  readonly #relay: RelayServer;
  readonly #vips = new Set<string>();
  #peers = new Set<string>();
  #plan: NodePlan | undefined;
  #view: NodeNetworkView | undefined;
  #relayAt: string | undefined;
  #firewallKey: string | undefined;
  #chain: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #summary = '';

  /** An agent; nothing is opened until `start`. */
  constructor(options: NetworkAgentOptions) {
    if (typeof options?.nodeId !== 'string' || options.nodeId === '')
      throw new TypeError('NetworkAgent needs options.nodeId');
    if (typeof options.relayHost !== 'string' || !isIpv4(options.relayHost))
      throw new NetworkAgentError(
        'AGENT_INVALID_OPTIONS',
        `NetworkAgent needs options.relayHost, the node's IPv4 address, got ${JSON.stringify(options.relayHost)}`,
      );
    this.#o = options;
    this.#log = options.logger ?? noopLogger;
    this.#run = options.run ?? systemRunner;
    this.#bridge = options.bridgeName ?? defaultBridgeName;
    // Relay peers, both ways: only nodes the managers' current view names (nodes running tasks of
    // the services on this node's networks), and only if the embedder's own check grants them too.
    // A node removed from the cluster loses its tasks, and with them its place in the view.
    const inner = options.trust.grantedRole;
    const grantedRole = (id: string): NodeRole | undefined =>
      this.#peers.has(id) ? (inner === undefined ? 'swarm-worker' : inner(id)) : undefined;
    const trust: RelayTrust = { ...options.trust, grantedRole };
    this.#client = new RelayClient({
      ...trust,
      nodeAddress: (id) => this.#relayAddrs.get(id),
    });
    this.#balancer = new VipBalancer({
      nodeId: options.nodeId,
      relay: this.#client,
      logger: this.#log.child({ component: 'vip' }),
    });
    this.#relay = new RelayServer({
      ...trust,
      // Only this node's own tasks, as the current view says; nothing before the first view.
      allowTarget: (target) => this.#plan?.allowTarget(target) ?? false,
      logger: this.#log.child({ component: 'relay' }),
    });
  }

  /** Opens the relay, removes what an earlier run left (VIPs, rules) and installs the firewall chains. */
  start(): Promise<void> {
    return this.#serial(async () => {
      const port = this.#o.relayPort ?? DEFAULT_DATA_PATH_PORT;
      const at = await this.#relay.listen(this.#o.relayHost, port);
      this.#relayAt = `${this.#o.relayHost}:${at.port}`;
      for (const vip of await this.#labelledVips()) await this.#ip('addr', 'del', `${vip}/32`, 'dev', 'lo');
      this.#timer = setInterval(() => void this.#retry(), this.#o.retryMs ?? 500);
      this.#timer.unref();
      // Without its chains (no root, no iptables) the node serves names and VIPs but its tasks are
      // not isolated from other networks: said once, loudly, and by start() rejecting.
      if (this.#o.firewall ?? true) await this.#installChains();
      this.#log.info('network agent started', { relay: this.#relayAt });
    });
  }

  /** The relay's port (once started). */
  get relayPort(): number | undefined {
    return this.#relayAt === undefined ? undefined : Number(this.#relayAt.split(':')[1]);
  }

  /** Connections sent by the VIP listeners so far, per task ID. */
  stats(): Record<string, number> {
    return this.#balancer.stats();
  }

  /** Makes the node serve `view` (calls are serialized; the last view wins). */
  update(view: NodeNetworkView): Promise<void> {
    if (view.nodeId !== this.#o.nodeId)
      return Promise.reject(
        new NetworkAgentError(
          'AGENT_WRONG_NODE',
          `the network view is for node ${view.nodeId}, not this node (${this.#o.nodeId})`,
        ),
      );
    return this.#serial(() => this.#apply(view));
  }

  /** What the agent serves now. */
  status(): NetworkAgentStatus {
    return {
      networks: [...this.#resolvers].map(([id, r]) => ({
        id,
        name: r.name,
        gateway: r.gateway,
        resolver: r.server !== undefined,
        ...(r.error === undefined ? {} : { error: r.error }),
      })),
      vips: this.#balancer.status().map((l) => ({
        serviceId: l.serviceId,
        endpoint: l.endpoint,
        listening: l.listening,
        backends: l.backends,
      })),
      ...(this.#relayAt === undefined ? {} : { relay: this.#relayAt }),
      firewall: this.#firewallKey !== undefined,
    };
  }

  /** Closes every socket, removes the VIP addresses and the firewall rules. */
  close(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    const done = this.#serial(async () => {
      this.#closed = true;
      await this.#balancer.close();
      await Promise.all([...this.#resolvers.values()].map((r) => r.server?.close()));
      this.#resolvers.clear();
      await this.#relay.close();
      for (const vip of this.#vips) await this.#ip('addr', 'del', `${vip}/32`, 'dev', 'lo');
      this.#vips.clear();
      if ((this.#o.firewall ?? true) && this.#firewallKey !== undefined) await this.#removeChains();
      this.#firewallKey = undefined;
    });
    return done;
  }

  #serial(fn: () => Promise<void>): Promise<void> {
    const next = this.#chain.then(() => (this.#closed ? undefined : fn()));
    this.#chain = next.catch(() => {});
    return next;
  }

  async #apply(view: NodeNetworkView): Promise<void> {
    this.#view = view;
    const plan = nodePlan(view, this.#o.nodeId);
    this.#plan = plan;
    this.#records.update(plan.records);
    this.#relayAddrs.clear();
    this.#peers = new Set(view.tasks.map((t) => t.nodeId).filter((id) => id !== this.#o.nodeId));
    for (const t of view.tasks) {
      const hp = splitHostPort(t.relayAddr);
      if (hp !== undefined) this.#relayAddrs.set(t.nodeId, hp);
    }
    const served = view.networks.filter((n) => plan.networkIds.includes(n.id));
    // Resolvers: one per served network, on its gateway.
    for (const [id, r] of this.#resolvers) {
      const n = served.find((x) => x.id === id);
      if (n === undefined || n.gateway !== r.gateway) {
        await r.server?.close();
        this.#resolvers.delete(id);
      }
    }
    for (const n of served)
      if (!this.#resolvers.has(n.id)) this.#resolvers.set(n.id, { gateway: n.gateway, name: n.name });
    await this.#bindResolvers();
    // VIPs, and the addresses of tasks on other nodes: local addresses first, then the listeners.
    const listeners = [...plan.vips, ...plan.remoteTasks];
    const wanted = new Set(listeners.map((v) => v.vip));
    for (const vip of [...this.#vips])
      if (!wanted.has(vip)) {
        await this.#ip('addr', 'del', `${vip}/32`, 'dev', 'lo');
        this.#vips.delete(vip);
      }
    const present = new Set(await this.#labelledVips());
    for (const vip of wanted) {
      if (!present.has(vip)) {
        const r = await this.#ip('addr', 'add', `${vip}/32`, 'dev', 'lo', 'label', VIP_LABEL);
        if (r.code !== 0 && !/exists/i.test(r.stderr)) {
          this.#log.warn('cannot add a VIP to lo', { vip, err: r.stderr.trim() });
          continue;
        }
      }
      this.#vips.add(vip);
    }
    await this.#balancer.update(
      listeners
        .filter((v) => this.#vips.has(v.vip))
        .map((v) => ({ serviceId: v.serviceId, vip: v.vip, ports: v.ports, backends: v.backends })),
    );
    if ((this.#o.firewall ?? true) && this.#firewallKey !== undefined)
      await this.#firewall(served.map((n) => ({ id: n.id, subnet: n.subnet, slice: n.slice })));
    const summary = JSON.stringify({
      networks: plan.networkIds,
      vips: listeners.map(
        (v) => `${v.vip}:${v.ports.join(',')}=${v.backends.map((b) => b.address).join(',')}`,
      ),
    });
    if (summary !== this.#summary) {
      this.#summary = summary;
      this.#log.info('network view applied', { plan: summary });
    }
  }

  async #bindResolvers(): Promise<void> {
    for (const [id, r] of this.#resolvers) {
      if (r.server !== undefined) continue;
      const server = new DnsServer({
        networkId: id,
        records: this.#records,
        logger: this.#log.child({ component: 'dns' }),
      });
      try {
        await server.listen(r.gateway, 53);
        r.server = server;
        delete r.error;
        this.#log.info('resolver listening', { network: r.name, gateway: r.gateway });
      } catch (e) {
        // The bridge (and its gateway address) appears when the first task's network is made.
        r.error = `cannot listen on ${r.gateway}:53: ${(e as Error).message}`;
      }
    }
  }

  /** Binds what could not be bound yet: resolvers whose bridge appeared, VIP listeners. */
  #retry(): Promise<void> {
    const pending =
      [...this.#resolvers.values()].some((r) => r.server === undefined) ||
      this.#balancer.status().some((l) => !l.listening);
    if (!pending || this.#view === undefined) return Promise.resolve();
    const view = this.#view;
    return this.#serial(() => this.#apply(view)).catch((e: unknown) =>
      this.#log.warn('network agent retry failed', { err: (e as Error).message }),
    );
  }

  async #labelledVips(): Promise<string[]> {
    const r = await this.#ip('-4', '-o', 'addr', 'show', 'dev', 'lo', 'label', VIP_LABEL);
    return [...r.stdout.matchAll(/inet (\d+\.\d+\.\d+\.\d+)\/32/g)].map((m) => m[1]!);
  }

  #ip(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return this.#run(['ip', ...args]);
  }

  async #iptables(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return this.#run(['iptables', '-w', ...args]);
  }

  /** The agent's chains, jumped to first from INPUT and from DOCKER-USER (or FORWARD without Docker). */
  async #installChains(): Promise<void> {
    for (const chain of [INPUT_CHAIN, FORWARD_CHAIN]) {
      const r = await this.#iptables('-N', chain);
      if (r.code !== 0 && !/exists/i.test(r.stderr))
        throw new NetworkAgentError(
          'AGENT_FIREWALL',
          `cannot create the iptables chain ${chain}: ${r.stderr.trim()}`,
        );
    }
    const forwardFrom = (await this.#iptables('-S', 'DOCKER-USER')).code === 0 ? 'DOCKER-USER' : 'FORWARD';
    for (const [from, chain] of [
      ['INPUT', INPUT_CHAIN],
      [forwardFrom, FORWARD_CHAIN],
    ] as const) {
      if ((await this.#iptables('-C', from, '-j', chain)).code === 0) continue;
      const r = await this.#iptables('-I', from, '1', '-j', chain);
      if (r.code !== 0)
        throw new NetworkAgentError(
          'AGENT_FIREWALL',
          `cannot jump from ${from} to ${chain}: ${r.stderr.trim()}`,
        );
    }
    // Not '' (the key of no rules): the chains may hold an earlier run's rules, replaced now.
    this.#firewallKey = '\0';
    await this.#firewall([]);
  }

  async #removeChains(): Promise<void> {
    for (const from of ['INPUT', 'DOCKER-USER', 'FORWARD'])
      for (const chain of [INPUT_CHAIN, FORWARD_CHAIN])
        while ((await this.#iptables('-D', from, '-j', chain)).code === 0) {
          // every jump removed
        }
    for (const chain of [INPUT_CHAIN, FORWARD_CHAIN]) {
      await this.#iptables('-F', chain);
      await this.#iptables('-X', chain);
    }
  }

  /**
   * Replaces the rules of both chains in one `iptables-restore --noflush` (atomic): traffic from a
   * network's bridge to another network's subnet (its bridge, resolver and VIPs) is dropped, in
   * and through the node, and so is traffic from any task bridge to the node's protected ports.
   */
  async #firewall(networks: { id: string; subnet: string; slice: string }[]): Promise<void> {
    const ports = [
      ...new Set([...(this.#o.protectedPorts ?? []), this.#relayPort()].filter((p) => p > 0)),
    ].sort((a, b) => a - b);
    const bridges = networks.map((n) => ({ ...n, bridge: this.#bridge(n.id) }));
    const input: string[] = [];
    const forward: string[] = [];
    for (const x of bridges) {
      for (const y of bridges) {
        if (y.id === x.id) continue;
        const subnet = validSubnet(y.subnet) ? y.subnet : y.slice;
        input.push(`-A ${INPUT_CHAIN} -i ${x.bridge} -d ${subnet} -j DROP`);
        forward.push(`-A ${FORWARD_CHAIN} -i ${x.bridge} -d ${subnet} -j DROP`);
      }
      for (let i = 0; i < ports.length; i += 15)
        input.push(
          `-A ${INPUT_CHAIN} -i ${x.bridge} -p tcp -m multiport --dports ${ports.slice(i, i + 15).join(',')} -j DROP`,
        );
    }
    const key = [...input, ...forward].join('\n');
    if (key === this.#firewallKey) return;
    const text = [
      '*filter',
      `:${INPUT_CHAIN} - [0:0]`,
      `:${FORWARD_CHAIN} - [0:0]`,
      ...input,
      ...forward,
      'COMMIT',
      '',
    ].join('\n');
    const r = await this.#run(['iptables-restore', '-w', '--noflush'], text);
    if (r.code !== 0) {
      this.#log.warn('cannot install the network isolation rules', { err: r.stderr.trim() });
      throw new NetworkAgentError(
        'AGENT_FIREWALL',
        `iptables-restore refused the isolation rules: ${r.stderr.trim()}`,
      );
    }
    this.#firewallKey = key;
  }

  #relayPort(): number {
    return this.relayPort ?? this.#o.relayPort ?? DEFAULT_DATA_PATH_PORT;
  }
}

function validSubnet(text: string): boolean {
  try {
    parseSubnet(text);
    return true;
  } catch {
    return false;
  }
}

function splitHostPort(addr: string): { host: string; port: number } | undefined {
  const i = addr.lastIndexOf(':');
  if (i <= 0) return undefined;
  const port = Number(addr.slice(i + 1));
  const host = addr.slice(0, i).replace(/^\[|\]$/g, '');
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host, port };
}
