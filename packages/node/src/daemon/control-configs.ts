/**
 * The control API's config calls (`swarm config create|ls|inspect|rm`, label updates) and the
 * config references of a service spec. Configs are like secrets without the secrecy: names are
 * unique, data is immutable (only labels change), a config in use by a service cannot be removed,
 * and the dispatcher sends one only to nodes whose tasks use it.
 */
import { fromLong, generateId, SwarmError, swarm } from '@swarm/api';
import { isValidSecretName } from '@swarm/secret-store';
import type { ReadTx } from '@swarm/store';
import type { ConfigView } from '../control/api.js';
import type { Manager } from '../manager/manager.js';

/** Docker's limit on config data: 1000 KiB (swarmkit's MaxConfigSize). */
export const MAX_CONFIG_BYTES = 1000 * 1024;

/** The file mode a config gets when the reference names none (Docker's 0444). */
export const DEFAULT_CONFIG_MODE = 0o444;

/** A config as the control API shows it, with its data. */
export function configView(c: swarm.Config): ConfigView {
  return {
    id: c.id,
    name: c.spec?.annotations?.name ?? '',
    version: String(fromLong(c.meta?.version?.index ?? 0)),
    createdAt: Number(fromLong(c.meta?.createdAt ?? 0)),
    updatedAt: Number(fromLong(c.meta?.updatedAt ?? 0)),
    labels: { ...(c.spec?.annotations?.labels ?? {}) },
    dataBase64: Buffer.from(c.spec?.data ?? new Uint8Array()).toString('base64'),
  };
}

function invalid(message: string, details: Record<string, unknown> = {}): SwarmError {
  return new SwarmError('INVALID_ARGUMENT', message, details);
}

/** One config by full ID, name, or unique ID prefix (NOT_FOUND, AMBIGUOUS otherwise). */
export function resolveConfig(tx: ReadTx, ref: string): swarm.Config {
  if (typeof ref !== 'string' || ref === '') throw invalid('a config ID or name is required');
  const exact = tx.get('config', ref);
  if (exact) return exact;
  const all = tx.list('config');
  const byName = all.filter((c) => c.spec?.annotations?.name === ref);
  if (byName.length === 1) return byName[0]!;
  const byPrefix = all.filter((c) => c.id.startsWith(ref));
  if (byName.length === 0 && byPrefix.length === 1) return byPrefix[0]!;
  if (byName.length > 1 || byPrefix.length > 1)
    throw new SwarmError('AMBIGUOUS', `config ${JSON.stringify(ref)} is ambiguous: use a longer ID prefix`, {
      kind: 'config',
      ref,
    });
  throw new SwarmError('NOT_FOUND', `config not found: ${ref}`, { kind: 'config', ref });
}

/** The names of the services whose spec references config `configId`. */
export function servicesUsingConfig(tx: ReadTx, configId: string): string[] {
  return tx
    .list('service')
    .filter((svc) => (svc.spec?.task?.container?.configs ?? []).some((r) => r.configId === configId))
    .map((svc) => svc.spec?.annotations?.name ?? svc.id)
    .sort();
}

/**
 * A config file's path in the task: absolute (a relative target is taken from `/`, as Docker does
 * on Linux), normalized, no `..` component. Throws INVALID_ARGUMENT naming the config otherwise.
 */
export function checkConfigTarget(target: string, config: string): string {
  const parts = target.split('/').filter((p) => p !== '' && p !== '.');
  if (target.includes('\0') || parts.length === 0 || parts.includes('..'))
    throw invalid(
      `config ${config}: target ${JSON.stringify(target)} is not a file path: give an absolute path such as /etc/${config}`,
      { config, target },
    );
  return `/${parts.join('/')}`;
}

/**
 * Fills the config references of a service spec from the store: each names an existing config
 * (by ID or name), gets its ID and name, a target (default `/NAME`) and a mode (default 0444).
 * Two references to the same target are refused.
 */
export function resolveConfigRefs(tx: ReadTx, container: swarm.IContainerSpec | null | undefined): void {
  const targets = new Set<string>();
  for (const ref of container?.configs ?? []) {
    const wanted = ref.configId || ref.configName || '';
    const config = tx
      .list('config')
      .find((c) => c.id === wanted || (wanted !== '' && c.spec?.annotations?.name === wanted));
    if (config === undefined)
      throw new SwarmError('NOT_FOUND', `config not found: ${wanted}`, { kind: 'config', ref: wanted });
    ref.configId = config.id;
    ref.configName = config.spec?.annotations?.name ?? '';
    ref.target = checkConfigTarget(ref.target || `/${ref.configName}`, ref.configName);
    if (!ref.mode) ref.mode = DEFAULT_CONFIG_MODE;
    if ((ref.mode & ~0o7777) !== 0)
      throw invalid(`config ${ref.configName}: mode 0${ref.mode.toString(8)} is not a file mode`);
    if (targets.has(ref.target))
      throw invalid(`two configs of the service use the target ${ref.target}: give each its own target`, {
        target: ref.target,
      });
    targets.add(ref.target);
  }
}

function checkLabels(labels: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (labels === undefined || labels === null) return out;
  if (typeof labels !== 'object') throw invalid('labels must be an object of strings');
  for (const [k, v] of Object.entries(labels)) {
    if (k === '' || typeof v !== 'string')
      throw invalid(`label ${JSON.stringify(k)} needs a key and a value`);
    out[k] = v;
  }
  return out;
}

/** `swarm config create`. */
export async function configCreate(
  m: Manager,
  req: { name: string; dataBase64: string; labels?: Record<string, string> },
): Promise<ConfigView> {
  if (!isValidSecretName(req?.name))
    throw invalid(
      `config name ${JSON.stringify(req?.name)} is not valid: use 1-64 letters, digits, '-', '_' and '.', starting with a letter or digit`,
    );
  const labels = checkLabels(req.labels);
  const data = Buffer.from(String(req.dataBase64 ?? ''), 'base64');
  if (data.length < 1 || data.length > MAX_CONFIG_BYTES)
    throw new SwarmError(
      'CONFIG_TOO_LARGE',
      `config data must be 1 byte to ${MAX_CONFIG_BYTES / 1024} KiB (${MAX_CONFIG_BYTES} bytes), got ${data.length} bytes`,
      { size: data.length, limit: MAX_CONFIG_BYTES },
    );
  const id = generateId();
  await m.update((tx) => {
    const lower = req.name.toLowerCase();
    if (tx.list('config').some((c) => (c.spec?.annotations?.name ?? '').toLowerCase() === lower))
      throw new SwarmError(
        'NAME_CONFLICT',
        `config ${req.name} already exists: configs are immutable, create one with another name`,
        { kind: 'config', name: req.name },
      );
    tx.create('config', swarm.Config.create({ id, spec: { annotations: { name: req.name, labels }, data } }));
  });
  return m.store.view((tx) => configView(tx.get('config', id)!));
}

/** `swarm config ls`: every config, by name. */
export function configList(m: Manager): ConfigView[] {
  return m.store.view((tx) =>
    tx
      .list('config')
      .map(configView)
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

/** `swarm config inspect`. */
export function configInspect(m: Manager, req: { id: string }): ConfigView {
  return m.store.view((tx) => configView(resolveConfig(tx, req?.id)));
}

/** `swarm config rm`: refused while a service uses the config. */
export async function configRemove(m: Manager, req: { id: string }): Promise<{ id: string }> {
  const c = m.store.view((tx) => resolveConfig(tx, req?.id));
  await m.update((tx) => {
    // Checked in the write, so that a service created meanwhile cannot lose its config.
    const users = servicesUsingConfig(tx, c.id);
    if (users.length > 0)
      throw new SwarmError(
        'CONFIG_IN_USE',
        `config '${c.spec?.annotations?.name}' is in use by the following service${users.length > 1 ? 's' : ''}: ${users.join(', ')}`,
        { config: c.id, services: users },
      );
    if (tx.get('config', c.id)) tx.delete('config', c.id);
  });
  return { id: c.id };
}

/** Label updates; the data of a config never changes. */
export async function configUpdate(
  m: Manager,
  req: { id: string; version?: string; labels: Record<string, string> },
): Promise<ConfigView> {
  const c = m.store.view((tx) => resolveConfig(tx, req?.id));
  const labels = checkLabels(req.labels);
  await m.update((tx) => {
    const cur = tx.get('config', c.id);
    if (cur === undefined)
      throw new SwarmError('NOT_FOUND', `config not found: ${req.id}`, { kind: 'config' });
    const version = String(fromLong(cur.meta?.version?.index ?? 0));
    if (req.version !== undefined && req.version !== '' && req.version !== version)
      throw new SwarmError(
        'SEQUENCE_CONFLICT',
        `config ${cur.spec?.annotations?.name || cur.id} changed since it was read (version ${req.version}, now ${version}); read it again and retry`,
        { kind: 'config', id: cur.id, given: req.version, stored: version },
      );
    cur.spec ??= swarm.ConfigSpec.create();
    cur.spec.annotations = { ...(cur.spec.annotations ?? {}), labels };
    tx.update('config', cur);
  });
  return m.store.view((tx) => configView(tx.get('config', c.id)!));
}
