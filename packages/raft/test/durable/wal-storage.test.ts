import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSwarmError } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import { WalStorage } from '../../src/durable/wal-storage.js';
import { emptyConfState } from '../../src/types.js';
import { crashWorkload, entry, modelAfter, range } from './workload.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'raft-wal-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const text = (u: Uint8Array) => new TextDecoder().decode(u);
const SEG = 4096;

async function expectCorrupt(p: Promise<unknown>, pattern: RegExp) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSwarmError(err, 'STORAGE_CORRUPT'), String(err)).toBe(true);
  expect((err as Error).message).toMatch(pattern);
}

const segments = (path: string) =>
  readdirSync(path)
    .filter((n) => n.endsWith('.wal'))
    .sort();

/** The records of a segment file as written: offset, payload length and type (header: 9 bytes). */
function records(file: string): { off: number; len: number; type: number }[] {
  const buf = readFileSync(file);
  const out: { off: number; len: number; type: number }[] = [];
  let off = 0;
  while (off + 9 <= buf.byteLength) {
    const len = buf.readUInt32LE(off);
    if (len === 0 && buf.readUInt32LE(off + 4) === 0) break;
    out.push({ off, len, type: buf[off + 8]! });
    off += 9 + len;
  }
  return out;
}

const ENTRY = 2;

describe('WalStorage', () => {
  it('recovers entries and hard state after a restart, in a preallocated segment of fixed size', async () => {
    const path = tempDir();
    const s = await WalStorage.open({ path, segmentBytes: SEG * 4 });
    await s.save(
      { entries: range(1n, 10n, 1n), hardState: { term: 1n, vote: 7n, commit: 4n } },
      { sync: true },
    );
    const [seg] = segments(path);
    // Written into the zero-filled file: its size did not change (no metadata for fdatasync).
    expect(statSync(join(path, seg!)).size).toBe(SEG * 4);
    await s.close();

    const r = await WalStorage.open({ path, segmentBytes: SEG * 4 });
    expect(r.firstIndex()).toBe(1n);
    expect(r.lastIndex()).toBe(10n);
    expect(r.term(7n)).toBe(1n);
    expect(r.initialState().hardState).toEqual({ term: 1n, vote: 7n, commit: 4n });
    expect(r.entries(3n, 6n, Number.MAX_SAFE_INTEGER).map((e) => text(e.data))).toEqual([
      'e3t1',
      'e4t1',
      'e5t1',
    ]);
    await r.save({ entries: range(11n, 12n, 1n) }, { sync: true });
    await r.close();
    const again = await WalStorage.open({ path, segmentBytes: SEG * 4 });
    expect(again.lastIndex()).toBe(12n);
    expect(again.initialState().hardState.commit).toBe(4n);
    await again.close();
  });

  it('replaces a conflicting suffix, so a restart does not resurrect overwritten entries', async () => {
    const path = tempDir();
    const s = await WalStorage.open({ path, segmentBytes: SEG });
    await s.save({ entries: range(1n, 10n, 1n) }, { sync: true });
    await s.save({ entries: range(6n, 7n, 2n) }, { sync: true });
    expect(s.lastIndex()).toBe(7n);
    await s.close();
    const r = await WalStorage.open({ path, segmentBytes: SEG });
    expect(r.lastIndex()).toBe(7n);
    expect(r.term(6n)).toBe(2n);
    expect(r.term(5n)).toBe(1n);
    await r.close();
  });

  it('installs a snapshot from the leader, replacing the whole log, and keeps it across restarts', async () => {
    const path = tempDir();
    const s = await WalStorage.open({ path, segmentBytes: SEG });
    await s.save({ entries: range(1n, 25n, 1n) }, { sync: true });
    const cs = { ...emptyConfState(), voters: [1n, 2n, 3n] };
    await s.save(
      {
        snapshot: { data: Uint8Array.of(9, 9), metadata: { index: 20n, term: 3n, confState: cs } },
        entries: [entry(21n, 3n)],
        hardState: { term: 3n, vote: 0n, commit: 20n },
      },
      { sync: true },
    );
    await s.close();
    const r = await WalStorage.open({ path, segmentBytes: SEG });
    expect(r.firstIndex()).toBe(21n);
    expect(r.lastIndex()).toBe(21n);
    expect(r.term(21n)).toBe(3n);
    expect(r.term(20n)).toBe(3n);
    expect(r.snapshot().metadata.confState.voters).toEqual([1n, 2n, 3n]);
    expect(Array.from(r.snapshot().data)).toEqual([9, 9]);
    await r.close();
  });

  it('rolls over to new segments, compacts whole segments away behind a snapshot, and recovers', async () => {
    const path = tempDir();
    const s = await WalStorage.open({ path, segmentBytes: SEG });
    // ~300 bytes per entry: 13 per 4 KiB segment.
    const big = (i: bigint, t: bigint) => entry(i, t, `e${i}t${t}-${'x'.repeat(280)}`);
    for (let i = 1n; i <= 100n; i += 5n) {
      const ents = [];
      for (let k = i; k < i + 5n; k++) ents.push(big(k, 1n));
      await s.save({ entries: ents, hardState: { term: 1n, vote: 1n, commit: i + 4n } }, { sync: true });
    }
    const before = segments(path);
    expect(before.length).toBeGreaterThanOrEqual(7);
    for (const f of before) expect(statSync(join(path, f)).size).toBe(SEG);
    await expect(s.compact(10n)).rejects.toThrow(RangeError);
    await s.createSnapshot(80n, { ...emptyConfState(), voters: [1n] }, Uint8Array.of(1));
    await s.compact(70n);
    const after = segments(path);
    expect(after.length).toBeLessThan(before.length);
    // The oldest kept segment is the first one holding an entry after 70.
    expect(after[0]! > before[0]!).toBe(true);
    expect(s.firstIndex()).toBe(71n);
    await s.close();

    const r = await WalStorage.open({ path, segmentBytes: SEG });
    expect(r.snapshot().metadata.index).toBe(80n);
    expect(r.firstIndex()).toBe(81n);
    expect(r.lastIndex()).toBe(100n);
    expect(r.initialState().hardState).toEqual({ term: 1n, vote: 1n, commit: 100n });
    expect(text(r.entries(90n, 91n, 10_000)[0]!.data)).toMatch(/^e90t1-/);
    await r.save(
      { entries: [big(101n, 2n)], hardState: { term: 2n, vote: 2n, commit: 100n } },
      { sync: true },
    );
    await r.close();
    const again = await WalStorage.open({ path, segmentBytes: SEG });
    expect(again.lastIndex()).toBe(101n);
    expect(again.initialState().hardState.term).toBe(2n);
    await again.close();
  });

  it('keeps the hard state when the segment that wrote it is compacted away', async () => {
    const path = tempDir();
    const s = await WalStorage.open({ path, segmentBytes: SEG });
    await s.save({ hardState: { term: 5n, vote: 2n, commit: 0n } }, { sync: true });
    for (let i = 1n; i <= 60n; i++)
      await s.save({ entries: [entry(i, 5n, `e${i}-${'y'.repeat(200)}`)] }, { sync: i === 60n });
    await s.save({ hardState: { term: 5n, vote: 2n, commit: 60n } }, { sync: true });
    await s.createSnapshot(60n, { ...emptyConfState(), voters: [1n, 2n] }, Uint8Array.of(7));
    await s.compact(59n);
    expect(segments(path)).toHaveLength(1);
    await s.close();
    const r = await WalStorage.open({ path, segmentBytes: SEG });
    expect(r.initialState().hardState).toEqual({ term: 5n, vote: 2n, commit: 60n });
    expect(r.snapshot().metadata.index).toBe(60n);
    expect(r.lastIndex()).toBe(60n);
    await r.close();
  });

  it('discards a torn write at the end of the log (cut short, or a checksum mismatch) and writes on', async () => {
    for (const damage of ['cut', 'crc'] as const) {
      const path = tempDir();
      const s = await WalStorage.open({ path, segmentBytes: SEG });
      await s.save(
        { entries: range(1n, 5n, 1n), hardState: { term: 1n, vote: 1n, commit: 2n } },
        { sync: true },
      );
      await s.close();
      const file = join(path, segments(path).at(-1)!);
      const recs = records(file).filter((r) => r.type === ENTRY);
      const third = recs[2]!;
      const buf = readFileSync(file);
      if (damage === 'cut')
        buf.fill(0, third.off + 12); // the rest of entry 3 onwards never reached the disk
      else buf[third.off + 9 + 3] = buf[third.off + 9 + 3]! ^ 0x40;
      writeFileSync(file, buf);

      const r = await WalStorage.open({ path, segmentBytes: SEG });
      expect(r.lastIndex(), damage).toBe(2n);
      // The hard state after the torn record was never acknowledged either: the one before it stands.
      expect(r.initialState().hardState.commit).toBe(0n);
      // Writing resumes at the tear; what was behind it is not resurrected by a later restart.
      await r.save({ entries: [entry(3n, 2n, 'new')] }, { sync: true });
      await r.close();
      const again = await WalStorage.open({ path, segmentBytes: SEG });
      expect(again.lastIndex(), damage).toBe(3n);
      expect(text(again.entries(3n, 4n, 1000)[0]!.data)).toBe('new');
      await again.close();
    }
  });

  it('refuses a checksum mismatch in a segment that is not the last, naming the segment', async () => {
    const path = tempDir();
    const s = await WalStorage.open({ path, segmentBytes: SEG });
    for (let i = 1n; i <= 40n; i++)
      await s.save({ entries: [entry(i, 1n, `e${i}-${'z'.repeat(250)}`)] }, { sync: true });
    await s.close();
    const segs = segments(path);
    expect(segs.length).toBeGreaterThan(2);
    const file = join(path, segs[0]!);
    const rec = records(file).find((r) => r.type === ENTRY)!;
    const buf = readFileSync(file);
    buf[rec.off + 9 + 20] = buf[rec.off + 9 + 20]! ^ 0x01;
    writeFileSync(file, buf);
    await expectCorrupt(WalStorage.open({ path, segmentBytes: SEG }), /segment 0+1\.wal: checksum mismatch/);
  });

  it('refuses a log with a missing segment or a missing snapshot file', async () => {
    for (const damage of ['segment', 'snapshot'] as const) {
      const path = tempDir();
      const s = await WalStorage.open({ path, segmentBytes: SEG });
      for (let i = 1n; i <= 40n; i++)
        await s.save({ entries: [entry(i, 1n, `e${i}-${'z'.repeat(250)}`)] }, { sync: true });
      await s.createSnapshot(30n, undefined, Uint8Array.of(3));
      await s.close();
      if (damage === 'segment') rmSync(join(path, segments(path)[1]!));
      else for (const f of readdirSync(path)) if (f.endsWith('.snap')) rmSync(join(path, f));
      await expectCorrupt(
        WalStorage.open({ path, segmentBytes: SEG }),
        damage === 'segment' ? /segment 0+2\.wal: missing/ : /snapshot snap-0+1e\.snap: missing/,
      );
    }
  });

  it('refuses entries that would open a hole, and stops writing after a failed write', async () => {
    const path = tempDir();
    let fail = false;
    const s = await WalStorage.open({
      path,
      segmentBytes: SEG,
      onWriteStep: (step) => {
        if (fail && step === 'encoded') throw new Error('injected I/O error');
      },
    });
    await s.save({ entries: range(1n, 3n, 1n) }, { sync: true });
    await expect(s.save({ entries: [entry(9n, 1n)] }, { sync: true })).rejects.toThrow(/hole/);
    fail = true;
    await expect(s.save({ entries: [entry(4n, 1n)] }, { sync: true })).rejects.toThrow(/injected/);
    fail = false;
    const err = await s.save({ entries: [entry(4n, 1n)] }, { sync: true }).catch((e: unknown) => e);
    expect(isSwarmError(err, 'STORAGE_CLOSED')).toBe(true);
    await s.close();
    const r = await WalStorage.open({ path, segmentBytes: SEG });
    expect(r.lastIndex()).toBe(3n);
    await r.close();
  });

  it('serializes concurrent saves in call order', async () => {
    const path = tempDir();
    const s = await WalStorage.open({ path, segmentBytes: SEG });
    await Promise.all([
      s.save({ entries: range(1n, 5n, 1n) }, { sync: false }),
      s.save({ entries: range(6n, 8n, 1n) }, { sync: false }),
      s.save({ entries: range(4n, 4n, 2n) }, { sync: true }),
    ]);
    expect(s.lastIndex()).toBe(4n);
    expect(s.term(4n)).toBe(2n);
    await s.close();
    const r = await WalStorage.open({ path, segmentBytes: SEG });
    expect(r.lastIndex()).toBe(4n);
    expect(r.term(4n)).toBe(2n);
    await r.close();
  });

  it('makes inline writes (on the calling thread) as durable and ordered as the others, across rollovers', async () => {
    for (const inlineWrites of [true, false]) {
      const path = tempDir();
      const s = await WalStorage.open({ path, segmentBytes: SEG, inlineWrites });
      for (let i = 1n; i <= 40n; i++) {
        await s.save(
          {
            entries: [entry(i, 1n, `e${i}-${'i'.repeat(200)}`)],
            hardState: { term: 1n, vote: 2n, commit: i - 1n },
          },
          // unsynced writes in between: the next synced one must cover them too
          { sync: i % 3n !== 0n, inline: true },
        );
      }
      await s.save({ entries: range(38n, 39n, 2n) }, { sync: true, inline: true });
      expect(segments(path).length, `inlineWrites ${inlineWrites}`).toBeGreaterThan(2);
      await s.close();
      const r = await WalStorage.open({ path, segmentBytes: SEG });
      expect(r.lastIndex(), `inlineWrites ${inlineWrites}`).toBe(39n);
      expect(r.term(38n)).toBe(2n);
      expect(text(r.entries(37n, 38n, 10_000)[0]!.data)).toMatch(/^e37-/);
      expect(r.initialState().hardState).toEqual({ term: 1n, vote: 2n, commit: 39n });
      await r.close();
    }
  });

  it('rejects a segment size below 4 KiB', async () => {
    await expect(WalStorage.open({ path: tempDir(), segmentBytes: 100 })).rejects.toThrow(/segmentBytes/);
  });
});

describe('WalStorage crash recovery (real processes, SIGKILL at every step of the write path)', () => {
  const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
  const workload = crashWorkload();

  function runWriter(path: string, killWrite: number, killStep: string): Promise<number> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', writer, path, String(killWrite), killStep, 'wal'],
        { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
        (err, stdout, stderr) => {
          const acks = stdout.split('\n').filter((l) => l.startsWith('ack ')).length;
          const killed = err && (err as { signal?: string }).signal === 'SIGKILL';
          if (err && !killed) reject(new Error(`writer failed: ${stderr}`));
          else resolve(acks);
        },
      );
    });
  }

  it('keeps every acknowledged write', async () => {
    const cases: [number, string][] = [];
    for (let w = 1; w <= workload.length; w++)
      for (const step of ['encoded', 'written', 'applied']) cases.push([w, step]);
    const results = await Promise.all(
      cases.map(async ([w, step]) => {
        const path = tempDir();
        const acks = await runWriter(path, w, step);
        const r = await WalStorage.open({ path, segmentBytes: 4096 });
        try {
          expect(acks, `kill at ${w}/${step}`).toBe(w - 1);
          const onDisk = step === 'encoded' ? w - 1 : w;
          const model = modelAfter(workload, onDisk);
          expect(r.lastIndex(), `kill at ${w}/${step}`).toBe(model.last);
          for (const [i, e] of model.log) {
            const got = r.entries(i, i + 1n, 1_000)[0]!;
            expect(got.term, `entry ${i} after kill at ${w}/${step}`).toBe(e.term);
            expect(text(got.data)).toBe(text(e.data));
          }
          expect(r.initialState().hardState).toEqual(model.hardState);
        } finally {
          await r.close();
        }
        return `${w}/${step}`;
      }),
    );
    expect(results).toHaveLength(workload.length * 3);
  }, 120_000);
});
