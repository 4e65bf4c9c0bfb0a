import { describe, expect, it } from 'vitest';
import { checkRaftAddress } from '../src/manager/raft-membership.js';

describe('a raft address given at join', () => {
  it('must be a concrete HOST:PORT', () => {
    expect(checkRaftAddress('10.0.0.5:2377')).toBe('10.0.0.5:2377');
    expect(checkRaftAddress('[fd00::5]:2377')).toBe('[fd00::5]:2377');
    expect(checkRaftAddress('manager-1.example:2377')).toBe('manager-1.example:2377');
    for (const bad of [
      '',
      '10.0.0.5',
      '10.0.0.5:0',
      '10.0.0.5:70000',
      '0.0.0.0:2377',
      '[::]:2377',
      'a b:1',
      7,
    ])
      expect(() => checkRaftAddress(bad), String(bad)).toThrow(
        expect.objectContaining({ code: 'INVALID_RAFT_ADDRESS' }),
      );
  });
});
