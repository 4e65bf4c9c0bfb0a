import { ManualClock, seededRandom } from '@swarm/api';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createKeyAndCSR,
  createRootCA,
  DenyList,
  decodePem,
  issueCertificate,
  loadRootCA,
  nobleBackend,
  OID,
  parseCertificates,
  subjectValue,
} from '../src/index.js';
import { nativeBackend, nativeVerifier } from '../src/native.js';
import { createTestCA } from '../src/testing.js';
import { openssl, scratch } from './helpers/openssl.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const tmp = scratch();
afterAll(() => tmp.cleanup());

describe('issueCertificate (RFC 5280 node certificates)', () => {
  it('issues a certificate that openssl verifies with -x509_strict against the root', async () => {
    const t = await createTestCA({ clock: new ManualClock(Date.now()) });
    const node = await t.issueNode({ role: 'swarm-manager' });
    const root = tmp.write('root.pem', t.ca.certPem);
    const leaf = tmp.write('leaf.pem', node.certPem);
    const r = openssl(['verify', '-x509_strict', '-CAfile', root, leaf]);
    expect(r.output).toContain(': OK');
    expect(r.status).toBe(0);
  });

  it('shows CN = node ID, OU = role, O = cluster ID to openssl x509 -subject', async () => {
    const t = await createTestCA();
    const node = await t.issueNode({ role: 'swarm-worker' });
    const r = openssl(['x509', '-noout', '-subject', '-in', tmp.write('subj.pem', node.certPem)]);
    expect(r.output.trim()).toBe(`subject=O = ${t.clusterId}, OU = swarm-worker, CN = ${node.nodeId}`);
  });

  it('puts CN, OU and O each in its own RDN, as an independent parser (pkijs) reads them', async () => {
    const t = await createTestCA();
    const node = await t.issueNode({ role: 'swarm-manager' });
    const asn = asn1js.fromBER(decodePem(node.certPem, 'CERTIFICATE'));
    const cert = new pkijs.Certificate({ schema: asn.result });
    expect(cert.subject.typesAndValues.map((tv) => tv.type)).toEqual([
      OID.organizationName,
      OID.organizationalUnitName,
      OID.commonName,
    ]);
    const subjectSeq = cert.subject.toSchema() as asn1js.Sequence;
    expect(subjectSeq.valueBlock.value).toHaveLength(3);
  });

  it('sets SANs, key usage, EKU serverAuth and clientAuth, and CA:false', async () => {
    const t = await createTestCA();
    const m = await t.issueNode({ role: 'swarm-manager' });
    const w = await t.issueNode({ role: 'swarm-worker' });
    const [mc] = parseCertificates(m.certPem);
    const [wc] = parseCertificates(w.certPem);
    expect(mc!.dnsNames).toEqual(['swarm-manager', m.nodeId, 'swarm-ca']);
    expect(wc!.dnsNames).toEqual(['swarm-worker', w.nodeId]);
    expect(mc!.extKeyUsage).toEqual([OID.serverAuth, OID.clientAuth]);
    expect([...mc!.keyUsage!].sort()).toEqual([0, 2]);
    expect(mc!.isCA).toBe(false);
    const text = openssl(['x509', '-noout', '-text', '-in', tmp.write('text.pem', m.certPem)]).output;
    expect(text).toContain('CA:FALSE');
    expect(text).toContain('Digital Signature, Key Encipherment');
    expect(text).toContain('TLS Web Server Authentication, TLS Web Client Authentication');
  });

  it('backdates validity by one hour and defaults the lifetime to 90 days', async () => {
    const t = await createTestCA();
    const now = t.clock.now();
    const node = await t.issueNode();
    expect(node.notBefore).toBe(now - HOUR);
    expect(node.notAfter).toBe(now + 90 * DAY);
    const [c] = parseCertificates(node.certPem);
    expect(c!.notBefore).toBe(now - HOUR);
    expect(c!.notAfter).toBe(now + 90 * DAY);
  });

  it('honours a configured lifetime and refuses one shorter than an hour', async () => {
    const t = await createTestCA();
    const node = await t.issueNode({ expiryMs: 2 * HOUR });
    expect(node.notAfter - t.clock.now()).toBe(2 * HOUR);
    await expect(t.issueNode({ expiryMs: HOUR - 1 })).rejects.toThrow(RangeError);
  });

  it('uses 20 random serial bytes, different on every issue', async () => {
    const t = await createTestCA();
    const a = await t.issueNode();
    const b = await t.issueNode();
    expect(a.serial).toMatch(/^[0-7][0-9a-f]{39}$/);
    expect(a.serial).not.toBe(b.serial);
    expect(parseCertificates(a.certPem)[0]!.serial.toString(16).padStart(40, '0')).toBe(a.serial);
  });

  it('records the security zone so that a peer can read it', async () => {
    const t = await createTestCA();
    const node = await t.issueNode({ zone: 'pci' });
    expect(parseCertificates(node.certPem)[0]!.zone).toBe('pci');
    expect(parseCertificates((await t.issueNode()).certPem)[0]!.zone).toBeUndefined();
    await expect(t.issueNode({ zone: 'bad zone!' })).rejects.toThrow(TypeError);
  });

  it('takes only the key from the CSR: names and CA:true requested by openssl are ignored', async () => {
    const t = await createTestCA();
    const key = tmp.write('evil.key', '');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
    const csr = openssl([
      'req',
      '-new',
      '-key',
      key,
      '-subj',
      '/CN=someone-else/OU=swarm-manager/O=other',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'subjectAltName=DNS:evil.example',
    ]).output;
    const issued = await issueCertificate(t.ca, csr, {
      nodeId: 'n'.repeat(25),
      role: 'swarm-worker',
      clusterId: t.clusterId,
    });
    const [c] = parseCertificates(issued.certPem);
    expect(c!.isCA).toBe(false);
    expect(subjectValue(c!, OID.commonName)).toBe('n'.repeat(25));
    expect(subjectValue(c!, OID.organizationalUnitName)).toBe('swarm-worker');
    expect(c!.dnsNames).not.toContain('evil.example');
  });

  it('refuses bad arguments with errors that name them', async () => {
    const t = await createTestCA();
    const { csrPem } = createKeyAndCSR({ random: seededRandom(3) });
    await expect(
      issueCertificate(t.ca, csrPem, { nodeId: 'short', role: 'swarm-worker', clusterId: t.clusterId }),
    ).rejects.toMatchObject({
      code: 'INVALID_ID',
    });
    await expect(
      issueCertificate(t.ca, csrPem, {
        nodeId: 'a'.repeat(25),
        role: 'admin' as never,
        clusterId: t.clusterId,
      }),
    ).rejects.toThrow(/role/);
  });

  it('issues certificates that openssl verifies with the noble and with the native signer', async () => {
    const clock = new ManualClock(Date.now());
    for (const backend of [nobleBackend, nativeBackend]) {
      const ca = await createRootCA({ clock, backend });
      const { csrPem } = createKeyAndCSR();
      const issued = await issueCertificate(ca, csrPem, {
        nodeId: 'a'.repeat(25),
        role: 'swarm-manager',
        clusterId: 'b'.repeat(25),
        verifier: nativeVerifier,
      });
      const r = openssl([
        'verify',
        '-x509_strict',
        '-CAfile',
        tmp.write(`r-${backend.name}.pem`, ca.certPem),
        tmp.write(`l-${backend.name}.pem`, issued.certPem),
      ]);
      expect(r.status).toBe(0);
    }
  });

  it('creates a root CA that openssl accepts as a strict self-signed CA (CN swarm-ca, 20 years)', async () => {
    const ca = await createRootCA({ clock: new ManualClock(Date.now()) });
    const p = tmp.write('selfroot.pem', ca.certPem);
    expect(openssl(['verify', '-x509_strict', '-CAfile', p, p]).status).toBe(0);
    expect(openssl(['x509', '-noout', '-subject', '-in', p]).output.trim()).toBe('subject=CN = swarm-ca');
    const c = ca.certificate;
    expect(c.isCA).toBe(true);
    expect(Math.round((c.notAfter - c.notBefore - HOUR) / (365 * DAY))).toBe(20);
    // openssl reads the PKCS#8 key and it matches the certificate
    const pub = openssl(['pkey', '-pubout', '-in', tmp.write('root.key', ca.keyPem)]).output;
    const certPub = openssl(['x509', '-noout', '-pubkey', '-in', p]).output;
    expect(pub).toBe(certPub);
  });

  it('restores a persisted root CA from its PEM certificate and key, and refuses a mismatched key', async () => {
    const clock = new ManualClock(Date.now());
    const ca = await createRootCA({ clock });
    const loaded = loadRootCA({ certPem: ca.certPem, keyPem: ca.keyPem, clock, backend: nativeBackend });
    const { csrPem } = createKeyAndCSR();
    const issued = await issueCertificate(loaded, csrPem, {
      nodeId: 'a'.repeat(25),
      role: 'swarm-worker',
      clusterId: 'b'.repeat(25),
    });
    const r = openssl([
      'verify',
      '-x509_strict',
      '-CAfile',
      tmp.write('loaded-root.pem', ca.certPem),
      tmp.write('loaded-leaf.pem', issued.certPem),
    ]);
    expect(r.status).toBe(0);
    const other = await createRootCA({ clock });
    expect(() => loadRootCA({ certPem: ca.certPem, keyPem: other.keyPem })).toThrow(
      expect.objectContaining({ code: 'CERTIFICATE_UNSUPPORTED' }),
    );
  });

  it('denies a renewal from a removed node', async () => {
    const t = await createTestCA();
    const node = await t.issueNode();
    const denyList = new DenyList();
    denyList.deny(node.nodeId, node.notAfter);
    const { csrPem } = createKeyAndCSR({ random: seededRandom(8) });
    await expect(
      issueCertificate(t.ca, csrPem, {
        nodeId: node.nodeId,
        role: 'swarm-worker',
        clusterId: t.clusterId,
        denyList,
      }),
    ).rejects.toMatchObject({ code: 'AUTH_NODE_DENIED' });
  });

  it('issues for a P-384 key only when allowed, and openssl verifies the result', async () => {
    const t = await createTestCA({ clock: new ManualClock(Date.now()) });
    const key = tmp.write('p384.key', '');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', key]);
    const csr = openssl(['req', '-new', '-key', key, '-subj', '/CN=x']).output;
    const opts = { nodeId: 'p'.repeat(25), role: 'swarm-worker' as const, clusterId: t.clusterId };
    await expect(issueCertificate(t.ca, csr, opts)).rejects.toMatchObject({ code: 'CSR_UNSUPPORTED_CURVE' });
    const issued = await issueCertificate(t.ca, csr, { ...opts, allowP384: true });
    expect(parseCertificates(issued.certPem)[0]!.curve).toBe('P-384');
    const r = openssl([
      'verify',
      '-x509_strict',
      '-CAfile',
      tmp.write('p384-root.pem', t.ca.certPem),
      tmp.write('p384-leaf.pem', issued.certPem),
    ]);
    expect(r.status).toBe(0);
  });
});
