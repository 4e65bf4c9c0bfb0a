/**
 * Three (or more) @swarm/store ReplicatedStores kept in step by a shared log, standing in for raft:
 * only the current leader's replica may propose; an entry is applied to every replica in order
 * before the proposer hears back. A proposal from a replica that is no longer the leader fails
 * like raft's, so writes in flight at a leader change are lost unless their caller retries.
 */

import type { Clock } from '@swarm/api';
import { SwarmError } from '@swarm/api';
import { type Proposer, ReplicatedStore } from '@swarm/store';

export class ReplicatedLog {
  readonly replicas: ReplicatedStore[] = [];
  leader: ReplicatedStore | undefined;
  #index = 0n;

  constructor(count: number, clock: Clock) {
    for (let i = 0; i < count; i++) {
      const replica = new ReplicatedStore({ clock });
      replica.attach(this.#proposer(replica));
      this.replicas.push(replica);
    }
    this.leader = this.replicas[0];
  }

  #proposer(self: ReplicatedStore): Proposer {
    return {
      propose: async (data) => {
        await Promise.resolve();
        if (this.leader !== self) throw new SwarmError('NOT_LEADER', 'this replica is not the raft leader');
        const index = ++this.#index;
        let result: unknown;
        for (const r of this.replicas) {
          const applied = r.apply(data, index);
          if (r === self) result = applied;
        }
        return { index, result };
      },
    };
  }
}
