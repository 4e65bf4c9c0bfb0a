/**
 * One node's assignment set as last sent: its tasks and secrets. Store changes mark task and
 * secret IDs dirty; `flush` reads the store and returns the changes that bring the node up to
 * date. The secret rule lives here: a node holds exactly the secrets referenced by its tasks that
 * need them (see `needsSecrets`), and a secret is removed in the flush after its last such task
 * stops needing it.
 */
import { swarm } from '@swarm/api';
import type { ReadTx } from './store-contract.js';
import { inAssignmentSet, needsSecrets, referencedSecretIds, stateOf } from './task-rules.js';

const { UPDATE, REMOVE } = swarm.AssignmentChange.AssignmentAction;

/** What one node has been told (tasks and the secrets they need), and what changed since: the source of its incremental assignment messages. */
export class AssignmentSet {
  readonly nodeId: string;
  /** Task ID -> fingerprint of what the node was told (desired state, spec version). */
  readonly #tasks = new Map<string, string>();
  /** Task ID -> the secret IDs it currently holds a need for. */
  readonly #taskNeeds = new Map<string, readonly string[]>();
  /** Secret ID -> the tasks that need it. */
  readonly #needs = new Map<string, Set<string>>();
  readonly #sentSecrets = new Set<string>();
  readonly #dirtyTasks = new Set<string>();
  readonly #dirtySecrets = new Set<string>();

  constructor(nodeId: string) {
    this.nodeId = nodeId;
  }

  /** Task and secret IDs waiting for the next flush. */
  get pending(): number {
    return this.#dirtyTasks.size + this.#dirtySecrets.size;
  }

  /** Notes that task `taskId` changed, so that the next flush reconsiders it. */
  markTask(taskId: string): void {
    this.#dirtyTasks.add(taskId);
  }

  /** Marks a secret whose object changed, if this node needs it or holds it. Returns whether it did. */
  markSecret(secretId: string): boolean {
    if (!this.#needs.has(secretId) && !this.#sentSecrets.has(secretId)) return false;
    this.#dirtySecrets.add(secretId);
    return true;
  }

  /** The full set for a COMPLETE message (forgets what was sent before). */
  complete(tx: ReadTx): swarm.AssignmentChange[] {
    this.#tasks.clear();
    this.#taskNeeds.clear();
    this.#needs.clear();
    this.#sentSecrets.clear();
    this.#dirtySecrets.clear();
    this.#dirtyTasks.clear();
    for (const t of tx.find('task', { nodeId: this.nodeId })) this.#dirtyTasks.add(t.id);
    return this.flush(tx);
  }

  /** The changes since the last flush: secret updates first, then tasks, then secret removals. */
  flush(tx: ReadTx): swarm.AssignmentChange[] {
    const taskChanges: swarm.AssignmentChange[] = [];
    for (const id of this.#dirtyTasks) {
      const task = tx.get('task', id);
      const member = inAssignmentSet(task, this.nodeId);
      this.#setNeeds(id, member && needsSecrets(task) ? referencedSecretIds(task) : []);
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

    const secretUpdates: swarm.AssignmentChange[] = [];
    const secretRemovals: swarm.AssignmentChange[] = [];
    for (const id of this.#dirtySecrets) {
      const secret = this.#needs.has(id) ? tx.get('secret', id) : undefined;
      if (secret !== undefined && !this.#sentSecrets.has(id)) {
        this.#sentSecrets.add(id);
        secretUpdates.push(change(UPDATE, { secret }));
      } else if (secret === undefined && this.#sentSecrets.delete(id)) {
        secretRemovals.push(change(REMOVE, { secret: swarm.Secret.create({ id }) }));
      }
    }
    this.#dirtySecrets.clear();
    return [...secretUpdates, ...taskChanges, ...secretRemovals];
  }

  /** Secret IDs the node holds after the last flush. */
  sentSecretIds(): string[] {
    return [...this.#sentSecrets];
  }

  /** Task IDs the node holds after the last flush. */
  taskIds(): string[] {
    return [...this.#tasks.keys()];
  }

  #setNeeds(taskId: string, next: readonly string[]): void {
    const prev = this.#taskNeeds.get(taskId) ?? [];
    if (prev.length === 0 && next.length === 0) return;
    for (const s of prev) {
      if (next.includes(s)) continue;
      const users = this.#needs.get(s);
      users?.delete(taskId);
      if (users?.size === 0) this.#needs.delete(s);
      this.#dirtySecrets.add(s);
    }
    for (const s of next) {
      if (prev.includes(s)) continue;
      const users = this.#needs.get(s) ?? new Set<string>();
      this.#needs.set(s, users);
      users.add(taskId);
      this.#dirtySecrets.add(s);
    }
    if (next.length === 0) this.#taskNeeds.delete(taskId);
    else this.#taskNeeds.set(taskId, next);
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
