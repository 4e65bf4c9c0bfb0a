/**
 * `swarm daemon`: runs a node in the foreground until SIGINT/SIGTERM, serving the control API on
 * its socket. Logs are JSON lines on stderr (never secret data).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { jsonLogger, type Logger, type LogLevel } from '@swarm/api';
import { DEFAULT_DOCKER_HOST, engineAnswers, probeEngine } from '@swarm/executor-docker';
import { parseControlHost } from '../control/client.js';
import { serveControl } from '../control/http.js';
import { startWebServer, type WebServer } from '../web/server.js';
import type { ExecutorChoice } from '../worker/worker.js';
import { DaemonControl } from './control.js';
import { Daemon } from './daemon.js';

export interface RunDaemonOptions {
  dataDir: string;
  /** `unix:///path` or `tcp://127.0.0.1:PORT`; default `unix://<dataDir>/swarm.sock`. */
  host?: string;
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
  /** Called once the control socket is up. */
  onReady?: (address: string) => void;
}

export async function runDaemon(o: RunDaemonOptions): Promise<number> {
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(o.dataDir, 0o700);
  const logger = jsonLogger({ level: o.logLevel ?? 'info', bindings: { node: o.hostname ?? '' } });
  const executor = await chooseExecutor(o, logger);
  const daemon = new Daemon({
    dataDir: o.dataDir,
    logger,
    ...(o.hostname === undefined ? {} : { hostname: o.hostname }),
    ...(o.labels === undefined ? {} : { engineLabels: o.labels }),
    ...(o.tickMs === undefined ? {} : { tickMs: o.tickMs }),
    ...(o.heartbeatPeriodMs === undefined ? {} : { heartbeatPeriodMs: o.heartbeatPeriodMs }),
    ...(o.bwrapPath === undefined ? {} : { bwrapPath: o.bwrapPath }),
    executor,
  });
  await daemon.start();
  const host = o.host ?? `unix://${daemon.paths.socket}`;
  const server = await serveControl(
    new DaemonControl(daemon),
    parseControlHost(host),
    logger.child({ component: 'control' }),
  );
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
      await server.close();
      await daemon.stop();
      throw e;
    }
    // For the person who started the daemon (the JSON log line above it never holds the token).
    process.stderr.write(`${web.banner}\n`);
  }
  logger.info('swarm daemon ready', { control: server.address, dataDir: o.dataDir, state: daemon.phase });
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
  await server.close();
  await daemon.stop();
  return 0;
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
