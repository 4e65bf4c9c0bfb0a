// The README's example, as written there (with a private socket path), and what it promises.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerUnavailableError, type SwarmBackend, serveDockerApi } from '@swarm/docker-api';
import { expect, it } from 'vitest';

it('runs the README example', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'docker-api-readme-'));
  const NOT_A_MANAGER =
    'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
  const refuse = async (): Promise<never> => {
    throw new DockerUnavailableError(NOT_A_MANAGER);
  };
  const inactive: SwarmBackend = {
    engine: { name: 'example', version: '0.0.1' },
    info: async () => ({
      Swarm: {
        NodeID: '',
        NodeAddr: '',
        LocalNodeState: 'inactive',
        ControlAvailable: false,
        Error: '',
        RemoteManagers: null,
      },
    }),
    swarmInspect: refuse,
    swarmInit: refuse,
    swarmJoin: refuse,
    swarmLeave: refuse,
    swarmUpdate: refuse,
    swarmUnlockKey: refuse,
    swarmUnlock: refuse,
    nodeList: refuse,
    nodeInspect: refuse,
    nodeUpdate: refuse,
    nodeRemove: refuse,
    serviceList: refuse,
    serviceInspect: refuse,
    serviceCreate: refuse,
    serviceUpdate: refuse,
    serviceRemove: refuse,
    taskList: refuse,
    taskInspect: refuse,
    logs: refuse,
    secretList: refuse,
    secretInspect: refuse,
    secretCreate: refuse,
    secretUpdate: refuse,
    secretRemove: refuse,
    configList: refuse,
    configInspect: refuse,
    configCreate: refuse,
    configUpdate: refuse,
    configRemove: refuse,
    networkList: refuse,
    networkInspect: refuse,
    networkCreate: refuse,
    networkRemove: refuse,
    events: async function* () {},
  };

  const socketPath = join(dir, 'example-docker.sock');
  const server = await serveDockerApi({ backend: inactive, listen: { socketPath } });
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ socketPath, path: '/v1.41/services' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  expect(answer).toEqual({ status: 503, body: `${JSON.stringify({ message: NOT_A_MANAGER })}\n` });
});
