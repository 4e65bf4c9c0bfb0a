// The swarm core's errors as dockerd words the same cases (scripts match on these messages).
import { SwarmError } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { DockerApiError } from '../src/index.js';
import { toDockerError } from '../src/swarm.js';

const docker = (e: unknown) => {
  const d = toDockerError(e, 'service', 'web', 'web') as DockerApiError;
  expect(d).toBeInstanceOf(DockerApiError);
  return { status: d.status, message: d.message };
};

describe('toDockerError', () => {
  it('names the object a call was about when nothing is found', () => {
    expect(docker(new SwarmError('NOT_FOUND', 'no service matches "web"'))).toEqual({
      status: 404,
      message: 'service web not found',
    });
    const fromDetails = toDockerError(new SwarmError('NOT_FOUND', 'x', { kind: 'secret', ref: 'db' }));
    expect((fromDetails as DockerApiError).message).toBe('secret db not found');
  });

  it("answers a name conflict with dockerd's wording for each kind", () => {
    const conflict = (kind: string) =>
      (toDockerError(new SwarmError('NAME_CONFLICT', 'taken', { kind, objectName: 'db' })) as DockerApiError)
        .message;
    expect(conflict('network')).toBe('network with name db already exists');
    expect(conflict('secret')).toBe('rpc error: code = AlreadyExists desc = secret db already exists');
    expect(conflict('config')).toBe('rpc error: code = AlreadyExists desc = config db already exists');
    expect(conflict('service')).toBe(
      'rpc error: code = AlreadyExists desc = name conflicts with an existing object: service db already exists',
    );
  });

  it('answers a config in use or too large with 400 and the core message', () => {
    const inUse = "config 'app' is in use by the following service: web";
    expect(docker(new SwarmError('CONFIG_IN_USE', inUse))).toEqual({
      status: 400,
      message: `rpc error: code = InvalidArgument desc = ${inUse}`,
    });
    expect(docker(new SwarmError('CONFIG_TOO_LARGE', 'config data must be 1 byte to 1000 KiB')).status).toBe(
      400,
    );
  });

  it('maps the codes of the libraries under the control API', () => {
    expect(docker(new SwarmError('SEQUENCE_CONFLICT', 'stale version'))).toEqual({
      status: 500,
      message: 'rpc error: code = Unknown desc = update out of sequence',
    });
    expect(docker(new SwarmError('INVALID_CONSTRAINT', 'bad constraint "x"'))).toEqual({
      status: 400,
      message: 'rpc error: code = InvalidArgument desc = bad constraint "x"',
    });
    expect(docker(new SwarmError('NO_LEADER', 'no quorum')).status).toBe(503);
    expect(docker(new SwarmError('SOMETHING_ELSE', 'odd'))).toEqual({ status: 500, message: 'odd' });
  });

  it("tells a worker from a node in no swarm, in dockerd's words", () => {
    expect(docker(new SwarmError('NOT_A_MANAGER', 'Worker nodes cannot do this')).message).toMatch(
      /^This node is not a swarm manager\. Worker nodes can't be used/,
    );
    expect(docker(new SwarmError('NOT_A_MANAGER', 'not in a swarm')).message).toMatch(
      /Use "docker swarm init" or "docker swarm join"/,
    );
  });

  it('returns anything that is not a swarm error as it is', () => {
    const plain = new Error('disk on fire');
    expect(toDockerError(plain)).toBe(plain);
  });
});
