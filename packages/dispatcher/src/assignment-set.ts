/**
 * One node's assignment set as last sent: its tasks, secrets and configs. Store changes mark task,
 * secret and config IDs dirty; `flush` reads the store and returns the changes that bring the node up to
 * date. The secret rule lives here: a node holds exactly the secrets referenced by its tasks that
 * need them (see `needsSecrets`), and a secret is removed in the flush after its last such task
 * stops needing it. Configs follow the same rule.
 */
import { swarm } from '@swarm/api';
import type { ReadTx } from './store-contract.js';
import {
  inAssignmentSet,
  needsSecrets,
  referencedConfigIds,
  referencedSecretIds,
  stateOf,
} from './task-rules.js';

const { UPDATE, REMOVE } = swarm.AssignmentChange.AssignmentAction;

/**
 * The objects of one kind (secrets or configs) a node needs for its tasks and holds: a task's need
 * starts and ends with `needsSecrets` (the same window for configs), an object is sent once while
 * some task needs it and removed once none does.
 */
class ReferenceTracker<K extends 'secret' | 'config'> {
  readonly #kind: K;
  /** Task ID -> the object IDs it currently holds a need for. */
  readonly #taskNeeds = new Map<string, readonly string[]>();
  /** Object ID -> the tasks that need it. */
  readonly #needs = new Map<string, Set<string>>();
  readonly #sent = new Set<string>();
  readonly #dirty = new Set<string>();

  constructor(kind: K) {
    this.#kind = kind;
  }

  get pending(): number {
    return this.#dirty.size;
  }

  mark(id: string): boolean {
    if (!this.#needs.has(id) && !this.#sent.has(id)) return false;
    this.#dirty.add(id);
    return true;
  }

  clear(): void {
    this.#taskNeeds.clear();
    this.#needs.clear();
    this.#sent.clear();
    this.#dirty.clear();
  }

  sentIds(): string[] {
    return [...this.#sent];
  }

  /** Updates for objects newly needed, and removals of objects no task needs any more. */
  flush(tx: ReadTx): { updates: swarm.AssignmentChange[]; removals: swarm.AssignmentChange[] } {
    const updates: swarm.AssignmentChange[] = [];
    const removals: swarm.AssignmentChange[] = [];
    for (const id of this.#dirty) {
      const obj = this.#needs.has(id) ? tx.get(this.#kind, id) : undefined;
      if (obj !== undefined && !this.#sent.has(id)) {
        this.#sent.add(id);
        updates.push(change(UPDATE, { [this.#kind]: obj }));
      } else if (obj === undefined && this.#sent.delete(id)) {
        const gone = this.#kind === 'secret' ? swarm.Secret.create({ id }) : swarm.Config.create({ id });
        removals.push(change(REMOVE, { [this.#kind]: gone }));
      }
    }
    this.#dirty.clear();
    return { updates, removals };
  }

  setNeeds(taskId: string, next: readonly string[]): void {
    const prev = this.#taskNeeds.get(taskId) ?? [];
    if (prev.length === 0 && next.length === 0) return;
    for (const s of prev) {
      if (next.includes(s)) continue;
      const users = this.#needs.get(s);
      users?.delete(taskId);
      if (users?.size === 0) this.#needs.delete(s);
      this.#dirty.add(s);
    }
    for (const s of next) {
      if (prev.includes(s)) continue;
      const users = this.#needs.get(s) ?? new Set<string>();
      this.#needs.set(s, users);
      users.add(taskId);
      this.#dirty.add(s);
    }
    if (next.length === 0) this.#taskNeeds.delete(taskId);
    else this.#taskNeeds.set(taskId, next);
  }
}

/** What one node has been told (tasks, and the secrets and configs they need), and what changed since: the source of its incremental assignment messages. */
export class AssignmentSet {
  readonly nodeId: string;
  /** Task ID -> fingerprint of what the node was told (desired state, spec version). */
  readonly #tasks = new Map<string, string>();
  readonly #secrets = new ReferenceTracker('secret');
  readonly #configs = new ReferenceTracker('config');
  readonly #dirtyTasks = new Set<string>();

  constructor(nodeId: string) {
    this.nodeId = nodeId;
  }

  /** Task, secret and config IDs waiting for the next flush. */
  get pending(): number {
    return this.#dirtyTasks.size + this.#secrets.pending + this.#configs.pending;
  }

  /** Notes that task `taskId` changed, so that the next flush reconsiders it. */
  markTask(taskId: string): void {
    this.#dirtyTasks.add(taskId);
  }

  /** Marks a secret whose object changed, if this node needs it or holds it. Returns whether it did. */
  markSecret(secretId: string): boolean {
    return this.#secrets.mark(secretId);
  }

  /** Marks a config whose object changed, if this node needs it or holds it. Returns whether it did. */
  markConfig(configId: string): boolean {
    return this.#configs.mark(configId);
  }

  /** The full set for a COMPLETE message (forgets what was sent before). */
  complete(tx: ReadTx): swarm.AssignmentChange[] {
    this.#tasks.clear();
    this.#secrets.clear();
    this.#configs.clear();
    this.#dirtyTasks.clear();
    for (const t of tx.find('task', { nodeId: this.nodeId })) this.#dirtyTasks.add(t.id);
    return this.flush(tx);
  }

  /**
   * The changes since the last flush: secret and config updates first, then tasks, then secret
   * and config removals.
   */
  flush(tx: ReadTx): swarm.AssignmentChange[] {
    const taskChanges: swarm.AssignmentChange[] = [];
    for (const id of this.#dirtyTasks) {
      const task = tx.get('task', id);
      const member = inAssignmentSet(task, this.nodeId);
      const needs = member && needsSecrets(task);
      this.#secrets.setNeeds(id, needs ? referencedSecretIds(task) : []);
      this.#configs.setNeeds(id, needs ? referencedConfigIds(task) : []);
      if (member) {
        const fp = fingerprint(task);
        // States up to ASSIGNED are the orchestrator's (a new or re-made assignment): always sent.
        if (this.#tasks.get(id) !== fp || stateOf(task) <= swarm.TaskState.ASSIGNED) {
          this.#tasks.set(id, fp);
          taskChanges.push(change(UPDATE, { task }));
        }
      } else if (this.#tasks.delete(id)) {
        taskChanges.push(change(REMOVE, { task: swarm.Task.create({ id }) }));
      }
    }
    this.#dirtyTasks.clear();
    const secrets = this.#secrets.flush(tx);
    const configs = this.#configs.flush(tx);
    return [...secrets.updates, ...configs.updates, ...taskChanges, ...secrets.removals, ...configs.removals];
  }

  /** Secret IDs the node holds after the last flush. */
  sentSecretIds(): string[] {
    return this.#secrets.sentIds();
  }

  /** Config IDs the node holds after the last flush. */
  sentConfigIds(): string[] {
    return this.#configs.sentIds();
  }

  /** Task IDs the node holds after the last flush. */
  taskIds(): string[] {
    return [...this.#tasks.keys()];
  }
}

/**
 * What the node must hear about again once it runs the task: the orchestrator's side of it
 * (desired state, spec version). States past ASSIGNED come from the worker itself, so they are
 * not echoed back.
 */
function fingerprint(task: swarm.Task): string {
  return `${task.desiredState}/${String(task.specVersion)}`;
}

function change(
  action: swarm.AssignmentChange.AssignmentAction,
  assignment: swarm.Assignment.$Properties,
): swarm.AssignmentChange {
  return swarm.AssignmentChange.create({ action, assignment: swarm.Assignment.create(assignment) });
}
