/**
 * From a swarm task to the Docker Engine's container create options: pure, so every mapping is
 * tested without an engine. The image's ENTRYPOINT is kept; `command` + `args` replace its CMD.
 */
import path from 'node:path';
import { fromLong, swarm } from '@swarm/api';
import type Docker from 'dockerode';
import { containerName, LABEL_PREFIX, LABELS } from './labels.js';

/** What {@link planContainer} needs to know of the node besides the task. */
export interface SpecContext {
  nodeId: string;
  clusterId: string;
  /** The network tasks attach to (`bridge`, a user network, or `none`). */
  network: string;
  /** The host address published ports bind to. */
  hostAddress: string;
  /** The task's secret directory on tmpfs, bound read-only at /run/secrets (undefined: no secrets). */
  secretsDir: string | undefined;
}

/** A port the task publishes: the container's target port and the host port asked for (0 = any). */
export interface PortRequest {
  name: string;
  targetPort: number;
  protocol: 'tcp' | 'udp';
  hostPort: number;
}

/** The container a task becomes: its name, image, create options, published ports and secret files. */
export interface ContainerPlan {
  name: string;
  image: string;
  options: Docker.ContainerCreateOptions;
  ports: PortRequest[];
  /** The secret targets (file names under /run/secrets), for the checks before create. */
  secretTargets: string[];
}

/** An int64 field as a number (protobufjs gives a Long or a number). */
export function int64(raw: unknown): number {
  if (raw === null || raw === undefined) return 0;
  if (typeof raw === 'number') return raw;
  if (typeof (raw as { toNumber?: unknown }).toNumber === 'function')
    return (raw as { toNumber(): number }).toNumber();
  const n = Number(raw);
  return Number.isFinite(n) ? n : 0;
}

const NS_PER_MS = 1_000_000;

/** Docker's HealthConfig from the spec's, or undefined to keep the image's. */
export function healthConfig(
  h: swarm.HealthConfig.$Properties | null | undefined,
): Docker.HealthConfig | undefined {
  if (h === null || h === undefined) return undefined;
  const test = [...(h.test ?? [])];
  const interval = int64(h.intervalMs);
  const timeout = int64(h.timeoutMs);
  const start = int64(h.startPeriodMs);
  const retries = h.retries ?? 0;
  if (test.length === 0 && interval === 0 && timeout === 0 && start === 0 && retries === 0) return undefined;
  const out: Docker.HealthConfig = {};
  if (test.length > 0) out.Test = test;
  if (interval > 0) out.Interval = interval * NS_PER_MS;
  if (timeout > 0) out.Timeout = timeout * NS_PER_MS;
  if (start > 0) out.StartPeriod = start * NS_PER_MS;
  if (retries > 0) out.Retries = retries;
  return out;
}

/** A secret file name under /run/secrets: one path component, no traversal. */
export function validSecretTarget(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    !name.includes('/') &&
    name !== '.' &&
    name !== '..' &&
    !name.includes('\0')
  );
}

/**
 * The container for `task`. Throws (the task is rejected) on what the engine would refuse or what
 * would be unsafe: no image, relative working directory, malformed env, bad secret targets.
 */
export function planContainer(task: swarm.Task, ctx: SpecContext): ContainerPlan {
  const c = task.spec?.container;
  const image = c?.image ?? '';
  if (image === '')
    throw new Error('the service has no image: give one, e.g. `service create 127.0.0.1:5000/busybox:1 ...`');
  const workdir = c?.dir ?? '';
  if (workdir !== '' && !path.posix.isAbsolute(workdir))
    throw new Error(`the working directory must be an absolute path, got ${JSON.stringify(workdir)}`);
  const env: string[] = [];
  for (const entry of c?.env ?? []) {
    if (entry.indexOf('=') <= 0)
      throw new Error(`environment entry ${JSON.stringify(entry)} is not KEY=VALUE: fix the service's --env`);
    env.push(entry);
  }
  const serviceName = task.serviceAnnotations?.name ?? '';
  const slot = task.slot === undefined || task.slot === null ? 0n : fromLong(task.slot);
  env.push(
    `SWARM_TASK_ID=${task.id}`,
    `SWARM_SERVICE_ID=${task.serviceId ?? ''}`,
    `SWARM_SERVICE_NAME=${serviceName}`,
    `SWARM_TASK_SLOT=${slot}`,
    `SWARM_NODE_ID=${ctx.nodeId}`,
  );

  const secretTargets: string[] = [];
  for (const ref of c?.secrets ?? []) {
    // The same name the agent gives the secret writer.
    const name = ref.target || ref.secretName || ref.secretId || '';
    if (!validSecretTarget(name))
      throw new Error(`secret target ${JSON.stringify(name)} is not a plain file name under /run/secrets`);
    if (secretTargets.includes(name))
      throw new Error(`two secrets of the task use the target ${JSON.stringify(name)}`);
    secretTargets.push(name);
  }
  if (secretTargets.length > 0 && (ctx.secretsDir === undefined || ctx.secretsDir === ''))
    throw new Error('the task references secrets but none were delivered to it (fail closed)');

  const ports: PortRequest[] = [];
  for (const p of task.endpoint?.spec?.ports ?? []) {
    const target = p.targetPort ?? 0;
    if (!Number.isInteger(target) || target < 1 || target > 65535)
      throw new Error(`port ${JSON.stringify(p.name ?? '')} has no valid target port (1-65535)`);
    const protocol = p.protocol === swarm.PortConfig.Protocol.UDP ? 'udp' : 'tcp';
    // Host-mode ports with a published port bind exactly that port; ingress ports get any free one
    // (the ingress proxy listens on the published port and forwards to it).
    const hostPort =
      p.publishMode === swarm.PortConfig.PublishMode.HOST && (p.publishedPort ?? 0) > 0
        ? (p.publishedPort as number)
        : 0;
    ports.push({ name: p.name ?? '', targetPort: target, protocol, hostPort });
  }
  if (ports.length > 0 && ctx.network === 'none')
    throw new Error(
      'the task publishes ports but the node attaches tasks to no network (none): give the engine a bridge network (run dockerd with its default bridge) or start the node with --docker-network',
    );

  const limits = task.spec?.resources?.limits;
  const reservations = task.spec?.resources?.reservations;
  const memory = int64(limits?.memoryBytes);
  const nanoCpus = int64(limits?.nanoCpus);
  const memoryReservation = int64(reservations?.memoryBytes);

  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(c?.labels ?? {})) if (!k.startsWith(LABEL_PREFIX)) labels[k] = v;
  Object.assign(labels, {
    [LABELS.cluster]: ctx.clusterId,
    [LABELS.node]: ctx.nodeId,
    [LABELS.service]: task.serviceId ?? '',
    [LABELS.serviceName]: serviceName,
    [LABELS.task]: task.id,
    [LABELS.slot]: String(slot),
    [LABELS.secrets]: String(secretTargets.length),
  });

  const hostConfig: Docker.HostConfig = {
    NetworkMode: ctx.network,
    // Secrets: the task's directory on the node's tmpfs, read-only; nothing reaches the image layer.
    ...(secretTargets.length > 0 ? { Binds: [`${ctx.secretsDir}:/run/secrets:ro`] } : {}),
    ...(memory > 0 ? { Memory: memory, MemorySwap: memory } : {}),
    ...(nanoCpus > 0 ? { NanoCpus: nanoCpus } : {}),
    ...(memoryReservation > 0 ? { MemoryReservation: memoryReservation } : {}),
    ...(ports.length > 0
      ? {
          PortBindings: Object.fromEntries(
            ports.map((p) => [
              `${p.targetPort}/${p.protocol}`,
              [{ HostIp: ctx.hostAddress, HostPort: p.hostPort > 0 ? String(p.hostPort) : '' }],
            ]),
          ),
        }
      : {}),
    // The task's processes may not gain privileges through setuid binaries.
    SecurityOpt: ['no-new-privileges'],
  };

  const cmd = [...(c?.command ?? []), ...(c?.args ?? [])];
  const health = healthConfig(c?.healthcheck);
  const options: Docker.ContainerCreateOptions = {
    Image: image,
    Env: env,
    Labels: labels,
    ...(cmd.length > 0 ? { Cmd: cmd } : {}),
    ...(workdir !== '' ? { WorkingDir: workdir } : {}),
    ...(c?.user ? { User: c.user } : {}),
    ...(c?.hostname ? { Hostname: c.hostname } : {}),
    ...(ports.length > 0
      ? { ExposedPorts: Object.fromEntries(ports.map((p) => [`${p.targetPort}/${p.protocol}`, {}])) }
      : {}),
    ...(health === undefined ? {} : { Healthcheck: health }),
    HostConfig: hostConfig,
  };
  const slotOrNode = slot > 0n ? String(slot) : ctx.nodeId;
  return { name: containerName(serviceName, slotOrNode, task.id), image, options, ports, secretTargets };
}

/** The registry host of an image reference (`docker.io` for Docker Hub names). */
export function registryOf(image: string): string {
  const first = image.split('/')[0] ?? '';
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost'))
    return first;
  return 'docker.io';
}

/** `repo` and `tag` of a reference for the pull API (a digest reference keeps its digest). */
export function splitImage(image: string): { fromImage: string; tag: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { fromImage: image, tag: '' };
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon > slash) return { fromImage: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { fromImage: image, tag: 'latest' };
}
