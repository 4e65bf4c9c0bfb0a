/** The cluster commands: init, join, join-token, leave, update, unlock, unlock-key, ca, info. */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { SwarmError } from '@swarm/api';
import type { AvailabilityName, InfoResult, ManagerConnectionView, NodeRoleName } from '@swarm/node/control';
import { nodePaths } from '@swarm/node/control';
import type { Command, Context } from '../command.js';
import { FORMAT, printFormatted } from '../command.js';
import { UsageError } from '../errors.js';
import { readLine } from '../read.js';
import { formatDuration, humanDuration, parseDuration, parseRebalance, parseStrategy } from '../units.js';
import { isStandaloneJoin, runStandaloneJoin, STANDALONE_JOIN_FLAGS } from './classic.js';

const AVAILABILITY = {
  name: 'availability',
  kind: 'string',
  value: 'string',
  help: 'Availability of the node ("active", "pause", "drain")',
} as const;
const LISTEN = {
  name: 'listen-addr',
  kind: 'string',
  value: 'node-addr',
  help: 'Listen address (format: <ip|interface>[:port]) (default 0.0.0.0:2377)',
} as const;
const ADVERTISE = {
  name: 'advertise-addr',
  kind: 'string',
  value: 'string',
  help: 'Advertised address (format: <ip|interface>[:port])',
} as const;
const CERT_EXPIRY = {
  name: 'cert-expiry',
  kind: 'string',
  value: 'duration',
  help: 'Validity period for node certificates (ns|us|ms|s|m|h) (default 2160h0m0s)',
} as const;

const MIN_CERT_EXPIRY_MS = 3_600_000;

export function availability(ctx: Context): AvailabilityName | undefined {
  const a = ctx.flags.str('availability');
  if (a === undefined) return undefined;
  const v = a.toLowerCase();
  if (v !== 'active' && v !== 'pause' && v !== 'drain') {
    throw new UsageError(
      `invalid argument ${JSON.stringify(a)} for "--availability" flag: expected active, pause or drain`,
    );
  }
  return v;
}

function certExpiry(ctx: Context): number | undefined {
  const text = ctx.flags.str('cert-expiry');
  if (text === undefined) return undefined;
  const ms = parseDuration(text, '--cert-expiry');
  if (ms < MIN_CERT_EXPIRY_MS) {
    throw new UsageError(
      `invalid argument ${JSON.stringify(text)} for "--cert-expiry" flag: minimum certificate expiry time is 1h`,
    );
  }
  return ms;
}

/** host:port, with Docker's default swarm port when none is given. */
function withPort(addr: string): string {
  if (/^\[.*\]:\d+$/.test(addr)) return addr;
  if (/^\[.*\]$/.test(addr)) return `${addr}:2377`;
  if (addr.split(':').length > 2) return `[${addr}]:2377`; // a bare IPv6 address
  return /:\d+$/.test(addr) ? addr : `${addr}:2377`;
}

function unlockKeyText(key: string): string {
  return (
    'To unlock a swarm manager after it restarts, run the `swarm unlock`\n' +
    'command and provide the following key:\n\n' +
    `    ${key}\n\n` +
    'Please remember to store this key in a password manager, since without it you\n' +
    'will not be able to restart the manager.\n'
  );
}

function joinCommandText(role: NodeRoleName, token: string, addr: string): string {
  return `To add a ${role} to this swarm, run the following command:\n\n    swarm join --token ${token} ${withPort(addr)}\n\n`;
}

const init: Command = {
  name: 'init',
  usage: '[OPTIONS]',
  short: 'Initialize a swarm',
  flags: [
    LISTEN,
    ADVERTISE,
    {
      name: 'autolock',
      kind: 'bool',
      help: 'Enable manager autolocking (requiring an unlock key to start a stopped manager)',
    },
    CERT_EXPIRY,
    AVAILABILITY,
    { name: 'force-new-cluster', kind: 'bool', help: 'Force create a new cluster from current state' },
  ],
  maxArgs: 0,
  async run(ctx) {
    const listenAddr = ctx.flags.str('listen-addr');
    const advertiseAddr = ctx.flags.str('advertise-addr');
    const expiry = certExpiry(ctx);
    const avail = availability(ctx);
    const r = await ctx.api().init({
      ...(listenAddr === undefined ? {} : { listenAddr }),
      ...(advertiseAddr === undefined ? {} : { advertiseAddr }),
      ...(ctx.flags.bool('autolock') ? { autolock: true } : {}),
      ...(expiry === undefined ? {} : { certExpiryMs: expiry }),
      ...(avail === undefined ? {} : { availability: avail }),
      ...(ctx.flags.bool('force-new-cluster') ? { forceNewCluster: true } : {}),
    });
    ctx.out(
      `Swarm initialized: current node (${r.nodeId}) is now a manager.\n\n` +
        joinCommandText('worker', r.workerToken, r.advertiseAddr) +
        "To add a manager to this swarm, run 'swarm join-token manager' and follow the instructions.\n\n",
    );
    if (r.unlockKey !== undefined && r.unlockKey !== '') ctx.out(unlockKeyText(r.unlockKey));
    if (r.removedManagers !== undefined && r.removedManagers.length > 0)
      ctx.out(
        `Removed ${r.removedManagers.length} other manager${r.removedManagers.length === 1 ? '' : 's'} from the swarm (${r.removedManagers.join(', ')}); they must join again with a token.\n`,
      );
    return 0;
  },
};

const join: Command = {
  name: 'join',
  usage: '[OPTIONS] HOST:PORT | --discovery URL --advertise HOST:PORT',
  short: 'Join a swarm as a node and/or manager (standalone swarm: register an engine with discovery)',
  flags: [
    { name: 'token', kind: 'string', value: 'string', help: 'Token for entry into the swarm' },
    LISTEN,
    ADVERTISE,
    AVAILABILITY,
    {
      name: 'image-policy',
      kind: 'string',
      value: 'path',
      help: 'Run only images this containers policy.json accepts (kept on this node; managers see only its digest)',
    },
    ...STANDALONE_JOIN_FLAGS,
  ],
  maxArgs: 1,
  async run(ctx) {
    // --discovery (or a discovery URL as the argument) selects standalone Swarm 0.2's join.
    if (isStandaloneJoin(ctx)) return runStandaloneJoin(ctx);
    if (ctx.args.length !== 1) throw new UsageError('"swarm join" requires exactly 1 argument.');
    for (const f of ['advertise', 'addr', 'heartbeat', 'ttl', 'token-service', 'log-level'])
      if (ctx.flags.has(f))
        throw new UsageError(`"--${f}" is for the standalone join (with --discovery URL)`);
    const token = ctx.flags.str('token');
    if (token === undefined || token === '')
      throw new UsageError(
        'required flag "--token" not set: copy it from "swarm join-token worker" on a manager',
      );
    const listenAddr = ctx.flags.str('listen-addr');
    const advertiseAddr = ctx.flags.str('advertise-addr');
    const avail = availability(ctx);
    const imagePolicy = ctx.flags.str('image-policy');
    const r = await ctx.api().join({
      remoteAddr: withPort(ctx.args[0]!),
      token,
      ...(listenAddr === undefined ? {} : { listenAddr }),
      ...(advertiseAddr === undefined ? {} : { advertiseAddr }),
      ...(avail === undefined ? {} : { availability: avail }),
      ...(imagePolicy === undefined ? {} : { imagePolicy: resolve(imagePolicy) }),
    });
    ctx.out(`This node joined a swarm as a ${r.role}.\n`);
    return 0;
  },
};

const joinToken: Command = {
  name: 'join-token',
  usage: '[OPTIONS] (worker|manager)',
  short: 'Manage join tokens',
  flags: [
    { name: 'quiet', short: 'q', kind: 'bool', help: 'Only display token' },
    { name: 'rotate', kind: 'bool', help: 'Rotate join token' },
  ],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const role = ctx.args[0]!;
    if (role !== 'worker' && role !== 'manager') {
      throw new UsageError(`unknown role ${role}: use "worker" or "manager"`);
    }
    const rotate = ctx.flags.bool('rotate');
    const r = await ctx.api().joinToken({ role, ...(rotate ? { rotate: true } : {}) });
    if (ctx.flags.bool('quiet')) {
      ctx.out(`${r.token}\n`);
      return 0;
    }
    if (rotate) ctx.out(`Successfully rotated ${role} join token.\n\n`);
    ctx.out(joinCommandText(role, r.token, r.managerAddr));
    return 0;
  },
};

const leave: Command = {
  name: 'leave',
  usage: '[OPTIONS]',
  short: 'Leave the swarm',
  flags: [
    {
      name: 'force',
      short: 'f',
      kind: 'bool',
      help: 'Force this node to leave the swarm, ignoring warnings',
    },
  ],
  maxArgs: 0,
  async run(ctx) {
    await ctx.api().leave(ctx.flags.bool('force') ? { force: true } : {});
    ctx.out('Node left the swarm.\n');
    return 0;
  },
};

const update: Command = {
  name: 'update',
  usage: '[OPTIONS]',
  short: 'Update the swarm',
  flags: [
    { name: 'autolock', kind: 'bool', help: 'Change manager autolocking setting (true|false)' },
    CERT_EXPIRY,
    {
      name: 'dispatcher-heartbeat',
      kind: 'string',
      value: 'duration',
      help: 'Dispatcher heartbeat period (ns|us|ms|s|m|h) (default 5s)',
    },
    {
      name: 'task-history-limit',
      kind: 'string',
      value: 'int',
      help: 'Task history retention limit (default 5)',
    },
    {
      name: 'placement-strategy',
      kind: 'string',
      value: 'string',
      help: 'How the managers place tasks: "spread" or "binpack" (overrides each daemon\'s --placement-strategy)',
    },
    {
      name: 'rebalance',
      kind: 'string',
      value: 'budget',
      help: "Move tasks onto nodes that join, at most MOVES per INTERVAL: MOVES/INTERVAL (e.g. 2/30s), MOVES (per minute) or off (overrides each daemon's --rebalance)",
    },
  ],
  maxArgs: 0,
  async run(ctx) {
    const autolock = ctx.flags.optBool('autolock');
    const expiry = certExpiry(ctx);
    const hb = ctx.flags.str('dispatcher-heartbeat');
    const heartbeat = hb === undefined ? undefined : parseDuration(hb, '--dispatcher-heartbeat');
    if (heartbeat !== undefined && heartbeat < 100)
      throw new UsageError(
        `invalid argument ${JSON.stringify(hb)} for "--dispatcher-heartbeat" flag: the minimum is 100ms`,
      );
    const hl = ctx.flags.str('task-history-limit');
    if (hl !== undefined && !/^-?\d+$/.test(hl))
      throw new UsageError(
        `invalid argument ${JSON.stringify(hl)} for "--task-history-limit" flag: strconv.ParseInt: parsing ${JSON.stringify(hl)}: invalid syntax`,
      );
    const strategy = ctx.flags.str('placement-strategy');
    const rebalance = ctx.flags.str('rebalance');
    const r = await ctx.api().update({
      ...(autolock === undefined ? {} : { autolock }),
      ...(expiry === undefined ? {} : { certExpiryMs: expiry }),
      ...(heartbeat === undefined ? {} : { dispatcherHeartbeatMs: heartbeat }),
      ...(hl === undefined ? {} : { taskHistoryLimit: Number(hl) }),
      ...(strategy === undefined
        ? {}
        : { placementStrategy: parseStrategy(strategy, '--placement-strategy') }),
      ...(rebalance === undefined ? {} : { rebalance: parseRebalance(rebalance, '--rebalance') }),
    });
    ctx.out('Swarm updated.\n');
    if (r.unlockKey !== undefined && r.unlockKey !== '') ctx.out(unlockKeyText(r.unlockKey));
    return 0;
  },
};

const unlock: Command = {
  name: 'unlock',
  usage: '',
  short: 'Unlock swarm',
  maxArgs: 0,
  async run(ctx) {
    const key = (await readLine(ctx.io.stdin, ctx.io.stdout, 'Please enter unlock key: ')).trim();
    if (key === '')
      throw new SwarmError('INVALID_ARGUMENT', 'no unlock key given: type it, or pipe it to "swarm unlock"');
    await ctx.api().unlock({ unlockKey: key });
    return 0;
  },
};

const unlockKey: Command = {
  name: 'unlock-key',
  usage: '[OPTIONS]',
  short: 'Manage the unlock key',
  flags: [
    { name: 'quiet', short: 'q', kind: 'bool', help: 'Only display token' },
    { name: 'rotate', kind: 'bool', help: 'Rotate unlock key' },
  ],
  maxArgs: 0,
  async run(ctx) {
    const rotate = ctx.flags.bool('rotate');
    const r = await ctx.api().unlockKey(rotate ? { rotate: true } : {});
    if (r.unlockKey === '') {
      ctx.out('No unlock key is set.\n');
      return 0;
    }
    if (ctx.flags.bool('quiet')) {
      ctx.out(`${r.unlockKey}\n`);
      return 0;
    }
    if (rotate) ctx.out('Successfully rotated manager unlock key.\n\n');
    ctx.out(unlockKeyText(r.unlockKey));
    return 0;
  },
};

const ca: Command = {
  name: 'ca',
  usage: '[OPTIONS]',
  short: 'Rotate the root CA',
  flags: [
    {
      name: 'rotate',
      kind: 'bool',
      help: 'Rotate the swarm CA (a new root key and certificate); nodes move over in batches',
    },
    {
      name: 'detach',
      short: 'd',
      kind: 'bool',
      help: 'Exit immediately instead of waiting for the root rotation to converge',
    },
  ],
  maxArgs: 0,
  async run(ctx) {
    if (!ctx.flags.bool('rotate')) {
      throw new UsageError(
        '"swarm ca" needs --rotate (the root CA certificate itself is in <data-dir>/certificates)',
      );
    }
    const detach = ctx.flags.bool('detach');
    const r = await ctx.api().caRotate(detach ? { timeoutMs: 0 } : {});
    if (r.done) {
      ctx.out(`Root CA rotation complete (${r.progress}). New root CA digest: ${r.rootDigest}\n`);
      ctx.out('Both join tokens changed: get the new ones with "swarm join-token worker|manager".\n');
      return 0;
    }
    ctx.out(`Root CA rotation in progress: ${r.progress}. New root CA digest: ${r.rootDigest}\n`);
    if (!detach) {
      ctx.err(
        'Error: the rotation has not converged yet; some nodes have not moved to the new root. Check "swarm node ls".\n',
      );
      return 1;
    }
    return 0;
  },
};

/** `docker (Docker Engine 20.10.24, network bridge)` or `sandbox (bubblewrap, network private)`. */
export function executorText(e: { kind: string; version?: string; network?: string }): string {
  const parts = [
    e.version ? (e.kind === 'docker' ? `Docker Engine ${e.version}` : e.version) : '',
    e.network ? `network ${e.network}` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? e.kind : `${e.kind} (${parts.join(', ')})`;
}

/** What `swarm info` says when this node's agent has no session with any manager. */
export function agentErrorText(mc: ManagerConnectionView): string {
  const since = new Date(mc.sinceMs).toISOString();
  const attempts = `${mc.failures} attempt${mc.failures === 1 ? '' : 's'}`;
  return (
    `this node's agent cannot reach any manager (tried ${mc.managers.join(', ')} since ${since}, ${attempts})` +
    (mc.error ? `; last error: ${mc.error}` : '')
  );
}

function infoText(i: InfoResult): string {
  const lines = [`Swarm: ${i.localNodeState}`];
  if (i.nodeId !== undefined) lines.push(` NodeID: ${i.nodeId}`);
  if (i.localNodeState === 'active' || i.localNodeState === 'locked') {
    lines.push(` Is Manager: ${i.isManager}`);
    if (i.role !== undefined) lines.push(` Role: ${i.role}`);
    if (i.clusterId !== undefined) lines.push(` ClusterID: ${i.clusterId}`);
    if (i.isManager) {
      if (i.managers !== undefined) lines.push(` Managers: ${i.managers}`);
      if (i.nodes !== undefined) lines.push(` Nodes: ${i.nodes}`);
      if (i.leaderId !== undefined) lines.push(` Leader: ${i.leaderId}`);
      if (i.raft !== undefined) {
        lines.push(
          ' Raft:',
          `  Term: ${i.raft.term}`,
          `  Applied Index: ${i.raft.appliedIndex}`,
          `  Members: ${i.raft.members}`,
        );
        if (i.raft.quorum !== undefined)
          lines.push(
            `  Quorum: ${
              i.raft.quorum === 'ok'
                ? 'ok'
                : i.raft.quorum === 'lost'
                  ? `lost (${i.raft.reachable} of ${i.raft.members} managers reachable, ${Math.floor(i.raft.members / 2) + 1} needed)`
                  : `electing a leader (${i.raft.reachable} of ${i.raft.members} managers reachable)`
            }`,
          );
      }
      // One Orchestration block, as Docker's: the history limit, then placement and rebalancing.
      if (i.taskHistoryLimit !== undefined || i.orchestration !== undefined) lines.push(' Orchestration:');
      if (i.taskHistoryLimit !== undefined)
        lines.push(`  Task History Retention Limit: ${i.taskHistoryLimit}`);
      if (i.orchestration !== undefined) {
        const r = i.orchestration.rebalance;
        lines.push(
          `  Placement Strategy: ${i.orchestration.placementStrategy}`,
          `  Rebalance: ${r === undefined ? 'off' : `${r.maxMoves}/${formatDuration(r.intervalMs)}`}`,
        );
      }
      if (i.raft?.snapshotInterval !== undefined)
        lines.push(
          ' Raft Settings:',
          `  Snapshot Interval: ${i.raft.snapshotInterval}`,
          `  Heartbeat Tick: ${i.raft.heartbeatTick}`,
          `  Election Tick: ${i.raft.electionTick}`,
          `  Tick: ${formatDuration(i.raft.tickMs ?? 0)}`,
        );
      if (i.dispatcherHeartbeatMs !== undefined)
        lines.push(' Dispatcher:', `  Heartbeat Period: ${humanDuration(i.dispatcherHeartbeatMs)}`);
      if (i.autolock !== undefined) lines.push(` Autolock Managers: ${i.autolock}`);
      if (i.certExpiryMs !== undefined) {
        lines.push(
          ' CA Configuration:',
          `  Expiry Duration: ${humanDuration(i.certExpiryMs)} (${formatDuration(i.certExpiryMs)})`,
        );
      }
    }
    if (i.certNotAfter !== undefined)
      lines.push(` Node Certificate Expires: ${new Date(i.certNotAfter).toISOString()}`);
    if (i.nodeAddr !== undefined) lines.push(` Node Address: ${i.nodeAddr}`);
    if (i.listenAddr !== undefined) lines.push(` Listen Address: ${i.listenAddr}`);
    if (i.advertiseAddr !== undefined) lines.push(` Advertise Address: ${i.advertiseAddr}`);
    const mc = i.managerConnection;
    if (mc?.connected) lines.push(` Manager Connection: ${mc.manager}`);
    else if (mc !== undefined) lines.push(` Error: ${agentErrorText(mc)}`);
    if (i.executor !== undefined) lines.push(` Executor: ${executorText(i.executor)}`);
    lines.push(` Image Policy: ${i.imagePolicyDigest ?? '(none)'}`);
  }
  if (i.localNodeState === 'locked') {
    lines.push('', 'This manager is locked: run "swarm unlock" and enter the unlock key.');
  }
  lines.push(`Data Dir: ${i.dataDir}`, `Server Version: ${i.version}`);
  return `${lines.join('\n')}\n`;
}

const info: Command = {
  name: 'info',
  usage: '[OPTIONS]',
  short: 'Display swarm-wide information',
  flags: [FORMAT],
  maxArgs: 0,
  async run(ctx) {
    const i = await ctx.api().info();
    if (!printFormatted(ctx, [i], false)) ctx.out(infoText(i));
    return 0;
  },
};

const PASSPHRASE_FILE = {
  name: 'passphrase-file',
  kind: 'string',
  value: 'path',
  help: 'Read the backup passphrase from this file (first line) instead of using the unlock key',
} as const;

function readPassphrase(path: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --passphrase-file ${JSON.stringify(path)}: ${(e as Error).message}`);
  }
  const line = text.split('\n')[0]!.replace(/\r$/, '');
  if (line === '') throw new UsageError(`--passphrase-file ${JSON.stringify(path)} is empty`);
  return line;
}

const backup: Command = {
  name: 'backup',
  usage: '[OPTIONS]',
  short: "Write an encrypted backup of this manager's swarm state",
  flags: [
    {
      name: 'output',
      short: 'o',
      kind: 'string',
      value: 'file',
      help: 'Write the backup to this file (required)',
    },
    PASSPHRASE_FILE,
  ],
  maxArgs: 0,
  async run(ctx) {
    const output = ctx.flags.str('output');
    if (output === undefined || output === '')
      throw new UsageError('required flag "--output" not set: name the file to write the backup to');
    const pf = ctx.flags.str('passphrase-file');
    const passphrase = pf === undefined ? undefined : readPassphrase(pf);
    const r = await ctx.api().swarmBackup(passphrase === undefined ? {} : { passphrase });
    const path = resolve(output);
    writeFileSync(path, Buffer.from(r.data, 'base64'), { mode: 0o600 });
    chmodSync(path, 0o600);
    ctx.out(
      `Backup of cluster ${r.clusterId} (manager ${r.nodeId}, raft index ${r.appliedIndex}) written to ${path}.\n` +
        (r.key === 'unlock-key'
          ? 'It is encrypted with the unlock key: keep the key apart from the backup.\n'
          : 'It is encrypted with the passphrase: keep the passphrase apart from the backup.\n'),
    );
    return 0;
  },
};

const restore: Command = {
  name: 'restore',
  usage: '[OPTIONS] FILE',
  short: 'Restore a manager from a backup into a data directory (daemon stopped)',
  flags: [PASSPHRASE_FILE],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const file = resolve(ctx.args[0]!);
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (e) {
      throw new UsageError(`cannot read backup ${JSON.stringify(ctx.args[0])}: ${(e as Error).message}`);
    }
    const { readBackupHeader, restoreBackup } = await import('@swarm/node');
    const { header } = readBackupHeader(data);
    if (await daemonAnswers(nodePaths(ctx.dataDir).socket))
      throw new SwarmError(
        'DAEMON_RUNNING',
        `a daemon is running on ${ctx.dataDir}: stop it before restoring into its data directory`,
      );
    const pf = ctx.flags.str('passphrase-file');
    const secret =
      pf !== undefined
        ? readPassphrase(pf)
        : (
            await readLine(
              ctx.io.stdin,
              ctx.io.stdout,
              header.key === 'passphrase'
                ? 'Please enter the backup passphrase: '
                : 'Please enter unlock key: ',
            )
          ).trim();
    if (secret === '')
      throw new SwarmError(
        'INVALID_ARGUMENT',
        'no key given: type the unlock key (or the passphrase), or pipe it in',
      );
    const r = await restoreBackup(data, secret, ctx.dataDir);
    ctx.out(
      `Restored manager ${r.header.nodeId} of cluster ${r.header.clusterId} (raft index ${r.header.appliedIndex}) into ${ctx.dataDir}.\n` +
        `Start its daemon${r.autolock ? ', run "swarm unlock",' : ''} and run "swarm init --force-new-cluster" to make it the only manager.\n`,
    );
    return 0;
  },
};

/** Whether a daemon serves the control socket at `socket`. */
function daemonAnswers(socket: string): Promise<boolean> {
  if (!existsSync(socket)) return Promise.resolve(false);
  return new Promise((done) => {
    const c = connect(socket);
    c.once('connect', () => {
      c.destroy();
      done(true);
    });
    c.once('error', () => done(false));
  });
}

export const swarmCommands: Command[] = [
  init,
  join,
  joinToken,
  leave,
  update,
  unlock,
  unlockKey,
  ca,
  info,
  backup,
  restore,
];
