/**
 * What a node keeps under its data directory, and how it is written: every file is replaced
 * atomically (write a temporary file, fsync, rename), private keys are 0600, and nothing secret is
 * written except the node's own TLS key (and, on managers, the key file of the data keys, which
 * autolock wraps under the unlock key).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NodeDataError } from '../errors.js';

/** Where a node keeps each of its files under its data directory. */
export interface NodePaths {
  readonly dataDir: string;
  readonly certificatesDir: string;
  /** The cluster's trusted roots (PEM). */
  readonly rootCaFile: string;
  /** The node's certificate chain (PEM). */
  readonly certFile: string;
  /** The node's private key (PEM, mode 0600). */
  readonly keyFile: string;
  /** The node's membership state (JSON, no secrets). */
  readonly stateFile: string;
  /** Raft log and snapshots (LevelDB, every record sealed with the data key). */
  readonly raftDir: string;
  /** The data keys of a manager (wrapped under the unlock key with autolock). */
  readonly keysFile: string;
  /** The control socket the CLI talks to. */
  readonly socket: string;
}

/** The paths of a node's files under `dataDir`. */
export function nodePaths(dataDir: string): NodePaths {
  const certificatesDir = join(dataDir, 'certificates');
  return {
    dataDir,
    certificatesDir,
    rootCaFile: join(certificatesDir, 'swarm-root-ca.crt'),
    certFile: join(certificatesDir, 'swarm-node.crt'),
    keyFile: join(certificatesDir, 'swarm-node.key'),
    stateFile: join(dataDir, 'state.json'),
    raftDir: join(dataDir, 'raft'),
    keysFile: join(dataDir, 'raft-keys.json'),
    socket: join(dataDir, 'swarm.sock'),
  };
}

/** Replaces `path` with `data` atomically and durably, creating the directory (0700) if needed. */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dirFd = openSync(dirname(path), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

export interface NodeCredentialFiles {
  rootsPem: string;
  chainPem: string;
  keyPem: string;
}

/** Writes the certificate files: roots and chain 0644, the key 0600 (key last: a reader never sees a new key with an old chain). */
export function writeCredentials(paths: NodePaths, c: NodeCredentialFiles): void {
  writeFileAtomic(paths.rootCaFile, c.rootsPem, 0o644);
  writeFileAtomic(paths.certFile, c.chainPem, 0o644);
  writeFileAtomic(paths.keyFile, c.keyPem, 0o600);
}

export function readCredentials(paths: NodePaths): NodeCredentialFiles {
  try {
    return {
      rootsPem: readFileSync(paths.rootCaFile, 'utf8'),
      chainPem: readFileSync(paths.certFile, 'utf8'),
      keyPem: readFileSync(paths.keyFile, 'utf8'),
    };
  } catch (e) {
    throw new NodeDataError(
      'CREDENTIALS_MISSING',
      `the node's certificates under ${paths.certificatesDir} cannot be read (${(e as Error).message}); leave the swarm with "swarm leave --force" and join again`,
      { dir: paths.certificatesDir },
    );
  }
}

/** The node's membership, kept in `state.json`. */
export interface NodeState {
  version: 1;
  nodeId: string;
  clusterId: string;
  role: 'manager' | 'worker';
  /** host:port this node listens on for cluster traffic (managers). */
  listenAddr: string;
  /** host:port other nodes reach this node at. */
  advertiseAddr: string;
  /** Known manager addresses (host:port), refreshed while running. */
  managers: string[];
  /** The raft member ID (decimal) of a manager. */
  raftId?: string;
  /** Whether this manager bootstrapped the cluster (its raft log starts the cluster). */
  bootstrap?: boolean;
  /** The image policy file this node enforces (`--image-policy`), kept across restarts. */
  imagePolicy?: string;
}

export function readState(paths: NodePaths): NodeState | undefined {
  let text: string;
  try {
    text = readFileSync(paths.stateFile, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const s = JSON.parse(text) as NodeState;
    if (s.version !== 1 || typeof s.nodeId !== 'string') throw new Error('unknown format');
    return s;
  } catch (e) {
    throw new NodeDataError(
      'STATE_CORRUPT',
      `${paths.stateFile} is not a valid node state (${(e as Error).message}); restore it or remove the data directory and join again`,
      { file: paths.stateFile },
    );
  }
}

export function writeState(paths: NodePaths, state: NodeState): void {
  writeFileAtomic(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`, 0o600);
}
