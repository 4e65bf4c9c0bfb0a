// The HTTP load generator shared by the benchmark and the profiler: `clients` keep-alive workers,
// each writing one key after another, measured after a warm-up.
import http from 'node:http';

export interface Target {
  endpoint: string;
  method: string;
  path(key: string): string;
  body(key: string, seq: number, client: number): string;
}

export interface Measured {
  writes_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function post(
  agent: http.Agent,
  endpoint: string,
  method: string,
  path: string,
  body: string,
): Promise<number> {
  const at = endpoint.lastIndexOf(':');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: endpoint.slice(0, at),
        port: Number(endpoint.slice(at + 1)),
        method,
        path,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What one load run saw: each successful write's latency (ms), the measured time and the failures. */
export interface Sample {
  latencies: number[];
  elapsedMs: number;
  errors: number;
}

/** The load generator: `clients` workers writing back to back for the duration, after a warm-up. */
export async function drive(
  target: Target,
  clients: number,
  timing: { warmupMs: number; durationMs: number },
): Promise<Measured> {
  return summarize([await driveSample(target, clients, timing)]);
}

/** One load run, unsummarized (several runs are summarized together with `summarize`). */
export async function driveSample(
  target: Target,
  clients: number,
  timing: { warmupMs: number; durationMs: number },
): Promise<Sample> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  let stop = false;
  const workers = Array.from({ length: clients }, async (_, c) => {
    for (let seq = 1; !stop; seq += 1) {
      const key = `bench-${c}-${seq % 1000}`;
      const t0 = performance.now();
      const status = await post(
        agent,
        target.endpoint,
        target.method,
        target.path(key),
        target.body(key, seq, c),
      ).catch(() => 0);
      const dt = performance.now() - t0;
      if (status !== 200) errors += 1;
      else if (measuring) latencies.push(dt);
    }
  });
  await sleep(timing.warmupMs);
  measuring = true;
  const t0 = performance.now();
  await sleep(timing.durationMs);
  measuring = false;
  const elapsedMs = performance.now() - t0;
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  return { latencies, elapsedMs, errors };
}

/** Throughput over all the samples' measured time, and latency quantiles over all their writes. */
export function summarize(samples: readonly Sample[]): Measured {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const elapsed = samples.reduce((t, s) => t + s.elapsedMs, 0);
  const quantile = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    writes_per_s: Math.round((latencies.length * 1000) / elapsed),
    p50_ms: round(quantile(0.5)),
    p99_ms: round(quantile(0.99)),
    errors: samples.reduce((n, s) => n + s.errors, 0),
  };
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
