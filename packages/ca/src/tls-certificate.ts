/**
 * Plain TLS certificates for services next to the swarm (for example a node's control API and the
 * CLI that calls it over TCP), issued by a CA of their own: subject CN only, DNS and IP address
 * SANs, serverAuth and clientAuth. They are never swarm node identities (no OU, no O), so
 * `authorize` refuses them on every swarm RPC. As for node certificates, the CA takes only the
 * public key from the CSR.
 */
import { certificatesToPem, encodeName, keyIdentifier, serialFrom, signCertificate } from './certificate.js';
import { validateCSR } from './csr.js';
import { OID } from './oids.js';
import { BACKDATE_MS, type IssuingCA } from './root-ca.js';
import { encodeSpki } from './signer.js';

/** What {@link issueTlsCertificate} puts in the certificate it issues. */
export interface TlsCertificateOptions {
  /** The subject CN (1-64 characters). */
  commonName: string;
  /** DNS SANs. */
  dnsNames?: readonly string[];
  /** IP address SANs (IPv4 dotted or IPv6 text). */
  ipAddresses?: readonly string[];
  /** Lifetime in ms from now. Default 1 year, at least 1 hour; never beyond the CA's own. */
  expiryMs?: number;
}

/** The 4 or 16 bytes of an IP address; throws TypeError for anything else. */
export function ipAddressBytes(ip: string): Uint8Array {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4 !== null) {
    const b = v4.slice(1).map(Number);
    if (b.every((x) => x <= 255)) return Uint8Array.from(b);
  } else if (/^[0-9a-fA-F:]+$/.test(ip) && ip.includes(':')) {
    const halves = ip.split('::');
    if (halves.length <= 2) {
      const parse = (h: string) => (h === '' ? [] : h.split(':'));
      const head = parse(halves[0]!);
      const tail = halves.length === 2 ? parse(halves[1]!) : [];
      const missing = 8 - head.length - tail.length;
      const groups = [...head, ...(halves.length === 2 ? Array(missing).fill('0') : []), ...tail];
      if (
        groups.length === 8 &&
        (halves.length === 2 ? missing >= 1 : true) &&
        groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))
      ) {
        const out = new Uint8Array(16);
        groups.forEach((g, i) => {
          const v = Number.parseInt(g, 16);
          out[2 * i] = v >> 8;
          out[2 * i + 1] = v & 0xff;
        });
        return out;
      }
    }
  }
  throw new TypeError(`not an IPv4 or IPv6 address: ${JSON.stringify(ip)}`);
}

/** Validates `csrPem` and issues a plain TLS certificate for its key. */
export async function issueTlsCertificate(
  ca: IssuingCA,
  csrPem: string,
  options: TlsCertificateOptions,
): Promise<{ certPem: string; notAfter: number }> {
  const cn = options.commonName;
  if (typeof cn !== 'string' || cn.length < 1 || cn.length > 64)
    throw new TypeError(`commonName must be 1-64 characters, got ${JSON.stringify(cn)}`);
  for (const n of options.dnsNames ?? [])
    if (!/^[A-Za-z0-9*]([A-Za-z0-9.-]{0,252})$/.test(n))
      throw new TypeError(`not a DNS name: ${JSON.stringify(n)}`);
  const ips = (options.ipAddresses ?? []).map(ipAddressBytes);
  const lifetime = options.expiryMs ?? 365 * 24 * 3600 * 1000;
  if (!Number.isFinite(lifetime) || lifetime < 3600_000)
    throw new RangeError(`expiryMs must be at least one hour, got ${lifetime}`);
  const csr = validateCSR(csrPem);
  const now = ca.clock.now();
  const notAfter = Math.min(now + lifetime, ca.certificate.notAfter);
  const der = await signCertificate(
    {
      serial: serialFrom(ca.random.bytes(20)),
      issuer: ca.certificate.subject,
      subject: encodeName([{ type: OID.commonName, value: cn }]),
      notBefore: now - BACKDATE_MS,
      notAfter,
      spki: encodeSpki(csr.curve, csr.publicKey),
      subjectKeyId: keyIdentifier(csr.publicKey),
      authorityKeyId: ca.certificate.subjectKeyId ?? keyIdentifier(ca.signer.publicKey),
      ca: false,
      dnsNames: options.dnsNames ?? [],
      ipAddresses: ips,
    },
    ca.signer,
  );
  return { certPem: certificatesToPem([der]), notAfter: Math.floor(notAfter / 1000) * 1000 };
}
