/**
 * `swarm daemon`: runs a node in the foreground until SIGINT/SIGTERM, serving the control API on
 * its socket. Logs are JSON lines on stderr (never secret data).
 */
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLogger, type Logger, type LogLevel } from '@swarm/api';
import type { DockerApiServer } from '@swarm/docker-api';
import { DEFAULT_DOCKER_HOST, engineAnswers, probeEngine } from '@swarm/executor-docker';
import type { SchedulerInit } from '@swarm/scheduler';
import { parseListen, startWebServer, type WebServer } from '@swarm/web';
import { parseControlHost } from '../control/client.js';
import { type ControlServer, serveControl } from '../control/http.js';
import { ensureControlTls } from '../control/tcp-guard.js';
import type { ExecutorChoice } from '../worker/worker.js';
import { DaemonControl } from './control.js';
import { Daemon } from './daemon.js';

/** Options of `swarm daemon` (`runDaemon`). */
export interface RunDaemonOptions {
  dataDir: string;
  /**
   * `unix:///path`, or `tcp://HOST:PORT` (mutual TLS, see control/tcp-guard.ts; the default unix
   * socket is served too); default `unix://<dataDir>/swarm.sock`.
   */
  host?: string;
  /** Host ports tasks get (inclusive); default [30000, 32767]. */
  taskPortRange?: readonly [number, number];
  logLevel?: LogLevel;
  foreground?: boolean;
  hostname?: string;
  /** Self-reported labels (`--label k=v`). */
  labels?: Record<string, string>;
  tickMs?: number;
  heartbeatPeriodMs?: number;
  bwrapPath?: string;
  /** `docker` or `sandbox` (`--executor`); default docker when an engine answers at the Docker host, else sandbox. */
  executor?: 'docker' | 'sandbox';
  /** The Docker Engine's address (`--docker-host`). Default unix:///var/run/docker.sock. */
  dockerHost?: string;
  /** The network containers attach to (`--docker-network`). Default the engine's `bridge`, else `none`. */
  dockerNetwork?: string;
  /** Resolves when the daemon should stop (tests); default: SIGINT or SIGTERM. */
  until?: Promise<void>;
  /** `HOST:PORT` for the web visualizer and /metrics (`--web`); off when unset. */
  web?: string;
  /** The web token's file (`--web-token-file`): read, or generated and written there (0600). */
  webTokenFile?: string;
  /** The node's image policy file (`--image-policy`): see @swarm/image-trust. */
  imagePolicy?: string;
  /** `unix:///path` or `tcp://HOST:PORT` (`--docker-api`): also serve the Docker Engine API there. */
  dockerApi?: string;
  /** PEM files for the TCP Docker API (Docker's --tlsverify): client CA, server certificate and key. */
  dockerApiTlsCaCert?: string;
  dockerApiTlsCert?: string;
  dockerApiTlsKey?: string;
  /** Called once the control socket is up. */
  onReady?: (address: string) => void;
  /** Placement strategy and rebalancing (`--placement-strategy`, `--rebalance`) while this node leads. */
  scheduler?: SchedulerInit;
}

/** Runs a daemon until SIGINT or SIGTERM; resolves with the process exit code. */
export async function runDaemon(o: RunDaemonOptions): Promise<number> {
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(o.dataDir, 0o700);
  const logger = jsonLogger({ level: o.logLevel ?? 'info', bindings: { node: o.hostname ?? '' } });
  const socket = `unix://${join(o.dataDir, 'swarm.sock')}`;
  const listens = [...new Set([o.host ?? socket, ...(o.host?.startsWith('tcp://') ? [socket] : [])])].map(
    parseControlHost,
  );
  // The daemon's own ports: never a task's host port (and never inside the task port range).
  const reservedPorts = listens.flatMap((l) => ('port' in l && l.port > 0 ? [l.port] : []));
  if (o.web !== undefined) {
    const webPort = parseListen(o.web).port;
    if (webPort > 0) reservedPorts.push(webPort);
  }
  // Check the Docker API address (and read its TLS files) before anything starts.
  let dockerListen: import('@swarm/docker-api').DockerApiListen | undefined;
  if (o.dockerApi !== undefined) {
    const { parseListen } = await import('@swarm/docker-api');
    const read = (p: string | undefined) => (p === undefined ? undefined : readFileSync(p));
    dockerListen = parseListen(o.dockerApi, {
      ...(o.dockerApiTlsCaCert === undefined ? {} : { ca: read(o.dockerApiTlsCaCert)! }),
      ...(o.dockerApiTlsCert === undefined ? {} : { cert: read(o.dockerApiTlsCert)! }),
      ...(o.dockerApiTlsKey === undefined ? {} : { key: read(o.dockerApiTlsKey)! }),
    });
    if ('port' in dockerListen && dockerListen.port > 0) reservedPorts.push(dockerListen.port);
  }
  const executor = await chooseExecutor(o, logger);
  const daemon = new Daemon({
    dataDir: o.dataDir,
    logger,
    ...(o.hostname === undefined ? {} : { hostname: o.hostname }),
    ...(o.labels === undefined ? {} : { engineLabels: o.labels }),
    ...(o.tickMs === undefined ? {} : { tickMs: o.tickMs }),
    ...(o.heartbeatPeriodMs === undefined ? {} : { heartbeatPeriodMs: o.heartbeatPeriodMs }),
    ...(o.bwrapPath === undefined ? {} : { bwrapPath: o.bwrapPath }),
    ...(o.imagePolicy === undefined ? {} : { imagePolicy: o.imagePolicy }),
    ...(o.taskPortRange === undefined ? {} : { taskPortRange: o.taskPortRange }),
    reservedPorts,
    executor,
    ...(o.scheduler === undefined ? {} : { scheduler: o.scheduler }),
  });
  await daemon.start();
  const control = new DaemonControl(daemon);
  const servers: ControlServer[] = [];
  try {
    for (const l of listens)
      servers.push(
        await serveControl(
          control,
          'socketPath' in l ? l : { ...l, tls: await ensureControlTls(o.dataDir, l.host) },
          logger.child({ component: 'control' }),
        ),
      );
  } catch (e) {
    for (const s of servers) await s.close();
    await daemon.stop();
    throw e;
  }
  const server = servers[0]!;
  let docker: { server: DockerApiServer; close(): void } | undefined;
  if (dockerListen !== undefined) {
    try {
      docker = await startDockerApi(control, dockerListen, logger);
    } catch (e) {
      for (const s of servers) await s.close();
      await daemon.stop();
      throw e;
    }
  }
  let web: WebServer | undefined;
  if (o.web !== undefined) {
    try {
      web = await startWebServer({
        daemon,
        listen: o.web,
        ...(o.webTokenFile === undefined ? {} : { tokenFile: o.webTokenFile }),
        logger: logger.child({ component: 'web' }),
      });
    } catch (e) {
      await docker?.server.close();
      docker?.close();
      for (const s of servers) await s.close();
      await daemon.stop();
      throw e;
    }
    // For the person who started the daemon (the JSON log line above it never holds the token).
    process.stderr.write(`${web.banner}\n`);
  }
  logger.info('swarm daemon ready', {
    control: servers.map((s) => s.address).join(' '),
    ...(docker ? { dockerApi: docker.server.address } : {}),
    dataDir: o.dataDir,
    state: daemon.phase,
  });
  o.onReady?.(server.address);
  const stop =
    o.until ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
  await stop;
  logger.info('stopping');
  await web?.close();
  await docker?.server.close();
  docker?.close();
  for (const s of servers) await s.close();
  await daemon.stop();
  return 0;
}

/** Serves the Docker Engine API over the same operations as the control API (see docs/docker-api.md). */
async function startDockerApi(
  control: DaemonControl,
  listen: import('@swarm/docker-api').DockerApiListen,
  logger: import('@swarm/api').Logger,
): Promise<{ server: DockerApiServer; close(): void }> {
  const [{ serveDockerApi }, { DockerBackend }] = await Promise.all([
    import('@swarm/docker-api'),
    import('../docker/backend.js'),
  ]);
  const backend = new DockerBackend(control);
  try {
    const server = await serveDockerApi({
      backend,
      listen,
      logger: logger.child({ component: 'docker-api' }),
    });
    return { server, close: () => backend.close() };
  } catch (e) {
    backend.close();
    throw e;
  }
}

/**
 * The executor the node runs: the one named by `--executor`, or else the Docker Engine when one
 * answers at the Docker host (the default socket unless `--docker-host` names another), else the
 * sandbox. An explicit `--executor docker` with no engine answering is an error.
 */
export async function chooseExecutor(
  o: Pick<RunDaemonOptions, 'executor' | 'dockerHost' | 'dockerNetwork'>,
  logger: Logger,
): Promise<ExecutorChoice> {
  const dockerHost = o.dockerHost ?? DEFAULT_DOCKER_HOST;
  const docker: ExecutorChoice = {
    kind: 'docker',
    dockerHost,
    ...(o.dockerNetwork === undefined ? {} : { network: o.dockerNetwork }),
  };
  if (o.executor === 'docker') {
    const v = await probeEngine(dockerHost);
    logger.info('executor: docker', { dockerHost, engineVersion: v.version, chosen: '--executor docker' });
    return docker;
  }
  if (o.executor === 'sandbox') {
    logger.info('executor: sandbox', { chosen: '--executor sandbox' });
    return { kind: 'sandbox' };
  }
  if (await engineAnswers(dockerHost)) {
    logger.info('executor: docker', { dockerHost, chosen: 'a Docker Engine answers' });
    return docker;
  }
  logger.info('executor: sandbox', { chosen: `no Docker Engine answers at ${dockerHost}` });
  return { kind: 'sandbox' };
}
