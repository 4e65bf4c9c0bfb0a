// A manager's waits run on its injected clock: under a ManualClock, `update` waits for a leader
// that never comes for as long as the clock stands still (whatever the wall clock does), and
// refuses with QUORUM_LOST once the clock has moved an election timeout on; nothing is written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateId, ManualClock, noopLogger, SwarmError, swarm } from '@swarm/api';
import { createTestCA } from '@swarm/ca/testing';
import { CredentialStore } from '@swarm/ca/tls';
import { RpcClients } from '@swarm/rpc';
import { KeyManager, memoryKeyStore } from '@swarm/secret-store';
import { afterEach, describe, expect, it } from 'vitest';
import { Manager, RAFT_ELECTION_TICK } from '../src/manager/manager.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Lets pending promise callbacks and LevelDB I/O run (no timers: the manager's are on the ManualClock). */
const settle = () => new Promise((r) => setImmediate(r));

describe('a manager under a ManualClock', () => {
  it('keeps an update waiting for a leader until the clock moves, then refuses it with QUORUM_LOST', async () => {
    const test = await createTestCA();
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const node = await test.issueNode({ role: 'manager' });
    const credentials = new CredentialStore({
      keyPem: node.keyPem,
      chainPem: node.chainPem,
      rootsPem: test.ca.certPem,
    });
    const clients = new RpcClients({ credentials, logger: noopLogger, clock });
    const dir = mkdtempSync(join(tmpdir(), 'swarm-manager-clock-'));
    dirs.push(dir);
    // Not bootstrapped and no peers: this member never hears of a leader.
    const m = await Manager.start({
      raftDir: join(dir, 'raft'),
      nodeId: node.nodeId,
      raftId: 7n,
      advertiseAddr: '127.0.0.1:1',
      keyManager: KeyManager.open({ keyStore: memoryKeyStore(), createIfMissing: true }),
      clients,
      logger: noopLogger,
      clock,
    });
    try {
      let outcome: unknown;
      const p = m
        .update((tx) => tx.create('secret', swarm.Secret.create({ id: generateId() })), 5_000)
        .then(
          () => 'written',
          (e: unknown) => e,
        )
        .then((o) => {
          outcome = o;
        });
      // Real time passes, the manual clock does not: the update keeps waiting.
      for (let i = 0; i < 20; i++) await settle();
      expect(outcome).toBeUndefined();
      // Without a member in sight, the quorum counts as lost once it has looked lost for an
      // election timeout of clock time (RAFT_ELECTION_TICK ticks of 100 ms), well before the
      // update's own 5 s deadline.
      let advanced = 0;
      while (outcome === undefined && advanced < 10_000) {
        clock.advance(50);
        advanced += 50;
        for (let i = 0; i < 3; i++) await settle();
      }
      await p;
      expect(outcome).toBeInstanceOf(SwarmError);
      expect((outcome as SwarmError).code).toBe('QUORUM_LOST');
      expect(advanced).toBeGreaterThanOrEqual(RAFT_ELECTION_TICK * 100);
      expect(advanced).toBeLessThan(5_000);
      expect(m.store.view((tx) => tx.list('secret'))).toEqual([]);
    } finally {
      await m.stop();
      clients.close();
    }
  });
});
