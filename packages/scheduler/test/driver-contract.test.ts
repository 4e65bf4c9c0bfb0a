import { SwarmError } from '@swarm/api';
import { createMemoryStore, type ReplicatedStore, SequenceConflictError, type Store } from '@swarm/store';
import { describe, expect, it } from 'vitest';
import { type DriverStore, isStoreConflict, STORE_CONFLICT_CODES } from '../src/driver.js';

// Compile-time proof that @swarm/store's stores fit the driver's structural contract (the test's
// type check fails if they drift).
const fits: DriverStore[] = [] as Store[];
const fitsReplicated: DriverStore[] = [] as ReplicatedStore[];

describe('the driver store contract', () => {
  it('is met by @swarm/store stores', () => {
    const store: DriverStore = createMemoryStore();
    expect(store.view((tx) => tx.list('task'))).toEqual([]);
    expect(fits.length + fitsReplicated.length).toBe(0);
  });

  it('tells store conflicts from other failures by code', () => {
    expect(isStoreConflict(new SequenceConflictError('task', 'abc', 3n, 4n))).toBe(true);
    expect(isStoreConflict(new SwarmError('NO_QUORUM', 'no quorum'))).toBe(false);
    expect(isStoreConflict(new Error('EXISTS'))).toBe(false);
    expect([...STORE_CONFLICT_CODES].sort()).toEqual([
      'EXISTS',
      'NAME_CONFLICT',
      'NOT_FOUND',
      'SEQUENCE_CONFLICT',
    ]);
  });
});
