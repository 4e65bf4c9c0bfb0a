/**
 * `swarm backup` and `swarm restore`: a manager's state in one encrypted file.
 *
 * Format (`swarm-backup/1`): the line `SWARM-BACKUP-1`, a JSON header line (cluster and node IDs,
 * when, the store's applied index, how the key is derived, the salt, the nonce and the length of
 * what follows), then the AES-256-GCM ciphertext of a JSON payload and its 16-byte tag. The header
 * is authenticated as additional data, so no field of it can change unnoticed. The key is derived
 * from the cluster's unlock key (HKDF-SHA256) or from a passphrase (scrypt, N=2^15, r=8, p=1); a
 * backup is never written without one. The payload holds the store image (every object: services,
 * secrets, nodes, the CA key and the tokens), the node's state file and its key and certificates.
 *
 * Restore builds the new data directory beside the target and moves it in only when it is
 * complete: a wrong key, a truncated file or a backup of another cluster changes nothing.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cryptoRandom, type Logger, noopLogger, SwarmError, systemClock } from '@swarm/api';
import { clusterOf } from '@swarm/ca/manager';
import { RaftNode } from '@swarm/raft/driver';
import { LevelStorage } from '@swarm/raft/level';
import { fileKeyStore, KeyManager, parseUnlockKey } from '@swarm/secret-store';
import { ReplicatedStore } from '@swarm/store';
import { BackupError } from '../errors.js';
import type { Manager } from '../manager/manager.js';
import {
  type NodeCredentialFiles,
  type NodeState,
  nodePaths,
  readCredentials,
  readState,
  writeCredentials,
  writeState,
} from './paths.js';

const MAGIC = 'SWARM-BACKUP-1\n';
const FORMAT = 'swarm-backup/1';
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const dec = new TextDecoder();

/** The authenticated, unencrypted first part of a backup file. */
export interface BackupHeader {
  format: typeof FORMAT;
  clusterId: string;
  nodeId: string;
  /** ms since the epoch. */
  createdAt: number;
  /** The store's applied raft index when the image was taken. */
  appliedIndex: string;
  /** 'unlock-key' (the cluster's unlock key opens it) or 'passphrase'. */
  key: 'unlock-key' | 'passphrase';
  /** base64 */
  salt: string;
  /** base64, 12 bytes */
  iv: string;
  /** Bytes of ciphertext and tag that follow the header line. */
  length: number;
}

/** What a backup holds once decrypted. */
export interface BackupPayload {
  state: NodeState;
  credentials: NodeCredentialFiles;
  /** Whether the cluster was autolocked (the restored manager is then locked by the same key). */
  autolock: boolean;
  /** base64 of the store image (`ReplicatedStore.snapshot()`). */
  store: string;
}

function keyFor(header: Pick<BackupHeader, 'key' | 'salt'>, secret: string): Buffer {
  const salt = Buffer.from(header.salt, 'base64');
  if (header.key === 'passphrase') return scryptSync(secret.normalize('NFC'), salt, 32, SCRYPT);
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(secret.trim(), 'utf8'), salt, 'swarm-backup/1 unlock key', 32),
  );
}

/**
 * A backup of `manager`'s state now, encrypted under `passphrase`, else under the cluster's unlock
 * key. BACKUP_NEEDS_KEY when the cluster has no unlock key and no passphrase is given.
 */
export function createBackup(
  manager: Manager,
  state: NodeState,
  dataDir: string,
  options: { passphrase?: string | undefined; unlockKey: string },
): { file: Uint8Array; header: BackupHeader } {
  const passphrase = options.passphrase;
  if (passphrase !== undefined && passphrase.length < 8)
    throw new SwarmError('INVALID_ARGUMENT', 'the backup passphrase must have at least 8 characters');
  if (passphrase === undefined && options.unlockKey === '')
    throw new BackupError(
      'BACKUP_NEEDS_KEY',
      'this swarm has no unlock key (autolock is off), and a backup is never written unencrypted: give a passphrase with --passphrase-file, or turn autolock on with "swarm update --autolock=true"',
    );
  // One synchronous read of the local replica: a consistent image at one applied index.
  const appliedIndex = manager.raft.appliedIndex.toString();
  const image = manager.store.snapshot();
  const payload: BackupPayload = {
    state,
    credentials: readCredentials(nodePaths(dataDir)),
    autolock: options.unlockKey !== '',
    store: Buffer.from(image).toString('base64'),
  };
  const plain = Buffer.from(JSON.stringify(payload), 'utf8');
  const base = {
    format: FORMAT,
    clusterId: state.clusterId,
    nodeId: state.nodeId,
    createdAt: manager.clock.now(),
    appliedIndex,
    key: passphrase === undefined ? 'unlock-key' : 'passphrase',
    salt: randomBytes(16).toString('base64'),
    iv: randomBytes(12).toString('base64'),
    length: plain.length + 16,
  } satisfies BackupHeader;
  const header: BackupHeader = base;
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  const cipher = createCipheriv(
    'aes-256-gcm',
    keyFor(header, passphrase ?? options.unlockKey),
    Buffer.from(header.iv, 'base64'),
  );
  cipher.setAAD(headerLine);
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  plain.fill(0);
  return { file: Buffer.concat([Buffer.from(MAGIC, 'utf8'), headerLine, body]), header };
}

/** Reads a backup file's header without decrypting it (BACKUP_INVALID / BACKUP_TRUNCATED). */
export function readBackupHeader(file: Uint8Array): {
  header: BackupHeader;
  headerLine: Buffer;
  body: Buffer;
} {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < MAGIC.length || buf.subarray(0, MAGIC.length).toString('utf8') !== MAGIC)
    throw new BackupError(
      'BACKUP_INVALID',
      'this is not a swarm backup file (it does not start with SWARM-BACKUP-1)',
    );
  const end = buf.indexOf(0x0a, MAGIC.length);
  if (end < 0)
    throw new BackupError('BACKUP_TRUNCATED', 'the backup file is truncated (its header is incomplete)');
  const headerLine = buf.subarray(MAGIC.length, end + 1);
  let header: BackupHeader;
  try {
    header = JSON.parse(headerLine.toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupError('BACKUP_INVALID', 'the backup header is not valid JSON: the file is damaged');
  }
  if (header.format !== FORMAT || (header.key !== 'unlock-key' && header.key !== 'passphrase'))
    throw new BackupError('BACKUP_INVALID', `unsupported backup format ${JSON.stringify(header.format)}`);
  const body = buf.subarray(end + 1);
  if (body.length < header.length)
    throw new BackupError(
      'BACKUP_TRUNCATED',
      `the backup file is truncated: ${body.length} of ${header.length} bytes after the header`,
      { have: body.length, want: header.length },
    );
  if (body.length > header.length)
    throw new BackupError('BACKUP_INVALID', 'the backup file has bytes after its end: it is damaged');
  return { header, headerLine, body };
}

/** Decrypts a backup (BACKUP_WRONG_KEY when `secret` does not open it, or the file was altered). */
export function openBackup(
  file: Uint8Array,
  secret: string,
): { header: BackupHeader; payload: BackupPayload } {
  const { header, headerLine, body } = readBackupHeader(file);
  const decipher = createDecipheriv('aes-256-gcm', keyFor(header, secret), Buffer.from(header.iv, 'base64'));
  decipher.setAAD(headerLine);
  decipher.setAuthTag(body.subarray(body.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    throw new BackupError(
      'BACKUP_WRONG_KEY',
      header.key === 'passphrase'
        ? 'the passphrase does not open this backup (or the file was altered); nothing was changed'
        : 'the unlock key does not open this backup: give the unlock key the cluster had when the backup was taken (or the file was altered); nothing was changed',
    );
  }
  const payload = JSON.parse(dec.decode(plain)) as BackupPayload;
  plain.fill(0);
  if (payload.state?.clusterId !== header.clusterId || payload.state?.nodeId !== header.nodeId)
    throw new BackupError('BACKUP_INVALID', 'the backup contents do not match its header');
  return { header, payload };
}

/**
 * Restores a backup into `dataDir` (its daemon stopped). The directory must be empty of swarm
 * state, or hold the same manager of the same cluster (its old files are kept under
 * `.before-restore-<time>`); anything else is refused (BACKUP_OTHER_CLUSTER, BACKUP_OTHER_NODE).
 * Everything is built under `dataDir/.restore-<random>` first and moved in only when complete.
 * The restored manager is the only voter of its raft group; run `swarm init --force-new-cluster`
 * once it runs to remove the other managers.
 */
export async function restoreBackup(
  file: Uint8Array,
  secret: string,
  dataDir: string,
  o: { logger?: Logger; tickMs?: number } = {},
): Promise<{ header: BackupHeader; autolock: boolean }> {
  const { header, payload } = openBackup(file, secret);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const target = nodePaths(dataDir);
  const existing = readState(target);
  if (existing !== undefined && existing.clusterId !== header.clusterId)
    throw new BackupError(
      'BACKUP_OTHER_CLUSTER',
      `this backup is of cluster ${header.clusterId}, but ${dataDir} holds a node of cluster ${existing.clusterId}: restore into an empty data directory; nothing was changed`,
      { backupCluster: header.clusterId, targetCluster: existing.clusterId },
    );
  if (existing !== undefined && existing.nodeId !== header.nodeId)
    throw new BackupError(
      'BACKUP_OTHER_NODE',
      `this backup is of node ${header.nodeId}, but ${dataDir} holds node ${existing.nodeId}: restore into an empty data directory; nothing was changed`,
    );
  const logger = o.logger ?? noopLogger;
  const tmp = join(dataDir, `.restore-${randomBytes(6).toString('hex')}`);
  const p = nodePaths(tmp);
  try {
    mkdirSync(tmp, { mode: 0o700 });
    mkdirSync(p.certificatesDir, { mode: 0o700 });
    writeCredentials(p, payload.credentials);
    const store = new ReplicatedStore({ clock: systemClock, logger });
    store.restore(Buffer.from(payload.store, 'base64'));
    // An autolocked cluster's unlock key is in its cluster object: the restored data key is
    // wrapped by it, as on the manager that was backed up.
    const unlockKey = store.view(clusterOf)?.unlockKey ?? '';
    const keyManager = KeyManager.open({
      keyStore: fileKeyStore(p.keysFile),
      ...(unlockKey === '' ? {} : { unlockKey: parseUnlockKey(unlockKey) }),
    });
    try {
      const storage = await LevelStorage.open({ path: p.raftDir, cipher: keyManager.recordCipher, logger });
      try {
        const raftId = BigInt(payload.state.raftId ?? '0');
        // A new one-voter raft group whose first snapshot is the restored store.
        const raft = new RaftNode({
          id: raftId,
          storage,
          transport: { send() {} },
          stateMachine: store,
          clock: systemClock,
          random: cryptoRandom,
          logger,
          tickMs: o.tickMs ?? 100,
          bootstrap: [raftId],
          raft: { electionTick: 1_000_000, heartbeatTick: 1, checkQuorum: false, preVote: true },
        });
        store.attach(raft);
        await raft.start();
        await raft.stop();
      } finally {
        await storage.close();
      }
    } finally {
      keyManager.close();
      store.close();
    }
    const { bootstrap: _, ...rest } = payload.state;
    writeState(p, { ...rest, role: 'manager', managers: [payload.state.advertiseAddr] });
    // Complete: move it in (the old files of this same manager, if any, are kept aside).
    const names = ['state.json', 'raft-keys.json', 'raft', 'certificates'];
    const kept = join(dataDir, `.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    if (names.some((n) => existsSync(join(dataDir, n)))) {
      mkdirSync(kept, { mode: 0o700 });
      for (const n of names) if (existsSync(join(dataDir, n))) renameSync(join(dataDir, n), join(kept, n));
    }
    for (const n of names) renameSync(join(tmp, n), join(dataDir, n));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { header, autolock: payload.autolock };
}
