/**
 * The `swarm` CLI: Docker's swarm commands with `swarm` in place of `docker` (and of `docker
 * swarm`), talking to the local daemon's control API. `main` never calls process.exit: it returns
 * the exit code (0 ok, 1 the daemon refused or failed, 2 usage error, 3 daemon unreachable).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { isSwarmError, type LogLevel } from '@swarm/api';
import type { RunDaemonOptions } from '@swarm/node';
import type { ControlApi } from '@swarm/node/control';
import { ControlClient, parseControlHost } from '@swarm/node/control';
import type { SchedulerInit } from '@swarm/scheduler';
import { Flags, parseArgs } from './args.js';
import {
  type CliIO,
  type Command,
  type Context,
  GLOBAL_FLAGS,
  HELP_FLAG,
  helpText,
  usageLine,
} from './command.js';
import { classicCommands } from './commands/classic.js';
import { configCommand } from './commands/config.js';
import { imagePolicyCommand } from './commands/image-policy.js';
import { networkCommand } from './commands/network.js';
import { nodeCommand } from './commands/node.js';
import { secretCommand } from './commands/secret.js';
import { serviceCommand } from './commands/service.js';
import { swarmCommands } from './commands/swarm.js';
import { UsageError } from './errors.js';
import { escapeTerminal } from './format.js';
import { parseKeyValue } from './spec.js';
import { parseDuration, parseRebalance, parseStrategy } from './units.js';

export type { CliIO } from './command.js';

/** Exit code: the command did what it was asked. */
export const EXIT_OK = 0;
/** Exit code: the daemon refused the request or it failed (the message says why). */
export const EXIT_FAILED = 1;
/** Exit code: the command line is wrong (unknown command or flag, missing argument). */
export const EXIT_USAGE = 2;
/** Exit code: no daemon answers at the data directory's socket or at `--host`. */
export const EXIT_UNREACHABLE = 3;

/** The package version (read once from package.json, one level up from src/ and dist/). */
export function cliVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** `LOW-HIGH` as an inclusive port range. */
function parsePortRange(text: string): [number, number] {
  const m = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim());
  const lo = Number(m?.[1]);
  const hi = Number(m?.[2]);
  if (m === null || !(lo >= 1 && hi <= 65535 && lo <= hi))
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "--task-port-range" flag: expected LOW-HIGH within 1-65535, e.g. 30000-32767`,
    );
  return [lo, hi];
}

const daemon: Command = {
  name: 'daemon',
  usage: '[OPTIONS]',
  short: 'Run the swarm daemon (the node) in the foreground',
  flags: [
    {
      name: 'log-level',
      short: 'l',
      kind: 'string',
      value: 'string',
      help: 'Set the logging level ("debug", "info", "warn", "error") (default "info")',
    },
    {
      name: 'hostname',
      kind: 'string',
      value: 'string',
      help: 'The node name other nodes see (default: the OS hostname)',
    },
    {
      name: 'label',
      kind: 'list',
      value: 'list',
      help: 'Self-reported node labels (engine.labels.*), key=value',
    },
    { name: 'raft-tick', kind: 'string', value: 'duration', help: 'Raft tick period (default 1s)' },
    {
      name: 'placement-strategy',
      kind: 'string',
      value: 'string',
      help: 'How this manager places tasks while it leads: "spread" or "binpack" (default "spread"; "swarm update --placement-strategy" overrides it for the cluster)',
    },
    {
      name: 'rebalance',
      kind: 'string',
      value: 'budget',
      help: 'Move tasks onto nodes that join, at most MOVES per INTERVAL: MOVES/INTERVAL (e.g. 2/30s), MOVES (per minute) or off (default off; "swarm update --rebalance" overrides it)',
    },
    {
      name: 'heartbeat-period',
      kind: 'string',
      value: 'duration',
      help: 'Worker heartbeat period (default 5s)',
    },
    {
      name: 'bwrap-path',
      kind: 'string',
      value: 'string',
      help: 'Path of the bubblewrap binary used to sandbox tasks',
    },
    {
      name: 'image-policy',
      kind: 'string',
      value: 'path',
      help: 'Run only images this containers policy.json accepts (signatures from the registries.d beside it); never sent to managers',
    },
    {
      name: 'task-port-range',
      kind: 'string',
      value: 'range',
      help: 'Host ports tasks get, and the only ones managers accept from workers (default 30000-32767; the same on every node)',
    },
    {
      name: 'executor',
      kind: 'string',
      value: 'string',
      help: 'What runs tasks: "docker" (the node\'s Docker Engine) or "sandbox" (bubblewrap) (default: docker when an engine answers at --docker-host, else sandbox)',
    },
    {
      name: 'docker-host',
      kind: 'string',
      value: 'string',
      help: 'The Docker Engine to run tasks on, unix:///path or tcp://HOST:PORT (default "unix:///var/run/docker.sock")',
    },
    {
      name: 'docker-network',
      kind: 'string',
      value: 'string',
      help: 'The network task containers attach to (default: the engine\'s "bridge", else "none")',
    },
    {
      name: 'web',
      kind: 'string',
      value: 'addr',
      help: 'Serve the cluster visualizer and /metrics on HOST:PORT (off by default; loopback unless told otherwise)',
    },
    {
      name: 'web-token-file',
      kind: 'string',
      value: 'path',
      help: 'Read the web token from this file (mode 0600), or write a new one there',
    },
    {
      name: 'docker-api',
      kind: 'string',
      value: 'addr',
      help: 'Also serve the Docker Engine API (swarm mode) on unix:///path or tcp://HOST:PORT (TCP needs the three --docker-api-tls* files)',
    },
    {
      name: 'docker-api-tlscacert',
      kind: 'string',
      value: 'path',
      help: 'CA certificate (PEM) that signed the clients of the TCP Docker API',
    },
    {
      name: 'docker-api-tlscert',
      kind: 'string',
      value: 'path',
      help: 'Server certificate (PEM) of the TCP Docker API',
    },
    {
      name: 'docker-api-tlskey',
      kind: 'string',
      value: 'path',
      help: 'Server key (PEM) of the TCP Docker API',
    },
  ],
  maxArgs: 0,
  async run(ctx) {
    const level = (ctx.flags.str('log-level') ?? 'info').toLowerCase();
    if (!LOG_LEVELS.includes(level as LogLevel)) {
      throw new UsageError(
        `invalid argument ${JSON.stringify(level)} for "--log-level" flag: expected debug, info, warn or error`,
      );
    }
    const labels: Record<string, string> = {};
    for (const l of ctx.flags.list('label')) {
      const [k, v] = parseKeyValue(l, 'label');
      labels[k] = v;
    }
    const hostname = ctx.flags.str('hostname');
    const tick = ctx.flags.str('raft-tick');
    const heartbeat = ctx.flags.str('heartbeat-period');
    const bwrap = ctx.flags.str('bwrap-path');
    const executor = ctx.flags.str('executor');
    if (executor !== undefined && executor !== 'docker' && executor !== 'sandbox')
      throw new UsageError(
        `invalid argument ${JSON.stringify(executor)} for "--executor" flag: expected docker or sandbox`,
      );
    const dockerHost = ctx.flags.str('docker-host');
    if (dockerHost !== undefined && !/^(unix:\/\/\/|tcp:\/\/)/.test(dockerHost))
      throw new UsageError(
        `invalid argument ${JSON.stringify(dockerHost)} for "--docker-host" flag: expected unix:///path/to/docker.sock or tcp://HOST:PORT`,
      );
    if (executor === 'sandbox' && (dockerHost !== undefined || ctx.flags.str('docker-network') !== undefined))
      throw new UsageError(
        '"--docker-host" and "--docker-network" need "--executor docker" (or no --executor)',
      );
    const dockerNetwork = ctx.flags.str('docker-network');
    const web = ctx.flags.str('web');
    const imagePolicy = ctx.flags.str('image-policy');
    const webTokenFile = ctx.flags.str('web-token-file');
    const portRange = ctx.flags.str('task-port-range');
    if (webTokenFile !== undefined && web === undefined)
      throw new UsageError('"--web-token-file" needs "--web HOST:PORT"');
    const dockerApi = ctx.flags.str('docker-api');
    const dockerTls = {
      ca: ctx.flags.str('docker-api-tlscacert'),
      cert: ctx.flags.str('docker-api-tlscert'),
      key: ctx.flags.str('docker-api-tlskey'),
    };
    if (dockerApi === undefined && Object.values(dockerTls).some((v) => v !== undefined))
      throw new UsageError('"--docker-api-tls*" need "--docker-api tcp://HOST:PORT"');
    const strategy = ctx.flags.str('placement-strategy');
    const rebalanceText = ctx.flags.str('rebalance');
    const rebalance = rebalanceText === undefined ? undefined : parseRebalance(rebalanceText, '--rebalance');
    const scheduler: SchedulerInit = {
      ...(strategy === undefined
        ? {}
        : { placement: { strategy: parseStrategy(strategy, '--placement-strategy') } }),
      ...(rebalance === undefined || rebalance.maxMoves === 0
        ? {}
        : { rebalance: { maxMovesPerInterval: rebalance.maxMoves, intervalMs: rebalance.intervalMs } }),
    };
    const options: RunDaemonOptions = {
      dataDir: ctx.dataDir,
      host: ctx.host,
      logLevel: level as LogLevel,
      foreground: true,
      ...(hostname === undefined ? {} : { hostname }),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      ...(tick === undefined ? {} : { tickMs: parseDuration(tick, '--raft-tick') }),
      ...(heartbeat === undefined
        ? {}
        : { heartbeatPeriodMs: parseDuration(heartbeat, '--heartbeat-period') }),
      ...(bwrap === undefined ? {} : { bwrapPath: bwrap }),
      ...(executor === undefined ? {} : { executor: executor as 'docker' | 'sandbox' }),
      ...(dockerHost === undefined ? {} : { dockerHost }),
      ...(dockerNetwork === undefined ? {} : { dockerNetwork }),
      ...(web === undefined ? {} : { web }),
      ...(imagePolicy === undefined ? {} : { imagePolicy: resolvePath(imagePolicy) }),
      ...(webTokenFile === undefined ? {} : { webTokenFile }),
      ...(dockerApi === undefined ? {} : { dockerApi }),
      ...(dockerTls.ca === undefined ? {} : { dockerApiTlsCaCert: dockerTls.ca }),
      ...(dockerTls.cert === undefined ? {} : { dockerApiTlsCert: dockerTls.cert }),
      ...(dockerTls.key === undefined ? {} : { dockerApiTlsKey: dockerTls.key }),
      ...(portRange === undefined ? {} : { taskPortRange: parsePortRange(portRange) }),
      ...(Object.keys(scheduler).length === 0 ? {} : { scheduler }),
    };
    // A dynamic import: the CLI's other commands never load the daemon and its dependencies.
    const { runDaemon } = await import('@swarm/node');
    return runDaemon(options);
  },
};

const version: Command = {
  name: 'version',
  usage: '',
  short: 'Show the swarm version information',
  maxArgs: 0,
  async run(ctx) {
    ctx.out(`swarm version ${cliVersion()}\n`);
    return 0;
  },
};

export const ROOT: Command = {
  name: '',
  short: 'A self-sufficient runtime for secure swarm clusters: the node daemon and its CLI',
  commands: [
    ...swarmCommands,
    nodeCommand,
    serviceCommand,
    secretCommand,
    configCommand,
    networkCommand,
    imagePolicyCommand,
    daemon,
    version,
    ...classicCommands,
  ],
};

function findSub(group: Command, name: string): Command | undefined {
  return group.commands?.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

function defaultIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Resolves the command path: leading global flags, then command words. */
function resolve(argv: readonly string[]): { cmd: Command; path: string[]; rest: string[] } {
  let cmd = ROOT;
  const path: string[] = [];
  const rest: string[] = [];
  let i = 0;
  const globalsWithValue = new Set(['--host', '-H', '--data-dir']);
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-')) {
      rest.push(a);
      if (globalsWithValue.has(a) && i + 1 < argv.length) rest.push(argv[++i]!);
      continue;
    }
    if (cmd.commands === undefined) break;
    if (a === 'help' && cmd === ROOT) {
      // `swarm help service create` = `swarm service create --help`
      const r = resolve(argv.slice(i + 1));
      return {
        cmd: r.cmd,
        path: r.path,
        rest: [...rest, ...r.rest.filter((x) => !x.startsWith('-')), '--help'],
      };
    }
    const sub = findSub(cmd, a);
    if (sub === undefined) {
      const where = path.length === 0 ? 'swarm' : `swarm ${path.join(' ')}`;
      throw new UsageError(`${where}: '${a}' is not a ${where} command.`, { command: path.join(' ') });
    }
    cmd = sub;
    path.push(sub.name);
  }
  return { cmd, path, rest: [...rest, ...argv.slice(i)] };
}

function argCountError(path: string, cmd: Command, n: number): UsageError | undefined {
  const min = cmd.minArgs ?? 0;
  const max = cmd.maxArgs ?? Number.POSITIVE_INFINITY;
  const plural = (k: number) => `${k} argument${k === 1 ? '' : 's'}`;
  let msg: string | undefined;
  if (min === max && n !== min)
    msg =
      min === 0
        ? `"swarm ${path}" accepts no arguments.`
        : `"swarm ${path}" requires exactly ${plural(min)}.`;
  else if (n < min) msg = `"swarm ${path}" requires at least ${plural(min)}.`;
  else if (n > max)
    msg =
      max === 0
        ? `"swarm ${path}" accepts no arguments.`
        : `"swarm ${path}" requires at most ${plural(max)}.`;
  return msg === undefined ? undefined : new UsageError(msg, { command: path, showUsage: true });
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  // Everything printed may hold text from tasks and workers (logs, errors, names): terminal
  // controls in it are shown escaped, never acted on (JSON output escapes them already).
  const out = (s: string) => {
    io.stdout.write(escapeTerminal(s));
  };
  const err = (s: string) => {
    io.stderr.write(escapeTerminal(s));
  };
  let path = '';
  let cmd: Command = ROOT;
  try {
    const r = resolve(argv);
    cmd = r.cmd;
    path = r.path.join(' ');
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
      out(`swarm version ${cliVersion()}\n`);
      return EXIT_OK;
    }
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs(r.rest, [...(cmd.flags ?? []), ...GLOBAL_FLAGS, HELP_FLAG], {
        interspersed: cmd.interspersed ?? true,
      });
    } catch (e) {
      if (e instanceof UsageError) e.command = path;
      throw e;
    }
    const flags = new Flags(parsed);
    if (flags.bool('help') || cmd.run === undefined) {
      if (cmd.run === undefined && parsed.args.length > 0) {
        const where = path === '' ? 'swarm' : `swarm ${path}`;
        throw new UsageError(`${where}: '${parsed.args[0]}' is not a ${where} command.`, { command: path });
      }
      out(helpText(path, cmd));
      return EXIT_OK;
    }
    const countError = argCountError(path, cmd, parsed.args.length);
    if (countError !== undefined) throw countError;

    // Empty variables count as unset (as Docker's DOCKER_HOST).
    const env = (name: string) => (io.env[name] === '' ? undefined : io.env[name]);
    const dataDir = resolvePath(
      flags.str('data-dir') ?? env('SWARM_DATA_DIR') ?? join(env('HOME') ?? homedir(), '.swarm'),
    );
    const host = flags.str('host') ?? env('SWARM_HOST') ?? `unix://${join(dataDir, 'swarm.sock')}`;
    try {
      parseControlHost(host);
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e), { command: path });
    }
    let client: ControlApi | undefined;
    const ctx: Context = {
      io,
      flags,
      args: parsed.args,
      dashDashAt: parsed.dashDashAt,
      path,
      dataDir,
      host,
      api: () => {
        // Over TCP: the client certificate the daemon wrote (Docker's DOCKER_CERT_PATH model).
        client ??= new ControlClient(host, {
          certDir: env('SWARM_CERT_PATH') ?? join(dataDir, 'control-tls', 'client'),
        });
        return client;
      },
      now: io.now ?? Date.now,
      out,
      err,
    };
    return await cmd.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      // Errors raised inside a command do not know its path; the resolved one does.
      const command = e.command !== '' ? e.command : path;
      const where = command === '' ? 'swarm' : `swarm ${command}`;
      let text = `${e.message}\nSee '${where} --help'.\n`;
      if (e.showUsage) {
        const c = command === path ? cmd : ROOT;
        text += `\nUsage:  ${usageLine(command, c)}\n\n${c.short}\n`;
      }
      err(text);
      return EXIT_USAGE;
    }
    if (isSwarmError(e, 'DAEMON_UNREACHABLE')) {
      err(`Error: ${e.message}\n`);
      return EXIT_UNREACHABLE;
    }
    err(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FAILED;
  }
}
