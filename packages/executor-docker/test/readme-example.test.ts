// The README example, run as written (between the markers) against a private engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DockerBench, dockerBench, IMAGE } from './harness.js';

describe('README example', () => {
  let b: DockerBench;
  beforeAll(async () => {
    b = await dockerBench('dr');
  }, 120_000);
  afterAll(async () => {
    await b?.tb.cleanup();
  }, 60_000);

  it('runs a task to COMPLETE and keeps its output', async () => {
    const dockerHost = b.engine.host;
    const image = IMAGE;
    const seen: unknown[] = [];
    const console = { log: (...args: unknown[]) => seen.push(args) };
    // --- README example start ---
    const { swarm } = await import('@swarm/api');
    const { DockerExecutor } = await import('@swarm/executor-docker');

    const executor = await DockerExecutor.connect({
      nodeId: 'n'.repeat(25), // this node: only containers labelled with it are ever touched
      hostAddress: '127.0.0.1', // published ports bind here
      dockerHost, // e.g. 'unix:///var/run/docker.sock'
    });
    console.log(executor.info); // { kind: 'docker', version: '20.10.24+dfsg1', network: 'bridge' }

    const task = swarm.Task.create({
      id: 't'.repeat(25),
      serviceAnnotations: { name: 'hello' },
      spec: { container: { image, command: ['echo', 'hello from a container'] } },
    });
    const end = await new Promise<{ state: number; exitCode?: number }>((resolve) =>
      executor.start(task, {
        secretsDir: undefined, // the agent's tmpfs directory when the task has secrets
        report: (s) => {
          if (s.state > swarm.TaskState.RUNNING) resolve(s);
        },
      }),
    );
    console.log(swarm.TaskState[end.state], end.exitCode); // COMPLETE 0
    console.log(executor.logs(task.id).map((l) => Buffer.from(l.data ?? []).toString())); // [ 'hello from a container' ]
    await executor.close(); // stops and removes the node's containers (detach() leaves them running)
    // --- README example end ---
    expect(seen[0]).toEqual([expect.objectContaining({ kind: 'docker', network: 'bridge' })]);
    expect(seen[1]).toEqual(['COMPLETE', 0]);
    expect(seen[2]).toEqual([['hello from a container']]);
    expect(await b.containersOf('n'.repeat(25))).toEqual([]);
  });
});
