/**
 * What the agent needs from the node: an executor that runs tasks, and a writer that puts secrets
 * on an in-memory filesystem. @swarm/node provides the sandboxed executor and
 * @swarm/executor-docker the Docker Engine one; @swarm/secret-store's
 * `createSecretWriter` is the writer.
 */
import type { swarm } from '@swarm/api';

/** A status the executor reports for a task it runs. */
export interface TaskStatusReport {
  state: swarm.TaskState;
  message?: string;
  err?: string;
  exitCode?: number;
  /** Ports the task listens on (host-published ports: `publishedPort` is the host port). */
  ports?: swarm.PortConfig.$Properties[];
  /** The task's process ID, when the executor knows it. */
  pid?: number;
}

/** Handed to the executor with each task it starts. */
export interface TaskContext {
  /** The task's secret directory on tmpfs (bind it at /run/secrets), or undefined when it references none. */
  readonly secretsDir: string | undefined;
  /**
   * The task's config files, in memory (absent or empty when it references none). The executor
   * puts each at its absolute `target` path inside the task, visible to that task only.
   */
  readonly configs?: readonly TaskConfigFile[];
  /** Reports the task's progress (ACCEPTED ... RUNNING, then COMPLETE / FAILED / SHUTDOWN / REJECTED). */
  report(status: TaskStatusReport): void;
}

/** Runs a worker's tasks (the node's sandboxed executor; TestExecutor in tests). */
export interface Executor {
  /** Starts a task; report progress through `context.report`. A throw rejects the task. */
  start(task: swarm.Task, context: TaskContext): void;
  /** Stops a task the executor started; it reports the final state (usually SHUTDOWN). */
  stop(taskId: string): void;
  /**
   * True when the executor runs the task's container image, pulled by the exact reference it is
   * given, and nothing else: only then does verifying that image (@swarm/image-trust's
   * `verifyingExecutor`) bound what runs. Absent means false (the node's bubblewrap sandbox runs
   * host commands, so a node with an image policy refuses every task on it).
   */
  readonly runsImages?: boolean;
  /**
   * The complete set of tasks assigned to this node, after each complete assignment set (the
   * first one after the agent starts, and after a sequence gap). The executor removes anything of
   * its own that is not in the set, such as containers left running by an earlier run of the node.
   * Tasks in the set that it still runs from an earlier run are re-adopted by `start`.
   */
  reconcile?(assigned: readonly string[]): void;
}

/** What a node shows about its executor (`swarm info`, `node inspect`). */
export interface ExecutorInfo {
  /** `docker` or `sandbox` (or an embedder's own name). */
  readonly kind: string;
  /** The engine's version (the Docker Engine's, or the sandbox tool's). */
  readonly version?: string;
  /** Where tasks are attached (a Docker network name, or `private` for per-task namespaces). */
  readonly network?: string;
}

/** An executor a node runs: the agent's seam plus what the node shows and ships. */
export interface ManagedExecutor extends Executor {
  readonly info: ExecutorInfo;
  /** IDs of the tasks being prepared or running. */
  running(): string[];
  /** A task's kept output, oldest first (only the last `tail` lines when given). */
  logs(taskId: string, options?: { tail?: number }): swarm.LogLine.$Properties[];
  /** Drops a finished task's kept output. */
  forget(taskId: string): void;
  /** Stops every task and releases the executor's resources. */
  close(): Promise<void>;
}

/** One config file for a task: its bytes and where it appears in the task's filesystem. */
export interface TaskConfigFile {
  /** The config's name (for messages). */
  readonly name: string;
  /** Absolute, normalized path in the task (no `..` component). */
  readonly target: string;
  readonly data: Uint8Array;
  readonly uid: number;
  readonly gid: number;
  /** Permission bits (default 0o444). */
  readonly mode: number;
}

/** One secret file for a task, as @swarm/secret-store's writer takes it. */
export interface TaskSecretFile {
  name: string;
  data: Uint8Array;
  uid: number;
  gid: number;
  mode?: number;
}

/** The part of @swarm/secret-store's `SecretWriter` the agent uses. */
export interface TaskSecretWriter {
  /** Writes a task's secret files into its own directory on an in-memory filesystem; returns the directory. */
  writeTaskSecrets(taskId: string, files: TaskSecretFile[]): string;
  /** Removes a task's secrets. */
  removeTask(taskId: string): void;
  /** Removes every task's secrets (at start: nothing survives a restart). */
  removeAll(): void;
}
