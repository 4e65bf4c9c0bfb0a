/**
 * The node daemon: one per data directory. It owns the node's identity (certificates on disk, the
 * renewer), its RPC server and clients, the manager half (raft, store, CA, leader loops) when the
 * node is a manager, and the worker half every node runs. The CLI reaches it through the control
 * API (./control.ts implements the cluster calls; this file the lifecycle: init, join, leave,
 * unlock, restart).
 */
import { rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import {
  type Clock,
  cryptoRandom,
  generateId,
  type Logger,
  SwarmError,
  swarm,
  systemClock,
  toLong,
} from '@swarm/api';
import {
  CertificateRenewer,
  createKeyAndCSR,
  createRootCA,
  generateJoinTokens,
  issueCertificate,
  NODE_ROLES,
  type NodeCredentials,
  OID,
  parseCertificates,
  parseJoinToken,
  type RenewRequest,
  rootDigest,
  subjectValue,
  verifyRootBundle,
} from '@swarm/ca';
import { clusterOf, deniedNodes } from '@swarm/ca/manager';
import { nativeBackend } from '@swarm/ca/native';
import { CredentialStore } from '@swarm/ca/tls';
import { checkPortRange, DEFAULT_TASK_PORT_RANGE, hostOf } from '@swarm/dispatcher';
import {
  type AppliedPolicyUpdate,
  applyPolicyUpdate,
  type DetachedPolicyUpdate,
  type ImageTrustRoot,
  loadImageTrust,
} from '@swarm/image-trust';
import { fetchRootCA, joinerClient, ownCluster, RPC_ROLES, RpcClients, RpcServer } from '@swarm/rpc';
import { type SchedulerInit, ZONE_LABEL } from '@swarm/scheduler';
import {
  fileKeyStore,
  generateUnlockKey,
  InvalidUnlockKeyError,
  KeyManager,
  LockedError,
  parseUnlockKey,
} from '@swarm/secret-store';
import type { InitRequest, InitResult, JoinRequest, JoinResult } from '../control/api.js';
import { Manager, randomMemberId } from '../manager/manager.js';
import { type ExecutorChoice, Worker } from '../worker/worker.js';
import {
  type NodePaths,
  type NodeState,
  nodePaths,
  readCredentials,
  readState,
  writeCredentials,
  writeState,
} from './paths.js';
import { joinRaft, managerCalls, serveManager, workerCalls } from './wiring.js';

/** The version `swarm version` prints. */
export const VERSION = '0.1.0';
const dec = new TextDecoder();
const enc = new TextEncoder();

/** Options of a Daemon: where its data lives, its hostname, its seams and settings. */
export interface DaemonOptions {
  dataDir: string;
  logger: Logger;
  /** Every wait, deadline and timestamp of the daemon and its manager. Default `systemClock`. */
  clock?: Clock;
  /** The name `node ls` shows. Default the machine's hostname. */
  hostname?: string;
  /** Self-reported labels (engine.labels.*). */
  engineLabels?: Record<string, string>;
  /** Raft tick in ms (default 100). */
  tickMs?: number;
  /** Dispatcher heartbeat period in ms (default 5,000). */
  heartbeatPeriodMs?: number;
  bwrapPath?: string;
  taskUid?: number;
  taskGid?: number;
  /** The image policy file (`--image-policy`); kept in the node state for later restarts. */
  imagePolicy?: string;
  /** Host ports tasks get, and the only ones a manager accepts in a task's report. Default [30000, 32767]. */
  taskPortRange?: readonly [number, number];
  /** The daemon's own ports besides its listen port (control API on TCP, web): never a task's port. */
  reservedPorts?: readonly number[];
  /** What runs this node's tasks. Default the sandbox. */
  executor?: ExecutorChoice;
  /** Placement strategy and rebalancing while this node leads as a manager (the cluster's settings win). */
  scheduler?: SchedulerInit;
}

/** Where the daemon stands: not in a swarm, joining, active, or locked (waiting for the unlock key). */
export type Phase = 'inactive' | 'pending' | 'active' | 'locked';

/** What the CLI says when a manager-only command reaches a node outside any swarm (Docker's words). */
export const NOT_A_MANAGER_MESSAGE =
  'This node is not a swarm manager. Use "swarm init" or "swarm join" to connect this node to swarm and try again.';
export const WORKER_NOT_MANAGER_MESSAGE =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";
/** What `swarm init` and `swarm join` say on a node already in a swarm (Docker's words). */
export const ALREADY_IN_SWARM_MESSAGE =
  'This node is already part of a swarm. Use "swarm leave" to leave this swarm and join another one.';

/** One swarm node: its state on disk, its manager and worker halves, and the control API the CLI talks to. */
export class Daemon {
  readonly paths: NodePaths;
  readonly o: DaemonOptions;
  /** The daemon's clock (`DaemonOptions.clock`). */
  readonly clock: Clock;
  readonly log: Logger;
  phase: Phase = 'inactive';
  state: NodeState | undefined;
  credentials: CredentialStore | undefined;
  clients: RpcClients | undefined;
  server: RpcServer | undefined;
  manager: Manager | undefined;
  worker: Worker | undefined;
  renewer: CertificateRenewer | undefined;
  keyManager: KeyManager | undefined;
  /** The image policy this node enforces, when it has one (never sent to managers; its digest is). */
  imageTrust: ImageTrustRoot | undefined;
  #watchTimer: NodeJS.Timeout | undefined;
  #busy: Promise<unknown> = Promise.resolve();
  #roleChange = false;
  #nextRoots: string | undefined;

  constructor(o: DaemonOptions) {
    this.o = o;
    this.clock = o.clock ?? systemClock;
    this.paths = nodePaths(o.dataDir);
    this.log = o.logger;
    this.taskPortRange = checkPortRange('taskPortRange', o.taskPortRange ?? DEFAULT_TASK_PORT_RANGE);
    for (const p of o.reservedPorts ?? []) this.#checkOwnPort(p, 'a port of this daemon');
  }

  readonly taskPortRange: readonly [number, number];

  /** A port of the daemon itself must lie outside the task port range (a task could claim it otherwise). */
  #checkOwnPort(port: number, what: string): void {
    const [lo, hi] = this.taskPortRange;
    if (port >= lo && port <= hi)
      throw new SwarmError(
        'INVALID_ARGUMENT',
        `${what} (${port}) is inside the task port range ${lo}-${hi}; choose a port outside it, or another --task-port-range`,
        { port },
      );
  }

  /** The daemon's own ports: its listen port, its control and web ports. */
  #reservedPorts(): number[] {
    const listen = Number(this.state?.listenAddr.slice(this.state.listenAddr.lastIndexOf(':') + 1));
    return [...(this.o.reservedPorts ?? []), ...(listen > 0 ? [listen] : [])];
  }

  /** Runs lifecycle calls one at a time (init, join, leave, unlock must not interleave). */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#busy.then(fn, fn);
    this.#busy = run.catch(() => {});
    return run;
  }

  /** The image policy in force, or IMAGE_POLICY_NOT_SET. */
  requireImageTrust(): ImageTrustRoot {
    if (this.imageTrust === undefined)
      throw new SwarmError(
        'IMAGE_POLICY_NOT_SET',
        'this node enforces no image policy: give one locally with `swarm daemon --image-policy FILE` (or `swarm join --image-policy FILE`)',
      );
    return this.imageTrust;
  }

  /**
   * `swarm image-policy update` (the local socket only): a signed update verified against the
   * current policy's keys, written over the policy file, put in force for the verifying executor,
   * and its digest reported to the managers. A refusal changes nothing.
   */
  updateImagePolicy(signed: Uint8Array | DetachedPolicyUpdate): Promise<AppliedPolicyUpdate> {
    return this.serial(async () => {
      const trust = this.requireImageTrust();
      let r: AppliedPolicyUpdate;
      try {
        r = await applyPolicyUpdate(trust, signed);
      } catch (e) {
        this.log.warn('image policy update refused', {
          path: trust.path,
          digest: trust.holder.current.digest,
          code: String((e as SwarmError).code ?? 'INTERNAL'),
          message: String((e as Error).message),
        });
        throw e;
      }
      this.log.info('image policy updated', {
        path: r.path,
        previousDigest: r.previousDigest,
        digest: r.digest,
        signer: r.signer,
        signedAt: r.signedAt.toISOString(),
      });
      this.worker?.reportImagePolicy();
      return r;
    });
  }

  /** Resumes the membership recorded in the data directory, if any. */
  async start(): Promise<void> {
    const state = readState(this.paths);
    // A policy that does not load stops the daemon here, before it runs anything.
    const policyPath = this.o.imagePolicy ?? state?.imagePolicy;
    if (policyPath !== undefined) this.imageTrust = await loadImageTrust(policyPath);
    if (state === undefined) return;
    this.state = state;
    if (this.imageTrust !== undefined && state.imagePolicy !== this.imageTrust.path) {
      this.state = { ...state, imagePolicy: this.imageTrust.path };
      writeState(this.paths, this.state);
    }
    this.#openIdentity();
    if (state.role === 'manager') {
      try {
        this.keyManager = KeyManager.open({
          keyStore: fileKeyStore(this.paths.keysFile),
          createIfMissing: false,
        });
      } catch (e) {
        if (e instanceof LockedError) {
          this.phase = 'locked';
          this.log.warn('this manager is locked: run "swarm unlock" with the unlock key');
          return;
        }
        throw e;
      }
      await this.#startManager(false, new Map());
    }
    await this.#startWorker();
    this.phase = 'active';
  }

  /** Builds the credential store and RPC clients from the certificate files. */
  #openIdentity(): void {
    const files = readCredentials(this.paths);
    this.credentials = new CredentialStore(files);
    this.clients = new RpcClients({
      credentials: this.credentials,
      logger: this.log.child({ component: 'rpc' }),
      // A server must be a manager of our own cluster (O in its certificate), not just of our root.
      serverClusterId: ownCluster,
      // Managers take this node's address from its connections: they leave from the advertised host.
      ...localAddressOption(hostOf(this.state!.advertiseAddr)),
    });
    this.renewer = new CertificateRenewer({
      clock: this.clock,
      random: cryptoRandom,
      logger: this.log,
      current: { keyPem: files.keyPem, chainPem: files.chainPem },
      renew: (req) => this.#renew(req),
    });
    this.renewer.onRenewed((c) => {
      const roots = this.#nextRoots?.includes('BEGIN CERTIFICATE')
        ? this.#nextRoots
        : this.credentials!.current.rootsPem;
      this.#nextRoots = undefined;
      writeCredentials(this.paths, { rootsPem: roots, chainPem: c.chainPem, keyPem: c.keyPem });
      this.credentials!.update({ keyPem: c.keyPem, chainPem: c.chainPem, rootsPem: roots });
      this.log.info('renewed the node certificate', { role: this.renewer!.role });
      this.#afterRenewal();
    });
    this.renewer.start();
    this.#watchTimer = setInterval(() => this.#watchNode(), 1000);
    this.#watchTimer.unref();
  }

  /** Asks a manager to issue a certificate for a new key (over mTLS: the manager decides role and zone). */
  async #renew(_req: RenewRequest): Promise<NodeCredentials> {
    const { keyPem, csrPem } = createKeyAndCSR({ commonName: this.state!.nodeId });
    const calls = managerCalls(this.clients!);
    let lastError: unknown;
    for (const m of this.#managerAddrs()) {
      try {
        await calls.issue(m, { csr: enc.encode(csrPem) });
        const status = await calls.certStatus(m, this.state!.nodeId);
        const chainPem = dec.decode(status.certificate?.certificate ?? new Uint8Array());
        if (!chainPem.includes('BEGIN CERTIFICATE'))
          throw new SwarmError('CERTIFICATE_NOT_ISSUED', 'the manager returned no certificate');
        // The trust bundle comes from a manager verified over mutual TLS (it changes in a root rotation).
        this.#nextRoots = await calls.rootCA(m);
        return { keyPem, chainPem };
      } catch (e) {
        lastError = e;
      }
    }
    throw lastError ?? new SwarmError('NO_MANAGERS', 'no manager to renew the certificate with');
  }

  /** Whether this node's manager half is a member of raft (a demoted manager's replica is frozen). */
  #inRaft(): boolean {
    const m = this.manager;
    const cs = m?.raft.status().config;
    return m !== undefined && cs !== undefined && [...cs.voters, ...cs.learners].includes(m.raftId);
  }

  #managerAddrs(): string[] {
    const fromAgent = this.worker?.agent.managers ?? [];
    // Not our own manager when raft removed it: its store no longer follows the cluster.
    const own = this.manager && this.#inRaft() ? [this.manager.advertiseAddr] : [];
    return [...new Set([...own, ...fromAgent, ...(this.state?.managers ?? [])])];
  }

  /**
   * Every second: renew at once when the store says the node's role or zone changed or the CA asks
   * for a rotation; follow a root change; remember the managers.
   */
  #watchNode(): void {
    // A manager reads its own replica, unless raft removed it (demoted): that replica is frozen,
    // and the dispatcher's session carries the node object as the cluster has it now.
    const node =
      (this.#inRaft() ? this.manager?.store.view((tx) => tx.get('node', this.state!.nodeId)) : undefined) ??
      this.worker?.agent.node;
    const renewer = this.renewer;
    if (node === undefined || renewer === undefined || renewer.inFlight) return;
    const cert = renewer.certificate;
    const certRole = subjectValue(cert, OID.organizationalUnitName);
    const wantRole =
      node.spec?.desiredRole === swarm.NodeRole.NODE_ROLE_MANAGER ? 'swarm-manager' : 'swarm-worker';
    const certZone = cert.zone ?? '';
    const wantZone = node.spec?.annotations?.labels?.[ZONE_LABEL] ?? '';
    const rotate = node.certificate?.status?.state === swarm.IssuanceState.ISSUANCE_STATE_ROTATE;
    if (certRole !== wantRole || certZone !== wantZone || rotate) {
      this.log.info('renewing the node certificate', { certRole, wantRole, certZone, wantZone, rotate });
      if (certRole !== wantRole && NODE_ROLES.includes(wantRole)) renewer.setRole(wantRole);
      else renewer.renewNow('rotate');
    }
    const managers = this.worker?.agent.managers;
    if (
      managers &&
      managers.length > 0 &&
      JSON.stringify(managers) !== JSON.stringify(this.state!.managers)
    ) {
      this.state = { ...this.state!, managers: [...managers] };
      writeState(this.paths, this.state);
    }
  }

  /** After a renewal: a role change starts or stops the manager half. */
  #afterRenewal(): void {
    const role = this.renewer?.role === 'swarm-manager' ? 'manager' : 'worker';
    if (this.state === undefined || role === this.state.role || this.#roleChange) return;
    this.#roleChange = true;
    void this.serial(async () => {
      try {
        if (role === 'manager') await this.#promoteSelf();
        else await this.#demoteSelf();
      } catch (e) {
        this.log.error('role change failed', { role, error: String((e as Error).message) });
      } finally {
        this.#roleChange = false;
      }
    });
  }

  async #promoteSelf(): Promise<void> {
    const state = this.state!;
    this.keyManager = KeyManager.open({ keyStore: fileKeyStore(this.paths.keysFile) });
    const calls = managerCalls(this.clients!);
    const joined = await joinRaft(calls, this.#managerAddrs(), state.advertiseAddr, undefined, this.clock);
    const raftId = BigInt(joined.raftId.toString());
    this.state = { ...state, role: 'manager', raftId: raftId.toString(), listenAddr: state.listenAddr };
    writeState(this.paths, this.state);
    await this.#startManager(false, peersOf(joined));
    this.log.info('promoted: this node is now a manager');
  }

  async #demoteSelf(): Promise<void> {
    const m = this.manager;
    this.manager = undefined;
    await this.server?.close();
    this.server = undefined;
    await m?.stop();
    this.keyManager?.close();
    this.keyManager = undefined;
    rmSync(this.paths.raftDir, { recursive: true, force: true });
    rmSync(this.paths.keysFile, { force: true });
    this.state = { ...this.state!, role: 'worker' };
    delete this.state.raftId;
    writeState(this.paths, this.state);
    this.log.info('demoted: this node is now a worker');
  }

  async #startManager(bootstrap: boolean, peers: Map<bigint, string>): Promise<void> {
    const state = this.state!;
    this.manager = await Manager.start({
      clock: this.clock,
      raftDir: this.paths.raftDir,
      nodeId: state.nodeId,
      raftId: BigInt(state.raftId!),
      advertiseAddr: state.advertiseAddr,
      keyManager: this.keyManager!,
      clients: this.clients!,
      logger: this.log,
      bootstrap,
      peers,
      ...(this.o.tickMs === undefined ? {} : { tickMs: this.o.tickMs }),
      ...(this.o.heartbeatPeriodMs === undefined ? {} : { heartbeatPeriodMs: this.o.heartbeatPeriodMs }),
      taskPortRange: this.taskPortRange,
      reservedPorts: this.#reservedPorts(),
      ...(this.o.scheduler === undefined ? {} : { scheduler: this.o.scheduler }),
    });
    const manager = this.manager;
    this.server = new RpcServer({
      credentials: this.credentials!,
      clusterId: () => this.state!.clusterId,
      denyList: () => deniedNodes(manager.store.view(clusterOf)),
      // The store decides too: a demoted manager's certificate no longer opens manager RPCs.
      grantedRole: (nodeId, method, leaf) => manager.grantedRole(nodeId, method, leaf),
      roles: RPC_ROLES,
      logger: this.log.child({ component: 'rpc-server' }),
    });
    serveManager(this.server, manager);
    await this.server.listen(state.listenAddr);
    this.#followUnlockKey(manager);
  }

  /** Keeps this manager's data key wrapped under the cluster's current unlock key. */
  #followUnlockKey(manager: Manager): void {
    let last = manager.store.view(clusterOf)?.unlockKey ?? undefined;
    manager.store.watch({ kinds: ['cluster'] }, (events) => {
      const c = events[events.length - 1]?.object as swarm.Cluster | undefined;
      const key = c?.unlockKey ?? '';
      if (key === (last ?? '') || this.keyManager === undefined) return;
      last = key;
      try {
        if (key === '') {
          if (this.keyManager.autolock) this.keyManager.disableAutolock();
        } else this.keyManager.rotateUnlockKey(parseUnlockKey(key));
        this.log.info(key === '' ? 'autolock turned off' : 'data key rewrapped under the new unlock key');
      } catch (e) {
        this.log.error('could not rewrap the data key', { error: String((e as Error).message) });
      }
    });
  }

  async #startWorker(): Promise<void> {
    const state = this.state!;
    this.worker = new Worker({
      nodeId: state.nodeId,
      hostAddress: hostOf(state.advertiseAddr),
      advertiseAddr: state.advertiseAddr,
      managers: state.managers.length > 0 ? state.managers : [state.advertiseAddr],
      calls: workerCalls(this.clients!),
      logger: this.log,
      ...(this.o.hostname === undefined ? {} : { hostname: this.o.hostname }),
      ...(this.o.engineLabels === undefined ? {} : { engineLabels: this.o.engineLabels }),
      ...(this.o.bwrapPath === undefined ? {} : { bwrapPath: this.o.bwrapPath }),
      ...(this.o.taskUid === undefined ? {} : { taskUid: this.o.taskUid }),
      ...(this.o.taskGid === undefined ? {} : { taskGid: this.o.taskGid }),
      ...(this.imageTrust === undefined ? {} : { imageTrust: this.imageTrust }),
      taskPortRange: this.taskPortRange,
      ...(this.o.executor === undefined ? {} : { executor: this.o.executor }),
      clusterId: state.clusterId,
      // Service networking (issue 23): the Docker executor's per-network bridges, or the sandbox
      // executor's (a root daemon: each task in a network namespace of its own).
      ...(this.o.executor?.kind === 'docker' || process.getuid?.() === 0
        ? {
            dataPlane: {
              material: () => this.credentials!.current,
              protectedPorts: this.#reservedPorts(),
            },
          }
        : {}),
    });
    await this.worker.start();
  }

  // ---- lifecycle calls ----

  /** Throws ALREADY_IN_SWARM unless the node is outside any swarm. */
  assertNotInSwarm(): void {
    if (this.state !== undefined || this.phase !== 'inactive')
      throw new SwarmError('ALREADY_IN_SWARM', ALREADY_IN_SWARM_MESSAGE);
  }

  /** `swarm init`: creates the cluster (root CA, tokens, raft) with this node as its first manager. */
  async init(req: InitRequest): Promise<InitResult> {
    if (req.forceNewCluster === true) return this.#forceNewCluster(req);
    this.assertNotInSwarm();
    this.phase = 'pending';
    try {
      const { listenAddr, advertiseAddr } = addresses(req.listenAddr, req.advertiseAddr);
      this.#checkOwnPort(portOf(listenAddr), 'the listen port');
      const expiryMs = req.certExpiryMs;
      const root = await createRootCA({ backend: nativeBackend });
      const clusterId = generateId();
      const nodeId = generateId();
      const raftId = randomMemberId();
      const tokens = generateJoinTokens(root.certPem);
      const { keyPem, csrPem } = createKeyAndCSR({ commonName: nodeId });
      const issued = await issueCertificate(root, csrPem, {
        nodeId,
        role: 'manager',
        clusterId,
        ...(expiryMs ? { expiryMs } : {}),
      });
      writeCredentials(this.paths, { rootsPem: root.certPem, chainPem: issued.chainPem, keyPem });
      const unlockKey = req.autolock ? generateUnlockKey() : undefined;
      rmSync(this.paths.keysFile, { force: true });
      rmSync(this.paths.raftDir, { recursive: true, force: true });
      this.keyManager = KeyManager.open({
        keyStore: fileKeyStore(this.paths.keysFile),
        ...(unlockKey ? { unlockKey } : {}),
      });
      this.state = {
        version: 1,
        nodeId,
        clusterId,
        role: 'manager',
        listenAddr,
        advertiseAddr,
        managers: [advertiseAddr],
        raftId: raftId.toString(),
        bootstrap: true,
        ...(this.imageTrust === undefined ? {} : { imagePolicy: this.imageTrust.path }),
      };
      this.#openIdentity();
      await this.#startManager(true, new Map());
      const manager = this.manager!;
      await manager.waitForLeader();
      const availability = availabilityOf(req.availability);
      await manager.store.update((tx) => {
        tx.create(
          'cluster',
          swarm.Cluster.create({
            id: clusterId,
            spec: {
              annotations: { name: 'default' },
              orchestration: { taskHistoryRetentionLimit: toLong(5n) },
              caConfig: { nodeCertExpiryMs: toLong(BigInt(expiryMs ?? 0)) },
              encryptionConfig: { autoLockManagers: unlockKey !== undefined },
              dispatcher: { heartbeatPeriodMs: toLong(BigInt(this.o.heartbeatPeriodMs ?? 5000)) },
            },
            rootCa: {
              caCert: enc.encode(root.certPem),
              caKey: enc.encode(root.keyPem),
              caCertHash: enc.encode(rootDigest(root.certPem)),
              joinTokens: tokens,
            },
            unlockKey: unlockKey?.reveal() ?? '',
          }),
        );
        tx.create(
          'node',
          swarm.Node.create({
            id: nodeId,
            role: swarm.NodeRole.NODE_ROLE_MANAGER,
            spec: {
              desiredRole: swarm.NodeRole.NODE_ROLE_MANAGER,
              membership: swarm.NodeSpec.Membership.ACCEPTED,
              availability,
            },
            status: { state: swarm.NodeStatus.State.UNKNOWN, addr: hostOf(advertiseAddr) },
            managerStatus: {
              raftId: toLong(raftId),
              addr: advertiseAddr,
              leader: true,
              reachability: swarm.ManagerStatus.Reachability.REACHABLE,
            },
            certificate: {
              role: swarm.NodeRole.NODE_ROLE_MANAGER,
              cn: nodeId,
              status: { state: swarm.IssuanceState.ISSUANCE_STATE_ISSUED },
              certificate: enc.encode(issued.chainPem),
            },
          }),
        );
      });
      writeState(this.paths, this.state);
      await this.#startWorker();
      this.phase = 'active';
      this.log.info('initialized a new swarm', { clusterId, nodeId, advertiseAddr });
      return {
        nodeId,
        clusterId,
        advertiseAddr,
        workerToken: tokens.worker,
        managerToken: tokens.manager,
        ...(unlockKey ? { unlockKey: unlockKey.reveal() } : {}),
      };
    } catch (e) {
      await this.#teardown(true);
      throw e;
    }
  }

  /**
   * `swarm init --force-new-cluster` on a surviving manager: stops its roles, rewrites its raft
   * state so that it is the only voter (every object kept: services, secrets, configs, nodes, the
   * CA and the tokens), starts it again as leader, and removes the other managers' nodes (their
   * certificates denied: they come back only by joining again with a token). Workers keep their
   * tasks and reconnect to this manager. Under autolock the manager must be unlocked first (its
   * data key stays wrapped by the same unlock key). `--listen-addr` / `--advertise-addr` move it.
   */
  async #forceNewCluster(req: InitRequest): Promise<InitResult> {
    if (this.phase === 'locked')
      throw new SwarmError(
        'SWARM_LOCKED',
        'Swarm is encrypted and needs to be unlocked before it can be used. Please use "swarm unlock" to unlock it, then run "swarm init --force-new-cluster" again.',
      );
    const state = this.state;
    if (
      state === undefined ||
      state.role !== 'manager' ||
      this.keyManager === undefined ||
      state.raftId === undefined
    )
      throw new SwarmError(
        'NOT_A_MANAGER',
        '--force-new-cluster needs a node that is a manager of a swarm: run it on a surviving manager',
      );
    const moved = req.listenAddr !== undefined || req.advertiseAddr !== undefined;
    const { listenAddr, advertiseAddr } = moved
      ? addresses(req.listenAddr ?? state.listenAddr, req.advertiseAddr)
      : { listenAddr: state.listenAddr, advertiseAddr: state.advertiseAddr };
    this.#checkOwnPort(portOf(listenAddr), 'the listen port');
    this.phase = 'pending';
    const w = this.worker;
    const m = this.manager;
    const s = this.server;
    this.worker = undefined;
    this.manager = undefined;
    this.server = undefined;
    await w?.stop().catch(() => {});
    await s?.close().catch(() => {});
    await m?.stop().catch(() => {});
    try {
      await Manager.forceNewCluster({
        clock: this.clock,
        raftDir: this.paths.raftDir,
        raftId: BigInt(state.raftId),
        keyManager: this.keyManager,
        logger: this.log,
        ...(this.o.tickMs === undefined ? {} : { tickMs: this.o.tickMs }),
      });
    } catch (e) {
      // Nothing changed on disk: resume as before.
      await this.#startManager(false, new Map()).catch(() => {});
      await this.#startWorker().catch(() => {});
      this.phase = 'active';
      throw e;
    }
    this.state = { ...state, listenAddr, advertiseAddr, managers: [advertiseAddr] };
    writeState(this.paths, this.state);
    if (hostOf(advertiseAddr) !== hostOf(state.advertiseAddr)) {
      // Connections leave from the advertised host: new clients for the new address.
      if (this.#watchTimer) clearInterval(this.#watchTimer);
      this.renewer?.stop();
      this.clients?.close();
      this.#openIdentity();
    }
    await this.#startManager(false, new Map());
    const manager = this.manager!;
    manager.raft.campaign();
    await manager.waitForLeader(60_000);
    const removed: string[] = [];
    await manager.update((tx) => {
      const c = clusterOf(tx)!;
      for (const n of tx.list('node')) {
        if (n.id === state.nodeId) {
          n.managerStatus = swarm.ManagerStatus.create({
            raftId: toLong(BigInt(state.raftId!)),
            addr: advertiseAddr,
            leader: true,
            reachability: swarm.ManagerStatus.Reachability.REACHABLE,
          });
          n.status = swarm.NodeStatus.create({ ...(n.status ?? {}), addr: hostOf(advertiseAddr) });
          tx.update('node', n);
        } else if (n.managerStatus?.addr || n.role === swarm.NodeRole.NODE_ROLE_MANAGER) {
          // Out of raft for good: denied until its certificate expires, it rejoins with a token.
          const notAfter = n.certificate?.certificate?.length
            ? parseCertificates(dec.decode(n.certificate.certificate))[0]?.notAfter
            : undefined;
          c.deniedNodes = {
            ...(c.deniedNodes ?? {}),
            [n.id]: {
              expiry: toLong(BigInt(Math.floor(notAfter ?? this.clock.now() + 90 * 24 * 3600 * 1000))),
            },
          };
          tx.delete('node', n.id);
          removed.push(n.id);
        }
      }
      tx.update('cluster', c);
    });
    await this.#startWorker();
    this.phase = 'active';
    const c = manager.store.view(clusterOf)!;
    this.log.warn('forced a new cluster: this manager is the only one', {
      removedManagers: removed,
      advertiseAddr,
    });
    return {
      nodeId: state.nodeId,
      clusterId: state.clusterId,
      advertiseAddr,
      workerToken: c.rootCa?.joinTokens?.worker ?? '',
      managerToken: c.rootCa?.joinTokens?.manager ?? '',
      removedManagers: removed,
    };
  }

  /** `swarm join`: verifies the manager's root against the token, gets a certificate for the token's role, and starts that role. */
  async join(req: JoinRequest): Promise<JoinResult> {
    this.assertNotInSwarm();
    // Refuse a malformed token before any network traffic.
    parseJoinToken(req.token);
    if (typeof req.remoteAddr !== 'string' || !/^.+:\d+$/.test(req.remoteAddr))
      throw new SwarmError(
        'INVALID_ARGUMENT',
        `the manager address must be HOST:PORT, got ${JSON.stringify(req.remoteAddr)}`,
      );
    // A policy that does not load refuses the join before any network traffic.
    if (req.imagePolicy !== undefined) this.imageTrust = await loadImageTrust(req.imagePolicy);
    this.phase = 'pending';
    try {
      const { listenAddr, advertiseAddr } = addresses(req.listenAddr, req.advertiseAddr);
      this.#checkOwnPort(portOf(listenAddr), 'the listen port');
      // 1. The root, fetched without verification, must hash to the token's digest: else abort
      //    before the token's secret leaves this node.
      const rootsPem = await fetchRootCA(req.remoteAddr, { timeoutMs: 10_000 });
      verifyRootBundle(req.token, rootsPem);
      // 2. A CSR with the token, over TLS that now pins that root.
      const { keyPem, csrPem } = createKeyAndCSR();
      const joiner = joinerClient(req.remoteAddr, rootsPem);
      let chainPem: string;
      let nodeId: string;
      let managers: string[] = [req.remoteAddr];
      try {
        const res = await joiner.NodeCA.issueNodeCertificate({
          csr: enc.encode(csrPem),
          token: req.token,
          availability: availabilityOf(req.availability),
        });
        nodeId = res.nodeId;
        managers = [...new Set([req.remoteAddr, ...(res.managers ?? [])])];
        chainPem = '';
        for (let i = 0; i < 100 && chainPem === ''; i++) {
          const st = await joiner.NodeCA.nodeCertificateStatus({ nodeId });
          if (st.status?.state === swarm.IssuanceState.ISSUANCE_STATE_ISSUED)
            chainPem = dec.decode(st.certificate?.certificate ?? new Uint8Array());
          else await new Promise<void>((r) => this.clock.setTimeout(r, 100));
        }
      } finally {
        joiner.close();
      }
      if (!chainPem.includes('BEGIN CERTIFICATE'))
        throw new SwarmError(
          'CERTIFICATE_NOT_ISSUED',
          'the manager did not issue a certificate in time; try again',
        );
      const leaf = parseCertificates(chainPem)[0]!;
      const role = subjectValue(leaf, OID.organizationalUnitName) === 'swarm-manager' ? 'manager' : 'worker';
      const clusterId = subjectValue(leaf, OID.organizationName) ?? '';
      writeCredentials(this.paths, { rootsPem, chainPem, keyPem });
      this.state = {
        version: 1,
        nodeId,
        clusterId,
        role,
        listenAddr,
        advertiseAddr,
        managers,
        ...(this.imageTrust === undefined ? {} : { imagePolicy: this.imageTrust.path }),
      };
      this.#openIdentity();
      // 3. From here on: mutual TLS.
      if (role === 'manager') {
        const calls = managerCalls(this.clients!);
        const unlock = await calls.unlockKey(req.remoteAddr);
        rmSync(this.paths.keysFile, { force: true });
        rmSync(this.paths.raftDir, { recursive: true, force: true });
        this.keyManager = KeyManager.open({
          keyStore: fileKeyStore(this.paths.keysFile),
          ...(unlock ? { unlockKey: parseUnlockKey(unlock) } : {}),
        });
        const joined = await joinRaft(calls, managers, advertiseAddr, undefined, this.clock);
        this.state.raftId = BigInt(joined.raftId.toString()).toString();
        await this.#startManager(false, peersOf(joined));
        await this.manager!.waitForCluster(60_000);
      }
      writeState(this.paths, this.state);
      await this.#startWorker();
      this.phase = 'active';
      this.log.info('joined a swarm', { nodeId, role, manager: req.remoteAddr });
      return { nodeId, role };
    } catch (e) {
      await this.#teardown(true);
      throw e;
    }
  }

  /** `swarm leave`: stops the node's roles and forgets the swarm (a manager leaves raft first). */
  async leave(force: boolean): Promise<void> {
    if (this.state === undefined && this.phase !== 'locked')
      throw new SwarmError('NOT_IN_SWARM', 'This node is not part of a swarm.');
    if (this.state?.role === 'manager' && !force)
      throw new SwarmError(
        'MANAGER_LEAVE_NEEDS_FORCE',
        'You are attempting to leave the swarm on a node that is participating as a manager. Removing this node leaves the remaining managers with fewer members to keep quorum. Demote it first with "swarm node demote", or use "--force" to ignore this message.',
      );
    const m = this.manager;
    if (m !== undefined) {
      const voters = m.raft.status().config.voters.length;
      if (voters > 1)
        await m
          .removeManager(m.nodeId)
          .catch((e: unknown) =>
            this.log.warn('leaving raft failed', { error: String((e as Error).message) }),
          );
    }
    await this.#teardown(true);
  }

  /** `swarm unlock`: opens a locked manager's keys with the unlock key and starts it. */
  async unlock(key: string): Promise<void> {
    if (this.phase !== 'locked')
      throw new SwarmError('NOT_LOCKED', 'This node is not locked: nothing to unlock.');
    let parsed: ReturnType<typeof parseUnlockKey>;
    try {
      parsed = parseUnlockKey(key.trim());
    } catch (e) {
      throw new SwarmError('INVALID_UNLOCK_KEY', `invalid unlock key: ${(e as Error).message}`);
    }
    try {
      this.keyManager = KeyManager.open({
        keyStore: fileKeyStore(this.paths.keysFile),
        unlockKey: parsed,
        createIfMissing: false,
      });
    } catch (e) {
      if (e instanceof InvalidUnlockKeyError)
        throw new SwarmError(
          'INVALID_UNLOCK_KEY',
          "invalid unlock key: it does not open this manager's data key (nothing was changed)",
        );
      throw e;
    }
    await this.#startManager(false, new Map());
    await this.#startWorker();
    this.phase = 'active';
    // Answer once the manager is back in raft (or after 15 s: a lost quorum is reported by later calls).
    await this.manager!.waitForLeader(15_000).catch(() => {});
  }

  /** Stops everything; with `wipe`, forgets the membership (leave). */
  async #teardown(wipe: boolean): Promise<void> {
    if (this.#watchTimer) clearInterval(this.#watchTimer);
    this.#watchTimer = undefined;
    this.renewer?.stop();
    const w = this.worker;
    const m = this.manager;
    const s = this.server;
    this.worker = undefined;
    this.manager = undefined;
    this.server = undefined;
    await w?.stop().catch(() => {});
    await s?.close().catch(() => {});
    await m?.stop().catch(() => {});
    this.clients?.close();
    this.keyManager?.close();
    this.keyManager = undefined;
    this.clients = undefined;
    this.credentials = undefined;
    this.renewer = undefined;
    if (wipe) {
      for (const p of [this.paths.stateFile, this.paths.keysFile]) rmSync(p, { force: true });
      rmSync(this.paths.raftDir, { recursive: true, force: true });
      rmSync(this.paths.certificatesDir, { recursive: true, force: true });
      this.state = undefined;
      this.phase = 'inactive';
    }
  }

  /** Stops the daemon, keeping its state (a restart resumes it). */
  async stop(): Promise<void> {
    await this.#teardown(false);
  }
}

function portOf(hostPort: string): number {
  return Number(hostPort.slice(hostPort.lastIndexOf(':') + 1));
}

/**
 * `{ localAddress }` when `host` is an address of this machine (so that connections can leave
 * from it), else nothing: the kernel then picks, and managers see that address instead.
 */
export function localAddressOption(host: string): { localAddress?: string } {
  if (isIP(host) === 0) return {};
  const local =
    host.startsWith('127.') ||
    host === '::1' ||
    Object.values(networkInterfaces())
      .flat()
      .some((i) => i?.address === host);
  return local ? { localAddress: host } : {};
}

function peersOf(joined: swarm.JoinResponse): Map<bigint, string> {
  const peers = new Map<bigint, string>();
  for (const m of joined.members ?? []) if (m.addr) peers.set(BigInt((m.raftId ?? 0).toString()), m.addr);
  return peers;
}

function availabilityOf(a: string | undefined): swarm.NodeSpec.Availability {
  switch (a ?? 'active') {
    case 'active':
      return swarm.NodeSpec.Availability.ACTIVE;
    case 'pause':
      return swarm.NodeSpec.Availability.PAUSE;
    case 'drain':
      return swarm.NodeSpec.Availability.DRAIN;
    default:
      throw new SwarmError(
        'INVALID_ARGUMENT',
        `availability must be active, pause or drain, got ${JSON.stringify(a)}`,
      );
  }
}

// ---- addresses ----
// `--listen-addr` and `--advertise-addr` as Docker reads them: either may name an interface
// instead of an address, the listen port defaults to 2377, and an advertised address without a
// port takes the listen port (so `--listen-addr 127.0.0.2:31000 --advertise-addr 127.0.0.2`
// advertises 127.0.0.2:31000, not 2377).

/** The swarm port when an address gives none. */
export const DEFAULT_SWARM_PORT = 2377;

/** The machine's interfaces, by name (node:os `networkInterfaces()`; tests pass their own). */
export type Interfaces = Record<string, NetworkInterfaceInfo[] | undefined>;

/** What `resolveAddresses` settled on: both as `host:port` (IPv6 in brackets). */
export interface ResolvedAddresses {
  listenAddr: string;
  advertiseAddr: string;
}

const UNSPECIFIED = new Set(['0.0.0.0', '::', '']);

function joinHostPort(host: string, port: number | string): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Splits `host:port`, `[v6]:port`, `host`, `v6` or `[v6]`; `port` is undefined when absent. */
export function splitHostPort(addr: string): { host: string; port: string | undefined } {
  const a = addr.trim();
  if (a.startsWith('[')) {
    const end = a.indexOf(']');
    if (end < 0) return { host: a, port: undefined };
    const rest = a.slice(end + 1);
    return { host: a.slice(1, end), port: rest.startsWith(':') ? rest.slice(1) : undefined };
  }
  const colon = a.indexOf(':');
  // No colon, or more than one (a bare IPv6 address): no port.
  if (colon < 0 || colon !== a.lastIndexOf(':')) return { host: a, port: undefined };
  return { host: a.slice(0, colon), port: a.slice(colon + 1) };
}

function parsePort(port: string, flag: string, addr: string): number {
  const n = /^\d{1,5}$/.test(port) ? Number(port) : Number.NaN;
  if (!(n >= 1 && n <= 65535))
    throw new SwarmError(
      'INVALID_ARGUMENT',
      `invalid ${flag} ${JSON.stringify(addr)}: the port must be a number from 1 to 65535`,
      { flag, addr },
    );
  return n;
}

/**
 * The address of interface `name`: its one IPv4 address, else its one global IPv6 address.
 * Several of either is ambiguous, as in Docker.
 */
function interfaceAddress(name: string, ifaces: Interfaces, flag: string): string {
  const list = ifaces[name] ?? [];
  const v4 = list.filter((i) => i.family === 'IPv4').map((i) => i.address);
  if (v4.length > 1)
    throw new SwarmError(
      'INVALID_ARGUMENT',
      `interface ${name} has more than one IPv4 address (${v4[0]} and ${v4[1]}): give ${flag} an address instead of the interface`,
      { flag, interface: name },
    );
  if (v4.length === 1) return v4[0]!;
  const v6 = list
    .filter((i) => i.family === 'IPv6' && !i.address.toLowerCase().startsWith('fe80'))
    .map((i) => i.address);
  if (v6.length > 1)
    throw new SwarmError(
      'INVALID_ARGUMENT',
      `interface ${name} has more than one IPv6 address (${v6[0]} and ${v6[1]}): give ${flag} an address instead of the interface`,
      { flag, interface: name },
    );
  if (v6.length === 1) return v6[0]!;
  throw new SwarmError(
    'INVALID_ARGUMENT',
    `interface ${name} has no usable IPv4 or IPv6 address: give ${flag} an address instead of the interface`,
    { flag, interface: name },
  );
}

/** An IP address as given, or the address of the interface it names. */
function hostAddress(host: string, ifaces: Interfaces, flag: string, addr: string): string {
  if (isIP(host) !== 0) return host;
  if (host !== '' && Object.hasOwn(ifaces, host)) return interfaceAddress(host, ifaces, flag);
  throw new SwarmError(
    'INVALID_ARGUMENT',
    flag === '--advertise-addr'
      ? `advertise address must be a non-zero IP address or network interface (with optional port number), got ${JSON.stringify(addr)}`
      : `invalid ${flag} ${JSON.stringify(addr)}: use an IP address or a network interface name (with optional port number)`,
    { flag, addr },
  );
}

/** The machine's first non-internal IPv4 address (what the node advertises when nothing says otherwise). */
function systemAddress(ifaces: Interfaces): string {
  for (const list of Object.values(ifaces))
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) return i.address;
  throw new SwarmError(
    'INVALID_ARGUMENT',
    'could not choose an IP address to advertise since this system has no usable network interface: specify one with --advertise-addr',
  );
}

/**
 * Resolves `--listen-addr` and `--advertise-addr` the way Docker does:
 * - listen: `<ip|interface>[:port]`, default `0.0.0.0:2377`; an interface becomes its address;
 * - advertise: `<ip|interface>[:port]`; without a port it takes the listen port; without an
 *   advertise address the listen address is advertised, unless it is unspecified (0.0.0.0 or ::):
 *   then the machine's first external IPv4 address with the listen port.
 * Throws INVALID_ARGUMENT naming the flag for anything else (a hostname, 0.0.0.0 to advertise,
 * an interface with several addresses, a bad port).
 */
export function resolveAddresses(
  listen: string | undefined,
  advertise: string | undefined,
  ifaces: Interfaces = networkInterfaces(),
): ResolvedAddresses {
  const l = splitHostPort(listen === undefined || listen.trim() === '' ? '0.0.0.0' : listen);
  const listenPort =
    l.port === undefined || l.port === '' ? DEFAULT_SWARM_PORT : parsePort(l.port, '--listen-addr', listen!);
  const listenHost = UNSPECIFIED.has(l.host)
    ? l.host || '0.0.0.0'
    : hostAddress(l.host, ifaces, '--listen-addr', listen!);
  const listenAddr = joinHostPort(listenHost, listenPort);
  let advertiseAddr: string;
  if (advertise !== undefined && advertise.trim() !== '') {
    const a = splitHostPort(advertise);
    const port =
      a.port === undefined || a.port === '' ? listenPort : parsePort(a.port, '--advertise-addr', advertise);
    if (UNSPECIFIED.has(a.host))
      throw new SwarmError(
        'INVALID_ARGUMENT',
        `advertise address must be a non-zero IP address or network interface (with optional port number), got ${JSON.stringify(advertise)}`,
        { flag: '--advertise-addr', addr: advertise },
      );
    advertiseAddr = joinHostPort(hostAddress(a.host, ifaces, '--advertise-addr', advertise), port);
  } else if (!UNSPECIFIED.has(listenHost)) advertiseAddr = listenAddr;
  else advertiseAddr = joinHostPort(systemAddress(ifaces), listenPort);
  return { listenAddr, advertiseAddr };
}

/** `resolveAddresses` on this machine's interfaces. */
export function addresses(
  listen: string | undefined,
  advertise: string | undefined,
): { listenAddr: string; advertiseAddr: string } {
  return resolveAddresses(listen, advertise);
}
