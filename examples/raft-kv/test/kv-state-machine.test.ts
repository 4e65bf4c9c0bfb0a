import { describe, expect, it } from 'vitest';
import { encodeCommand, KvStateMachine } from '../src/kv-state-machine.js';

describe('the key-value state machine', () => {
  it('applies a (client, sequence) write once and answers its retry from the session table', () => {
    const sm = new KvStateMachine();
    expect(sm.apply(encodeCommand({ t: 'cas', k: 'x', e: null, v: '1', c: 'a', s: 1 }))).toEqual({
      ok: true,
    });
    sm.apply(encodeCommand({ t: 'put', k: 'x', v: '2', c: 'b', s: 1 }));
    // The retry of a's cas would now fail against '2'; it gets the first answer instead.
    expect(sm.apply(encodeCommand({ t: 'cas', k: 'x', e: null, v: '1', c: 'a', s: 1 }))).toEqual({
      ok: true,
      duplicate: true,
    });
    expect(sm.get('x')).toBe('2');
  });

  it('ignores a late copy of a write older than the client last applied', () => {
    const sm = new KvStateMachine();
    sm.apply(encodeCommand({ t: 'put', k: 'x', v: 'old', c: 'a', s: 1 }));
    sm.apply(encodeCommand({ t: 'put', k: 'x', v: 'new', c: 'a', s: 2 }));
    expect(sm.apply(encodeCommand({ t: 'put', k: 'x', v: 'old', c: 'a', s: 1 }))).toEqual({
      ok: false,
      stale: true,
    });
    expect(sm.get('x')).toBe('new');
  });

  it('keeps the sessions, the map, the address book and the audit in its snapshot', () => {
    const addresses: string[] = [];
    const sm = new KvStateMachine({ audit: true });
    sm.apply(encodeCommand({ t: 'put', k: 'x', v: '1', c: 'a', s: 7 }));
    sm.apply(encodeCommand({ t: 'addr', id: '4', a: '127.0.0.1:7004' }));
    const copy = new KvStateMachine({ audit: true, onAddress: (id, a) => addresses.push(`${id}=${a}`) });
    copy.restore(sm.snapshot());
    expect(copy.get('x')).toBe('1');
    expect(addresses).toEqual(['4=127.0.0.1:7004']);
    expect(copy.audit?.get('a')).toEqual([7]);
    expect(copy.apply(encodeCommand({ t: 'put', k: 'x', v: '1', c: 'a', s: 7 }))).toEqual({
      ok: true,
      duplicate: true,
    });
  });

  it('deletes a key, after which a compare-and-swap expecting absence succeeds', () => {
    const sm = new KvStateMachine();
    sm.apply(encodeCommand({ t: 'put', k: 'x', v: '1' }));
    expect(sm.apply(encodeCommand({ t: 'cas', k: 'x', e: null, v: '2' }))).toEqual({ ok: false });
    sm.apply(encodeCommand({ t: 'del', k: 'x' }));
    expect(sm.apply(encodeCommand({ t: 'cas', k: 'x', e: null, v: '2' }))).toEqual({ ok: true });
    expect(sm.get('x')).toBe('2');
  });
});
