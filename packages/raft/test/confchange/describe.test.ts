import { describe, expect, it } from 'vitest';
import { confChangesFromString, describeConfChanges } from '../../src/confchange/describe.js';
import { ConfChangeType } from '../../src/types.js';

describe('conf change text form', () => {
  it('parses v, l, r and u tokens', () => {
    expect(confChangesFromString(' v1 l2  r3 u18446744073709551615 ')).toEqual([
      { type: ConfChangeType.AddNode, nodeId: 1n },
      { type: ConfChangeType.AddLearnerNode, nodeId: 2n },
      { type: ConfChangeType.RemoveNode, nodeId: 3n },
      { type: ConfChangeType.UpdateNode, nodeId: 18446744073709551615n },
    ]);
  });

  it('parses the empty string to no changes', () => {
    expect(confChangesFromString('')).toEqual([]);
  });

  it('prints what it parses', () => {
    expect(describeConfChanges(confChangesFromString('v1 l2 r3 u4'))).toBe('v1 l2 r3 u4');
  });

  it.each(['x1', 'v', 'v-1', 'vv1', '1'])('rejects the token %j naming it', (tok) => {
    expect(() => confChangesFromString(`v1 ${tok}`)).toThrow(new RegExp(`bad token "${tok}"`));
  });
});
