/** `/_ping`, `/version`, `/info` and `/events`. */
import { arch, cpus, hostname, release, totalmem } from 'node:os';
import { anyOf, labelsMatch, parseFilters } from './filters.js';
import { baseHeaders, parseTime, sendJson } from './http.js';
import type { Route } from './route.js';
import type { EventMessage, SystemInfo, SystemVersion } from './types.js';
import { API_VERSION, MIN_API_VERSION } from './version.js';

/** Docker's names for Node's `os.arch()`. */
export function dockerArch(a: string = arch()): string {
  return ({ x64: 'x86_64', arm64: 'aarch64', arm: 'armv7l', ia32: 'i386' } as Record<string, string>)[a] ?? a;
}

/** Go's names for Node's `os.arch()` (what `docker version` shows). */
function goArch(a: string = arch()): string {
  return ({ x64: 'amd64', ia32: '386' } as Record<string, string>)[a] ?? a;
}

const EVENT_FILTERS = [
  'config',
  'container',
  'daemon',
  'event',
  'image',
  'label',
  'network',
  'node',
  'plugin',
  'scope',
  'secret',
  'service',
  'type',
  'volume',
];

function eventMatches(e: EventMessage, f: ReturnType<typeof parseFilters>): boolean {
  const name = e.Actor.Attributes.name ?? '';
  const byRef = (v: string) => v === e.Actor.ID || v === name;
  return (
    anyOf(f, 'type', (v) => v === e.Type) &&
    anyOf(f, 'event', (v) => v === e.Action) &&
    anyOf(f, 'scope', (v) => v === 'swarm') &&
    labelsMatch(f, 'label', e.Actor.Attributes) &&
    (e.Type !== 'service' || anyOf(f, 'service', byRef)) &&
    (e.Type !== 'node' || anyOf(f, 'node', byRef)) &&
    (e.Type !== 'secret' || anyOf(f, 'secret', byRef)) &&
    (e.Type !== 'config' || anyOf(f, 'config', byRef)) &&
    (e.Type !== 'network' || anyOf(f, 'network', byRef)) &&
    // Filters on kinds this server has no events for match nothing of theirs, and only theirs.
    !['container', 'image', 'volume', 'plugin', 'daemon'].some((k) => (f.get(k)?.length ?? 0) > 0)
  );
}

export const systemRoutes: Route[] = [
  ...(['GET', 'HEAD'] as const).map(
    (method): Route => ({
      method,
      pattern: '/_ping',
      async handle(req, res, h) {
        res.writeHead(200, {
          ...baseHeaders(h.id),
          'Cache-Control': 'no-cache, no-store, must-revalidate',
          Pragma: 'no-cache',
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Length': req.method === 'HEAD' ? 0 : 2,
        });
        res.end(req.method === 'HEAD' ? undefined : 'OK');
      },
    }),
  ),
  {
    method: 'GET',
    pattern: '/version',
    async handle(_req, res, h) {
      const { name, version } = h.backend.engine;
      const v: SystemVersion = {
        Platform: { Name: name },
        Components: [
          {
            Name: 'Engine',
            Version: version,
            Details: {
              ApiVersion: API_VERSION,
              MinAPIVersion: MIN_API_VERSION,
              Os: 'linux',
              Arch: goArch(),
              Experimental: 'false',
              KernelVersion: release(),
            },
          },
        ],
        Version: version,
        ApiVersion: API_VERSION,
        MinAPIVersion: MIN_API_VERSION,
        GitCommit: '',
        GoVersion: `node${process.versions.node}`,
        Os: 'linux',
        Arch: goArch(),
        KernelVersion: release(),
        BuildTime: '',
      };
      sendJson(res, 200, v, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/info',
    async handle(_req, res, h) {
      const fromBackend = await h.backend.info(h.ctx);
      const info: SystemInfo = {
        ID: '',
        Containers: 0,
        ContainersRunning: 0,
        ContainersPaused: 0,
        ContainersStopped: 0,
        Images: 0,
        Driver: '',
        DriverStatus: null,
        Plugins: { Volume: null, Network: ['overlay'], Authorization: null, Log: null },
        MemoryLimit: true,
        SwapLimit: true,
        CpuCfsPeriod: true,
        CpuCfsQuota: true,
        CPUShares: true,
        CPUSet: true,
        PidsLimit: true,
        IPv4Forwarding: true,
        BridgeNfIptables: true,
        BridgeNfIp6tables: true,
        Debug: false,
        OomKillDisable: true,
        Name: hostname(),
        ServerVersion: h.backend.engine.version,
        OperatingSystem: `${h.backend.engine.name} ${h.backend.engine.version}`,
        OSType: 'linux',
        OSVersion: '',
        Architecture: dockerArch(),
        KernelVersion: release(),
        NCPU: cpus().length,
        MemTotal: totalmem(),
        IndexServerAddress: '',
        RegistryConfig: null,
        Labels: [],
        ExperimentalBuild: false,
        LiveRestoreEnabled: false,
        Runtimes: {},
        DefaultRuntime: '',
        SecurityOptions: [],
        Warnings: [
          `WARNING: ${h.backend.engine.name} serves the swarm-mode part of the Docker API only: containers, images and volumes are not served here`,
        ],
        ...fromBackend,
      };
      sendJson(res, 200, info, h.id);
    },
  },
  {
    method: 'GET',
    pattern: '/events',
    async handle(req, res, h) {
      const f = parseFilters(req.query.get('filters'), EVENT_FILTERS);
      const since = req.query.get('since');
      const until = req.query.get('until');
      const sinceMs = since ? parseTime(since, 'since', h.now()) : undefined;
      const untilMs = until ? parseTime(until, 'until', h.now()) : undefined;
      const stop = new AbortController();
      const onAbort = () => stop.abort();
      h.ctx.signal.addEventListener('abort', onAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      if (untilMs !== undefined) {
        timer = setTimeout(() => stop.abort(), Math.max(0, untilMs - h.now()));
        timer.unref();
      }
      res.writeHead(200, { ...baseHeaders(h.id), 'Content-Type': 'application/json' });
      res.flushHeaders();
      try {
        const events = h.backend.events(
          { ...(sinceMs === undefined ? {} : { sinceMs }) },
          { ...h.ctx, signal: stop.signal },
        );
        for await (const e of events) {
          if (stop.signal.aborted) break;
          if (untilMs !== undefined && e.time * 1000 > untilMs) break;
          if (eventMatches(e, f)) res.write(`${JSON.stringify(e)}\n`);
        }
      } finally {
        if (timer) clearTimeout(timer);
        h.ctx.signal.removeEventListener('abort', onAbort);
        res.end();
      }
    },
  },
];
