// The quorum datadriven format (as etcd raft's quorum/testdata): `committed` and `vote` over a
// majority config `cfg=(...)` and, for a joint quorum, a second one `cfgj=(...)` (`cfgj=zero` for
// an empty one). `idx=(...)` gives the acknowledged index of each voter in order of first
// appearance, `votes=(y,n,_)` their votes; `_` means nothing is known. Each case also checks that
// answers which must not change (the halves of a joint quorum swapped, a majority joined with
// itself or with the empty config) do not, and prints any that does.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JointConfig } from '../../src/quorum/joint.js';
import { MajorityConfig } from '../../src/quorum/majority.js';
import {
  type AckedIndexer,
  compareBigint,
  formatIndex,
  type VoteResult,
} from '../../src/quorum/vote-result.js';
import type { MemberId } from '../../src/types.js';
import type { TestCase } from '../scenario/datadriven.js';
import { playScripts } from '../scenario/run-scripts.js';

const VOTE: Record<VoteResult, string> = { pending: 'VotePending', lost: 'VoteLost', won: 'VoteWon' };

/** A bar chart of acknowledged indexes, one line per voter by ID (etcd's `Describe` layout). */
export function describeAcked(ids: Iterable<MemberId>, acked: AckedIndexer): string {
  const list = [...new Set(ids)];
  if (list.length === 0) return '<empty majority quorum>';
  const n = list.length;
  const info = list.map((id) => {
    const idx = acked(id);
    return { id, idx: idx ?? 0n, ok: idx !== undefined, bar: 0 };
  });
  info.sort((a, b) => compareBigint(a.idx, b.idx) || compareBigint(a.id, b.id));
  for (let i = 1; i < info.length; i++) if (info[i - 1]!.idx < info[i]!.idx) info[i]!.bar = i;
  info.sort((a, b) => compareBigint(a.id, b.id));
  let out = `${' '.repeat(n)}    idx\n`;
  for (const t of info) {
    out += t.ok ? `${'x'.repeat(t.bar)}>${' '.repeat(n - t.bar)}` : `?${' '.repeat(n)}`;
    out += ` ${t.idx.toString().padStart(5)}    (id=${t.id})\n`;
  }
  return out;
}

function run(c: TestCase): string {
  const ids: MemberId[] = [];
  const idsj: MemberId[] = [];
  let joint = false;
  const idxs: (bigint | undefined)[] = [];
  const votes: (boolean | undefined)[] = [];
  for (const a of c.args) {
    for (const v of a.vals) {
      if (a.key === 'cfg') ids.push(BigInt(v));
      else if (a.key === 'cfgj') {
        joint = true;
        if (v !== 'zero') idsj.push(BigInt(v));
      } else if (a.key === 'idx') {
        if (v === '0') throw new SyntaxError(`line ${c.line}: idx 0 is not allowed (use _ for unknown)`);
        idxs.push(v === '_' ? undefined : BigInt(v));
      } else if (a.key === 'votes') {
        if (!['y', 'n', '_'].includes(v)) throw new SyntaxError(`line ${c.line}: unknown vote ${v}`);
        votes.push(v === '_' ? undefined : v === 'y');
      } else throw new SyntaxError(`line ${c.line}: unknown argument ${a.key}`);
    }
  }
  const all = [...new Set([...ids, ...idsj])];
  const input = c.cmd === 'vote' ? votes : idxs;
  if (input.length !== all.length) {
    const shown = input.map((x) => (x === undefined ? '_' : String(x))).join(' ');
    return `error: mismatched input (explicit or _) for voters [${all.join(' ')}]: [${shown}]`;
  }
  const cfg = new MajorityConfig(ids);
  const cfgj = new MajorityConfig(idsj);
  let out = '';
  if (c.cmd === 'committed') {
    const m = new Map<MemberId, bigint>();
    all.forEach((id, i) => {
      const v = idxs[i];
      if (v !== undefined) m.set(id, v);
    });
    const acked: AckedIndexer = (id) => m.get(id);
    if (!joint) {
      const idx = cfg.committedIndex(acked);
      out += describeAcked(cfg.ids, acked);
      const zeroJoint = new JointConfig(cfg, new MajorityConfig()).committedIndex(acked);
      if (zeroJoint !== idx) out += `${formatIndex(zeroJoint)} <-- via zero-joint quorum\n`;
      const selfJoint = new JointConfig(cfg, cfg.clone()).committedIndex(acked);
      if (selfJoint !== idx) out += `${formatIndex(selfJoint)} <-- via self-joint quorum\n`;
      out += `${formatIndex(idx)}\n`;
    } else {
      const jc = new JointConfig(cfg, cfgj);
      out += describeAcked(jc.ids(), acked);
      const idx = jc.committedIndex(acked);
      const swapped = new JointConfig(cfgj, cfg).committedIndex(acked);
      if (swapped !== idx) out += `${formatIndex(swapped)} <-- via symmetry\n`;
      out += `${formatIndex(idx)}\n`;
    }
  } else if (c.cmd === 'vote') {
    const m = new Map<MemberId, boolean>();
    all.forEach((id, i) => {
      const v = votes[i];
      if (v !== undefined) m.set(id, v);
    });
    if (!joint) out += `${VOTE[cfg.voteResult(m)]}\n`;
    else {
      const r = new JointConfig(cfg, cfgj).voteResult(m);
      const swapped = new JointConfig(cfgj, cfg).voteResult(m);
      if (swapped !== r) out += `${VOTE[swapped]} <-- via symmetry\n`;
      out += `${VOTE[r]}\n`;
    }
  } else throw new SyntaxError(`line ${c.line}: unknown command ${c.cmd}`);
  return out.trimEnd();
}

describe('quorum datadriven scripts', () => {
  const files = playScripts(fileURLToPath(new URL('./testdata/', import.meta.url)), () => run);
  it('has scripts for commit indexes and votes, majority and joint', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
});
