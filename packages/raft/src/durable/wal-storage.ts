// Durable raft storage as a write-ahead log: entries and hard states are appended as checksummed
// records to preallocated segment files and made durable with fdatasync; snapshots live in files
// of their own. Writing into a file that was zero-filled ahead of time keeps its size and extents
// unchanged, so fdatasync flushes the data only (no inode or extent update), which is what makes a
// synced append cheaper than LevelDB's, whose log grows with every write.
//
// On disk, in one directory:
//   <seq>.wal          segments, 16 hex digits of a sequence number; written once, front to back
//   next.tmp           the next segment, zero-filled in the background, renamed when it is needed
//   snap-<index>.snap  snapshots (16 hex digits of their index); written to a temporary name,
//                      synced and renamed, then referenced by a record in the log
//
// A record: length (u32, of the payload), CRC-32 (u32), type (u8), payload. The CRC covers the type
// and the payload and is chained: it starts from the previous record's CRC (0 at a segment's
// start), so a record left behind by an earlier write at the same offset never reads as valid. A
// zero length ends a segment's data (the preallocated rest is zeros). Each segment starts with a
// header (its sequence number), the hard state and a reference to the current snapshot, so a
// segment whose entries are all covered by a snapshot can be deleted without losing either.
//
// Recovery reads every segment in order. In the last one, the first record that is cut short or
// fails its checksum ends the log (a write torn by a crash: it was never acknowledged, as an
// acknowledged write was synced); writing resumes there. In any earlier segment that is corruption
// (those were synced before the next one began) and opening fails.
import { closeSync, constants, fsyncSync, openSync, writeSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { type Logger, noopLogger, swarm } from '@swarm/api';
import {
  MirroredStorage,
  type RaftStorage,
  type SaveOptions,
  type StorageUpdate,
} from '../driver/raft-storage.js';
import { StorageClosedError, StorageCorruptError } from '../errors.js';
import { MemoryStorage } from '../storage.js';
import type { ConfState, Entry, EntryType, HardState, Snapshot } from '../types.js';
import { snapshotFromWire, snapshotToWire } from '../wire.js';

/** Options of `WalStorage.open`. */
export interface WalStorageOptions {
  /** The log's directory (created if missing). One directory per raft member, used by one process. */
  path: string;
  /** Bytes per segment file, preallocated (zero-filled) ahead of use. Default 64 MiB; minimum 4 KiB. */
  segmentBytes?: number;
  /**
   * Honour the driver's `inline` hint (a follower's synced write made on the calling thread, no
   * thread-pool round trip). Default true; false sends every write through the thread pool.
   */
  inlineWrites?: boolean;
  logger?: Logger;
  /**
   * Test hook: called at each step of a write (`'encoded'` before the records are written,
   * `'written'` after they are on disk, `'applied'` after the in-memory view is updated).
   */
  onWriteStep?: (step: WalWriteStep, write: number) => void;
}

/** The steps of one storage write, reported to the `onWriteStep` test hook. */
export type WalWriteStep = 'encoded' | 'written' | 'applied';

const HEADER = 9;
enum Rec {
  /** A segment's first record: its sequence number (u64). */
  Segment = 1,
  /** index u64, term u64, type u8, data. */
  Entry = 2,
  /** term u64, vote u64, commit u64. */
  HardState = 3,
  /** index u64, term u64: a snapshot installed from the leader; the log before it is discarded. */
  SnapshotReset = 4,
  /** index u64, term u64: a snapshot of the applied state; entries after it stay. */
  SnapshotMark = 5,
}

const DEFAULT_SEGMENT = 64 * 1024 * 1024;
const ZEROS = Buffer.alloc(1024 * 1024);

const segName = (seq: bigint) => `${seq.toString(16).padStart(16, '0')}.wal`;
const snapName = (index: bigint) => `snap-${index.toString(16).padStart(16, '0')}.snap`;

/** Collects records; their CRCs are filled in (chained) by `rechain` when they are written. */
class RecordWriter {
  readonly parts: Buffer[] = [];
  bytes = 0;
  /** The last record's CRC once `rechain` ran. */
  crc = 0;

  add(type: Rec, payload: Buffer): void {
    const head = Buffer.allocUnsafe(HEADER);
    head.writeUInt32LE(payload.byteLength, 0);
    head.writeUInt32LE(0, 4);
    head[8] = type;
    this.parts.push(head, payload);
    this.bytes += HEADER + payload.byteLength;
  }

  entry(e: Entry): void {
    const p = Buffer.allocUnsafe(17 + e.data.byteLength);
    p.writeBigUInt64LE(e.index, 0);
    p.writeBigUInt64LE(e.term, 8);
    p[16] = e.type;
    p.set(e.data, 17);
    this.add(Rec.Entry, p);
  }

  hardState(hs: HardState): void {
    const p = Buffer.allocUnsafe(24);
    p.writeBigUInt64LE(hs.term, 0);
    p.writeBigUInt64LE(hs.vote, 8);
    p.writeBigUInt64LE(hs.commit, 16);
    this.add(Rec.HardState, p);
  }

  snapshot(type: Rec.SnapshotReset | Rec.SnapshotMark, index: bigint, term: bigint): void {
    const p = Buffer.allocUnsafe(16);
    p.writeBigUInt64LE(index, 0);
    p.writeBigUInt64LE(term, 8);
    this.add(type, p);
  }

  buffer(): Buffer {
    return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.bytes);
  }
}

type Parsed =
  | { type: Rec.Segment; seq: bigint }
  | { type: Rec.Entry; entry: Entry }
  | { type: Rec.HardState; hs: HardState }
  | { type: Rec.SnapshotReset | Rec.SnapshotMark; index: bigint; term: bigint };

function parse(type: number, p: Buffer): Parsed | undefined {
  switch (type) {
    case Rec.Segment:
      return p.byteLength === 8 ? { type, seq: p.readBigUInt64LE(0) } : undefined;
    case Rec.Entry:
      if (p.byteLength < 17) return undefined;
      return {
        type,
        entry: {
          index: p.readBigUInt64LE(0),
          term: p.readBigUInt64LE(8),
          type: p[16] as EntryType,
          data: new Uint8Array(p.subarray(17)),
        },
      };
    case Rec.HardState:
      if (p.byteLength !== 24) return undefined;
      return {
        type,
        hs: { term: p.readBigUInt64LE(0), vote: p.readBigUInt64LE(8), commit: p.readBigUInt64LE(16) },
      };
    case Rec.SnapshotReset:
    case Rec.SnapshotMark:
      if (p.byteLength !== 16) return undefined;
      return { type, index: p.readBigUInt64LE(0), term: p.readBigUInt64LE(8) };
    default:
      return undefined;
  }
}

/** Reads one segment's records; `end` is where valid data stops, `torn` why it stopped early. */
function readSegment(buf: Buffer): { records: Parsed[]; end: number; crc: number; torn?: string } {
  const records: Parsed[] = [];
  let off = 0;
  let crc = 0;
  while (off + HEADER <= buf.byteLength) {
    const len = buf.readUInt32LE(off);
    const sum = buf.readUInt32LE(off + 4);
    const type = buf[off + 8]!;
    if (len === 0 && sum === 0 && type === 0) return { records, end: off, crc };
    if (off + HEADER + len > buf.byteLength)
      return { records, end: off, crc, torn: `record at offset ${off} is cut short` };
    const payload = buf.subarray(off + HEADER, off + HEADER + len);
    // The type byte and the payload are contiguous: one pass covers both.
    const want = crc32(buf.subarray(off + 8, off + HEADER + len), crc) >>> 0;
    if (want !== sum) return { records, end: off, crc, torn: `checksum mismatch at offset ${off}` };
    const rec = parse(type, payload);
    if (rec === undefined) return { records, end: off, crc, torn: `bad record of type ${type} at ${off}` };
    if (records.length === 0 && rec.type !== Rec.Segment)
      return { records, end: off, crc, torn: 'the segment does not start with its header' };
    records.push(rec);
    crc = sum;
    off += HEADER + len;
  }
  if (off < buf.byteLength) return { records, end: off, crc, torn: `record header at ${off} is cut short` };
  return { records, end: off, crc };
}

/**
 * Durable raft storage as a write-ahead log of preallocated segment files synced with fdatasync
 * (the layout of etcd's WAL), with snapshots in files of their own. A drop-in alternative to
 * `LevelStorage` without a native addon; it has no record cipher (use `LevelStorage` with one when
 * records must be sealed). One process per directory: it takes no lock.
 */
export class WalStorage extends MirroredStorage implements RaftStorage {
  readonly #dir: string;
  readonly #segmentBytes: number;
  readonly #log: Logger;
  readonly #onStep: WalStorageOptions['onWriteStep'];
  readonly #inline: boolean;
  #fd: fsp.FileHandle;
  /** The same segment opened with O_DSYNC: a synced write is one system call (no separate fdatasync). */
  #dfd: fsp.FileHandle;
  /** Whether the segment holds writes made without sync since the last synced one. */
  #dirty = false;
  #seq: bigint;
  #offset: number;
  #crc: number;
  /** Per segment (by sequence number): the highest entry index it holds (0 when none). */
  readonly #segments = new Map<bigint, bigint>();
  #next: Promise<void> | undefined;
  #writes = 0;
  #closed: string | undefined;
  #queue: Promise<void> = Promise.resolve();

  private constructor(
    dir: string,
    mem: MemoryStorage,
    fd: fsp.FileHandle,
    dfd: fsp.FileHandle,
    at: { seq: bigint; offset: number; crc: number; segments: Map<bigint, bigint> },
    options: WalStorageOptions,
  ) {
    super(mem);
    this.#dir = dir;
    this.#segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT;
    this.#log = options.logger ?? noopLogger;
    this.#onStep = options.onWriteStep;
    this.#inline = options.inlineWrites ?? true;
    this.#fd = fd;
    this.#dfd = dfd;
    this.#seq = at.seq;
    this.#offset = at.offset;
    this.#crc = at.crc;
    for (const [k, v] of at.segments) this.#segments.set(k, v);
  }

  /** Opens (or creates) the log at `path` and recovers its contents. */
  static async open(options: WalStorageOptions): Promise<WalStorage> {
    if (typeof options?.path !== 'string' || options.path === '')
      throw new TypeError('WalStorage.open: options.path must be a non-empty directory path');
    const segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT;
    if (!Number.isSafeInteger(segmentBytes) || segmentBytes < 4096)
      throw new RangeError(`WalStorage.open: segmentBytes must be an integer >= 4096, got ${segmentBytes}`);
    const dir = options.path;
    await fsp.mkdir(dir, { recursive: true });
    const names = await fsp.readdir(dir);
    const seqs = names
      .filter((n) => /^[0-9a-f]{16}\.wal$/.test(n))
      .map((n) => BigInt(`0x${n.slice(0, 16)}`))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 1; i < seqs.length; i++)
      if (seqs[i] !== seqs[i - 1]! + 1n)
        throw new StorageCorruptError(`segment ${segName(seqs[i - 1]! + 1n)}`, 'missing from the log');
    const log = options.logger ?? noopLogger;

    // Replay every segment. `ents` is the log as the records build it; a gap (segments deleted after
    // a snapshot covered them) restarts it, and the final check below catches a real hole.
    let ents: Entry[] = [];
    let hs: HardState | undefined;
    const refs = new Map<bigint, bigint>(); // snapshot index -> term, of every reference seen
    const segments = new Map<bigint, bigint>();
    let tail = { seq: 0n, offset: 0, crc: 0 };
    for (const [i, seq] of seqs.entries()) {
      const last = i === seqs.length - 1;
      const buf = await fsp.readFile(join(dir, segName(seq)));
      const read = readSegment(buf);
      if (read.torn !== undefined) {
        if (!last) throw new StorageCorruptError(`segment ${segName(seq)}`, read.torn);
        log.warn('raft wal: discarding a torn write at the end of the log', {
          segment: segName(seq),
          problem: read.torn,
        });
      }
      const head = read.records[0];
      if (head !== undefined && (head.type !== Rec.Segment || head.seq !== seq))
        throw new StorageCorruptError(`segment ${segName(seq)}`, 'its header names another segment');
      let maxIndex = 0n;
      for (const r of read.records) {
        if (r.type === Rec.Entry) {
          const e = r.entry;
          const first = ents.length > 0 ? ents[0]!.index : e.index;
          if (ents.length === 0 || e.index > first + BigInt(ents.length)) ents = [e];
          else if (e.index < first) ents = [e];
          else {
            ents.length = Number(e.index - first);
            ents.push(e);
          }
          if (e.index > maxIndex) maxIndex = e.index;
        } else if (r.type === Rec.HardState) hs = r.hs;
        else if (r.type === Rec.SnapshotReset) {
          refs.set(r.index, r.term);
          ents = [];
        } else if (r.type === Rec.SnapshotMark) {
          refs.set(r.index, r.term);
          if (ents.length > 0) {
            const first = ents[0]!.index;
            if (r.index >= first) ents = ents.slice(Number(r.index - first + 1n));
          }
        }
      }
      segments.set(seq, maxIndex);
      if (last) {
        tail = { seq, offset: read.end, crc: read.crc };
        // Zero what a torn write left behind the valid records, so that this segment reads cleanly
        // to its end once it is no longer the last one.
        if (read.torn !== undefined && read.end > 0) await zeroTail(join(dir, segName(seq)), buf, read.end);
      }
    }

    // The newest snapshot file that the log references (one written but not yet referenced was
    // never acknowledged: a crash came between the file and its record).
    const mem = new MemoryStorage();
    const snaps = names
      .filter((n) => /^snap-[0-9a-f]{16}\.snap$/.test(n))
      .map((n) => BigInt(`0x${n.slice(5, 21)}`))
      .filter((index) => refs.has(index))
      .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const newestRef = [...refs.keys()].reduce((a, b) => (b > a ? b : a), 0n);
    let snapIndex = 0n;
    if (snaps.length > 0) {
      const snap = await readSnapshot(dir, snaps[0]!);
      if (snap.metadata.term !== refs.get(snap.metadata.index))
        throw new StorageCorruptError(`snapshot ${snapName(snaps[0]!)}`, 'its term differs from the log');
      mem.applySnapshot(snap);
      snapIndex = snap.metadata.index;
    }
    if (newestRef > snapIndex)
      throw new StorageCorruptError(`snapshot ${snapName(newestRef)}`, 'missing (the log references it)');
    const after = ents.filter((e) => e.index > snapIndex);
    if (after.length > 0 && after[0]!.index !== snapIndex + 1n)
      throw new StorageCorruptError(
        `entry ${snapIndex + 1n}`,
        `missing from the log (next stored entry is ${after[0]!.index})`,
      );
    if (after.length > 0) mem.append(after);
    if (hs !== undefined) {
      if (hs.commit > mem.lastIndex())
        throw new StorageCorruptError(
          'hard state',
          `commit index ${hs.commit} is beyond the last entry ${mem.lastIndex()}`,
        );
      mem.setHardState(hs);
    }

    // Resume at the tail of the last segment, or start the first one.
    let fd: fsp.FileHandle;
    if (seqs.length === 0 || tail.offset === 0) {
      const seq = seqs.length === 0 ? 1n : tail.seq;
      fd = await createSegment(dir, seq, segmentBytes);
      tail = { seq, offset: 0, crc: 0 };
      segments.set(seq, 0n);
    } else {
      fd = await fsp.open(join(dir, segName(tail.seq)), 'r+');
    }
    await fsp.rm(join(dir, 'next.tmp'), { force: true });
    const dfd = await openDsync(join(dir, segName(tail.seq)));
    const storage = new WalStorage(dir, mem, fd, dfd, { ...tail, segments }, options);
    if (tail.offset === 0) await storage.#writeSegmentHead(true);
    log.info('raft storage opened', {
      path: dir,
      segments: segments.size,
      firstIndex: mem.firstIndex().toString(),
      lastIndex: mem.lastIndex().toString(),
      commit: mem.hardState().commit.toString(),
    });
    return storage;
  }

  // ---- writes ----

  /**
   * Persists what a Ready carries: the snapshot (its file first, then a record that replaces the
   * log), the entries (replacing any conflicting suffix) and the hard state, appended as records in
   * that order; with `sync` they are on stable storage (fdatasync) when the promise settles. Writes
   * are serialized in call order; a synced write makes every earlier one durable too.
   */
  save(update: StorageUpdate, options: SaveOptions): Promise<void> {
    return this.#serial(async () => {
      const write = ++this.#writes;
      const snap =
        update.snapshot !== undefined && update.snapshot.metadata.index > 0n ? update.snapshot : undefined;
      let first = this.mirror.firstIndex();
      let last = this.mirror.lastIndex();
      if (snap) {
        if (snap.metadata.index <= this.mirror.snapshot().metadata.index) {
          throw new RangeError(
            `save: snapshot at index ${snap.metadata.index} is not newer than the stored one at ${this.mirror.snapshot().metadata.index}`,
          );
        }
        first = snap.metadata.index + 1n;
        last = snap.metadata.index;
      }
      const all = update.entries ?? [];
      const ents = all.length > 0 && all[0]!.index < first ? all.filter((e) => e.index >= first) : all;
      if (ents.length > 0 && ents[0]!.index > last + 1n) {
        throw new RangeError(
          `save: entries start at ${ents[0]!.index} but the log ends at ${last}: a hole would open`,
        );
      }
      const w = new RecordWriter();
      if (snap) w.snapshot(Rec.SnapshotReset, snap.metadata.index, snap.metadata.term);
      for (const e of ents) w.entry(e);
      if (update.hardState !== undefined) w.hardState(update.hardState);
      this.#onStep?.('encoded', write);
      if (snap) await this.#writeSnapshotFile(snap);
      if (w.bytes > 0) await this.#append(w, options.sync, this.#inline && options.inline === true);
      let maxIndex = this.#segments.get(this.#seq) ?? 0n;
      if (ents.length > 0 && ents[ents.length - 1]!.index > maxIndex) maxIndex = ents[ents.length - 1]!.index;
      this.#segments.set(this.#seq, maxIndex);
      this.#onStep?.('written', write);
      if (snap) this.mirror.applySnapshot(snap);
      if (ents.length > 0) this.mirror.append(ents);
      if (update.hardState !== undefined) this.mirror.setHardState(update.hardState);
      this.#onStep?.('applied', write);
    });
  }

  /**
   * Records a snapshot of the applied state at index `i` (its file synced, then a synced record),
   * so that the log up to it may be compacted. `data` is the embedder's state machine image.
   */
  createSnapshot(i: bigint, confState: ConfState | undefined, data: Uint8Array): Promise<Snapshot> {
    return this.#serial(async () => {
      const before = this.mirror.snapshot();
      const snap = this.mirror.createSnapshot(i, confState, data);
      try {
        await this.#writeSnapshotFile(snap);
        const w = new RecordWriter();
        w.snapshot(Rec.SnapshotMark, snap.metadata.index, snap.metadata.term);
        await this.#append(w, true);
      } catch (err) {
        this.#closed = `snapshot write failed (${(err as Error).message}); previous snapshot at ${before.metadata.index}`;
        throw err;
      }
      // Older snapshot files are no longer referenced by what recovery would pick.
      for (const n of await fsp.readdir(this.#dir)) {
        if (!/^snap-[0-9a-f]{16}\.snap$/.test(n)) continue;
        if (BigInt(`0x${n.slice(5, 21)}`) < snap.metadata.index)
          await fsp.rm(join(this.#dir, n), { force: true });
      }
      return snap;
    });
  }

  /**
   * Discards entries up to and including `i` (which the stored snapshot must cover), and deletes
   * the segments that hold nothing newer.
   */
  compact(i: bigint): Promise<void> {
    return this.#serial(async () => {
      const snapIndex = this.mirror.snapshot().metadata.index;
      if (i > snapIndex) {
        throw new RangeError(
          `compact(${i}): only entries covered by the snapshot (index ${snapIndex}) may be compacted`,
        );
      }
      if (i >= this.mirror.firstIndex()) this.mirror.compact(i);
      // A segment may go when it and every older one hold no entry after `i`; later segments start
      // with the hard state and the snapshot reference, so nothing else is lost with it.
      const seqs = [...this.#segments.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const seq of seqs) {
        if (seq === this.#seq || this.#segments.get(seq)! > i) break;
        await fsp.rm(join(this.#dir, segName(seq)), { force: true });
        this.#segments.delete(seq);
      }
    });
  }

  /** Closes the segment file; call it after the RaftNode stopped. */
  async close(): Promise<void> {
    if (this.#closed === 'closed') return;
    await this.#queue.catch(() => {});
    await this.#next?.catch(() => {});
    this.#closed = 'closed';
    await this.#fd.close();
    await this.#dfd.close();
    await fsp.rm(join(this.#dir, 'next.tmp'), { force: true });
  }

  /** Appends the records in `w` to the current segment (rolling over when it is full). */
  async #append(w: RecordWriter, sync: boolean, inline = false): Promise<void> {
    if (this.#offset + w.bytes > this.#segmentBytes && this.#offset > 0 && this.#hasData())
      await this.#roll();
    // The CRCs chain from the record that precedes these here.
    const buf = rechain(w, this.#crc);
    if (sync && !this.#dirty) {
      // Nothing unsynced before it: one O_DSYNC write (the data, and no metadata, as the file's
      // size does not change) instead of a write and an fdatasync, each a thread-pool round trip;
      // `inline`, on this thread (the caller waits for it anyway).
      if (inline) {
        let done = 0;
        while (done < buf.byteLength)
          done += writeSync(this.#dfd.fd, buf, done, buf.byteLength - done, this.#offset + done);
      } else await writeAll(this.#dfd, buf, this.#offset);
    } else {
      await writeAll(this.#fd, buf, this.#offset);
      if (sync) await this.#fd.datasync();
      this.#dirty = !sync;
    }
    this.#offset += buf.byteLength;
    this.#crc = w.crc;
  }

  /** Whether the current segment holds more than its head (header, hard state, snapshot). */
  #hasData(): boolean {
    return this.#offset > this.#headBytes;
  }
  #headBytes = 0;

  /** Writes a segment's opening records: its header, the hard state and the snapshot reference. */
  async #writeSegmentHead(sync: boolean): Promise<void> {
    const w = new RecordWriter();
    const seq = Buffer.allocUnsafe(8);
    seq.writeBigUInt64LE(this.#seq, 0);
    w.add(Rec.Segment, seq);
    const hs = this.mirror.hardState();
    if (hs.term > 0n || hs.vote > 0n || hs.commit > 0n) w.hardState(hs);
    const snap = this.mirror.snapshot().metadata;
    if (snap.index > 0n) w.snapshot(Rec.SnapshotMark, snap.index, snap.term);
    this.#crc = 0;
    const buf = rechain(w, 0);
    await writeAll(this.#fd, buf, 0);
    this.#offset = buf.byteLength;
    this.#headBytes = buf.byteLength;
    this.#crc = w.crc;
    if (sync) await this.#fd.datasync();
    this.#dirty = !sync;
  }

  /** Syncs and closes the current segment and continues in the next (prepared in the background). */
  async #roll(): Promise<void> {
    await this.#fd.datasync();
    this.#dirty = false;
    await this.#fd.close();
    await this.#dfd.close();
    const seq = this.#seq + 1n;
    const tmp = join(this.#dir, 'next.tmp');
    if (this.#next === undefined) this.#next = prepare(tmp, this.#segmentBytes);
    await this.#next;
    this.#next = undefined;
    await fsp.rename(tmp, join(this.#dir, segName(seq)));
    syncDir(this.#dir);
    this.#fd = await fsp.open(join(this.#dir, segName(seq)), 'r+');
    this.#dfd = await openDsync(join(this.#dir, segName(seq)));
    this.#seq = seq;
    this.#segments.set(seq, 0n);
    await this.#writeSegmentHead(false);
    this.#log.debug('raft wal: new segment', { segment: segName(seq) });
    // Zero-fill the one after this in the background, while this one fills.
    this.#next = prepare(tmp, this.#segmentBytes);
    this.#next.catch(() => {});
  }

  /** Writes a snapshot file durably: a temporary name, synced, renamed, the directory synced. */
  async #writeSnapshotFile(snap: Snapshot): Promise<void> {
    const body = Buffer.from(swarm.Snapshot.encode(snapshotToWire(snap)).finish());
    const out = Buffer.allocUnsafe(4 + body.byteLength);
    out.writeUInt32LE(crc32(body) >>> 0, 0);
    body.copy(out, 4);
    const tmp = join(this.#dir, 'snap.tmp');
    const fd = await fsp.open(tmp, 'w');
    try {
      await writeAll(fd, out, 0);
      await fd.sync();
    } finally {
      await fd.close();
    }
    await fsp.rename(tmp, join(this.#dir, snapName(snap.metadata.index)));
    syncDir(this.#dir);
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.#closed !== undefined) throw new StorageClosedError(this.#closed);
      try {
        return await fn();
      } catch (err) {
        // A failed write leaves the disk in an unknown state relative to memory: stop accepting writes.
        if (!(err instanceof RangeError) && this.#closed === undefined) {
          this.#closed = `a write failed: ${(err as Error).message}`;
        }
        throw err;
      }
    };
    const p = this.#queue.then(run, run);
    this.#queue = p.then(
      () => {},
      () => {},
    );
    return p;
  }
}

/** The records of `w` as one buffer, their CRCs chained from `seed`; sets `w.crc` to the last one. */
function rechain(w: RecordWriter, seed: number): Buffer {
  const buf = w.buffer();
  let crc = seed;
  let off = 0;
  while (off < buf.byteLength) {
    const len = buf.readUInt32LE(off);
    crc = crc32(buf.subarray(off + 8, off + HEADER + len), crc) >>> 0;
    buf.writeUInt32LE(crc, off + 4);
    off += HEADER + len;
  }
  w.crc = crc;
  return buf;
}

async function writeAll(fd: fsp.FileHandle, buf: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buf.byteLength) {
    const { bytesWritten } = await fd.write(buf, done, buf.byteLength - done, position + done);
    done += bytesWritten;
  }
}

/** Creates segment `seq` zero-filled and synced (the directory too) and opens it for writing. */
async function createSegment(dir: string, seq: bigint, bytes: number): Promise<fsp.FileHandle> {
  const tmp = join(dir, 'next.tmp');
  await prepare(tmp, bytes);
  await fsp.rename(tmp, join(dir, segName(seq)));
  syncDir(dir);
  return fsp.open(join(dir, segName(seq)), 'r+');
}

/** Writes a zero-filled file of `bytes` and syncs it, so that later writes into it change no metadata. */
async function prepare(path: string, bytes: number): Promise<void> {
  const fd = await fsp.open(path, 'w');
  try {
    for (let off = 0; off < bytes; off += ZEROS.byteLength)
      await writeAll(fd, ZEROS.subarray(0, Math.min(ZEROS.byteLength, bytes - off)), off);
    await fd.sync();
  } finally {
    await fd.close();
  }
}

/** Overwrites `buf`'s bytes from `from` up to its last non-zero byte with zeros in the file, synced. */
async function zeroTail(path: string, buf: Buffer, from: number): Promise<void> {
  let end = buf.byteLength;
  while (end > from && buf[end - 1] === 0) end--;
  if (end <= from) return;
  const fd = await fsp.open(path, 'r+');
  try {
    for (let off = from; off < end; off += ZEROS.byteLength)
      await writeAll(fd, ZEROS.subarray(0, Math.min(ZEROS.byteLength, end - off)), off);
    await fd.datasync();
  } finally {
    await fd.close();
  }
}

function openDsync(path: string): Promise<fsp.FileHandle> {
  return fsp.open(path, constants.O_RDWR | constants.O_DSYNC);
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function readSnapshot(dir: string, index: bigint): Promise<Snapshot> {
  const buf = await fsp.readFile(join(dir, snapName(index)));
  const what = `snapshot ${snapName(index)}`;
  if (buf.byteLength < 4) throw new StorageCorruptError(what, 'shorter than its header (torn write)');
  if (crc32(buf.subarray(4)) >>> 0 !== buf.readUInt32LE(0))
    throw new StorageCorruptError(what, 'checksum mismatch (torn or corrupted file)');
  const snap = snapshotFromWire(swarm.Snapshot.decode(buf.subarray(4)));
  if (snap.metadata.index !== index)
    throw new StorageCorruptError(what, `holds index ${snap.metadata.index}`);
  return snap;
}
