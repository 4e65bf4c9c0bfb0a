// Bad certificates for the certificate suite, minted with @swarm/ca (validity, root, cluster) and
// with openssl from the same CA key (a CA:true leaf, a leaf without the extended key usage), so
// that each one is wrong in exactly one way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateId, ManualClock } from '@swarm/api';
import { nativeBackend } from '@swarm/ca/native';
import { createTestCA, type TestCA } from '@swarm/ca/testing';

export interface Leaf {
  readonly keyPem: string;
  readonly chainPem: string;
}

export interface CertSet {
  readonly ca: TestCA;
  /** The roots every good party trusts. */
  readonly rootsPem: string;
  readonly goodManager: Leaf;
  readonly goodWorker: Leaf;
  /** Every certificate that must be refused, by name. */
  readonly bad: Record<
    'expired' | 'notYetValid' | 'wrongRoot' | 'wrongCluster' | 'caTrueLeaf' | 'missingEku',
    Leaf
  >;
}

const HOUR = 3_600_000;

/** A leaf signed with openssl by the test CA's key, with the given extensions (role manager). */
function opensslLeaf(ca: TestCA, extensions: string): Leaf {
  const dir = mkdtempSync(join(tmpdir(), 'swarm-badcert-'));
  try {
    const nodeId = generateId();
    writeFileSync(join(dir, 'ca.crt'), ca.ca.certPem);
    writeFileSync(join(dir, 'ca.key'), ca.ca.keyPem, { mode: 0o600 });
    writeFileSync(
      join(dir, 'ext.cnf'),
      `${extensions}\nsubjectAltName=DNS:swarm-manager,DNS:${nodeId}\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n`,
    );
    const run = (args: string[]) =>
      execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'leaf.key']);
    run([
      'req',
      '-new',
      '-key',
      'leaf.key',
      '-subj',
      `/O=${ca.clusterId}/OU=swarm-manager/CN=${nodeId}`,
      '-out',
      'leaf.csr',
    ]);
    run([
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-set_serial',
      `0x${Date.now().toString(16)}01`,
      '-days',
      '30',
      '-sha256',
      '-extfile',
      'ext.cnf',
      '-out',
      'leaf.crt',
    ]);
    return {
      keyPem: readFileSync(join(dir, 'leaf.key'), 'utf8'),
      chainPem: readFileSync(join(dir, 'leaf.crt'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A CA whose clock is walked from 3 h ago to 2 h ahead to mint each certificate. */
export async function mintCertSet(seed: number): Promise<CertSet> {
  const clock = new ManualClock(Date.now() - 3 * HOUR);
  const ca = await createTestCA({ seed, clock, backend: nativeBackend });
  // Valid from 4 h ago to 2 h ago (issuing backdates one hour).
  const expired = await ca.issueNode({ role: 'manager', expiryMs: HOUR });
  clock.advance(3 * HOUR);
  const goodManager = await ca.issueNode({ role: 'manager' });
  const goodWorker = await ca.issueNode({ role: 'worker' });
  const wrongCluster = await ca.issueNode({ role: 'manager', clusterId: generateId() });
  const caTrueLeaf = opensslLeaf(
    ca,
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature,keyCertSign\nextendedKeyUsage=serverAuth,clientAuth',
  );
  const missingEku = opensslLeaf(
    ca,
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature',
  );
  clock.advance(2 * HOUR);
  // Valid from 1 h ahead.
  const notYetValid = await ca.issueNode({ role: 'manager' });
  const other = await createTestCA({
    seed: seed + 1,
    clock: new ManualClock(Date.now()),
    backend: nativeBackend,
  });
  const wrongRoot = await other.issueNode({ role: 'manager' });
  const leaf = (n: Leaf): Leaf => ({ keyPem: n.keyPem, chainPem: n.chainPem });
  return {
    ca,
    rootsPem: ca.ca.certPem,
    goodManager: leaf(goodManager),
    goodWorker: leaf(goodWorker),
    bad: {
      expired: leaf(expired),
      notYetValid: leaf(notYetValid),
      wrongRoot: leaf(wrongRoot),
      wrongCluster: leaf(wrongCluster),
      caTrueLeaf,
      missingEku,
    },
  };
}
