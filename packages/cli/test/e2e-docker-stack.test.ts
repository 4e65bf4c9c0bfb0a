// `docker stack deploy` of a version-3 compose file (two services, a secret, a config, a published port)
// against a node that serves the Docker API on TCP with mutual TLS (Docker's --tlsverify model):
// the docker CLI does the compose work and drives the networks, secrets and services APIs. The
// same listener refuses clients without a certificate, web pages (Origin) and foreign Host names,
// and the daemon refuses to serve the Docker API on plain TCP at all.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, runSwarm, waitFor } from '../src/testing.js';
import { DEBIAN_DOCKER, DockerCli, dockerClients } from './docker-cli.js';

const ADDRESS = '127.0.3.21';
const API = `tcp://${ADDRESS}:2376`;

/** A CA, a server certificate for ADDRESS and a client certificate, made with openssl. */
function makeCertificates(dir: string): void {
  const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const key = (out: string) =>
    ssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', out]);
  key('ca-key.pem');
  ssl([
    'req',
    '-x509',
    '-new',
    '-key',
    'ca-key.pem',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=sw18 test CA',
  ]);
  for (const [name, ext] of [
    ['server', `subjectAltName=IP:${ADDRESS}\nextendedKeyUsage=serverAuth\n`],
    ['client', 'extendedKeyUsage=clientAuth\n'],
  ] as const) {
    key(`${name}-key.pem`);
    ssl(['req', '-new', '-key', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl([
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    ]);
  }
  // The docker CLI reads DOCKER_CERT_PATH/{ca,cert,key}.pem.
  writeFileSync(join(dir, 'cert.pem'), readFileSync(join(dir, 'client.pem')));
  writeFileSync(join(dir, 'key.pem'), readFileSync(join(dir, 'client-key.pem')));
}

const WEB = `const fs = require('node:fs');
require('node:http').createServer((req, res) => {
  res.end('site ' + fs.readFileSync('/run/secrets/site_key', 'utf8').trim() + ' ' + fs.readFileSync('/conf/site.conf', 'utf8').trim() + ' MODE=' + process.env.MODE + '\\n');
}).listen(Number(process.env.PORT), process.env.HOST);`;

const COMPOSE = `version: "3.8"
services:
  web:
    image: site:local
    command: ${JSON.stringify([process.execPath, '-e', WEB])}
    ports:
      - "8081:80"
    secrets:
      - site_key
    configs:
      - source: site_conf
        target: /conf/site.conf
    environment:
      MODE: prod
    deploy:
      replicas: 2
  worker:
    image: busybox
    command: sh -c 'echo worker up; sleep 1000'
    deploy:
      mode: global
secrets:
  site_key:
    file: ./site_key.txt
configs:
  site_conf:
    file: ./site_conf.txt
`;

/** An HTTPS request to the Docker API with the given client credentials and headers. */
function call(
  dir: string,
  o: { path: string; headers?: Record<string, string>; clientCert?: boolean; method?: string; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: ADDRESS,
        port: 2376,
        path: o.path,
        method: o.method ?? 'GET',
        ca: readFileSync(join(dir, 'ca.pem')),
        ...(o.clientCert === false
          ? {}
          : { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) }),
        headers: o.headers ?? {},
        // The certificate names ADDRESS; a forged Host header must not change what the client verifies.
        checkServerIdentity: (_host: string, cert: { subjectaltname?: string }) =>
          cert.subjectaltname === `IP Address:${ADDRESS}`
            ? undefined
            : new Error('unexpected server certificate'),
        agent: false,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('docker stack deploy over mutual TLS', () => {
  const cluster = new LocalCluster();
  let node: LocalNode;
  let docker: DockerCli;

  beforeAll(async () => {
    makeCertificates(cluster.root);
    const pem = (f: string) => join(cluster.root, f);
    node = cluster.add({
      name: 'node1',
      address: ADDRESS,
      daemonArgs: [
        '--raft-tick',
        '50ms',
        '--heartbeat-period',
        '1s',
        '--docker-api',
        API,
        '--docker-api-tlscacert',
        pem('ca.pem'),
        '--docker-api-tlscert',
        pem('server.pem'),
        '--docker-api-tlskey',
        pem('server-key.pem'),
      ],
    });
    await node.start();
    docker = new DockerCli(DEBIAN_DOCKER, API, join(cluster.root, 'cli'), {
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: cluster.root,
    });
    writeFileSync(join(cluster.root, 'compose.yml'), COMPOSE);
    writeFileSync(join(cluster.root, 'site_key.txt'), 'topsecret');
    writeFileSync(join(cluster.root, 'site_conf.txt'), 'conf=v1');
    await docker.ok(['swarm', 'init', '--listen-addr', node.addr]);
  }, 60_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  it('deploys the stack: network, secret and both services, and serves the published port with the secret', async () => {
    const out = await docker.ok(['stack', 'deploy', '-c', 'compose.yml', 'app'], undefined, cluster.root);
    expect(out).toContain('Creating network app_default');
    expect(out).toContain('Creating secret app_site_key');
    expect(out).toContain('Creating config app_site_conf');
    expect(out).toContain('Creating service app_web');
    expect(out).toContain('Creating service app_worker');
    await waitFor(
      'both services converged',
      async () => {
        const s = await docker.ok([
          'stack',
          'services',
          'app',
          '--format',
          '{{.Name}} {{.Mode}} {{.Replicas}} {{.Ports}}',
        ]);
        return s.includes('app_web replicated 2/2 *:8081->80/tcp') && s.includes('app_worker global 1/1');
      },
      60_000,
    );
    const body = await waitFor('the published port', async () => {
      const res = await fetch(`http://${ADDRESS}:8081/`, { signal: AbortSignal.timeout(3000) });
      return res.ok ? await res.text() : undefined;
    });
    expect(body).toBe('site topsecret conf=v1 MODE=prod\n');
    for (const bin of dockerClients()) {
      const cli = new DockerCli(bin, API, join(cluster.root, `cli-${bin.replaceAll('/', '_')}`), docker.env);
      expect(await cli.ok(['stack', 'ls'])).toMatch(/^NAME\s+SERVICES.*\napp\s+2\b/);
      expect(await cli.ok(['stack', 'services', 'app'])).toMatch(
        /app_web\s+replicated\s+2\/2\s+site:local\s+\*:8081->80\/tcp/,
      );
      expect(await cli.ok(['stack', 'ps', 'app', '--format', '{{.Name}} {{.CurrentState}}'])).toMatch(
        /^app_web\.1 Running/m,
      );
    }
    // the stack's objects, as Docker labels them
    expect(
      await docker.ok([
        'network',
        'ls',
        '--filter',
        'label=com.docker.stack.namespace=app',
        '--format',
        '{{.Name}} {{.Driver}} {{.Scope}}',
      ]),
    ).toBe('app_default overlay swarm\n');
    const web = JSON.parse(await docker.ok(['service', 'inspect', 'app_web']))[0];
    expect(web.Spec.Labels).toMatchObject({
      'com.docker.stack.namespace': 'app',
      'com.docker.stack.image': 'site:local',
    });
    const networkId = (await docker.ok(['network', 'inspect', '-f', '{{.Id}}', 'app_default'])).trim();
    expect(web.Spec.TaskTemplate.Networks).toEqual([{ Target: networkId, Aliases: ['web'] }]);
    expect(await docker.fails(['network', 'rm', 'app_default'])).toMatch(
      /Error response from daemon: rpc error: code = FailedPrecondition desc = network [0-9a-z]{25} is in use by service [0-9a-z]{25}/,
    );
    expect(await docker.fails(['network', 'create', '-d', 'overlay', 'app_default'])).toContain(
      'Error response from daemon: network with name app_default already exists',
    );
  }, 120_000);

  it('deploys and removes a stack with every docker client on the machine', async () => {
    writeFileSync(
      join(cluster.root, 'small.yml'),
      'version: "3"\nservices:\n  one:\n    image: busybox\n    command: sh -c "sleep 1000"\n',
    );
    for (const [i, bin] of dockerClients().entries()) {
      const cli = new DockerCli(bin, API, join(cluster.root, `cli-${i}`), docker.env);
      const out = await cli.ok(['stack', 'deploy', '-c', 'small.yml', `small${i}`], undefined, cluster.root);
      expect(out).toContain(`Creating service small${i}_one`);
      await waitFor(`small${i} running`, async () =>
        (await cli.ok(['stack', 'services', `small${i}`])).includes('replicated   1/1'),
      );
      expect(await cli.ok(['stack', 'rm', `small${i}`])).toContain(`Removing network small${i}_default`);
    }
  }, 60_000);

  it('stack rm removes the services, the secret and the network', async () => {
    const out = await docker.ok(['stack', 'rm', 'app']);
    expect(out).toContain('Removing service app_web');
    expect(out).toContain('Removing service app_worker');
    expect(out).toContain('Removing secret app_site_key');
    expect(out).toContain('Removing config app_site_conf');
    expect(out).toContain('Removing network app_default');
    await waitFor('nothing left', async () => (await docker.ok(['service', 'ls', '-q'])) === '');
    expect(await docker.ok(['secret', 'ls', '-q'])).toBe('');
    expect(await docker.ok(['config', 'ls', '-q'])).toBe('');
    expect(await docker.ok(['network', 'ls', '-q'])).toBe('');
    expect(await docker.ok(['stack', 'ls'])).not.toContain('app');
  }, 60_000);

  it('docker swarm update: token rotation, autolock and its key, certificate expiry; refuses what it cannot apply', async () => {
    const before = await docker.ok(['swarm', 'join-token', '-q', 'worker']);
    expect(await docker.ok(['swarm', 'join-token', '--rotate', 'worker'])).toContain(
      'Successfully rotated worker join token.',
    );
    expect(await docker.ok(['swarm', 'join-token', '-q', 'worker'])).not.toBe(before);
    expect(await docker.fails(['swarm', 'unlock-key'])).toContain('no unlock key is set');
    const on = await docker.ok(['swarm', 'update', '--autolock=true']);
    const key = /SWMKEY-1-\S+/.exec(on)?.[0];
    expect(key).toBeDefined();
    expect(await docker.ok(['swarm', 'unlock-key', '-q'])).toBe(`${key}\n`);
    const rotated = await docker.ok(['swarm', 'unlock-key', '--rotate', '-q']);
    expect(rotated).toMatch(/^SWMKEY-1-\S+\n$/);
    expect(rotated).not.toBe(`${key}\n`);
    expect(await docker.ok(['swarm', 'update', '--autolock=false'])).toContain('Swarm updated.');
    await docker.ok(['swarm', 'update', '--cert-expiry', '48h']);
    expect(await docker.ok(['info'])).toContain('   Expiry Duration: 2 days');
    expect(await docker.fails(['swarm', 'update', '--task-history-limit', '10'])).toContain(
      'changing Orchestration.TaskHistoryRetentionLimit is not supported by this cluster',
    );
  }, 60_000);

  it('the TCP listener takes only clients with a certificate of its CA, no web pages, and its own Host names', async () => {
    expect((await call(cluster.root, { path: '/_ping' })).body).toBe('OK');
    await expect(call(cluster.root, { path: '/_ping', clientCert: false })).rejects.toThrow();
    const origin = await call(cluster.root, {
      path: '/v1.41/info',
      headers: { Origin: 'http://evil.example' },
    });
    expect(origin.status).toBe(403);
    expect(JSON.parse(origin.body).message).toContain('Origin');
    const host = await call(cluster.root, {
      path: '/v1.41/swarm',
      headers: { Host: 'rebound.example:2376' },
    });
    expect(host.status).toBe(403);
    expect(JSON.parse(host.body).message).toContain(`${ADDRESS}:2376`);
    const text = await call(cluster.root, {
      path: '/v1.41/secrets/create',
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"Name":"x","Data":"eA=="}',
    });
    expect(text.status).toBe(400);
    expect(JSON.parse(text.body).message).toContain("must be 'application/json'");
    // and the daemon never serves it on plain TCP
    const plain = await runSwarm([
      'daemon',
      '--data-dir',
      join(cluster.root, 'plain'),
      '--docker-api',
      'tcp://127.0.3.22:2376',
    ]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain(
      'refusing to serve the Docker API on tcp://127.0.3.22:2376 without mutual TLS',
    );
  }, 60_000);
});
