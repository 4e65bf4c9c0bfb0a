import { seededRandom } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { ReadOnly } from '../../src/read-only.js';
import { MemoryNetwork, TestCluster } from '../../src/testing.js';
import { type Message, MessageType } from '../../src/types.js';
import { message } from '../../src/util.js';
import { parseScript, renderScript } from '../scenario/datadriven.js';

const m = (from: bigint, to: bigint, index = 0n): Message =>
  message({ type: MessageType.App, from, to, index });

describe('MemoryNetwork', () => {
  it('delivers in order without faults', () => {
    const net = new MemoryNetwork(seededRandom(1));
    net.send(m(1n, 2n, 1n));
    net.send(m(1n, 2n, 2n));
    net.send(m(1n, 3n, 3n));
    expect(net.take(2n).map((x) => x.index)).toEqual([1n, 2n]);
    expect(net.take().map((x) => x.index)).toEqual([3n]);
  });

  it('drops messages across a partition, both when sent and when already in flight', () => {
    const net = new MemoryNetwork(seededRandom(1));
    net.send(m(1n, 2n));
    net.partition([1n], [2n, 3n]);
    net.send(m(1n, 2n));
    net.send(m(2n, 3n));
    expect(net.take().map((x) => [x.from, x.to])).toEqual([[2n, 3n]]);
    expect(net.dropped).toBe(2);
    net.heal();
    net.cut(1n, 2n);
    net.send(m(1n, 2n));
    net.send(m(2n, 1n));
    expect(net.take().map((x) => [x.from, x.to])).toEqual([[2n, 1n]]);
  });

  it('applies the same faults for the same seed, and gives copies the receiver may modify', () => {
    const run = (seed: number) => {
      const net = new MemoryNetwork(seededRandom(seed), {
        dropRate: 0.3,
        duplicateRate: 0.3,
        reorderRate: 0.3,
        maxDelay: 2,
      });
      for (let i = 0n; i < 50n; i++) net.send(m(1n, 2n, i));
      const out: bigint[] = [];
      for (let round = 0; round < 5; round++) out.push(...net.take().map((x) => x.index));
      return out;
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const faulty = run(7);
    expect(faulty.length).not.toBe(50);
    expect(faulty).not.toEqual([...faulty].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('elects one leader and agrees on a state in a cluster driven by ticks', () => {
    const c = new TestCluster({ random: seededRandom(3) });
    for (const id of [1n, 2n, 3n]) c.addNode(id, { voters: [1n, 2n, 3n] });
    for (let i = 0; i < 30 && c.leader() === undefined; i++) {
      c.tickAll();
      c.stabilize();
    }
    const lead = c.leader()!;
    expect(c.propose(lead, 'v')).toBe(true);
    c.stabilize();
    expect([1n, 2n, 3n].map((id) => c.get(id).state)).toEqual([['v'], ['v'], ['v']]);
  });
});

describe('ReadOnly', () => {
  const req = (ctx: string) =>
    message({
      type: MessageType.ReadIndex,
      entries: [{ term: 0n, index: 0n, type: 0, data: new TextEncoder().encode(ctx) }],
    });
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('releases a confirmed request together with every request queued before it', () => {
    const ro = new ReadOnly('safe');
    ro.addRequest(5n, req('a'));
    ro.addRequest(6n, req('b'));
    ro.addRequest(7n, req('c'));
    expect(ro.lastPendingRequestCtx()).toEqual(bytes('c'));
    expect(ro.recvAck(2n, bytes('b'))?.size).toBe(1);
    expect(ro.advance(bytes('b')).map((r) => r.index)).toEqual([5n, 6n]);
    expect(ro.pendingCount()).toBe(1);
    expect(ro.advance(bytes('zz'))).toEqual([]);
  });

  it('keeps the first request for a repeated context', () => {
    const ro = new ReadOnly('safe');
    ro.addRequest(5n, req('a'));
    ro.addRequest(9n, req('a'));
    expect(ro.advance(bytes('a')).map((r) => r.index)).toEqual([5n]);
  });
});

describe('scenario script format', () => {
  it('round-trips commands, comments and fenced output with blank lines', () => {
    const text = [
      '# a comment',
      'cmd a=(1,2) b',
      '----',
      'out',
      '',
      'other x=1',
      '----',
      '----',
      'first',
      '',
      'after blank',
      '',
      '----',
      '----',
      '',
    ].join('\n');
    const script = parseScript(text);
    expect(script.cases.map((c) => [c.cmd, c.args, c.expected])).toEqual([
      [
        'cmd',
        [
          { key: 'a', vals: ['1', '2'] },
          { key: 'b', vals: [] },
        ],
        'out',
      ],
      ['other', [{ key: 'x', vals: ['1'] }], 'first\n\nafter blank'],
    ]);
    expect(
      renderScript(
        script,
        script.cases.map((c) => c.expected),
      ),
    ).toBe(text);
  });
});
