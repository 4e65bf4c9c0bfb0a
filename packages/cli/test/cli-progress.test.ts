// `service create` / `update` / `scale` wait for convergence with Docker's progress display
// (overall count, one line per slot), print the scheduler's reason for a task that cannot be
// placed, and fail when an update pauses; `--detach` skips the wait.
import type { ServiceView, TaskView } from '@swarm/node/control';
import { describe, expect, it } from 'vitest';
import { serviceView, useFakeDaemon } from './fixtures/fake-daemon.js';

const fake = useFakeDaemon({ SWARM_PROGRESS_INTERVAL_MS: '1' });
const { api } = fake;
const run = (argv: string[], tty = false) => fake.run(argv, { tty });

const ID = 's'.repeat(25);

function task(slot: number, state: string, extra: Partial<TaskView> = {}): TaskView {
  return {
    id: `t${slot}`.padEnd(25, 'x'),
    name: `web.${slot}`,
    serviceId: ID,
    slot,
    nodeId: 'n'.repeat(25),
    nodeHostname: 'worker1',
    desiredState: 'running',
    currentState: state,
    since: 0,
    error: '',
    message: '',
    ports: [],
    raw: { specVersion: '1' },
    ...extra,
  };
}

/** A service whose tasks move one state per poll, from `states[i]` onwards. */
function scripted(replicas: number, frames: TaskView[][], svc: Partial<ServiceView> = {}) {
  let poll = 0;
  const view: ServiceView = { ...serviceView(ID, 'web', replicas, 0, ['node'], []), ...svc };
  view.raw = { ...view.raw, specVersion: '1' };
  api.overrides.set('serviceCreate', () => view);
  api.overrides.set('serviceInspect', () => view);
  api.overrides.set('serviceUpdate', () => view);
  api.overrides.set('servicePs', () => frames[Math.min(poll++, frames.length - 1)]!);
}

describe('service progress', () => {
  it('create waits until every slot runs, printing the overall count as it moves', async () => {
    scripted(3, [
      [task(1, 'pending'), task(2, 'assigned'), task(3, 'preparing')],
      [task(1, 'running'), task(2, 'starting'), task(3, 'running')],
      [task(1, 'running'), task(2, 'running'), task(3, 'running')],
    ]);
    const r = await run(['service', 'create', '--name', 'web', '--', 'node']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${ID}\noverall progress: 0 out of 3 tasks\noverall progress: 2 out of 3 tasks\noverall progress: 3 out of 3 tasks\nverify: Service converged\n`,
    );
    expect(api.callsOf('servicePs')).toHaveLength(3);
  });

  it('converges after a scale-down that kept slots other than 1..N', async () => {
    // 5 -> 3 keeping slots 2, 4 and 5: the old display waited for slots 1..3 forever.
    scripted(3, [
      [task(2, 'running'), task(4, 'starting'), task(5, 'running')],
      [task(2, 'running'), task(4, 'running'), task(5, 'running')],
    ]);
    const r = await run(['service', 'create', '--name', 'web', '--', 'node']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${ID}\noverall progress: 2 out of 3 tasks\noverall progress: 3 out of 3 tasks\nverify: Service converged\n`,
    );
  });

  it('shows the scheduler reason of a task that cannot be placed, then converges when it can', async () => {
    const reason = 'no suitable node (2 nodes fail constraint node.labels.swarm.zone==pci)';
    scripted(2, [
      [task(1, 'running'), task(2, 'pending', { message: reason })],
      [task(1, 'running'), task(2, 'pending', { message: reason })],
      [task(1, 'running'), task(2, 'running')],
    ]);
    const r = await run(['service', 'create', '--name', 'web', '--', 'node']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`2/2: ${reason}`);
    expect(r.stdout.trim().endsWith('verify: Service converged')).toBe(true);
  });

  it('draws one line per slot with a bar on a terminal, redrawn in place', async () => {
    scripted(2, [
      [task(1, 'assigned'), task(2, 'running')],
      [task(1, 'running'), task(2, 'running')],
    ]);
    const r = await run(['service', 'create', '--name', 'web', '--', 'node'], true);
    expect(r.stdout).toContain('\x1b[3A'); // the second frame moves up over the first (3 lines)
    expect(r.stdout).toContain('2/2: running    [=================================================>]');
    expect(r.stdout).toMatch(/1\/2: assigned\s+\[=+>\s+\]/);
  });

  it('an update counts only tasks at the new spec, and fails when the update pauses', async () => {
    const old = { raw: { specVersion: '1' } };
    scripted(
      2,
      [
        [task(1, 'running', old), task(2, 'running', old)],
        [task(1, 'running', { raw: { specVersion: '2' } }), task(2, 'running', old)],
      ],
      { updateState: 'updating' },
    );
    const view = (await api.serviceInspect({ id: ID })) as ServiceView;
    view.raw = { ...view.raw, specVersion: '2' };
    let polls = 0;
    api.overrides.set('serviceInspect', () => {
      polls++;
      return polls >= 3
        ? {
            ...view,
            updateState: 'paused',
            updateMessage: 'update paused due to failure or early termination of task t2',
          }
        : view;
    });
    const r = await run(['service', 'update', '--env-add', 'A=2', 'web']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('overall progress: 0 out of 2 tasks');
    expect(r.stdout).toContain('overall progress: 1 out of 2 tasks');
    expect(r.stderr).toBe('Error: update paused due to failure or early termination of task t2\n');
  });

  it('a requested rollback that completes is a success; an update that rolled back is not', async () => {
    scripted(1, [[task(1, 'running')]], {
      updateState: 'rollback_completed',
      updateMessage: 'rollback completed',
    });
    expect((await run(['service', 'rollback', 'web'])).code).toBe(0);
    const failed = await run(['service', 'update', '--env-add', 'A=2', 'web']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('Error: rollback completed\n');
  });

  it('--detach returns at once', async () => {
    scripted(3, [[task(1, 'pending')]]);
    const r = await run(['service', 'create', '--detach', '--name', 'web', '--', 'node']);
    expect(r).toEqual({ code: 0, stdout: `${ID}\n`, stderr: '' });
    expect(api.callsOf('servicePs')).toHaveLength(0);
  });
});
