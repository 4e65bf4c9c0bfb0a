/**
 * `pnpm bench ca`: node certificates issued per second, end to end on the CA side (CSR
 * validation with signature check, TBS build, signature, PEM), with the portable noble backend and
 * with the native node:crypto backend; every CSR carries a fresh key, as in production. `noble` and
 * `native` are the best of several short rounds (this machine is shared, so the best round is the
 * nearest to a quiet one); `mean` and `perCpuSecond` are there too. As a peer, the same certificate
 * built with pkijs objects and signed natively; `calibration` holds raw node:crypto sign and verify
 * rates from the same run (about 25,000 and 9,000 per second on a quiet machine), `authorizePerSec`
 * the per-RPC check, and `nativeAllCores` the native path on one worker thread per CPU. One JSON line.
 */
import { createPrivateKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ManualClock } from '@swarm/api';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  authorize,
  createKeyAndCSR,
  createRootCA,
  DenyList,
  issueCertificate,
  nobleBackend,
  nobleVerifier,
  type RootCA,
  type Verifier,
  validateCSR,
} from '../src/index.js';
import { nativeBackend, nativeVerifier } from '../src/native.js';

const nodeId = 'a'.repeat(25);
const clusterId = 'b'.repeat(25);
const csrs = Array.from({ length: 400 }, () => createKeyAndCSR().csrPem);

/**
 * Issues in `rounds` rounds of `roundSeconds` each. Returns the best round's wall-clock rate (the
 * machine is shared: the best round is the closest to a quiet one), the mean over all rounds, and
 * the rate per second of this process's CPU time.
 */
async function rate(
  ca: RootCA,
  verifier: Verifier,
  rounds: number,
  roundSeconds: number,
): Promise<{ best: number; mean: number; cpu: number }> {
  let total = 0;
  let best = 0;
  let n = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    let k = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < roundSeconds * 1000) {
      for (let i = 0; i < 10; i++, k++)
        await issueCertificate(ca, csrs[n++ % csrs.length]!, {
          nodeId,
          role: 'swarm-worker',
          clusterId,
          verifier,
        });
    }
    best = Math.max(best, (k * 1000) / (performance.now() - t0));
    total += k;
  }
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return {
    best: Math.round(best),
    mean: Math.round((total * 1000) / wall),
    cpu: Math.round((total * 1e6) / (cpu.user + cpu.system)),
  };
}

/** The peer: the same certificate built through pkijs objects, signed with node:crypto. */
async function pkijsRate(ca: RootCA, seconds: number): Promise<number> {
  const key = createPrivateKey(ca.keyPem);
  const issuer = pkijs.RelativeDistinguishedNames.fromBER(ca.certificate.subject.slice().buffer);
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    const csr = validateCSR(csrs[n % csrs.length]!, { verifier: nativeVerifier });
    const cert = new pkijs.Certificate();
    cert.version = 2;
    cert.serialNumber = new asn1js.Integer({
      valueHex: crypto.getRandomValues(new Uint8Array(20)).map((b, i) => (i === 0 ? b & 0x7f || 1 : b)),
    });
    cert.issuer = issuer;
    for (const [type, value] of [
      ['2.5.4.10', clusterId],
      ['2.5.4.11', 'swarm-worker'],
      ['2.5.4.3', nodeId],
    ] as const) {
      cert.subject.typesAndValues.push(
        new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }),
      );
    }
    cert.notBefore.value = new Date(Date.now() - 3600_000);
    cert.notAfter.value = new Date(Date.now() + 90 * 86400_000);
    cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: '1.2.840.10045.2.1' }),
              new asn1js.ObjectIdentifier({ value: '1.2.840.10045.3.1.7' }),
            ],
          }),
          new asn1js.BitString({ valueHex: csr.publicKey }),
        ],
      }).toBER(),
    );
    cert.extensions = [
      new pkijs.Extension({
        extnID: '2.5.29.19',
        critical: true,
        extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(),
      }),
      new pkijs.Extension({
        extnID: '2.5.29.37',
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'] })
          .toSchema()
          .toBER(),
      }),
    ];
    cert.signature = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.10045.4.3.2' });
    cert.signatureAlgorithm = cert.signature;
    const tbs = cert.encodeTBS().toBER();
    cert.signatureValue = new asn1js.BitString({
      valueHex: nodeSign('sha256', new Uint8Array(tbs), { key, dsaEncoding: 'der' }),
    });
    cert.toSchema(true).toBER();
    n++;
  }
  return Math.round((n * 1000) / (performance.now() - start));
}

const clock = new ManualClock(Date.now());
const nobleCA = await createRootCA({ clock, backend: nobleBackend });
const nativeCA = await createRootCA({ clock, backend: nativeBackend });
await rate(nativeCA, nativeVerifier, 1, 0.3); // warm up
/** Raw node:crypto sign and verify rates in this run, to compare with the machine's quiet numbers. */
function calibrate(seconds: number): { sign: number; verify: number } {
  const key = createPrivateKey(nativeCA.keyPem);
  const msg = new Uint8Array(500);
  const sig = nodeSign('sha256', msg, { key, dsaEncoding: 'der' });
  const loop = (f: () => void): number => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < seconds * 1000) for (let i = 0; i < 50; i++, n++) f();
    return Math.round((n * 1000) / (performance.now() - start));
  };
  return {
    sign: loop(() => nodeSign('sha256', msg, { key, dsaEncoding: 'der' })),
    verify: loop(() => nodeVerify('sha256', msg, { key, dsaEncoding: 'der' }, sig)),
  };
}

const calibration = calibrate(0.5);
const noble = await rate(nobleCA, nobleVerifier, 6, 0.5);
const native = await rate(nativeCA, nativeVerifier, 12, 0.25);
const pkijsNative = await pkijsRate(nativeCA, 2);

/** `authorize` calls per second on a known peer chain (the per-RPC check, signatures memoised). */
async function authorizeRate(seconds: number): Promise<number> {
  const { chainPem } = await issueCertificate(nativeCA, csrs[0]!, {
    nodeId,
    role: 'swarm-worker',
    clusterId,
  });
  const options = {
    allowedRoles: ['swarm-worker'] as const,
    clusterId,
    denyList: new DenyList(),
    roots: nativeCA.certPem,
    clock,
    verifier: nativeVerifier,
  };
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000)
    for (let i = 0; i < 100; i++, n++) authorize(chainPem, options);
  return Math.round((n * 1000) / (performance.now() - start));
}
const authorizePerSec = await authorizeRate(1);

/** The native path on every core: one worker thread per CPU, each with its own copy of the CA. */
async function parallelRate(seconds: number): Promise<{ threads: number; rate: number }> {
  const threads = cpus().length;
  const results = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<{ n: number; ms: number }>((resolve, reject) => {
          // tsx's loader hooks are per thread, so the worker registers them before loading the script
          const script = new URL('./issue-worker.ts', import.meta.url).href;
          const w = new Worker(
            `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`,
            { eval: true, workerData: { certPem: nativeCA.certPem, keyPem: nativeCA.keyPem, csrs, seconds } },
          );
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  return { threads, rate: Math.round(results.reduce((a, r) => a + (r.n * 1000) / r.ms, 0)) };
}
const parallel = await parallelRate(3);
console.log(
  JSON.stringify({
    bench: 'ca-issue',
    unit: 'certificates/s',
    what: 'CSR verify + TBS build + sign + PEM, P-256',
    noble: noble.best,
    native: native.best,
    mean: { noble: noble.mean, native: native.mean },
    perCpuSecond: { noble: noble.cpu, native: native.cpu },
    peer: { pkijsBuildNativeSign: pkijsNative },
    authorizePerSec,
    nativeAllCores: parallel,
    goalNative: 1000,
    calibration: { nodeCryptoSignPerSec: calibration.sign, nodeCryptoVerifyPerSec: calibration.verify },
    cpus: cpus().length,
    loadavg1: Math.round(loadavg()[0]! * 10) / 10,
  }),
);
