import { seededRandom } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import {
  affinityFilter,
  ClassicError,
  constraintFilter,
  containerRequest,
  dependencyFilter,
  forwardBody,
  healthFilter,
  parseExpression,
  place,
  portFilter,
} from '../src/index.js';
import { container, engine, request } from './helpers.js';

const names = (es: { name: string }[]) => es.map((e) => e.name);

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ClassicError ? e.code : `not classic: ${(e as Error).message}`;
  }
  return undefined;
}

describe('expressions', () => {
  it('parses plain, glob, regexp and soft values', () => {
    expect(parseExpression('constraint', 'storage==ssd').matches('ssd')).toBe(true);
    expect(parseExpression('constraint', 'storage==ssd').matches('SSD')).toBe(false);
    expect(parseExpression('constraint', 'region!=us*').matches('us-east')).toBe(true);
    expect(parseExpression('constraint', 'node==/node[12]/').matches('node2')).toBe(true);
    expect(parseExpression('constraint', 'node==/node[12]/').matches('node3')).toBe(false);
    expect(parseExpression('constraint', 'node==/(?i)node1/').matches('NODE1')).toBe(true);
    const soft = parseExpression('affinity', 'image==~redis');
    expect(soft.soft).toBe(true);
    expect(soft.value).toBe('redis');
    expect(parseExpression('affinity', 'image~=redis').soft).toBe(true);
  });

  it('refuses malformed expressions with CLASSIC_BAD_EXPRESSION', () => {
    for (const bad of ['storage', '==ssd', 'storage==', '1abc==x', 'a==b==c', 'node==/[/'])
      expect(
        code(() => parseExpression('constraint', bad)),
        bad,
      ).toBe('CLASSIC_BAD_EXPRESSION');
  });
});

describe('constraint filter', () => {
  const pool = [
    engine('node-1', {
      labels: {
        storage: 'ssd',
        region: 'us-east',
        kernelversion: '6.1.0',
        operatingsystem: 'Debian GNU/Linux 12',
      },
    }),
    engine('node-2', { labels: { storage: 'disk', region: 'eu-west' } }),
    engine('node-3', { labels: { region: 'us-west' } }),
  ];

  it('selects engines by label, node name, glob, regexp and standard constraints', () => {
    expect(names(constraintFilter(pool, request({ constraints: ['storage==ssd'] })))).toEqual(['node-1']);
    expect(names(constraintFilter(pool, request({ constraints: ['storage==disk'] })))).toEqual(['node-2']);
    expect(names(constraintFilter(pool, request({ constraints: ['node!=node-1'] })))).toEqual([
      'node-2',
      'node-3',
    ]);
    expect(names(constraintFilter(pool, request({ constraints: ['region==us*'] })))).toEqual([
      'node-1',
      'node-3',
    ]);
    expect(names(constraintFilter(pool, request({ constraints: ['node==/node-[23]/'] })))).toEqual([
      'node-2',
      'node-3',
    ]);
    expect(names(constraintFilter(pool, request({ constraints: ['kernelversion==6.*'] })))).toEqual([
      'node-1',
    ]);
    // A missing label fails == and passes !=.
    expect(names(constraintFilter(pool, request({ constraints: ['storage!=ssd'] })))).toEqual([
      'node-2',
      'node-3',
    ]);
    // Several constraints: all must hold.
    expect(names(constraintFilter(pool, request({ constraints: ['region==us*', 'node!=node-1'] })))).toEqual([
      'node-3',
    ]);
  });

  it("reads swarm mode's keys with @swarm/scheduler's meaning", () => {
    expect(names(constraintFilter(pool, request({ constraints: ['node.hostname==NODE-2'] })))).toEqual([
      'node-2',
    ]);
    expect(names(constraintFilter(pool, request({ constraints: ['engine.labels.storage==ssd'] })))).toEqual([
      'node-1',
    ]);
    expect(code(() => constraintFilter(pool, request({ constraints: ['node.role==boss'] })))).toBe(
      'CLASSIC_BAD_EXPRESSION',
    );
  });

  it('fails with CLASSIC_NO_ENGINE naming the expression; a soft one is dropped instead', () => {
    expect(() => constraintFilter(pool, request({ constraints: ['storage==tape'] }))).toThrow(
      /unable to find a node that satisfies storage==tape/,
    );
    expect(names(constraintFilter(pool, request({ constraints: ['storage==~tape'] })))).toEqual(names(pool));
    expect(names(constraintFilter(pool, request({ constraints: ['storage==~ssd'] })))).toEqual(['node-1']);
  });
});

describe('affinity filter', () => {
  const front = container({ names: ['front'], image: 'nginx' });
  const pool = [
    engine('node-1', {
      containers: [front],
      images: [{ id: `sha256:${'1'.repeat(64)}`, tags: ['redis:latest'] }],
    }),
    engine('node-2', { images: [{ id: `sha256:${'2'.repeat(64)}`, tags: ['mysql:latest'] }] }),
    engine('node-3', {
      containers: [container({ names: ['api'], labels: { 'com.example.type': 'frontend' } })],
      images: [{ id: `sha256:${'3'.repeat(64)}`, tags: ['redis:latest'] }],
    }),
  ];

  it('places next to a container by name or ID, or away from it', () => {
    expect(names(affinityFilter(pool, request({ affinities: ['container==front'] })))).toEqual(['node-1']);
    expect(
      names(affinityFilter(pool, request({ affinities: [`container==${front.id.slice(0, 12)}`] }))),
    ).toEqual(['node-1']);
    expect(names(affinityFilter(pool, request({ affinities: ['container!=front'] })))).toEqual([
      'node-2',
      'node-3',
    ]);
  });

  it('places where the image is, with or without its tag', () => {
    expect(names(affinityFilter(pool, request({ affinities: ['image==redis'] })))).toEqual([
      'node-1',
      'node-3',
    ]);
    expect(names(affinityFilter(pool, request({ affinities: ['image==mysql:latest'] })))).toEqual(['node-2']);
    // node-1 has a container of nginx: image affinity counts it.
    expect(names(affinityFilter(pool, request({ affinities: ['image==nginx'] })))).toEqual(['node-1']);
  });

  it('places next to a container label, and soft affinities give way', () => {
    expect(names(affinityFilter(pool, request({ affinities: ['com.example.type==frontend'] })))).toEqual([
      'node-3',
    ]);
    expect(() => affinityFilter(pool, request({ affinities: ['container==nothere'] }))).toThrow(
      /unable to find a node/,
    );
    expect(names(affinityFilter(pool, request({ affinities: ['container==~nothere'] })))).toEqual(
      names(pool),
    );
  });
});

describe('port filter', () => {
  it('treats a host port as a resource of its engine', () => {
    const p80 = { port: 80, protocol: 'tcp', hostIp: '' };
    let pool = [engine('node-1'), engine('node-2'), engine('node-3')];
    const want = request({ ports: [p80] });
    const picked: string[] = [];
    for (let i = 0; i < 3; i++) {
      const left = portFilter(pool, want);
      const first = left[0]!;
      picked.push(first.name);
      pool = pool.map((e) =>
        e === first ? { ...e, containers: [...e.containers, container({ ports: [p80] })] } : e,
      );
    }
    expect(picked).toEqual(['node-1', 'node-2', 'node-3']);
    expect(() => portFilter(pool, want)).toThrow(/unable to find a node with port 80\/tcp available/);
    // Another port, or the same number over udp, still fits.
    expect(portFilter(pool, request({ ports: [{ port: 81, protocol: 'tcp', hostIp: '' }] }))).toHaveLength(3);
    expect(portFilter(pool, request({ ports: [{ port: 80, protocol: 'udp', hostIp: '' }] }))).toHaveLength(3);
  });

  it('lets two specific host addresses share a port number', () => {
    const held = engine('node-1', {
      containers: [container({ ports: [{ port: 80, protocol: 'tcp', hostIp: '10.0.0.1' }] })],
    });
    expect(
      portFilter([held], request({ ports: [{ port: 80, protocol: 'tcp', hostIp: '10.0.0.2' }] })),
    ).toHaveLength(1);
    expect(() =>
      portFilter([held], request({ ports: [{ port: 80, protocol: 'tcp', hostIp: '' }] })),
    ).toThrow();
  });
});

describe('health filter', () => {
  it('skips unhealthy engines and fails when none is healthy', () => {
    const pool = [engine('node-1', { healthy: false }), engine('node-2')];
    expect(names(healthFilter(pool, request()))).toEqual(['node-2']);
    expect(() => healthFilter([engine('node-1', { healthy: false })], request())).toThrow(/no healthy node/);
  });
});

describe('dependency filter', () => {
  const pool = [
    engine('node-1', { containers: [container({ names: ['db'] })] }),
    engine('node-2', { containers: [container({ names: ['cache'] }), container({ names: ['data'] })] }),
    engine('node-3'),
  ];

  it('co-schedules with --link, --volumes-from and --net container:', () => {
    const link = containerRequest({ Image: 'x', HostConfig: { Links: ['db:database'] } });
    expect(link.dependencies).toEqual(['db']);
    expect(names(dependencyFilter(pool, link))).toEqual(['node-1']);
    const both = containerRequest({
      Image: 'x',
      HostConfig: { VolumesFrom: ['data:ro'], NetworkMode: 'container:cache' },
    });
    expect(both.dependencies).toEqual(['data', 'cache']);
    expect(names(dependencyFilter(pool, both))).toEqual(['node-2']);
  });

  it('refuses dependencies on different engines, or missing ones', () => {
    const split = containerRequest({ Image: 'x', HostConfig: { Links: ['db:db'], VolumesFrom: ['data'] } });
    expect(() => dependencyFilter(pool, split)).toThrow(/unable to find a node fulfilling all dependencies/);
    expect(() => dependencyFilter(pool, request({ dependencies: ['ghost'] }))).toThrow(ClassicError);
  });
});

describe('create body', () => {
  it('reads env expressions, resources and ports, and keeps the expressions as labels when forwarding', () => {
    const body = {
      Image: 'nginx',
      Env: ['A=1', 'constraint:storage==ssd', 'affinity:container==front'],
      HostConfig: {
        Memory: 512 * 1024 ** 2,
        CpuShares: 2,
        PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }], '53/udp': [{ HostPort: '' }] },
      },
    };
    const r = containerRequest(body, 'web');
    expect(r).toMatchObject({
      name: 'web',
      image: 'nginx',
      cpus: 2,
      memory: 512 * 1024 ** 2,
      constraints: ['storage==ssd'],
      affinities: ['container==front'],
      ports: [{ port: 8080, protocol: 'tcp', hostIp: '' }],
    });
    const fwd = forwardBody(body, r);
    expect(fwd.Env).toEqual(['A=1']);
    expect(fwd.Labels).toEqual({
      'com.docker.swarm.constraints': '["storage==ssd"]',
      'com.docker.swarm.affinities': '["container==front"]',
    });
    // Read back from the labels (a container created through another swarm manage).
    expect(containerRequest({ Image: 'nginx', Labels: fwd.Labels }).constraints).toEqual(['storage==ssd']);
    expect(
      containerRequest({ Image: 'x', ExposedPorts: { '80/tcp': {} }, HostConfig: { NetworkMode: 'host' } })
        .ports,
    ).toEqual([{ port: 80, protocol: 'tcp', hostIp: '' }]);
  });

  it('place() checks every expression before looking at engines', () => {
    expect(
      code(() =>
        place([], request({ constraints: ['bad'] }), { strategy: 'spread', random: seededRandom(1) }),
      ),
    ).toBe('CLASSIC_BAD_EXPRESSION');
    expect(code(() => place([], request(), { strategy: 'spread', random: seededRandom(1) }))).toBe(
      'CLASSIC_NO_ENGINE',
    );
  });
});
