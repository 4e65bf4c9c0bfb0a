// The scenario runner's commands, on top of TestCluster (@swarm/raft/testing). Each command returns
// the text compared with (or written as) the expected output.
import { type LogEntry, MemoryLogger, seededRandom } from '@swarm/api';
import { confChangesFromString } from '../../src/confchange/describe.js';
import type { Config } from '../../src/config.js';
import {
  describeConfState,
  describeEntry,
  describeHardState,
  describeMessage,
  describeReady,
  messageTypeName,
} from '../../src/describe.js';
import { isLocalDelivery, type StorageThreadWork, TestCluster } from '../../src/testing.js';
import { describeConfig } from '../../src/tracker/tracker.js';
import { ConfChangeTransition, type MemberId, type Message, MessageType } from '../../src/types.js';
import { message } from '../../src/util.js';
import type { Arg, TestCase } from './datadriven.js';

const STATE: Record<string, string> = {
  follower: 'StateFollower',
  candidate: 'StateCandidate',
  'pre-candidate': 'StatePreCandidate',
  leader: 'StateLeader',
};
const PROGRESS: Record<string, string> = {
  probe: 'StateProbe',
  replicate: 'StateReplicate',
  snapshot: 'StateSnapshot',
};

function indent(s: string, by = '  '): string {
  return s
    .split('\n')
    .map((l) => (l === '' ? l : by + l))
    .join('\n');
}

const ids = (vals: string[]): MemberId[] => vals.map((v) => BigInt(v));

/** etcd's log levels, in order; a level prints the lines at it and above. NONE silences output. */
const LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'NONE'] as const;
const INFO = 1;
const NONE = LEVELS.length - 1;

function parseLevel(c: TestCase, name: string | undefined): number {
  const i = (LEVELS as readonly string[]).indexOf(name?.toUpperCase() ?? '');
  if (i < 0) throw new SyntaxError(`line ${c.line}: log levels must be either of ${LEVELS.join(', ')}`);
  return i;
}

export class InteractionEnv {
  readonly logEntries: LogEntry[] = [];
  readonly cluster = new TestCluster({ random: seededRandom(1), logger: new MemoryLogger(this.logEntries) });
  #nextId = 1n;
  #stash: Message[] = [];
  /** The log level (an index into LEVELS): DEBUG by default, as etcd's harness. */
  #level = 0;

  handle(c: TestCase): string {
    // `stabilize log-level=X` (etcd's): the level applies to this command only.
    const override = this.#arg(c, 'log-level')?.vals[0];
    const saved = this.#level;
    if (override !== undefined) this.#level = parseLevel(c, override);
    try {
      const out = this.#dispatch(c);
      // As etcd's harness: at level NONE a command prints nothing at all.
      return out === '' || this.#level === NONE ? 'ok' : out;
    } finally {
      if (override !== undefined) this.#level = saved;
    }
  }

  /** A log line as etcd's harness prints it, or nothing when the level filters it out. */
  #log(level: number, line: string): string[] {
    return this.#level <= level ? [`${LEVELS[level]} ${line}`] : [];
  }

  #arg(c: TestCase, key: string): Arg | undefined {
    return c.args.find((a) => a.key === key);
  }

  #positional(c: TestCase): string[] {
    return c.args.filter((a) => a.vals.length === 0).map((a) => a.key);
  }

  #id(c: TestCase, key?: string): MemberId {
    const v = key === undefined ? this.#positional(c)[0] : this.#arg(c, key)?.vals[0];
    if (v === undefined)
      throw new SyntaxError(`line ${c.line}: ${c.cmd} needs a member ID${key ? ` (${key}=)` : ''}`);
    return BigInt(v);
  }

  #dispatch(c: TestCase): string {
    switch (c.cmd) {
      case 'add-nodes':
        return this.#addNodes(c);
      case 'campaign':
        this.cluster.get(this.#id(c)).node.campaign();
        return '';
      case 'forget-leader':
        this.cluster.get(this.#id(c)).node.forgetLeader();
        return '';
      case 'log-level':
        // Filters the log lines the commands print (add-nodes' INFO lines); NONE silences every
        // command's output until the level is raised again (etcd's levels, any case).
        this.#level = parseLevel(c, this.#positional(c)[0]);
        return '';
      case 'propose': {
        const [id, data] = this.#positional(c);
        return this.cluster.propose(BigInt(id!), data ?? '') ? '' : 'raft proposal dropped';
      }
      case 'propose-conf-change':
        return this.#proposeConfChange(c);
      case 'tick':
        this.cluster.tick(this.#id(c), Number(this.#arg(c, 'times')?.vals[0] ?? 1));
        return '';
      case 'tick-heartbeat': {
        const n = this.cluster.get(this.#id(c)).node;
        for (let i = 0; i < n.raft.heartbeatTimeout; i++) n.tick();
        return '';
      }
      case 'tick-election': {
        // Enough ticks for this member's (randomized) election timeout to pass.
        const n = this.cluster.get(this.#id(c)).node;
        const r = n.raft;
        const times =
          r.state === 'leader'
            ? r.electionTimeout
            : Math.max(1, r.randomizedElectionTimeout - r.electionElapsed);
        for (let i = 0; i < times; i++) n.tick();
        return '';
      }
      case 'process-append-thread':
        return this.#processThread(c, 'append');
      case 'process-apply-thread':
        return this.#processThread(c, 'apply');
      case 'process-ready':
        return this.#positional(c)
          .map((id) => this.#processReady(BigInt(id)))
          .join('\n');
      case 'deliver-msgs':
        return this.#deliverMsgs(c);
      case 'send-snapshot': {
        // `send-snapshot FROM TO`: FROM sends its current snapshot (of its applied state) to TO,
        // as a leader catching up a follower would; the message is queued, not delivered.
        const [from, to] = this.#positional(c).map((x) => BigInt(x));
        if (from === undefined || to === undefined)
          throw new SyntaxError(`line ${c.line}: send-snapshot wants FROM TO`);
        const n = this.cluster.get(from);
        const m = message({
          type: MessageType.Snap,
          from,
          to,
          term: n.node.raft.term,
          snapshot: n.storage.snapshot(),
        });
        this.cluster.network.queue.push({ msg: m, delay: 0 });
        return describeMessage(m);
      }
      case 'set-randomized-election-timeout': {
        const timeout = Number(this.#arg(c, 'timeout')?.vals[0]);
        const r = this.cluster.get(this.#id(c)).node.raft;
        if (!Number.isSafeInteger(timeout) || timeout < r.electionTimeout)
          throw new SyntaxError(`line ${c.line}: timeout= must be an integer >= the election tick`);
        r.randomizedElectionTimeout = timeout;
        return '';
      }
      case 'stabilize': {
        const members = this.#positional(c).filter((x) => x !== 'quiet');
        const out = this.#stabilize(members.length > 0 ? ids(members) : undefined);
        return this.#positional(c).includes('quiet') ? '' : out;
      }
      case 'run': {
        // Time passes: every member ticks, then the cluster settles; `times` rounds.
        const times = Number(this.#arg(c, 'ticks')?.vals[0] ?? 1);
        for (let i = 0; i < times; i++) {
          this.cluster.tickAll();
          this.#stabilize(undefined);
        }
        return this.#raftStateVerbose();
      }
      case 'pending-msgs':
        return this.cluster.network.queue.map((f) => describeMessage(f.msg)).join('\n') || 'no messages';
      case 'drop':
        return this.#mutate(c, 'dropped', (ms) => {
          this.cluster.network.remove((m) => ms.includes(m));
        });
      case 'dup':
        return this.#mutate(c, 'duplicated', (ms) => {
          const q = this.cluster.network.queue;
          for (const m of ms) {
            const at = q.findIndex((f) => f.msg === m);
            q.splice(at + 1, 0, { msg: { ...m, entries: m.entries.map((e) => ({ ...e })) }, delay: 0 });
          }
        });
      case 'reorder':
        return this.#mutate(c, 'reordered', (ms) => {
          // Reverse the order of the selected messages in place.
          const q = this.cluster.network.queue;
          const slots = q.map((f, i) => (ms.includes(f.msg) ? i : -1)).filter((i) => i >= 0);
          const picked = slots.map((i) => q[i]!).reverse();
          slots.forEach((slot, k) => {
            q[slot] = picked[k]!;
          });
        });
      case 'stash':
        // Holds matching messages back (a slow link); `unstash` releases them behind everything queued.
        return this.#mutate(c, 'stashed', (ms) => {
          this.cluster.network.remove((m) => ms.includes(m));
          this.#stash.push(...ms);
        });
      case 'unstash': {
        const ms = this.#stash;
        this.#stash = [];
        for (const m of ms) this.cluster.network.queue.push({ msg: m, delay: 0 });
        return ms.length === 0
          ? 'no messages'
          : ['released:', ...ms.map((m) => indent(describeMessage(m)))].join('\n');
      }
      case 'partition': {
        const groups = this.#positional(c).map((g) => g.split(',').map((x) => BigInt(x)));
        this.cluster.network.partition(...groups);
        return '';
      }
      case 'isolate':
        this.cluster.network.isolate(this.#id(c));
        return '';
      case 'cut':
        this.cluster.network.cut(this.#id(c, 'from'), this.#id(c, 'to'));
        return '';
      case 'heal':
        this.cluster.network.heal();
        return '';
      case 'faults': {
        const f = this.cluster.network.faults;
        const num = (k: string, d: number) => Number(this.#arg(c, k)?.vals[0] ?? d);
        f.dropRate = num('drop', 0);
        f.duplicateRate = num('dup', 0);
        f.reorderRate = num('reorder', 0);
        f.maxDelay = num('delay', 0);
        return '';
      }
      case 'transfer-leadership':
        this.cluster.get(this.#id(c, 'from')).node.transferLeader(this.#id(c, 'to'));
        return '';
      case 'read-index': {
        const [id, ctx] = this.#positional(c);
        this.cluster.get(BigInt(id!)).node.readIndex(new TextEncoder().encode(ctx ?? ''));
        return '';
      }
      case 'compact': {
        const [id, index] = this.#positional(c);
        this.cluster.compact(BigInt(id!), BigInt(index!));
        return this.#raftLog(BigInt(id!), this.#verbose(c));
      }
      case 'report-unreachable': {
        const [id, target] = this.#positional(c);
        this.cluster.get(BigInt(id!)).node.reportUnreachable(BigInt(target!));
        return '';
      }
      case 'report-snapshot': {
        const [id, target, status] = this.#positional(c);
        this.cluster
          .get(BigInt(id!))
          .node.reportSnapshot(BigInt(target!), status === 'failure' ? 'failure' : 'finish');
        return '';
      }
      case 'restart':
        this.cluster.restart(this.#id(c));
        return '';
      case 'status':
        return this.#verbose(c) ? this.#statusVerbose(this.#id(c)) : this.#status(this.#id(c));
      case 'raft-log':
        return this.#raftLog(this.#id(c), this.#verbose(c));
      case 'raft-state':
        return this.#verbose(c) ? this.#raftStateVerbose() : this.#raftState();
      case 'state-machine':
        return this.#positional(c)
          .map((id) => `${id}: [${this.cluster.get(BigInt(id)).state.join(' ')}]`)
          .join('\n');
      case 'read-states': {
        const n = this.cluster.get(this.#id(c));
        const out = n.readStates.map(
          (rs) => `Index:${rs.index} Ctx:${new TextDecoder().decode(rs.requestCtx)}`,
        );
        n.readStates = [];
        return out.join('\n') || 'no read states';
      }
      default:
        throw new SyntaxError(`line ${c.line}: unknown command ${c.cmd}`);
    }
  }

  #addNodes(c: TestCase): string {
    const n = Number(this.#positional(c)[0]);
    const config: Partial<Omit<Config, 'id' | 'storage' | 'random'>> = {};
    // etcd's spellings (prevote=, checkquorum=, inflight=) are accepted as well as ours.
    const alias: Record<string, string> = {
      'pre-vote': 'prevote',
      'check-quorum': 'checkquorum',
      'max-inflight': 'inflight',
    };
    const a = (k: string) =>
      this.#arg(c, k)?.vals ?? (alias[k] === undefined ? undefined : this.#arg(c, alias[k])?.vals);
    const bool = (k: string) => (a(k) === undefined ? undefined : a(k)![0] === 'true');
    if (bool('pre-vote') !== undefined) config.preVote = bool('pre-vote')!;
    if (bool('check-quorum') !== undefined) config.checkQuorum = bool('check-quorum')!;
    if (bool('disable-forwarding') !== undefined)
      config.disableProposalForwarding = bool('disable-forwarding')!;
    if (bool('step-down-on-removal') !== undefined) config.stepDownOnRemoval = bool('step-down-on-removal')!;
    if (bool('disable-conf-change-validation') !== undefined)
      config.disableConfChangeValidation = bool('disable-conf-change-validation')!;
    if (a('read-only') !== undefined) config.readOnlyOption = a('read-only')![0] as 'safe' | 'lease-based';
    if (a('max-inflight') !== undefined) config.maxInflightMsgs = Number(a('max-inflight')![0]);
    if (a('max-size-per-msg') !== undefined) config.maxSizePerMsg = Number(a('max-size-per-msg')![0]);
    if (a('max-committed-size-per-ready') !== undefined)
      config.maxCommittedSizePerReady = Number(a('max-committed-size-per-ready')![0]);
    if (bool('async-storage-writes') !== undefined) config.asyncStorageWrites = bool('async-storage-writes')!;
    if (a('max-uncommitted-size') !== undefined)
      config.maxUncommittedEntriesSize = Number(a('max-uncommitted-size')![0]);
    const voters = ids(a('voters') ?? []);
    const learners = ids(a('learners') ?? []);
    const index = a('index') === undefined ? (voters.length > 0 ? 1n : 0n) : BigInt(a('index')![0]!);
    // log-terms=(2,3): entries after the bootstrap snapshot with these terms (payload "t<term>i<index>").
    const entries = (a('log-terms') ?? []).map((t, k) => {
      const idx = index + 1n + BigInt(k);
      return { term: BigInt(t), index: idx, type: 0, data: new TextEncoder().encode(`t${t}i${idx}`) };
    });
    const term = a('term') === undefined ? undefined : BigInt(a('term')![0]!);
    // content=X: the bootstrap snapshot's data, here the state machine's first payload.
    const content = a('content')?.[0];
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = this.#nextId++;
      this.cluster.addNode(id, {
        voters,
        learners,
        index,
        config,
        entries: entries.map((e) => ({ ...e })),
        ...(term === undefined ? {} : { term }),
        ...(content === undefined ? {} : { state: [content] }),
      });
      const r = this.cluster.get(id).node.raft;
      // The lines etcd's raft logs when a member starts, in its format.
      const peers = [...r.trk.config.voters.ids()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).join(',');
      out.push(
        ...this.#log(INFO, `${id} switched to configuration ${describeConfig(r.trk.config)}`),
        ...this.#log(INFO, `${id} became follower at term ${r.term}`),
        ...this.#log(
          INFO,
          `newRaft ${id} [peers: [${peers}], term: ${r.term}, commit: ${r.raftLog.committed}, applied: ${r.raftLog.applied}, lastindex: ${r.raftLog.lastIndex()}, lastterm: ${r.raftLog.lastTerm()}]`,
        ),
      );
    }
    return out.join('\n');
  }

  #proposeConfChange(c: TestCase): string {
    const id = BigInt(this.#positional(c)[0]!);
    const transition = this.#arg(c, 'transition')?.vals[0] ?? 'auto';
    const t =
      transition === 'implicit'
        ? ConfChangeTransition.JointImplicit
        : transition === 'explicit'
          ? ConfChangeTransition.JointExplicit
          : ConfChangeTransition.Auto;
    // The changes follow the member ID on the command line, or sit on input lines (etcd's style).
    const changes = confChangesFromString(
      [...this.#positional(c).slice(1), ...c.input.split('\n')].join(' ').trim(),
    );
    const v1 = this.#arg(c, 'v1')?.vals[0] === 'true';
    if (v1 && changes.length !== 1)
      throw new SyntaxError(`line ${c.line}: a v1 conf change carries exactly one change`);
    try {
      this.cluster
        .get(id)
        .node.proposeConfChange(
          v1
            ? { type: changes[0]!.type, nodeId: changes[0]!.nodeId, context: new Uint8Array(0) }
            : { transition: t, changes, context: new Uint8Array(0) },
        );
      return '';
    } catch (err) {
      return `error: ${(err as Error).message}`;
    }
  }

  /**
   * `process-append-thread|process-apply-thread IDs`: each member's storage thread handles one
   * message (as etcd's harness: a header per member only when several are named).
   */
  #processThread(c: TestCase, thread: 'append' | 'apply'): string {
    const members = ids(this.#positional(c));
    if (members.length === 0) throw new SyntaxError(`line ${c.line}: ${c.cmd} needs member IDs`);
    const out = members.map((id) => {
      const body = this.#runThread(id, thread);
      return members.length > 1 ? `> ${id} processing ${thread} thread\n${indent(body)}` : body;
    });
    return out.join('\n');
  }

  /** One message of a member's storage thread, as etcd prints it. */
  #runThread(id: MemberId, thread: 'append' | 'apply'): string {
    const work: StorageThreadWork | undefined =
      thread === 'append' ? this.cluster.processAppendThread(id) : this.cluster.processApplyThread(id);
    if (work === undefined) return `no ${thread} work to perform`;
    return [
      'Processing:',
      describeMessage(work.processed),
      'Responses:',
      ...work.responses.map(describeMessage),
    ].join('\n');
  }

  #processReady(id: MemberId): string {
    const rd = this.cluster.processReady(id);
    const head = `> ${id} handling Ready`;
    if (rd === undefined) return `${head}\n  <empty Ready>`;
    return `${head}\n${indent(describeReady(rd))}`;
  }

  /**
   * `deliver-msgs [IDs] [type=MsgApp] [drop=(2,3)]`: with drop, the messages to those members are
   * dropped instead; with type, only messages of that type are delivered (the rest stay queued).
   */
  #deliverMsgs(c: TestCase): string {
    const to = this.#positional(c).length > 0 ? ids(this.#positional(c)) : undefined;
    const drop = this.#arg(c, 'drop')?.vals;
    if (drop !== undefined) {
      const targets = ids(drop);
      // Messages within a member (its storage threads' responses) are never dropped.
      const gone = this.cluster.network.remove((m) => targets.includes(m.to) && !isLocalDelivery(m));
      return gone.length === 0 ? 'no messages' : gone.map((m) => `dropped: ${describeMessage(m)}`).join('\n');
    }
    const type = this.#arg(c, 'type')?.vals[0];
    if (type === undefined) return this.#deliver(to);
    const q = this.cluster.network.queue;
    const held = q.filter((f) => messageTypeName(f.msg.type) !== type);
    this.cluster.network.queue = q.filter((f) => messageTypeName(f.msg.type) === type);
    try {
      return this.#deliver(to);
    } finally {
      this.cluster.network.queue = [...held, ...this.cluster.network.queue];
    }
  }

  #deliver(to: MemberId[] | undefined): string {
    const out: string[] = [];
    for (const id of to ?? [...this.cluster.nodes.keys()]) {
      const msgs = this.cluster.deliver(id);
      if (msgs.length === 0) continue;
      out.push(`> ${id} receiving messages`);
      for (const m of msgs) out.push(indent(describeMessage(m)));
    }
    return out.join('\n') || 'no messages';
  }

  #stabilize(members: MemberId[] | undefined): string {
    const ms = members ?? [...this.cluster.nodes.keys()];
    const out: string[] = [];
    for (let round = 0; round < 1000; round++) {
      let busy = false;
      for (const id of ms) {
        if (!this.cluster.get(id).node.hasReady()) continue;
        busy = true;
        out.push(this.#processReady(id));
      }
      for (const id of ms) {
        const msgs = this.cluster.deliver(id);
        if (msgs.length === 0) continue;
        busy = true;
        out.push(`> ${id} receiving messages`);
        for (const m of msgs) out.push(indent(describeMessage(m)));
      }
      // With asynchronous storage writes: every member's append thread, then its apply thread,
      // runs all its queued work (as etcd's harness does).
      for (const thread of ['append', 'apply'] as const) {
        for (const id of ms) {
          const n = this.cluster.get(id);
          const work = thread === 'append' ? n.appendWork : n.applyWork;
          if (work.length === 0) continue;
          busy = true;
          out.push(`> ${id} processing ${thread} thread`);
          while (work.length > 0) out.push(indent(this.#runThread(id, thread)));
        }
      }
      if (!busy && !this.cluster.network.queue.some((f) => ms.includes(f.msg.to) && f.delay === 0)) {
        if (!this.cluster.network.queue.some((f) => ms.includes(f.msg.to))) break;
      }
    }
    return out.join('\n');
  }

  #mutate(c: TestCase, verb: string, apply: (ms: Message[]) => void): string {
    const from = this.#arg(c, 'from')?.vals[0];
    const to = this.#arg(c, 'to')?.vals[0];
    const type = this.#arg(c, 'type')?.vals[0];
    const selected = this.cluster.network.queue
      .map((f) => f.msg)
      .filter(
        (m) =>
          (from === undefined || m.from === BigInt(from)) &&
          (to === undefined || m.to === BigInt(to)) &&
          (type === undefined || messageTypeName(m.type) === type),
      );
    apply(selected);
    if (selected.length === 0) return `${verb} no messages`;
    return [`${verb}:`, ...selected.map((m) => indent(describeMessage(m)))].join('\n');
  }

  /** Our `verbose` argument: the longer forms of status, raft-state, raft-log (not etcd's). */
  #verbose(c: TestCase): boolean {
    return this.#positional(c).includes('verbose');
  }

  /** etcd's `status`: the leader's progress map, one `ID: Progress` line per member; nothing on others. */
  #status(id: MemberId): string {
    const r = this.cluster.get(id).node.raft;
    if (r.state !== 'leader') return '';
    return [...r.trk.progress]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([pid, pr]) => `${pid}: ${pr.toString()}`)
      .join('\n');
  }

  /** `status ID verbose`: the configuration, then each member's progress (without `inactive`). */
  #statusVerbose(id: MemberId): string {
    const st = this.cluster.get(id).node.status();
    if (st.progress === undefined)
      return `${id} is ${STATE[st.softState.raftState]} (no progress: not leader)`;
    const out: string[] = [describeConfState(st.config)];
    for (const [pid, pr] of [...st.progress].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      let s = `${pid}: ${PROGRESS[pr.state]} match=${pr.match} next=${pr.next}`;
      if (pr.isLearner) s += ' learner';
      if (pr.paused) s += ' paused';
      if (pr.pendingSnapshot > 0n) s += ` pendingSnap=${pr.pendingSnapshot}`;
      if (pr.inflight > 0) s += ` inflight=${pr.inflight}`;
      out.push(s);
    }
    return out.join('\n');
  }

  /**
   * etcd's `raft-log`: the stored entries (`log is empty: first index=F, last index=L` when there
   * are none); with `verbose`, the stored snapshot's term/index first.
   */
  #raftLog(id: MemberId, verbose: boolean): string {
    const n = this.cluster.get(id);
    const first = n.storage.firstIndex();
    const last = n.storage.lastIndex();
    if (!verbose) {
      if (last < first) return `log is empty: first index=${first}, last index=${last}`;
      return n.storage
        .entries(first, last + 1n, Number.MAX_SAFE_INTEGER)
        .map(describeEntry)
        .join('\n');
    }
    const snap = n.storage.storedSnapshot().metadata;
    const head = snap.index > 0n ? [`snapshot ${snap.term}/${snap.index}`] : [];
    if (last < first) return [...head, 'log is empty'].join('\n');
    return (
      head.join('\n') +
      (head.length > 0 ? '\n' : '') +
      n.storage
        .entries(first, last + 1n, Number.MAX_SAFE_INTEGER)
        .map(describeEntry)
        .join('\n')
    );
  }

  /** etcd's `raft-state`: `ID: State (Voter|Non-Voter) Term:T Lead:L`, each member's own view. */
  #raftState(): string {
    const out: string[] = [];
    for (const n of this.cluster.nodes.values()) {
      const r = n.node.raft;
      const voter = r.trk.config.voters.ids().has(n.id) ? '(Voter)' : '(Non-Voter)';
      out.push(`${n.id}: ${STATE[r.state]} ${voter} Term:${r.term} Lead:${r.lead}`);
    }
    return out.join('\n');
  }

  /** `raft-state verbose` (and `run`): the role as Voter, Learner or Removed, and the hard state. */
  #raftStateVerbose(): string {
    const out: string[] = [];
    for (const n of this.cluster.nodes.values()) {
      const r = n.node.raft;
      const voter = r.trk.progress.get(n.id);
      const role = voter === undefined ? 'Removed' : voter.isLearner ? 'Learner' : 'Voter';
      out.push(`${n.id}: ${STATE[r.state]} (${role}) ${describeHardState(r.hardState())} Lead:${r.lead}`);
    }
    return out.join('\n');
  }
}
