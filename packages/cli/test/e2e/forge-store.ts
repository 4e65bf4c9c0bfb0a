// A compromised manager's store write, for the end-to-end tests: with the manager's own
// credentials (its raft data key in `raft-keys.json`, its raft member ID and log in its data
// directory), the store is opened the way the manager opens it and a transaction is committed
// straight into the replicated log, bypassing the control API and every check it makes. The
// manager's daemon must be stopped and must be the only raft voter (a one-manager cluster), so
// that this replica can elect itself and commit alone; the daemon started again replays the write
// and its leader loops (orchestrator, dispatcher) ship it like any other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cryptoRandom, systemClock } from '@swarm/api';
import { RaftNode } from '@swarm/raft/driver';
import { LevelStorage } from '@swarm/raft/level';
import { fileKeyStore, KeyManager } from '@swarm/secret-store';
import { ReplicatedStore, type WriteTx } from '@swarm/store';

/** Commits `write` into the store of the stopped one-manager cluster whose data directory is `dataDir`. */
export async function forgeStoreWrite(dataDir: string, write: (tx: WriteTx) => void): Promise<void> {
  const state = JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as { raftId?: string };
  if (state.raftId === undefined) throw new Error(`${dataDir} is not a manager's data directory`);
  const raftId = BigInt(state.raftId);
  const keys = KeyManager.open({
    keyStore: fileKeyStore(join(dataDir, 'raft-keys.json')),
    createIfMissing: false,
  });
  const storage = await LevelStorage.open({ path: join(dataDir, 'raft'), cipher: keys.recordCipher });
  const store = new ReplicatedStore({ clock: systemClock });
  const raft = new RaftNode({
    id: raftId,
    storage,
    transport: { send: () => {} },
    stateMachine: store,
    clock: systemClock,
    random: cryptoRandom,
    tickMs: 50,
    raft: { electionTick: 10, heartbeatTick: 1, checkQuorum: false, preVote: false },
  });
  store.attach(raft);
  try {
    await raft.start();
    raft.campaign();
    for (let i = 0; !raft.isLeader; i++) {
      if (i > 2000) throw new Error('the forged replica did not become leader (is it the only voter?)');
      await new Promise((r) => setTimeout(r, 10));
    }
    await store.update(write);
  } finally {
    await raft.stop();
    store.close();
    await storage.close();
    keys.close();
  }
}
