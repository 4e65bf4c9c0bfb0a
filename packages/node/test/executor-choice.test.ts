// How `swarm daemon` picks its executor: the flag, else a Docker Engine if one answers, else the sandbox.
import { MemoryLogger } from '@swarm/api';
import { Testbed } from '@swarm/testbed';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseExecutor } from '../src/daemon/run.js';

const NOWHERE = 'unix:///nonexistent/sw17/docker.sock';

describe('chooseExecutor', () => {
  let tb: Testbed | undefined;
  afterAll(async () => {
    await tb?.cleanup();
  }, 60_000);

  it('runs the sandbox when no engine answers, and says why', async () => {
    const logger = new MemoryLogger();
    expect(await chooseExecutor({ dockerHost: NOWHERE }, logger)).toEqual({ kind: 'sandbox' });
    expect(JSON.stringify(logger.entries)).toContain(`no Docker Engine answers at ${NOWHERE}`);
    expect(await chooseExecutor({ executor: 'sandbox' }, logger)).toEqual({ kind: 'sandbox' });
  });

  it('refuses --executor docker without an engine, naming the address and the fix', async () => {
    await expect(
      chooseExecutor({ executor: 'docker', dockerHost: NOWHERE }, new MemoryLogger()),
    ).rejects.toMatchObject({
      code: 'ENGINE_UNREACHABLE',
      message: expect.stringMatching(/no Docker Engine answers at unix:\/\/\/nonexistent.*--docker-host/),
    });
  });

  it('runs containers when an engine answers, with the network asked for', async () => {
    tb = await Testbed.create({ prefix: 'sw17' });
    const engine = await tb.engine({ name: 'choice' }); // host namespace: no bridge, no iptables
    expect(await chooseExecutor({ dockerHost: engine.host }, new MemoryLogger())).toEqual({
      kind: 'docker',
      dockerHost: engine.host,
    });
    expect(
      await chooseExecutor({ dockerHost: engine.host, dockerNetwork: 'none' }, new MemoryLogger()),
    ).toEqual({
      kind: 'docker',
      dockerHost: engine.host,
      network: 'none',
    });
  }, 90_000);
});
