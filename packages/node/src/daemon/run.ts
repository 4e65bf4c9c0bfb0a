/**
 * `swarm daemon`: runs a node in the foreground until SIGINT/SIGTERM, serving the control API on
 * its socket. Logs are JSON lines on stderr (never secret data).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { jsonLogger, type LogLevel } from '@swarm/api';
import { parseControlHost } from '../control/client.js';
import { serveControl } from '../control/http.js';
import { startWebServer, type WebServer } from '../web/server.js';
import { DaemonControl } from './control.js';
import { Daemon } from './daemon.js';

/** Options of `swarm daemon` (`runDaemon`). */
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
  /** Resolves when the daemon should stop (tests); default: SIGINT or SIGTERM. */
  until?: Promise<void>;
  /** `HOST:PORT` for the web visualizer and /metrics (`--web`); off when unset. */
  web?: string;
  /** The web token's file (`--web-token-file`): read, or generated and written there (0600). */
  webTokenFile?: string;
  /** Called once the control socket is up. */
  onReady?: (address: string) => void;
}

/** Runs a daemon until SIGINT or SIGTERM; resolves with the process exit code. */
export async function runDaemon(o: RunDaemonOptions): Promise<number> {
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(o.dataDir, 0o700);
  const logger = jsonLogger({ level: o.logLevel ?? 'info', bindings: { node: o.hostname ?? '' } });
  const daemon = new Daemon({
    dataDir: o.dataDir,
    logger,
    ...(o.hostname === undefined ? {} : { hostname: o.hostname }),
    ...(o.labels === undefined ? {} : { engineLabels: o.labels }),
    ...(o.tickMs === undefined ? {} : { tickMs: o.tickMs }),
    ...(o.heartbeatPeriodMs === undefined ? {} : { heartbeatPeriodMs: o.heartbeatPeriodMs }),
    ...(o.bwrapPath === undefined ? {} : { bwrapPath: o.bwrapPath }),
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
