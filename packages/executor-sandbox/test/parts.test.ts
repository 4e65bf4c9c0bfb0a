import net from 'node:net';
import { swarm } from '@swarm/api';
import { LineSplitter, LogRing, MAX_LINE_BYTES, type TaskLogLine } from '@swarm/dispatcher';
import { describe, expect, it } from 'vitest';
import { bwrapArgs, PortAllocator, SandboxExecutor, sandboxHostname } from '../src/index.js';

const HOST = '127.0.0.43';

function split(chunks: (string | Buffer)[]): string[] {
  const out: string[] = [];
  const s = new LineSplitter((line) => out.push(Buffer.from(line).toString('latin1')));
  for (const c of chunks) s.push(Buffer.isBuffer(c) ? c : Buffer.from(c, 'latin1'));
  s.flush();
  return out;
}

function line(data: string): TaskLogLine {
  return {
    taskId: 't',
    serviceId: 's',
    nodeId: 'n',
    stream: swarm.LogLine.Stream.STDOUT,
    data: Buffer.from(data),
  };
}

describe('LineSplitter', () => {
  it('splits on newlines across chunks and flushes a last line without one', () => {
    expect(split(['a\nb', 'c\n\nd', 'e'])).toEqual(['a', 'bc', '', 'de']);
    expect(split(['x\n'])).toEqual(['x']);
    expect(split([])).toEqual([]);
  });

  it('cuts lines longer than 16 KiB into pieces', () => {
    const long = 'y'.repeat(MAX_LINE_BYTES * 2 + 5);
    const out = split([long.slice(0, 1000), long.slice(1000), '\nz\n']);
    expect(out.map((l) => l.length)).toEqual([MAX_LINE_BYTES, MAX_LINE_BYTES, 5, 1]);
    expect(out.slice(0, 3).join('')).toBe(long);
  });
});

describe('LogRing', () => {
  it('keeps at most maxBytes of lines, dropping the oldest, and returns a tail', () => {
    const ring = new LogRing(10);
    for (const d of ['aaaa', 'bbbb', 'cccc', 'dd']) ring.add(line(d));
    expect(ring.lines().map((l) => Buffer.from(l.data).toString())).toEqual(['bbbb', 'cccc', 'dd']);
    expect(ring.bytes).toBe(10);
    expect(ring.lines(1).map((l) => Buffer.from(l.data).toString())).toEqual(['dd']);
    expect(ring.lines(99)).toHaveLength(3);
  });

  it('stays bounded over many lines', () => {
    const ring = new LogRing(100);
    for (let i = 0; i < 10_000; i++) ring.add(line(`line ${i}`));
    expect(ring.bytes).toBeLessThanOrEqual(100);
    expect(Buffer.from(ring.lines(1)[0]!.data).toString()).toBe('line 9999');
  });
});

describe('PortAllocator', () => {
  it('hands out distinct free ports and honours a range and fixed ports', async () => {
    const any = new PortAllocator({ host: HOST });
    const a = await any.allocate('tcp');
    const b = await any.allocate('tcp');
    expect(a).not.toBe(b);
    const u = await any.allocate('udp');
    expect(u).toBeGreaterThan(0);

    // A range whose first port is taken by someone else.
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, HOST, r));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const ranged = new PortAllocator({ host: HOST, range: [taken, taken + 2] });
      const first = await ranged.allocate('tcp');
      expect(first).toBe(taken + 1);
      expect(await ranged.allocate('tcp')).toBe(taken + 2);
      await expect(ranged.allocate('tcp')).rejects.toThrow(/no free tcp port/);
      ranged.release('tcp', first);
      expect(await ranged.allocate('tcp')).toBe(first);
      await expect(any.allocate('tcp', taken)).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
    expect(() => new PortAllocator({ host: HOST, range: [10, 5] })).toThrow(RangeError);
  });
});

describe('sandbox arguments', () => {
  it('isolates namespaces, keeps the network, and mounts secrets from fds read-only', () => {
    const args = bwrapArgs(
      {
        argv: ['/bin/app', '--flag'],
        hostname: 'web.1.x',
        workdir: '/',
        infoFd: 3,
        secrets: [{ name: 'db', fd: 4, mode: 0o400 }],
      },
      ['--ro-bind', '/usr', '/usr'],
    );
    for (const flag of [
      '--unshare-pid',
      '--unshare-ipc',
      '--unshare-uts',
      '--die-with-parent',
      '--new-session',
    ])
      expect(args).toContain(flag);
    expect(args).not.toContain('--unshare-net');
    expect(args).not.toContain('--bind'); // nothing of the host is writable
    const joined = args.join(' ');
    expect(joined).toContain(
      '--tmpfs /run/secrets --perms 0400 --file 4 /run/secrets/db --remount-ro /run/secrets',
    );
    expect(args.slice(-3)).toEqual(['--', '/bin/app', '--flag']);
  });

  it('makes hostnames the kernel accepts', () => {
    expect(sandboxHostname('web.1.abc')).toBe('web.1.abc');
    expect(sandboxHostname('a b/c')).toBe('a-b-c');
    expect(sandboxHostname('x'.repeat(100))).toHaveLength(63);
    expect(sandboxHostname('')).toBe('task');
  });

  it('refuses to run tasks as root', () => {
    if (process.getuid?.() !== 0) return;
    expect(() => new SandboxExecutor({ nodeId: 'n', hostAddress: HOST, taskUid: 0 })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_TASK_USER' }),
    );
  });
});

describe('finished task logs', () => {
  it('keeps the logs of at most maxFinishedTasks finished tasks', async () => {
    const exec = new SandboxExecutor({ nodeId: 'n', hostAddress: HOST, maxFinishedTasks: 2 });
    const ids = ['a', 'b', 'c'].map((c) => c.repeat(25));
    for (const id of ids) {
      await new Promise<void>((resolve) =>
        exec.start(
          swarm.Task.create({
            id,
            spec: { container: { command: [process.execPath, '-e', 'console.log("hi")'] } },
          }),
          {
            secretsDir: undefined,
            report: (s) => {
              if (s.state === swarm.TaskState.COMPLETE) resolve();
            },
          },
        ),
      );
    }
    expect(exec.logs(ids[0]!)).toEqual([]);
    expect(exec.logs(ids[1]!)).toHaveLength(1);
    expect(exec.logs(ids[2]!)).toHaveLength(1);
    await exec.close();
  });
});
