/**
 * Fuzz targets for the parsers that read untrusted input: join tokens, PEM, CSRs, certificates and
 * peer chains. Each target takes fast-check input and must either succeed or throw one of the
 * package's typed errors; anything else (a TypeError from deep inside, a RangeError, a hang) is a
 * bug. Acceptance is checked too: a mutated CSR or certificate may only pass if it still carries
 * the original key / bytes, so a mutation can never forge an identity.
 */
import { type ManualClock, seededRandom } from '@swarm/api';
import fc from 'fast-check';
import { AuthorizationError } from '../src/errors.js';
import {
  authorize,
  CertificateError,
  CsrError,
  createKeyAndCSR,
  DenyList,
  DerError,
  decodePem,
  decodePemBlocks,
  encodePem,
  generateJoinToken,
  JoinTokenError,
  PemError,
  parseCertificate,
  parseJoinToken,
  roleForToken,
  validateCSR,
} from '../src/index.js';
import { nativeVerifier } from '../src/native.js';
import { createTestCA } from '../src/testing.js';

const TYPED = [CsrError, PemError, DerError, JoinTokenError, CertificateError, AuthorizationError];

/** True for the errors a parser is allowed to throw. */
export function isTypedError(err: unknown): boolean {
  return TYPED.some((C) => err instanceof C);
}

export interface FuzzTarget<T = unknown> {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Runs the parser; throws a non-typed error (or fails an assertion) on a bug. */
  check(input: T): void;
}

/** How often each outcome (an error code, or `accepted`) occurred, over all targets. */
export const outcomes = new Map<string, number>();

function expectTyped(fn: () => void): void {
  let outcome = 'accepted';
  try {
    fn();
  } catch (err) {
    if (!isTypedError(err)) throw err;
    outcome = (err as { code: string }).code;
  }
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}

/** A byte-level mutation of `base`: flips, inserts, deletes, truncations and splices. */
function mutatedBytes(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let b = Array.from(base);
    for (const e of edits) {
      const at = b.length === 0 ? 0 : e.at % (b.length + (e.kind === 'insert' ? 1 : 0));
      if (e.kind === 'flip') b[at] = (b[at] ?? 0) ^ e.mask;
      else if (e.kind === 'set') b[at] = e.value;
      else if (e.kind === 'insert') b.splice(at, 0, ...e.bytes);
      else if (e.kind === 'delete') b.splice(at, e.count);
      else b = b.slice(0, at);
    }
    return Uint8Array.from(b);
  });
}

/** A mutation of text: character edits, duplicated lines, and random garbage. */
function mutatedText(base: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.nat(), fc.string({ maxLength: 4 })).map(([at, s]) => {
      const i = at % (base.length + 1);
      return base.slice(0, i) + s + base.slice(i + 1);
    }),
    fc
      .tuple(fc.nat(), fc.nat())
      .map(([a, b]) => base.slice(Math.min(a, b) % base.length, Math.max(a, b) % (base.length + 1))),
    fc.constant(base + base),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
}

export interface FuzzFixtures {
  token: string;
  tokens: { worker: string; manager: string };
  csrDer: Uint8Array;
  csrPublicKey: Uint8Array;
  certDer: Uint8Array;
  chainPem: string;
  rootsPem: string;
  clusterId: string;
  clock: ManualClock;
}

/** Valid inputs the fuzzer mutates. */
export async function fixtures(): Promise<FuzzFixtures> {
  const t = await createTestCA({ seed: 2024 });
  const node = await t.issueNode({ zone: 'z1' });
  const { csrPem } = createKeyAndCSR({ random: seededRandom(5) });
  const csrPublicKey = validateCSR(csrPem).publicKey;
  return {
    token: generateJoinToken(t.ca.certPem, seededRandom(1)),
    tokens: {
      worker: generateJoinToken(t.ca.certPem, seededRandom(2)),
      manager: generateJoinToken(t.ca.certPem, seededRandom(3)),
    },
    csrDer: decodePem(csrPem, 'CERTIFICATE REQUEST'),
    csrPublicKey,
    certDer: decodePem(node.certPem, 'CERTIFICATE'),
    chainPem: node.chainPem,
    rootsPem: t.ca.certPem,
    clusterId: t.clusterId,
    clock: t.clock,
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The fuzz targets over `f`. */
export function targets(f: FuzzFixtures): FuzzTarget[] {
  const authOpts = {
    allowedRoles: ['swarm-worker', 'swarm-manager'] as const,
    clusterId: f.clusterId,
    denyList: new DenyList(),
    roots: f.rootsPem,
    clock: f.clock,
    verifier: nativeVerifier,
  };
  return [
    {
      name: 'join-token',
      arbitrary: fc.oneof(
        mutatedText(f.token),
        fc.string({ unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz-SWMTKN'), maxLength: 90 }),
        fc
          .tuple(fc.stringMatching(/^[0-9a-z]{48,52}$/), fc.stringMatching(/^[0-9a-z]{23,27}$/))
          .map(([d, s]) => `SWMTKN-1-${d}-${s}`),
        // well-formed shapes, including parts above 2^256 / 2^128
        fc
          .tuple(fc.stringMatching(/^[0-9a-z]{50}$/), fc.stringMatching(/^[0-9a-z]{25}$/))
          .map(([d, s]) => `SWMTKN-1-${d}-${s}`),
      ),
      check(input) {
        expectTyped(() => {
          const p = parseJoinToken(input);
          if (`SWMTKN-1-${p.digest}-${p.secret}` !== input) throw new Error('parse did not round-trip');
        });
        expectTyped(() => {
          const role = roleForToken(f.tokens, input);
          if (input !== f.tokens.worker && input !== f.tokens.manager)
            throw new Error(`accepted a wrong token as ${role}`);
        });
      },
    } as FuzzTarget<string>,
    {
      name: 'pem',
      arbitrary: fc.oneof(
        mutatedText(encodePem('CERTIFICATE', f.certDer)),
        mutatedText(f.chainPem),
        fc.string({ unit: fc.constantFrom(...'-BEGIN END CERTIFICATE\nABCabc+/=019'), maxLength: 300 }),
      ),
      check(input) {
        expectTyped(() => decodePemBlocks(input));
      },
    } as FuzzTarget<string>,
    {
      name: 'csr',
      arbitrary: fc.oneof(
        mutatedBytes(f.csrDer).map((b) => encodePem('CERTIFICATE REQUEST', b)),
        mutatedText(encodePem('CERTIFICATE REQUEST', f.csrDer)),
        fc.uint8Array({ maxLength: 300 }).map((b) => encodePem('CERTIFICATE REQUEST', b)),
      ),
      check(input) {
        expectTyped(() => {
          const v = validateCSR(input, { verifier: nativeVerifier });
          if (!sameBytes(v.publicKey, f.csrPublicKey))
            throw new Error('a mutated CSR was accepted with another key');
        });
      },
    } as FuzzTarget<string>,
    {
      name: 'certificate',
      arbitrary: mutatedBytes(f.certDer),
      check(input) {
        expectTyped(() => parseCertificate(input));
        expectTyped(() => {
          authorize([input], authOpts);
          if (!sameBytes(input, f.certDer)) throw new Error('a mutated certificate was authorized');
        });
      },
    } as FuzzTarget<Uint8Array>,
  ];
}

/** Runs every target for `runsPerTarget` inputs; returns the counts. Throws on the first bug. */
export function runAll(ts: FuzzTarget[], runsPerTarget: number, seed: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of ts) {
    let n = 0;
    fc.assert(
      fc.property(t.arbitrary, (input) => {
        n++;
        t.check(input);
      }),
      { numRuns: runsPerTarget, seed },
    );
    counts[t.name] = n;
  }
  return counts;
}
