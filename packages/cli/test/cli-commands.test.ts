import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SwarmError } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import type { Command } from '../src/command.js';
import { type CliIO, main, ROOT } from '../src/main.js';
import {
  CONFIG1,
  MANAGER_TOKEN,
  NODE1,
  NODE2,
  SECRET1,
  SERVICE1,
  TASK1,
  UNLOCK_KEY,
  useFakeDaemon,
  WORKER_TOKEN,
} from './fixtures/fake-daemon.js';

const fake = useFakeDaemon();
const { api, run, last: lastCall } = fake;

describe('swarm cluster commands', () => {
  it("init prints Docker's message with the join command", async () => {
    const r = await run([
      'init',
      '--listen-addr',
      '127.0.0.21:2377',
      '--advertise-addr',
      '127.0.0.21',
      '--cert-expiry',
      '2160h',
      '--availability',
      'drain',
    ]);
    expect(r.code).toBe(0);
    expect(lastCall('init')).toEqual({
      listenAddr: '127.0.0.21:2377',
      advertiseAddr: '127.0.0.21',
      certExpiryMs: 2160 * 3_600_000,
      availability: 'drain',
    });
    expect(r.stdout).toBe(
      `Swarm initialized: current node (${NODE1}) is now a manager.\n\n` +
        'To add a worker to this swarm, run the following command:\n\n' +
        `    swarm join --token ${WORKER_TOKEN} 127.0.0.21:2377\n\n` +
        "To add a manager to this swarm, run 'swarm join-token manager' and follow the instructions.\n\n",
    );
  });

  it('init --autolock prints the unlock key paragraph', async () => {
    const r = await run(['init', '--autolock']);
    expect(lastCall('init')).toEqual({ autolock: true });
    expect(r.stdout).toContain('To unlock a swarm manager after it restarts, run the `swarm unlock`');
    expect(r.stdout).toContain(`    ${UNLOCK_KEY}\n`);
  });

  it('init --force-new-cluster asks the daemon to recover, and names the managers it removed', async () => {
    const base = await api.init({});
    api.overrides.set('init', () => ({ ...base, removedManagers: ['aaaa', 'bbbb'] }));
    const r = await run(['init', '--force-new-cluster', '--advertise-addr', '127.0.6.9']);
    expect(r.code).toBe(0);
    expect(lastCall('init')).toEqual({ advertiseAddr: '127.0.6.9', forceNewCluster: true });
    expect(r.stdout).toMatch(/^Swarm initialized: current node \([a-z0-9]+\) is now a manager\./);
    expect(r.stdout).toContain(
      'Removed 2 other managers from the swarm (aaaa, bbbb); they must join again with a token.\n',
    );
    expect((await run(['init', '--help'])).stdout).toContain(
      '      --force-new-cluster       Force create a new cluster from current state\n',
    );
  });

  it("backup writes the daemon's encrypted file 0600 and says what opens it; restore refuses what is not a backup", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swarm-backup-cli-'));
    try {
      expect((await run(['backup'])).code).toBe(2);
      const file = join(dir, 'b.swarm-backup');
      const r = await run(['backup', '-o', file]);
      expect(r.code).toBe(0);
      expect(lastCall('swarmBackup')).toEqual({});
      expect(r.stdout).toContain(`written to ${file}.\nIt is encrypted with the unlock key`);
      expect(readFileSync(file, 'utf8')).toBe('SWARM-BACKUP-1\n{}\n');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const pf = join(dir, 'pass');
      writeFileSync(pf, 'a long passphrase\n');
      const withPass = await run(['backup', '-o', file, '--passphrase-file', pf]);
      expect(lastCall('swarmBackup')).toEqual({ passphrase: 'a long passphrase' });
      expect(withPass.stdout).toContain('encrypted with the passphrase');

      const junk = join(dir, 'junk');
      writeFileSync(junk, 'hello\n');
      const target = join(dir, 'data');
      const bad = await run(['--data-dir', target, 'restore', junk]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toBe(
        'Error: this is not a swarm backup file (it does not start with SWARM-BACKUP-1)\n',
      );
      const cut = await run(['--data-dir', target, 'restore', file]);
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(/^Error: unsupported backup format/);
      expect((await run(['restore'])).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("init on a node already in a swarm prints the daemon's message and exits 1", async () => {
    const msg =
      'This node is already part of a swarm. Use "swarm leave" to leave this swarm and join another one.';
    api.fail('init', 'ALREADY_IN_SWARM', msg);
    const r = await run(['init']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `Error: ${msg}\n` });
  });

  it('refuses a certificate lifetime under an hour before calling the daemon', async () => {
    const r = await run(['init', '--cert-expiry', '30m']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('minimum certificate expiry time is 1h');
    expect(api.calls).toEqual([]);
  });

  it('join sends the token and address, adding the default port', async () => {
    const r = await run(['join', '--token', MANAGER_TOKEN, '--availability', 'pause', '127.0.0.21']);
    expect(r).toEqual({ code: 0, stdout: 'This node joined a swarm as a manager.\n', stderr: '' });
    expect(lastCall('join')).toEqual({
      remoteAddr: '127.0.0.21:2377',
      token: MANAGER_TOKEN,
      availability: 'pause',
    });
    const w = await run([
      'join',
      '--token',
      WORKER_TOKEN,
      '--listen-addr',
      '127.0.0.22:2377',
      '127.0.0.21:2377',
    ]);
    expect(w.stdout).toBe('This node joined a swarm as a worker.\n');
    const missing = await run(['join', '127.0.0.21:2377']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('required flag "--token" not set');
  });

  it('join-token prints the command, -q only the token, --rotate says so', async () => {
    const r = await run(['join-token', 'worker']);
    expect(r.stdout).toBe(
      `To add a worker to this swarm, run the following command:\n\n    swarm join --token ${WORKER_TOKEN} 127.0.0.21:2377\n\n`,
    );
    const q = await run(['join-token', '-q', 'manager']);
    expect(q.stdout).toBe(`${MANAGER_TOKEN}\n`);
    const rot = await run(['join-token', '--rotate', 'manager']);
    expect(lastCall('joinToken')).toEqual({ role: 'manager', rotate: true });
    expect(rot.stdout.startsWith('Successfully rotated manager join token.\n\nTo add a manager')).toBe(true);
    expect((await run(['join-token', 'admin'])).code).toBe(2);
    expect((await run(['join-token'])).code).toBe(2);
  });

  it('leave, leave --force', async () => {
    expect(await run(['leave'])).toEqual({ code: 0, stdout: 'Node left the swarm.\n', stderr: '' });
    expect(lastCall('leave')).toEqual({});
    await run(['leave', '-f']);
    expect(lastCall('leave')).toEqual({ force: true });
  });

  it('update --autolock[=bool] and --cert-expiry', async () => {
    const on = await run(['update', '--autolock']);
    expect(lastCall('update')).toEqual({ autolock: true });
    expect(on.stdout).toContain('Swarm updated.\nTo unlock a swarm manager');
    const off = await run(['update', '--autolock=false', '--cert-expiry', '48h']);
    expect(lastCall('update')).toEqual({ autolock: false, certExpiryMs: 48 * 3_600_000 });
    expect(off.stdout).toBe('Swarm updated.\n');
  });

  it('update --task-history-limit and --dispatcher-heartbeat; info shows them with the raft settings', async () => {
    const r = await run(['update', '--task-history-limit', '10', '--dispatcher-heartbeat', '2s']);
    expect(r).toEqual({ code: 0, stdout: 'Swarm updated.\n', stderr: '' });
    expect(lastCall('update')).toEqual({ taskHistoryLimit: 10, dispatcherHeartbeatMs: 2000 });
    await run(['update', '--task-history-limit', '-1']);
    expect(lastCall('update')).toEqual({ taskHistoryLimit: -1 });
    expect((await run(['update', '--task-history-limit', 'x'])).code).toBe(2);
    const fast = await run(['update', '--dispatcher-heartbeat', '10ms']);
    expect(fast.code).toBe(2);
    expect(fast.stderr).toContain('the minimum is 100ms');
    const base = await api.info();
    api.overrides.set('info', () => ({
      ...base,
      taskHistoryLimit: 10,
      dispatcherHeartbeatMs: 2000,
      raft: { ...base.raft!, snapshotInterval: 10000, heartbeatTick: 1, electionTick: 10, tickMs: 100 },
    }));
    const i = await run(['info']);
    expect(i.stdout).toContain(' Orchestration:\n  Task History Retention Limit: 10\n');
    expect(i.stdout).toContain(
      ' Raft Settings:\n  Snapshot Interval: 10000\n  Heartbeat Tick: 1\n  Election Tick: 10\n  Tick: 100ms\n',
    );
    expect(i.stdout).toContain(' Dispatcher:\n  Heartbeat Period: 2 seconds\n');
  });

  it('unlock reads the key from stdin; a wrong key exits 1', async () => {
    const ok = await run(['unlock'], { stdin: `${UNLOCK_KEY}\n` });
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(lastCall('unlock')).toEqual({ unlockKey: UNLOCK_KEY });
    const bad = await run(['unlock'], { stdin: 'SWMKEY-1-wrong\n' });
    expect(bad).toEqual({ code: 1, stdout: '', stderr: 'Error: invalid key, unable to unlock swarm\n' });
    const empty = await run(['unlock'], { stdin: '' });
    expect(empty.code).toBe(1);
  });

  it('unlock prompts without echo on a terminal', async () => {
    const tty = new Readable({ read() {} }) as Readable & {
      isTTY: boolean;
      setRawMode: (b: boolean) => void;
    };
    const modes: boolean[] = [];
    tty.isTTY = true;
    tty.setRawMode = (b) => {
      modes.push(b);
    };
    setTimeout(() => tty.push(Buffer.from(`${UNLOCK_KEY}x\u007f\r`)), 10);
    const r = await run(['unlock'], { stdin: tty });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Please enter unlock key: \n');
    expect(modes).toEqual([true, false]);
    expect(lastCall('unlock')).toEqual({ unlockKey: UNLOCK_KEY });
  });

  it('unlock-key, -q and --rotate', async () => {
    const r = await run(['unlock-key']);
    expect(r.stdout).toContain(`    ${UNLOCK_KEY}\n`);
    expect((await run(['unlock-key', '-q'])).stdout).toBe(`${UNLOCK_KEY}\n`);
    const rot = await run(['unlock-key', '--rotate']);
    expect(lastCall('unlockKey')).toEqual({ rotate: true });
    expect(rot.stdout.startsWith('Successfully rotated manager unlock key.\n\n')).toBe(true);
  });

  it('ca --rotate waits; -d returns at once', async () => {
    const r = await run(['ca', '--rotate']);
    expect(r.code).toBe(0);
    expect(lastCall('caRotate')).toEqual({});
    expect(r.stdout).toContain('Root CA rotation complete (2/2 nodes). New root CA digest: abc123');
    const d2 = await run(['ca', '--rotate', '-d']);
    expect(lastCall('caRotate')).toEqual({ timeoutMs: 0 });
    expect(d2.stdout).toContain('in progress: 0/2 nodes');
    expect((await run(['ca'])).code).toBe(2);
  });

  it('info prints the swarm section, or JSON', async () => {
    const r = await run(['info']);
    expect(r.stdout).toContain(`Swarm: active\n NodeID: ${NODE1}\n Is Manager: true\n`);
    expect(r.stdout).toContain(' Managers: 1\n Nodes: 2\n');
    expect(r.stdout).toContain('  Expiry Duration: 3 months (2160h0m0s)\n');
    const j = await run(['info', '--format', 'json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ nodeId: NODE1, isManager: true });
    const t = await run(['info', '--format', '{{.NodeID}} {{.raft.term}}']);
    expect(t.stdout).toBe(`${NODE1} 3\n`);
  });

  it('info shows the resolved listen and advertise addresses, and an agent that reaches no manager', async () => {
    const base = await api.info();
    api.overrides.set('info', () => ({
      ...base,
      nodeAddr: '127.0.6.2:31000',
      listenAddr: '127.0.6.2:31000',
      advertiseAddr: '127.0.6.2:31000',
      managerConnection: {
        connected: true,
        manager: '127.0.6.2:31000',
        sinceMs: 0,
        failures: 0,
        managers: [],
      },
    }));
    const up = await run(['info']);
    expect(up.stdout).toContain(
      ' Node Address: 127.0.6.2:31000\n Listen Address: 127.0.6.2:31000\n Advertise Address: 127.0.6.2:31000\n Manager Connection: 127.0.6.2:31000\n',
    );
    api.overrides.set('info', () => ({
      ...base,
      managerConnection: {
        connected: false,
        sinceMs: Date.UTC(2026, 11, 7, 10, 0, 0),
        failures: 7,
        managers: ['127.0.6.2:2377'],
        error: '127.0.6.2:2377: connect ECONNREFUSED 127.0.6.2:2377',
      },
    }));
    const down = await run(['info']);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(
      " Error: this node's agent cannot reach any manager (tried 127.0.6.2:2377 since 2026-12-07T10:00:00.000Z, 7 attempts); last error: 127.0.6.2:2377: connect ECONNREFUSED 127.0.6.2:2377\n",
    );
    expect(down.stdout).not.toContain('Manager Connection:');
  });

  it('info shows the quorum as this manager sees it', async () => {
    const base = await api.info();
    const withRaft = (raft: NonNullable<typeof base.raft>) =>
      api.overrides.set('info', () => ({ ...base, raft }));
    withRaft({ term: '3', appliedIndex: '42', members: 3, reachable: 3, quorum: 'ok' });
    expect((await run(['info'])).stdout).toContain('  Members: 3\n  Quorum: ok\n');
    withRaft({ term: '3', appliedIndex: '42', members: 3, reachable: 1, quorum: 'lost' });
    expect((await run(['info'])).stdout).toContain('  Quorum: lost (1 of 3 managers reachable, 2 needed)\n');
    withRaft({ term: '4', appliedIndex: '42', members: 5, reachable: 3, quorum: 'electing' });
    expect((await run(['info'])).stdout).toContain(
      '  Quorum: electing a leader (3 of 5 managers reachable)\n',
    );
  });

  it("a locked manager: the daemon's SWARM_LOCKED error exits 1", async () => {
    api.fail(
      'nodeList',
      'SWARM_LOCKED',
      'Swarm is encrypted and needs to be unlocked before it can be used. Please use "swarm unlock" to unlock it.',
    );
    const r = await run(['node', 'ls']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: Swarm is encrypted/);
  });
});

describe('swarm node', () => {
  it('ls prints the table with * after the local node', async () => {
    const r = await run(['node', 'ls']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ZONE\n' +
        `${NODE1} *   host1      Ready     Active         Leader           pci\n` +
        `${NODE2}     host2      Ready     Active\n`,
    );
  });

  it("ls warns on stderr about a row it cannot vouch for (the node's agent reaches no manager)", async () => {
    const nodes = await api.nodeList();
    const warning = "this node's agent cannot reach any manager (tried 127.0.6.2:2377)";
    api.overrides.set('nodeList', () =>
      nodes.map((n) => (n.self ? { ...n, status: 'unknown', warnings: [warning] } : n)),
    );
    const r = await run(['node', 'ls']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${NODE1} *   host1      Unknown   Active`);
    expect(r.stderr).toBe(`Warning: node host1: ${warning}\n`);
  });

  it('ls from a manager without quorum prints the table and one stale warning', async () => {
    const nodes = await api.nodeList();
    const stale =
      "quorum is lost (1 of 3 managers reachable, 2 needed): this is this manager's local copy and may be stale";
    api.overrides.set('nodeList', () => nodes.map((n) => ({ ...n, stale })));
    const r = await run(['node', 'ls']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(3);
    expect(r.stderr).toBe(`Warning: ${stale}\n`);
  });

  it('ps lists the tasks of the local node by default, or of the nodes named', async () => {
    api.overrides.set('taskList', () => api.tasks);
    const self = await run(['node', 'ps']);
    expect(self.code).toBe(0);
    const lines = self.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+NODE\s+DESIRED STATE\s+CURRENT STATE\s+ERROR\s+PORTS$/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(
      /^\S+\s+web\.1\s+host1\s+Running\s+Running 5 seconds ago\s+127\.0\.0\.2:41234->80\/tcp$/,
    );
    const other = await run(['node', 'ps', 'host2']);
    expect(other.stdout).toContain('"no suitable node (1 node not …"');
    expect(other.stdout).not.toContain('web.1');
    const both = await run(['node', 'ps', '-q', 'self', 'host2']);
    expect(both.stdout.trim().split('\n')).toHaveLength(2);
    const missing = await run(['node', 'ps', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope');
  });

  it('ls, service ls and secret ls take --filter as Docker does (keys AND, values OR)', async () => {
    expect((await run(['node', 'ls', '-q', '--filter', 'role=manager'])).stdout).toBe(`${NODE1}\n`);
    expect((await run(['node', 'ls', '-q', '-f', 'name=host2'])).stdout).toBe(`${NODE2}\n`);
    expect((await run(['node', 'ls', '-q', '-f', 'name=host1', '-f', 'name=host2'])).stdout).toBe(
      `${NODE1}\n${NODE2}\n`,
    );
    expect((await run(['node', 'ls', '-q', '-f', 'name=host1', '-f', 'role=worker'])).stdout).toBe('');
    expect((await run(['node', 'ls', '-q', '-f', `id=${NODE2.slice(0, 5)}`])).stdout).toBe(`${NODE2}\n`);
    expect((await run(['service', 'ls', '-q', '-f', 'name=we'])).stdout).toBe(`${SERVICE1}\n`);
    expect((await run(['service', 'ls', '-q', '-f', 'mode=global'])).stdout).toBe('');
    expect((await run(['secret', 'ls', '-q', '-f', 'label=env=prod'])).stdout).toBe(`${SECRET1}\n`);
    expect((await run(['secret', 'ls', '-q', '-f', 'label=env=dev'])).stdout).toBe('');
    const bad = await run(['node', 'ls', '-f', 'colour=red']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid filter 'colour'");
    expect((await run(['service', 'ls', '-f', 'name'])).stderr).toContain(
      'bad format of filter (expected name=value)',
    );
  });

  it('ls -q and --format json', async () => {
    expect((await run(['node', 'ls', '-q'])).stdout).toBe(`${NODE1}\n${NODE2}\n`);
    const j = JSON.parse((await run(['node', 'ls', '--format', 'json'])).stdout) as { id: string }[];
    expect(j.map((n) => n.id)).toEqual([NODE1, NODE2]);
    const t = await run(['node', 'ls', '--format', '{{.Hostname}}\\t{{.Status}}']);
    expect(t.stdout).toBe('host1\tready\nhost2\tready\n');
    const bad = await run(['node', 'ls', '--format', '{{range .}}']);
    expect(bad.code).toBe(2);
  });

  it('inspect prints raw JSON; self resolves the local node; --pretty', async () => {
    const r = await run(['node', 'inspect', 'self']);
    expect(lastCall('nodeInspect')).toEqual({ id: NODE1 });
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ id: NODE1 })]);
    const p = await run(['node', 'inspect', '--pretty', 'host2']);
    expect(p.stdout).toContain(`ID:                   ${NODE2}\n`);
    expect(p.stdout).toContain('Hostname:             host2\n');
    expect(p.stdout).toContain(' Operating System:    linux\n');
  });

  it('inspect of several nodes reports each failure and exits 1', async () => {
    const r = await run(['node', 'inspect', 'host1', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: no such object: nope\n');
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('update maps labels, availability and role', async () => {
    const r = await run([
      'node',
      'update',
      '--label-add',
      'swarm.zone=pci',
      '--label-add',
      'dc=east',
      '--label-rm',
      'old',
      '--availability',
      'drain',
      '--role',
      'manager',
      'host2',
    ]);
    expect(r).toEqual({ code: 0, stdout: 'host2\n', stderr: '' });
    expect(lastCall('nodeUpdate')).toEqual({
      id: 'host2',
      labelAdd: { 'swarm.zone': 'pci', dc: 'east' },
      labelRm: ['old'],
      availability: 'drain',
      role: 'manager',
    });
    expect((await run(['node', 'update', '--availability', 'gone', 'host2'])).code).toBe(2);
    expect((await run(['node', 'update', '--role', 'king', 'host2'])).code).toBe(2);
  });

  it('promote and demote', async () => {
    const p = await run(['node', 'promote', 'host2', 'host1']);
    expect(p.stdout).toBe(
      'Node host2 promoted to a manager in the swarm.\nNode host1 is already a manager.\n',
    );
    expect(api.callsOf('nodeUpdate')).toEqual([{ id: NODE2, role: 'manager' }]);
    const dm = await run(['node', 'demote', 'host1']);
    expect(dm.stdout).toBe('Manager host1 demoted in the swarm.\n');
    expect(lastCall('nodeUpdate')).toEqual({ id: NODE1, role: 'worker' });
  });

  it('rm [--force]', async () => {
    expect((await run(['node', 'rm', 'host2'])).stdout).toBe('host2\n');
    expect(lastCall('nodeRemove')).toEqual({ id: 'host2' });
    await run(['node', 'rm', '--force', 'host2']);
    expect(lastCall('nodeRemove')).toEqual({ id: 'host2', force: true });
  });

  it("NOT_A_MANAGER: Docker's message, exit 1", async () => {
    const msg =
      'This node is not a swarm manager. Use "swarm init" or "swarm join" to connect this node to swarm and try again.';
    api.fail('nodeList', 'NOT_A_MANAGER', msg);
    expect(await run(['node', 'ls'])).toEqual({ code: 1, stdout: '', stderr: `Error: ${msg}\n` });
  });
});

describe('swarm service', () => {
  it('create with -- (no image) sends the spec and prints the ID', async () => {
    const r = await run(
      [
        'service',
        'create',
        '--name',
        'web',
        '--publish',
        '8080:80',
        '--replicas',
        '3',
        '--secret',
        'db-password',
        '--secret',
        'source=api,target=api.key',
        '-e',
        'A=1',
        '--env',
        'FROM_ENV',
        '--constraint',
        'node.labels.swarm.zone==pci',
        '--placement-pref',
        'spread=node.labels.dc',
        '--replicas-max-per-node',
        '2',
        '--reserve-cpu',
        '0.5',
        '--reserve-memory',
        '64M',
        '--restart-condition',
        'on-failure',
        '--restart-delay',
        '10s',
        '--restart-max-attempts',
        '3',
        '--update-parallelism',
        '2',
        '--update-delay',
        '1m30s',
        '--update-failure-action',
        'rollback',
        '--update-order',
        'start-first',
        '--update-monitor',
        '10s',
        '--rollback-parallelism',
        '1',
        '--label',
        'tier=front',
        '--detach',
        '--',
        'node',
        'server.js',
        '--port',
        '80',
      ],
      { env: { FROM_ENV: 'v' } },
    );
    expect(r).toEqual({ code: 0, stdout: `${'x'.repeat(25)}\n`, stderr: '' });
    expect(lastCall('serviceCreate')).toEqual({
      spec: {
        annotations: { name: 'web', labels: { tier: 'front' } },
        task: {
          container: {
            command: ['node', 'server.js', '--port', '80'],
            env: ['A=1', 'FROM_ENV=v'],
            secrets: [
              { secretName: 'db-password', target: 'db-password', mode: 256 },
              { secretName: 'api', target: 'api.key', mode: 256 },
            ],
          },
          resources: { reservations: { nanoCpus: '500000000', memoryBytes: '67108864' } },
          restart: { condition: 'ON_FAILURE', delayMs: '10000', maxAttempts: '3' },
          placement: {
            constraints: ['node.labels.swarm.zone==pci'],
            preferences: [{ spread: { spreadDescriptor: 'node.labels.dc' } }],
            maxReplicas: '2',
          },
        },
        replicated: { replicas: '3' },
        mode: 'replicated',
        update: {
          parallelism: '2',
          delayMs: '90000',
          monitorMs: '10000',
          failureAction: 'ROLLBACK',
          order: 'START_FIRST',
        },
        rollback: { parallelism: '1', monitorMs: '5000', failureAction: 'PAUSE', order: 'STOP_FIRST' },
        endpoint: {
          ports: [{ protocol: 'TCP', targetPort: 80, publishedPort: 8080, publishMode: 'INGRESS' }],
        },
      },
    });
  });

  it("create accepts IMAGE -- COMMAND and Docker's IMAGE COMMAND ARGS", async () => {
    await run(['service', 'create', '--name', 'a', 'my-apache2:latest', '--', 'httpd-foreground', '-X']);
    expect(lastCall('serviceCreate')).toMatchObject({
      spec: { task: { container: { image: 'my-apache2:latest', command: ['httpd-foreground', '-X'] } } },
    });
    await run([
      'service',
      'create',
      '--replicas',
      '1',
      '--name',
      'pinger',
      'alpine',
      'ping',
      '-c',
      '3',
      'google.com',
    ]);
    expect(lastCall('serviceCreate')).toMatchObject({
      spec: {
        annotations: { name: 'pinger' },
        task: { container: { image: 'alpine', command: ['ping', '-c', '3', 'google.com'] } },
      },
    });
    await run(['service', 'create', '--mode', 'global', '-p', '80:80/tcp', 'img']);
    expect(lastCall('serviceCreate')).toMatchObject({
      spec: { global: {}, mode: 'global', task: { container: { image: 'img' } } },
    });
  });

  it('create usage errors exit 2 before any call', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['service', 'create', '--name', 'web'],
        /"swarm service create" requires at least 1 argument\.\nSee 'swarm service create --help'\.\n\nUsage: {2}swarm service create/,
      ],
      [['service', 'create', '-name', 'frontend', 'img'], /unknown shorthand flag: 'n' in -name/],
      [
        ['service', 'create', '--constraint', 'node.labels.zone=pci', '--', 'x'],
        /invalid placement constraint "node.labels.zone=pci": it has no == or != operator/,
      ],
      [['service', 'create', '--publish', 'eighty', '--', 'x'], /--publish/],
      [['service', 'create', '--reserve-memory', 'lots', '--', 'x'], /--reserve-memory/],
      [['service', 'create', '--update-delay', '10', '--', 'x'], /--update-delay/],
      [['service', 'create', '--secret', 'source=s,target=../../etc/shadow', '--', 'x'], /plain file name/],
    ];
    for (const [argv, re] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
    }
    expect(api.callsOf('serviceCreate')).toEqual([]);
  });

  it('ls prints the table with replicas running/desired', async () => {
    const r = await run(['service', 'ls']);
    expect(r.stdout).toBe(
      'ID             NAME      MODE         REPLICAS   IMAGE/COMMAND    PORTS\n' +
        `${SERVICE1.slice(0, 12)}   web       replicated   2/3        node server.js   *:8080->80/tcp\n`,
    );
    expect((await run(['service', 'ls', '-q'])).stdout).toBe(`${SERVICE1}\n`);
    const long = ['node', '-e', 'require("http").createServer((q, r) => r.end("hi")).listen(80)'];
    api.services.push({ ...api.services[0]!, id: 'z'.repeat(25), name: 'zz', command: long });
    try {
      const cut = (await run(['service', 'ls'])).stdout.split('\n')[2]!;
      expect(cut).toContain(`node -e 'require("http").createServer((…   *:8080->80/tcp`);
      const full = (await run(['service', 'ls', '--no-trunc'])).stdout.split('\n')[2]!;
      expect(full).toContain(`'require("http").createServer((q, r) => r.end("hi")).listen(80)'`);
    } finally {
      api.services.pop();
    }
    expect(JSON.parse((await run(['service', 'ls', '--format', '{{json .}}'])).stdout)).toHaveLength(1);
  });

  it('ps prints tasks with states, errors and ports', async () => {
    const r = await run(['service', 'ps', 'web']);
    expect(lastCall('servicePs')).toEqual({ id: 'web' });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+NODE\s+DESIRED STATE\s+CURRENT STATE\s+ERROR\s+PORTS$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${TASK1.slice(0, 12)}\\s+web\\.1\\s+host1\\s+Running\\s+Running 5 seconds ago\\s+127\\.0\\.0\\.2:41234->80/tcp$`,
      ),
    );
    expect(lines[2]).toContain('Pending about a minute ago');
    expect(lines[2]).toContain('"no suitable node (1 node not …"');
    const full = await run(['service', 'ps', '--no-trunc', '-a', 'web']);
    expect(lastCall('servicePs')).toEqual({ id: 'web', all: true });
    expect(full.stdout).toContain(TASK1);
    expect(full.stdout).toContain('"no suitable node (1 node not available)"');
  });

  it('ps shows the history of a slot under its current task', async () => {
    api.tasks.push({
      ...api.tasks[0]!,
      id: 'o'.repeat(25),
      desiredState: 'shutdown',
      currentState: 'failed',
      since: api.now - 60_000,
      error: 'exit 1',
    });
    try {
      const r = await run(['service', 'ps', 'web']);
      const lines = r.stdout.split('\n');
      expect(lines[1]).toMatch(/^2sobjfchdyuc\s+web\.1\s/);
      expect(lines[2]).toMatch(
        /^oooooooooooo\s+ \\_ web\.1\s+host1\s+Shutdown\s+Failed about a minute ago\s+"exit 1"/,
      );
    } finally {
      api.tasks.pop();
    }
  });

  it('inspect prints raw JSON or --pretty', async () => {
    const r = await run(['service', 'inspect', 'web']);
    expect(JSON.parse(r.stdout)).toEqual([api.services[0]!.raw]);
    const p = await run(['service', 'inspect', '--pretty', 'web']);
    expect(p.stdout).toContain('Name:                 web\n');
    expect(p.stdout).toContain('Service Mode:         Replicated\n Replicas:            3\n');
    expect(p.stdout).toContain(' Constraints:         [node.role==worker]\n');
    expect(p.stdout).toContain(' PublishedPort = 8080\n  Protocol = tcp\n  TargetPort = 80\n');
    expect(p.stdout).toMatch(/\nConfigs:\n Target: +\/etc\/nginx\/nginx\.conf\n {2}Source: +nginx\.conf\n/);
    const missing = await run(['service', 'inspect', 'nope']);
    expect(missing.code).toBe(1);
  });

  it('logs prints prefixed lines on stdout and stderr', async () => {
    const r = await run(['service', 'logs', '--tail', '10', 'web']);
    expect(lastCall('serviceLogs')).toEqual({ id: 'web', tail: 10 });
    expect(r.stdout).toBe(`web.1.${TASK1.slice(0, 12)}@host1    | listening on :80\n`);
    expect(r.stderr).toBe(`web.1.${TASK1.slice(0, 12)}@host1    | warning: x\n`);
    const raw = await run(['service', 'logs', '--raw', 'web']);
    expect(raw.stdout).toBe('listening on :80\n');
    expect(lastCall('serviceLogs')).toEqual({ id: 'web' });
  });

  it('scale checks every specifier, then scales each', async () => {
    const r = await run(['service', 'scale', '--detach', 'web=5', 'api=0']);
    expect(api.callsOf('serviceScale')).toEqual([
      { id: 'web', replicas: 5 },
      { id: 'api', replicas: 0 },
    ]);
    expect(r.stdout).toBe('web scaled to 5\n');
    expect(r.stderr).toBe('Error: no such object: api\n');
    expect(r.code).toBe(1);
    const bad = await run(['service', 'scale', '--detach', 'web=5', 'api']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid scale specifier 'api'");
    expect(api.callsOf('serviceScale')).toHaveLength(2);
  });

  it('update = inspect, apply, serviceUpdate with the version read', async () => {
    const r = await run([
      'service',
      'update',
      '--detach',
      '--env-add',
      'B=3',
      '--env-rm',
      'A',
      '--publish-add',
      '9090:90',
      '--publish-rm',
      '8080:80',
      '--secret-rm',
      'db-password',
      '--secret-add',
      'source=tls,target=tls.key',
      '--constraint-add',
      'node.labels.dc==east',
      '--constraint-rm',
      'node.role==worker',
      '--replicas',
      '5',
      '--image',
      'node:22',
      '--force',
      'web',
    ]);
    expect(r).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
    expect(api.calls.map((c) => c.method)).toEqual(['serviceInspect', 'serviceUpdate']);
    const req = lastCall('serviceUpdate') as { id: string; version: string; spec: Record<string, unknown> };
    expect(req.id).toBe(SERVICE1);
    expect(req.version).toBe('11');
    expect(req.spec).toMatchObject({
      replicated: { replicas: '5' },
      task: {
        container: {
          image: 'node:22',
          command: ['node', 'server.js'],
          env: ['B=3'],
          secrets: [{ secretName: 'tls', target: 'tls.key', mode: 256 }],
        },
        placement: { constraints: ['node.labels.dc==east'] },
        forceUpdate: '1',
      },
      endpoint: { ports: [{ protocol: 'TCP', targetPort: 90, publishedPort: 9090, publishMode: 'INGRESS' }] },
    });
  });

  it('update reports a sequence conflict; --rollback and rollback call serviceRollback', async () => {
    api.fail(
      'serviceUpdate',
      'SEQUENCE_CONFLICT',
      'update out of sequence: the service changed since it was read; retry',
    );
    const r = await run(['service', 'update', '--replicas', '2', 'web']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: update out of sequence: the service changed since it was read; retry\n');
    expect((await run(['service', 'update', '--detach', '--rollback', 'web'])).stdout).toBe('web\n');
    expect((await run(['service', 'rollback', '-d', 'web'])).stdout).toBe('web\n');
    expect(api.callsOf('serviceRollback')).toEqual([{ id: 'web' }, { id: 'web' }]);
  });

  it('rm removes each and prints its name', async () => {
    const r = await run(['service', 'rm', 'web', SERVICE1.slice(0, 5)]);
    expect(r.stdout).toBe(`web\n${SERVICE1.slice(0, 5)}\n`);
    expect(api.callsOf('serviceRemove')).toEqual([{ id: 'web' }, { id: SERVICE1.slice(0, 5) }]);
  });
});

describe('swarm image-policy', () => {
  it('show prints the digest, the keys that may sign an update and the rules', async () => {
    const r = await run(['image-policy', 'show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Path:           /etc/swarm/policy.json\n' +
        `Digest:         sha256:${'a'.repeat(64)}\n` +
        'In force since: 2026-01-01T00:00:00.000Z\n' +
        'Update keys:\n 0123456789ABCDEF0123456789ABCDEF01234567\n' +
        'Rules:\n{"default": [{"type": "reject"}]}\n',
    );
    expect(JSON.parse((await run(['image-policy', 'show', '--format', 'json'])).stdout)).toMatchObject({
      digest: `sha256:${'a'.repeat(64)}`,
    });
  });

  it('update sends the signed file (or stdin) as it is, and refuses empty or unreadable input', async () => {
    const file = join(fake.daemon.dir, 'policy.json.gpg');
    writeFileSync(file, Buffer.from([0xa3, 0x01, 0x02]));
    const r = await run(['image-policy', 'update', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`sha256:${'a'.repeat(64)} -> sha256:${'b'.repeat(64)}`);
    expect(lastCall('imagePolicyUpdate')).toEqual({ signedBase64: 'owEC' });
    await run(['image-policy', 'update', '-'], { stdin: 'signed' });
    expect(lastCall('imagePolicyUpdate')).toEqual({ signedBase64: Buffer.from('signed').toString('base64') });
    const sig = join(fake.daemon.dir, 'policy.json.sig');
    writeFileSync(sig, Buffer.from([0x89, 0x01]));
    await run(['image-policy', 'update', '--signature', sig, file]);
    expect(lastCall('imagePolicyUpdate')).toEqual({ policyBase64: 'owEC', signatureBase64: 'iQE=' });
    const calls = api.callsOf('imagePolicyUpdate').length;
    expect(
      (await run(['image-policy', 'update', '--signature', join(fake.daemon.dir, 'missing'), file])).code,
    ).toBe(1);
    expect((await run(['image-policy', 'update', join(fake.daemon.dir, 'missing')])).code).toBe(1);
    expect((await run(['image-policy', 'update', '-'], { stdin: '' })).code).toBe(1);
    expect((await run(['image-policy', 'update'])).code).toBe(2);
    expect(api.callsOf('imagePolicyUpdate')).toHaveLength(calls);
  });
});

describe('swarm secret', () => {
  it('create from a file and from stdin, with labels', async () => {
    const file = join(fake.daemon.dir, 'pw.txt');
    writeFileSync(file, 's3cret\n');
    const r = await run(['secret', 'create', '--label', 'env=prod', 'db-password', file]);
    expect(r).toEqual({ code: 0, stdout: `${'n'.repeat(25)}\n`, stderr: '' });
    expect(lastCall('secretCreate')).toEqual({
      name: 'db-password',
      dataBase64: Buffer.from('s3cret\n').toString('base64'),
      labels: { env: 'prod' },
    });
    await run(['secret', 'create', 'api-key', '-'], { stdin: 'k3y' });
    expect(lastCall('secretCreate')).toEqual({
      name: 'api-key',
      dataBase64: Buffer.from('k3y').toString('base64'),
    });
  });

  it('create refuses empty, oversized or unreadable data', async () => {
    const big = join(fake.daemon.dir, 'big');
    writeFileSync(big, Buffer.alloc(500 * 1024 + 1));
    for (const argv of [
      ['secret', 'create', 's', big],
      ['secret', 'create', 's', join(fake.daemon.dir, 'missing')],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^Error: /);
    }
    expect((await run(['secret', 'create', 's', '-'], { stdin: '' })).code).toBe(1);
    expect((await run(['secret', 'create', 's'])).code).toBe(2);
    expect(api.callsOf('secretCreate')).toEqual([]);
  });

  it('ls, inspect, rm', async () => {
    const ls = await run(['secret', 'ls']);
    expect(ls.stdout).toBe(
      'ID                          NAME          CREATED             UPDATED\n' +
        `${SECRET1}   db-password   About an hour ago   About a minute ago\n`,
    );
    const i = await run(['secret', 'inspect', 'db-password']);
    expect(JSON.parse(i.stdout)).toEqual([expect.objectContaining({ id: SECRET1, name: 'db-password' })]);
    expect(i.stdout).not.toContain('data');
    const p = await run(['secret', 'inspect', '--pretty', 'db-password']);
    expect(p.stdout).toContain('Labels:\n - env=prod\n');
    expect((await run(['secret', 'rm', 'db-password'])).stdout).toBe('db-password\n');
    expect(lastCall('secretRemove')).toEqual({ id: 'db-password' });
  });
});

describe('swarm config', () => {
  it('create from a file and from stdin, with labels', async () => {
    const file = join(fake.daemon.dir, 'nginx.conf');
    writeFileSync(file, 'worker_processes 2;\n');
    const r = await run(['config', 'create', '--label', 'tier=web', '-l', 'env=prod', 'nginx.conf', file]);
    expect(r).toEqual({ code: 0, stdout: `${'k'.repeat(25)}\n`, stderr: '' });
    expect(lastCall('configCreate')).toEqual({
      name: 'nginx.conf',
      dataBase64: Buffer.from('worker_processes 2;\n').toString('base64'),
      labels: { tier: 'web', env: 'prod' },
    });
    await run(['config', 'create', 'app.ini', '-'], { stdin: 'a=1' });
    expect(lastCall('configCreate')).toEqual({
      name: 'app.ini',
      dataBase64: Buffer.from('a=1').toString('base64'),
    });
  });

  it('create refuses empty, oversized (over 1000 KiB) or unreadable data before calling the daemon', async () => {
    const big = join(fake.daemon.dir, 'big.conf');
    writeFileSync(big, Buffer.alloc(1000 * 1024 + 1));
    const tooBig = await run(['config', 'create', 'c', big]);
    expect(tooBig.code).toBe(1);
    expect(tooBig.stderr).toBe(
      `Error: config data must be 1 byte to 1000 KiB, ${big} has ${1000 * 1024 + 1} bytes\n`,
    );
    const missing = await run(['config', 'create', 'c', join(fake.daemon.dir, 'missing')]);
    expect(missing.stderr).toMatch(/^Error: cannot read the config file .*missing: ENOENT/);
    expect((await run(['config', 'create', 'c', '-'], { stdin: '' })).code).toBe(1);
    const bigStdin = await run(['config', 'create', 'c', '-'], { stdin: 'x'.repeat(1000 * 1024 + 1) });
    expect(bigStdin.stderr).toBe('Error: config data must be 1 byte to 1000 KiB, stdin has more\n');
    const usage = await run(['config', 'create', 'c']);
    expect(usage.code).toBe(2);
    expect(api.callsOf('configCreate')).toEqual([]);
    // Exactly 1000 KiB is accepted.
    writeFileSync(big, Buffer.alloc(1000 * 1024, 0x61));
    expect((await run(['config', 'create', 'c', big])).code).toBe(0);
  });

  it('ls with filters and -q, inspect (JSON and --pretty with the data), rm', async () => {
    const ls = await run(['config', 'ls']);
    expect(ls.stdout).toBe(
      'ID                          NAME         CREATED             UPDATED\n' +
        `${CONFIG1}   nginx.conf   About an hour ago   About a minute ago\n`,
    );
    expect((await run(['config', 'ls', '-q'])).stdout).toBe(`${CONFIG1}\n`);
    expect((await run(['config', 'ls', '-q', '--filter', 'label=tier=web'])).stdout).toBe(`${CONFIG1}\n`);
    expect((await run(['config', 'ls', '-q', '--filter', 'name=nginx'])).stdout).toBe(`${CONFIG1}\n`);
    expect((await run(['config', 'ls', '-q', '--filter', 'id=c0nf'])).stdout).toBe(`${CONFIG1}\n`);
    expect((await run(['config', 'ls', '-q', '--filter', 'name=other'])).stdout).toBe('');
    expect((await run(['config', 'ls', '--filter', 'bogus=1'])).code).not.toBe(0);
    const i = await run(['config', 'inspect', 'nginx.conf']);
    expect(JSON.parse(i.stdout)).toEqual([
      expect.objectContaining({
        id: CONFIG1,
        name: 'nginx.conf',
        dataBase64: Buffer.from('worker_processes 1;\n').toString('base64'),
      }),
    ]);
    const p = await run(['config', 'inspect', '--pretty', 'nginx.conf']);
    expect(p.stdout).toContain(`ID:                   ${CONFIG1}\n`);
    expect(p.stdout).toContain('Labels:\n - tier=web\n');
    expect(p.stdout).toContain('Data:\nworker_processes 1;\n');
    const missing = await run(['config', 'inspect', 'nginx.conf', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope');
    expect((await run(['config', 'rm', 'nginx.conf'])).stdout).toBe('nginx.conf\n');
    expect(lastCall('configRemove')).toEqual({ id: 'nginx.conf' });
  });

  it('rm prints the daemon error of a config in use and exits 1', async () => {
    api.fail('configRemove', 'CONFIG_IN_USE', "config 'nginx.conf' is in use by the following service: web");
    const r = await run(['config', 'rm', 'nginx.conf']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: "Error: config 'nginx.conf' is in use by the following service: web\n",
    });
  });

  it('service create --config (long and short forms) and update --config-add/--config-rm', async () => {
    await run([
      'service',
      'create',
      '--name',
      'web',
      '--detach',
      '--config',
      'source=nginx.conf,target=/etc/nginx/nginx.conf,uid=101,gid=101,mode=0440',
      '--config',
      'app.ini',
      'nginx',
    ]);
    const create = lastCall('serviceCreate') as { spec: { task: { container: Record<string, unknown> } } };
    expect(create.spec.task.container.configs).toEqual([
      { configName: 'nginx.conf', target: '/etc/nginx/nginx.conf', uid: 101, gid: 101, mode: 0o440 },
      { configName: 'app.ini', target: '/app.ini', mode: 0o444 },
    ]);
    for (const [bad, why] of [
      ['source=x,target=/etc/../shadow', /invalid config target/],
      ['source=x,mode=9', /invalid mode/],
      ['target=/x', /names no config/],
      ['source=x,color=red', /invalid field "color"/],
    ] as const) {
      const r = await run(['service', 'create', '--detach', '--config', bad, 'nginx']);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toMatch(why);
    }
    const base = await api.serviceInspect({ id: 'web' });
    const raw = base.raw as { spec: { task: { container: Record<string, unknown> } } };
    api.overrides.set('serviceInspect', () => ({
      ...base,
      raw: {
        ...raw,
        spec: {
          ...raw.spec,
          task: {
            ...raw.spec.task,
            container: {
              ...raw.spec.task.container,
              configs: [
                { configName: 'old.conf', configId: 'o'.repeat(25), target: '/old.conf', mode: 0o444 },
                { configName: 'keep.conf', configId: 'p'.repeat(25), target: '/keep.conf', mode: 0o444 },
              ],
            },
          },
        },
      },
    }));
    const r = await run([
      'service',
      'update',
      '--detach',
      '--config-rm',
      'old.conf',
      '--config-add',
      'source=new.conf,target=/etc/new.conf',
      'web',
    ]);
    expect(r.code).toBe(0);
    const upd = lastCall('serviceUpdate') as { spec: { task: { container: Record<string, unknown> } } };
    expect(upd.spec.task.container.configs).toEqual([
      { configName: 'keep.conf', configId: 'p'.repeat(25), target: '/keep.conf', mode: 0o444 },
      { configName: 'new.conf', target: '/etc/new.conf', mode: 0o444 },
    ]);
    const help = await run(['service', 'create', '--help']);
    expect(help.stdout).toContain('--config config');
  });
});

describe('usage, help and exit codes', () => {
  it('help: no args, --help, -h, help COMMAND, groups', async () => {
    const top = await run([]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: {2}swarm COMMAND\n/);
    const h = await run(['service', 'create', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(
      /^Usage: {2}swarm service create \[OPTIONS\] \[IMAGE\] \[--\] COMMAND \[ARG\.\.\.\]\n/,
    );
    expect(h.stdout).toContain('--publish port');
    expect((await run(['help', 'node', 'ls'])).stdout).toMatch(/^Usage: {2}swarm node ls \[OPTIONS\]/);
    expect((await run(['node', '-h'])).stdout).toContain('Commands:\n  demote');
    expect((await run(['node'])).code).toBe(0);
    expect(api.calls).toEqual([]);
  });

  it('every command has help', async () => {
    const walk = (cmd: Command, path: string[]): string[][] => [
      path,
      ...(cmd.commands ?? []).flatMap((c) => walk(c, [...path, c.name])),
    ];
    for (const path of walk(ROOT, [])) {
      const r = await run([...path, '--help']);
      expect(r.code, path.join(' ')).toBe(0);
      expect(r.stdout, path.join(' ')).toMatch(/^Usage: {2}swarm /);
    }
    expect(api.calls).toEqual([]);
  });

  it('unknown commands and flags exit 2 with the hint', async () => {
    expect(await run(['bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "swarm: 'bogus' is not a swarm command.\nSee 'swarm --help'.\n",
    });
    expect(await run(['node', 'bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "swarm node: 'bogus' is not a swarm node command.\nSee 'swarm node --help'.\n",
    });
    expect(await run(['node', 'ls', '--bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "unknown flag: --bogus\nSee 'swarm node ls --help'.\n",
    });
    expect((await run(['leave', 'extra'])).stderr).toContain('"swarm leave" accepts no arguments.');
    expect((await run(['--host', 'http://x', 'info'])).code).toBe(2);
  });

  it('version', async () => {
    expect((await run(['version'])).stdout).toMatch(/^swarm version \d+\.\d+\.\d+/);
    expect((await run(['--version'])).stdout).toMatch(/^swarm version /);
  });

  it('daemon unreachable: exit 3 and the message naming the data dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swarm-cli-none-'));
    try {
      let stderr = '';
      const io: CliIO = {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (stderr += s) },
        stdin: Readable.from([]),
        env: { SWARM_DATA_DIR: dir, HOME: dir },
      };
      expect(await main(['info'], io)).toBe(3);
      expect(stderr).toBe(
        `Error: Cannot connect to the swarm daemon at unix://${dir}/swarm.sock: is \`swarm daemon --data-dir ${dir}\` running?\n`,
      );
      stderr = '';
      expect(
        await main(['--data-dir', join(dir, 'other'), 'node', 'ls'], { ...io, env: { HOME: dir } }),
      ).toBe(3);
      expect(stderr).toContain(`unix://${dir}/other/swarm.sock`);
      stderr = '';
      expect(await main(['node', 'ls'], { ...io, env: { HOME: dir } })).toBe(3);
      expect(stderr).toContain(`unix://${dir}/.swarm/swarm.sock`);
      stderr = '';
      // Empty variables count as unset, as Docker's DOCKER_HOST.
      expect(
        await main(['node', 'ls'], { ...io, env: { HOME: dir, SWARM_HOST: '', SWARM_DATA_DIR: '' } }),
      ).toBe(3);
      expect(stderr).toContain(`unix://${dir}/.swarm/swarm.sock`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('other daemon errors exit 1 with the message', async () => {
    api.overrides.set('serviceList', () => {
      throw new SwarmError('INTERNAL', 'disk on fire');
    });
    expect(await run(['service', 'ls'])).toEqual({ code: 1, stdout: '', stderr: 'Error: disk on fire\n' });
  });
});

describe('task text is shown, never acted on by the terminal', () => {
  const EVIL = '\u001b]0;pwned\u0007\u001b[2J\r\u009b\u202e';
  const C0 = '\\u0000-\\u0008\\u000b-\\u001f';
  const controls = new RegExp(`[${C0}\\u007f-\\u009f\\u202e]`);

  it('escapes control characters in logs, task errors and node names (as \\xNN)', async () => {
    api.overrides.set('serviceLogs', () => [
      {
        taskId: TASK1,
        taskName: 'web.1',
        nodeId: NODE1,
        timestamp: api.now,
        stream: 'stdout',
        text: `out${EVIL}`,
      },
      {
        taskId: TASK1,
        taskName: 'web.1',
        nodeId: NODE1,
        timestamp: api.now,
        stream: 'stderr',
        text: `err${EVIL}`,
      },
    ]);
    const logs = await run(['service', 'logs', '--raw', 'web']);
    expect(logs.stdout).toBe('out\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x9b\\u202e\n');
    expect(logs.stderr).not.toMatch(controls);
    api.overrides.set('servicePs', () =>
      api.tasks.map((t) => ({ ...t, name: `web.1${EVIL}`, currentState: 'failed', error: `boom${EVIL}` })),
    );
    const ps = await run(['service', 'ps', '--no-trunc', 'web']);
    expect(ps.stdout).not.toMatch(controls);
    expect(ps.stdout).toContain('web.1\\x1b]0;pwned');
    api.overrides.set('nodeList', () => api.nodes.map((n) => ({ ...n, hostname: `host\n${EVIL}` })));
    const ls = await run(['node', 'ls']);
    expect(ls.stdout).not.toMatch(controls);
    expect(ls.stdout).toContain('host\\x0a\\x1b]0;pwned'); // a newline cannot break the table either
    // An error message that carries task text too.
    api.overrides.set('serviceInspect', () => {
      throw new SwarmError('NOT_FOUND', `no such service: ${EVIL}`);
    });
    const err = await run(['service', 'inspect', 'x']);
    expect(err.stderr).not.toMatch(controls);
  });
});
