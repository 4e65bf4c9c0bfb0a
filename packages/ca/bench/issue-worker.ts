/**
 * A worker thread for bench/ca.ts: issues certificates with the native backend from the CSRs it is
 * given for `seconds`, then posts how many it issued.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ManualClock } from '@swarm/api';
import { issueCertificate, loadRootCA } from '../src/index.js';
import { nativeBackend, nativeVerifier } from '../src/native.js';

const { certPem, keyPem, csrs, seconds } = workerData as {
  certPem: string;
  keyPem: string;
  csrs: string[];
  seconds: number;
};
const ca = loadRootCA({ certPem, keyPem, clock: new ManualClock(Date.now()), backend: nativeBackend });
let n = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
  for (let i = 0; i < 10; i++, n++)
    await issueCertificate(ca, csrs[n % csrs.length]!, {
      nodeId: 'a'.repeat(25),
      role: 'swarm-worker',
      clusterId: 'b'.repeat(25),
      verifier: nativeVerifier,
    });
}
parentPort?.postMessage({ n, ms: performance.now() - start });
