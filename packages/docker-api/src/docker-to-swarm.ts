/**
 * From Docker's JSON to the swarm core's specs, in the JSON form `swarm.ServiceSpec.fromObject`
 * takes (camelCase fields, enum names, durations in milliseconds). Fields the swarm core models are
 * converted; fields it does not model are either accepted and dropped when they change nothing a
 * task can observe here (`Init`, `Isolation`, `DNSConfig`, `Hosts`, `Healthcheck`, `StopSignal`,
 * `LogDriver`, `EndpointSpec.Mode`), or refused with 501 when a task would silently run without
 * what was asked (mounts, capabilities, sysctls, ulimits, TTY, privileges, pid limits,
 * generic resources, plugin and attachment runtimes). Type errors are 400s naming the field.
 */
import { DockerInvalidParameterError, DockerNotImplementedError } from './errors.js';
import type {
  NetworkAttachmentConfig,
  NetworkCreateRequest,
  PortConfig,
  Resources,
  ServiceSpec,
  UpdateConfig,
} from './types.js';

type Json = Record<string, unknown>;

const NS_PER_MS = 1_000_000;

function bad(field: string, want: string, got: unknown): never {
  throw new DockerInvalidParameterError(`invalid ${field}: expected ${want}, got ${JSON.stringify(got)}`);
}

function refuse(field: string, why = 'this cluster cannot honour it'): never {
  throw new DockerNotImplementedError(`${field} is not supported: ${why}`);
}

function obj(v: unknown, field: string): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) bad(field, 'an object', v);
  return v as Json;
}

function str(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') bad(field, 'a string', v);
  return v;
}

function strs(v: unknown, field: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) bad(field, 'a list of strings', v);
  return v as string[];
}

function uint(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) bad(field, 'a whole number >= 0', v);
  return v;
}

function labelMap(v: unknown, field: string): Record<string, string> | undefined {
  const o = obj(v, field);
  if (o === undefined) return undefined;
  for (const [k, x] of Object.entries(o)) if (typeof x !== 'string') bad(`${field}.${k}`, 'a string', x);
  return o as Record<string, string>;
}

/** Nanoseconds to milliseconds (a duration field). */
function ms(v: unknown, field: string): number | undefined {
  const n = uint(v, field);
  return n === undefined ? undefined : Math.floor(n / NS_PER_MS);
}

function empty(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '' || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as Json).every(empty);
  return false;
}

function defined<T extends Json>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

const REFUSED_CONTAINER_FIELDS: Record<string, string> = {
  Mounts: 'tasks have no volumes or bind mounts here',
  TTY: 'tasks have no terminal',
  OpenStdin: 'tasks have no standard input',
  Privileges: 'tasks run under the node sandbox with fixed privileges',
  CapabilityAdd: 'tasks run under the node sandbox with fixed privileges',
  CapabilityDrop: 'tasks run under the node sandbox with fixed privileges',
  Sysctls: 'tasks run under the node sandbox with fixed privileges',
  Ulimits: 'tasks run under the node sandbox with fixed limits',
  Groups: 'tasks run as the sandbox user',
  ReadOnly: 'the sandbox decides the task filesystem',
};

function containerSpec(c: Json | undefined): Json {
  const f = 'TaskTemplate.ContainerSpec';
  if (c === undefined) return {};
  for (const [k, why] of Object.entries(REFUSED_CONTAINER_FIELDS)) if (!empty(c[k])) refuse(`${f}.${k}`, why);
  const secrets = c.Secrets;
  if (secrets !== undefined && secrets !== null && !Array.isArray(secrets))
    bad(`${f}.Secrets`, 'a list', secrets);
  const configs = c.Configs;
  if (configs !== undefined && configs !== null && !Array.isArray(configs))
    bad(`${f}.Configs`, 'a list', configs);
  const grace = ms(c.StopGracePeriod, `${f}.StopGracePeriod`);
  return defined({
    image: str(c.Image, `${f}.Image`),
    labels: labelMap(c.Labels, `${f}.Labels`),
    command: strs(c.Command, `${f}.Command`),
    args: strs(c.Args, `${f}.Args`),
    hostname: str(c.Hostname, `${f}.Hostname`),
    env: strs(c.Env, `${f}.Env`),
    dir: str(c.Dir, `${f}.Dir`),
    user: str(c.User, `${f}.User`),
    stopGracePeriodMs: grace,
    secrets: ((secrets as unknown[] | undefined) ?? []).map((s, i) => {
      const r = obj(s, `${f}.Secrets[${i}]`) ?? {};
      const file = obj(r.File, `${f}.Secrets[${i}].File`);
      const id = (x: unknown, name: string) => {
        const t = str(x, name) ?? '0';
        if (!/^\d+$/.test(t)) bad(name, 'a numeric user or group ID', x);
        return Number(t);
      };
      return defined({
        secretId: str(r.SecretID, `${f}.Secrets[${i}].SecretID`),
        secretName: str(r.SecretName, `${f}.Secrets[${i}].SecretName`),
        target: str(file?.Name, `${f}.Secrets[${i}].File.Name`),
        uid: id(file?.UID, `${f}.Secrets[${i}].File.UID`),
        gid: id(file?.GID, `${f}.Secrets[${i}].File.GID`),
        mode: uint(file?.Mode, `${f}.Secrets[${i}].File.Mode`),
      });
    }),
    configs: ((configs as unknown[] | undefined) ?? []).map((x, i) => {
      const field = `${f}.Configs[${i}]`;
      const r = obj(x, field) ?? {};
      if (!empty(r.Runtime)) refuse(`${field}.Runtime`, 'configs are delivered as files only');
      const file = obj(r.File, `${field}.File`);
      const id = (v: unknown, name: string) => {
        const t = str(v, name) ?? '0';
        if (!/^\d+$/.test(t)) bad(name, 'a numeric user or group ID', v);
        return Number(t);
      };
      return defined({
        configId: str(r.ConfigID, `${field}.ConfigID`),
        configName: str(r.ConfigName, `${field}.ConfigName`),
        target: str(file?.Name, `${field}.File.Name`),
        uid: id(file?.UID, `${field}.File.UID`),
        gid: id(file?.GID, `${field}.File.GID`),
        mode: uint(file?.Mode, `${field}.File.Mode`),
      });
    }),
  });
}

function resources(r: Json | undefined, field: string, limits: boolean): Json | undefined {
  if (r === undefined) return undefined;
  const x = r as Resources;
  if (limits && !empty(x.Pids)) refuse(`${field}.Pids`, 'the executor has no pid limit');
  if (!empty(x.GenericResources)) refuse(`${field}.GenericResources`, 'nodes advertise no generic resources');
  return defined({
    nanoCpus: uint(x.NanoCPUs, `${field}.NanoCPUs`),
    memoryBytes: uint(x.MemoryBytes, `${field}.MemoryBytes`),
  });
}

function updateConfig(u: unknown, field: string): Json | undefined {
  const c = obj(u, field) as UpdateConfig | undefined;
  if (c === undefined) return undefined;
  const action = { pause: 'PAUSE', continue: 'CONTINUE', rollback: 'ROLLBACK', '': undefined };
  const order = { 'stop-first': 'STOP_FIRST', 'start-first': 'START_FIRST', '': undefined };
  if (c.FailureAction !== undefined && !(c.FailureAction in action))
    bad(`${field}.FailureAction`, 'pause, continue or rollback', c.FailureAction);
  if (c.Order !== undefined && !(c.Order in order))
    bad(`${field}.Order`, 'stop-first or start-first', c.Order);
  const ratio = c.MaxFailureRatio;
  if (ratio !== undefined && (typeof ratio !== 'number' || ratio < 0 || ratio > 1))
    bad(`${field}.MaxFailureRatio`, 'a number from 0 to 1', ratio);
  return defined({
    parallelism: uint(c.Parallelism, `${field}.Parallelism`),
    delayMs: ms(c.Delay, `${field}.Delay`),
    failureAction: c.FailureAction === undefined ? undefined : action[c.FailureAction],
    monitorMs: ms(c.Monitor, `${field}.Monitor`),
    maxFailureRatio: ratio,
    order: c.Order === undefined ? undefined : order[c.Order],
  });
}

function port(p: unknown, i: number): Json {
  const f = `EndpointSpec.Ports[${i}]`;
  const x = (obj(p, f) ?? {}) as PortConfig;
  const protocol = x.Protocol ?? 'tcp';
  if (protocol === 'sctp') refuse(`${f}.Protocol sctp`, 'the ingress proxy carries TCP only');
  if (protocol !== 'tcp' && protocol !== 'udp') bad(`${f}.Protocol`, 'tcp or udp', protocol);
  const mode = x.PublishMode ?? 'ingress';
  if (mode !== 'ingress' && mode !== 'host') bad(`${f}.PublishMode`, 'ingress or host', mode);
  return defined({
    name: str(x.Name, `${f}.Name`),
    protocol: protocol.toUpperCase(),
    targetPort: uint(x.TargetPort, `${f}.TargetPort`),
    publishedPort: uint(x.PublishedPort, `${f}.PublishedPort`),
    publishMode: mode.toUpperCase(),
  });
}

function networks(list: NetworkAttachmentConfig[] | undefined, field: string): Json[] | undefined {
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) bad(field, 'a list', list);
  return list.map((n, i) =>
    defined({
      target: str(obj(n, `${field}[${i}]`)?.Target, `${field}[${i}].Target`) ?? '',
      aliases: strs(n.Aliases, `${field}[${i}].Aliases`),
      driverAttachmentOpts: labelMap(n.DriverOpts, `${field}[${i}].DriverOpts`),
    }),
  );
}

/** A Docker ServiceSpec as the JSON of `swarm.ServiceSpec`. */
export function serviceSpecFromDocker(spec: ServiceSpec): Json {
  const t = obj(spec.TaskTemplate, 'TaskTemplate') ?? {};
  for (const k of ['PluginSpec', 'NetworkAttachmentSpec'])
    if (!empty(t[k])) refuse(`TaskTemplate.${k}`, 'tasks here are container-like processes');
  const runtime = str(t.Runtime, 'TaskTemplate.Runtime') ?? '';
  if (runtime !== '' && runtime !== 'container') refuse(`TaskTemplate.Runtime ${JSON.stringify(runtime)}`);
  const res = obj(t.Resources, 'TaskTemplate.Resources');
  const restart = obj(t.RestartPolicy, 'TaskTemplate.RestartPolicy');
  const placement = obj(t.Placement, 'TaskTemplate.Placement');
  const conditions = { none: 'NONE', 'on-failure': 'ON_FAILURE', any: 'ANY', '': undefined } as const;
  const condition = restart?.Condition as keyof typeof conditions | undefined;
  if (condition !== undefined && !(condition in conditions))
    bad('TaskTemplate.RestartPolicy.Condition', 'none, on-failure or any', condition);
  const m = obj(spec.Mode, 'Mode') ?? {};
  const modes = Object.keys(m).filter((k) => m[k] !== undefined && m[k] !== null);
  if (modes.length > 1) bad('Mode', 'one of Replicated, Global, ReplicatedJob, GlobalJob', modes);
  const mode: Json = {};
  if (m.Global) mode.global = {};
  else if (m.GlobalJob) mode.globalJob = {};
  else if (m.ReplicatedJob) {
    const j = obj(m.ReplicatedJob, 'Mode.ReplicatedJob') ?? {};
    mode.replicatedJob = defined({
      maxConcurrent: uint(j.MaxConcurrent, 'Mode.ReplicatedJob.MaxConcurrent') ?? 1,
      totalCompletions: uint(j.TotalCompletions, 'Mode.ReplicatedJob.TotalCompletions'),
    });
  } else {
    const r = obj(m.Replicated, 'Mode.Replicated') ?? {};
    mode.replicated = { replicas: uint(r.Replicas, 'Mode.Replicated.Replicas') ?? 1 };
  }
  const taskNetworks = networks(t.Networks as NetworkAttachmentConfig[] | undefined, 'TaskTemplate.Networks');
  const specNetworks = networks(spec.Networks, 'Networks');
  const endpoint = obj(spec.EndpointSpec, 'EndpointSpec');
  const ports = endpoint?.Ports;
  if (ports !== undefined && ports !== null && !Array.isArray(ports))
    bad('EndpointSpec.Ports', 'a list', ports);
  return defined({
    annotations: defined({ name: str(spec.Name, 'Name') ?? '', labels: labelMap(spec.Labels, 'Labels') }),
    task: defined({
      container: containerSpec(obj(t.ContainerSpec, 'TaskTemplate.ContainerSpec')),
      resources: res
        ? defined({
            limits: resources(
              obj(res.Limits, 'TaskTemplate.Resources.Limits'),
              'TaskTemplate.Resources.Limits',
              true,
            ),
            reservations: resources(
              obj(res.Reservations, 'TaskTemplate.Resources.Reservations'),
              'TaskTemplate.Resources.Reservations',
              false,
            ),
          })
        : undefined,
      restart: restart
        ? defined({
            condition: condition === undefined ? 'ANY' : (conditions[condition] ?? 'ANY'),
            delayMs: ms(restart.Delay, 'TaskTemplate.RestartPolicy.Delay') ?? 5000,
            maxAttempts: uint(restart.MaxAttempts, 'TaskTemplate.RestartPolicy.MaxAttempts'),
            windowMs: ms(restart.Window, 'TaskTemplate.RestartPolicy.Window'),
          })
        : undefined,
      placement: placement
        ? defined({
            constraints: strs(placement.Constraints, 'TaskTemplate.Placement.Constraints'),
            preferences: ((placement.Preferences as unknown[] | undefined) ?? []).map((p, i) => ({
              spread: {
                spreadDescriptor:
                  str(
                    obj(obj(p, `TaskTemplate.Placement.Preferences[${i}]`)?.Spread, 'Spread')
                      ?.SpreadDescriptor,
                    `TaskTemplate.Placement.Preferences[${i}].Spread.SpreadDescriptor`,
                  ) ?? '',
              },
            })),
            maxReplicas: uint(placement.MaxReplicas, 'TaskTemplate.Placement.MaxReplicas'),
            platforms: ((placement.Platforms as unknown[] | undefined) ?? []).map((p, i) => {
              const x = obj(p, `TaskTemplate.Placement.Platforms[${i}]`) ?? {};
              return { architecture: str(x.Architecture, 'Architecture') ?? '', os: str(x.OS, 'OS') ?? '' };
            }),
          })
        : undefined,
      forceUpdate: uint(t.ForceUpdate, 'TaskTemplate.ForceUpdate'),
      networks: taskNetworks?.length ? taskNetworks : specNetworks,
    }),
    ...mode,
    update: updateConfig(spec.UpdateConfig, 'UpdateConfig'),
    rollback: updateConfig(spec.RollbackConfig, 'RollbackConfig'),
    endpoint: ports?.length ? { ports: (ports as unknown[]).map(port) } : undefined,
  });
}

/** A Docker network create request as the JSON of `swarm.NetworkSpec`. */
export function networkSpecFromDocker(req: NetworkCreateRequest): Json {
  const ipam = obj(req.IPAM, 'IPAM');
  const configs = ipam?.Config;
  if (configs !== undefined && configs !== null && !Array.isArray(configs))
    bad('IPAM.Config', 'a list', configs);
  const driver = str(req.Driver, 'Driver') || 'overlay';
  if (driver !== 'overlay')
    refuse(`the ${JSON.stringify(driver)} network driver`, 'cluster networks use the overlay driver');
  return defined({
    annotations: defined({ name: str(req.Name, 'Name') ?? '', labels: labelMap(req.Labels, 'Labels') }),
    driverConfig: defined({ name: driver, options: labelMap(req.Options, 'Options') }),
    ipv6Enabled: req.EnableIPv6 === true ? true : undefined,
    internal: req.Internal === true ? true : undefined,
    attachable: req.Attachable === true ? true : undefined,
    ingress: req.Ingress === true ? true : undefined,
    ipam: ipam
      ? defined({
          driver: {
            name: str(ipam.Driver, 'IPAM.Driver') || 'default',
            options: labelMap(ipam.Options, 'IPAM.Options') ?? {},
          },
          configs: ((configs as unknown[] | undefined) ?? []).map((c, i) => {
            const x = obj(c, `IPAM.Config[${i}]`) ?? {};
            return defined({
              subnet: str(x.Subnet, `IPAM.Config[${i}].Subnet`),
              range: str(x.IPRange, `IPAM.Config[${i}].IPRange`),
              gateway: str(x.Gateway, `IPAM.Config[${i}].Gateway`),
            });
          }),
        })
      : undefined,
  });
}
