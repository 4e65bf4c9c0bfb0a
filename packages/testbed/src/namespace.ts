/**
 * Network namespaces made with `ip netns add` (bound at /run/netns/NAME), entered with `nsenter
 * --net` only: unlike `ip netns exec`, that keeps the mount namespace and with it /sys/fs/cgroup,
 * which dockerd needs. A LAN is a bridge in one more namespace with a veth pair to each host; the
 * links are created directly inside the namespaces, so nothing ever appears in the host's.
 */
import { run, which } from './process.js';

export class Namespace {
  readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  /** The namespace file (`nsenter --net=PATH`). */
  get path(): string {
    return `/run/netns/${this.name}`;
  }

  /** How `ip ... netns TARGET` names this namespace (its name; a PID for a pinned one). */
  get ipTarget(): string {
    return this.name;
  }

  /** The argv prefix that runs a command inside this namespace. */
  prefix(): string[] {
    return [which('nsenter'), `--net=${this.path}`, '--'];
  }

  /** `argv` wrapped to run inside the namespace. */
  wrap(argv: readonly string[]): string[] {
    return [...this.prefix(), ...argv];
  }

  /** Runs `ip ARGS` against this namespace. */
  async ip(...args: string[]): Promise<string> {
    return (await run([which('ip'), '-n', this.name, ...args])).stdout;
  }

  /** Runs a command inside the namespace and returns its output (throws on a non-zero exit). */
  async exec(argv: readonly string[], input?: string): Promise<string> {
    return (await run(this.wrap(argv), input === undefined ? {} : { input })).stdout;
  }
}

/** One test host of a LAN: its namespace and its address on the LAN. */
export interface LanHost {
  readonly ns: Namespace;
  readonly addr: string;
}

export interface Lan {
  /** The namespace holding the bridge `br0`; it has the address `<subnet>.254`. */
  readonly bridge: Namespace;
  readonly bridgeAddr: string;
  readonly hosts: readonly LanHost[];
}

/** Creates the bridge, the veth pairs and the addresses of a LAN in namespaces made by the caller. */
export async function wireLan(bridge: Namespace, hosts: readonly Namespace[], subnet: string): Promise<Lan> {
  await bridge.ip('link', 'add', 'br0', 'type', 'bridge');
  await bridge.ip('addr', 'add', `${subnet}.254/24`, 'dev', 'br0');
  await bridge.ip('link', 'set', 'br0', 'up');
  const out: LanHost[] = [];
  for (const [i, ns] of hosts.entries()) {
    const veth = `v${i + 1}`;
    await bridge.ip('link', 'add', veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns.ipTarget);
    await bridge.ip('link', 'set', veth, 'master', 'br0');
    await bridge.ip('link', 'set', veth, 'up');
    const addr = `${subnet}.${i + 1}`;
    await ns.ip('addr', 'add', `${addr}/24`, 'dev', 'eth0');
    await ns.ip('link', 'set', 'eth0', 'up');
    out.push({ ns, addr });
  }
  return { bridge, bridgeAddr: `${subnet}.254`, hosts: out };
}

/**
 * A network namespace held by a process of the bench (`unshare --net`) and entered through
 * `/proc/PID/ns/net`, with no `/run/netns` entry: it lives exactly as long as its holder, whatever
 * other processes of the machine do to `/run/netns` (a bind mount of it made again by a concurrent
 * `ip netns add` hides the entries made before).
 */
export class PinnedNamespace extends Namespace {
  readonly pid: number;

  constructor(name: string, pid: number) {
    super(name);
    this.pid = pid;
  }

  override get path(): string {
    return `/proc/${this.pid}/ns/net`;
  }

  override get ipTarget(): string {
    return String(this.pid);
  }

  override async ip(...args: string[]): Promise<string> {
    return (await run([...this.prefix(), which('ip'), ...args])).stdout;
  }
}
