/**
 * X.509 v3 certificates (RFC 5280): building a TBSCertificate from parts and signing its bytes,
 * and a strict parser that reads exactly what the swarm needs from a peer's certificate.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import {
  bitString,
  bool,
  bytesEqual,
  children,
  type Der,
  expectChildren,
  expectTag,
  explicit,
  octetString,
  oid,
  readBitFlags,
  readBitString,
  readBoolean,
  readDer,
  readOid,
  readString,
  readTime,
  readUnsigned,
  sequence,
  set,
  smallInteger,
  time,
  tlv,
  unsignedInteger,
  utf8String,
} from './der.js';
import { CertificateError } from './errors.js';
import { KEY_USAGE, OID } from './oids.js';
import { decodePemAll, encodePem } from './pem.js';
import type { Signer } from './signer.js';

/** One attribute of a distinguished name. */
export interface NameAttribute {
  readonly type: string;
  readonly value: string;
}

/** What the swarm reads from a certificate. Times are ms since the epoch. */
export interface Certificate {
  readonly der: Uint8Array;
  readonly tbs: Uint8Array;
  readonly serial: bigint;
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  /** Subject attributes in order; each RDN holds exactly one attribute. */
  readonly subjectAttributes: readonly NameAttribute[];
  readonly notBefore: number;
  readonly notAfter: number;
  readonly curve: 'P-256' | 'P-384';
  readonly publicKey: Uint8Array;
  /** basicConstraints cA (false when the extension is absent). */
  readonly isCA: boolean;
  readonly keyUsage: ReadonlySet<number> | undefined;
  readonly extKeyUsage: readonly string[] | undefined;
  readonly dnsNames: readonly string[];
  /** IP address SANs, 4 or 16 bytes each. */
  readonly ipAddresses: readonly Uint8Array[];
  readonly zone: string | undefined;
  readonly subjectKeyId: Uint8Array | undefined;
  readonly authorityKeyId: Uint8Array | undefined;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
}

// --- building ---------------------------------------------------------------------------------

/** A DN with each attribute in its own RDN (so CN, OU and O never share a multi-valued set). */
export function encodeName(attributes: readonly NameAttribute[]): Uint8Array {
  return sequence(...attributes.map((a) => set(sequence(oid(a.type), utf8String(a.value)))));
}

/** Key identifier of an EC point: the leftmost 160 bits of its SHA-256 (RFC 7093 method 1). */
export function keyIdentifier(point: Uint8Array): Uint8Array {
  return sha256(point).subarray(0, 20);
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? sequence(oid(id), bool(true), octetString(value)) : sequence(oid(id), octetString(value));
}

function keyUsageBits(bits: readonly number[]): Uint8Array {
  const max = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(max / 8) + 1);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  const unused = 7 - (max % 8);
  return tlv(0x03, Uint8Array.of(unused), bytes);
}

const SIG_ALG = sequence(oid(OID.ecdsaWithSha256));
const VERSION_3 = explicit(0, smallInteger(2));
const TEXT = new TextEncoder();

// The constraints and usages are the same in every certificate of a kind, so they are encoded once.
const CA_CONSTRAINTS = [
  extension(OID.basicConstraints, true, sequence(bool(true))),
  extension(OID.keyUsage, true, keyUsageBits([KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign])),
];
const LEAF_CONSTRAINTS = [
  extension(OID.basicConstraints, true, sequence()),
  extension(OID.keyUsage, true, keyUsageBits([KEY_USAGE.digitalSignature, KEY_USAGE.keyEncipherment])),
  extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth), oid(OID.clientAuth))),
];

export interface CertificateTemplate {
  serial: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: number;
  notAfter: number;
  /** SubjectPublicKeyInfo DER of the subject's key. */
  spki: Uint8Array;
  subjectKeyId: Uint8Array;
  authorityKeyId: Uint8Array;
  ca: boolean;
  /** Leaf only: DNS SANs. */
  dnsNames?: readonly string[];
  /** Leaf only: IP address SANs (4 or 16 bytes each). */
  ipAddresses?: readonly Uint8Array[];
  /** Leaf only: the security zone. */
  zone?: string;
}

/** Signs a certificate built from `t` with `signer` (ECDSA with SHA-256). Returns DER. */
export async function signCertificate(t: CertificateTemplate, signer: Signer): Promise<Uint8Array> {
  const exts: Uint8Array[] = [...(t.ca ? CA_CONSTRAINTS : LEAF_CONSTRAINTS)];
  exts.push(extension(OID.subjectKeyIdentifier, false, octetString(t.subjectKeyId)));
  exts.push(extension(OID.authorityKeyIdentifier, false, sequence(tlv(0x80, t.authorityKeyId))));
  const names = [
    ...(t.dnsNames ?? []).map((n) => tlv(0x82, TEXT.encode(n))),
    ...(t.ipAddresses ?? []).map((ip) => tlv(0x87, ip)),
  ];
  if (names.length > 0) exts.push(extension(OID.subjectAltName, false, sequence(...names)));
  if (t.zone !== undefined) exts.push(extension(OID.swarmZone, false, utf8String(t.zone)));
  const tbs = sequence(
    VERSION_3,
    unsignedInteger(t.serial),
    SIG_ALG,
    t.issuer,
    sequence(time(t.notBefore), time(t.notAfter)),
    t.subject,
    t.spki,
    explicit(3, sequence(...exts)),
  );
  const signature = await signer.sign(tbs);
  return sequence(tbs, SIG_ALG, bitString(signature));
}

/** 20 random serial bytes as a positive INTEGER of exactly 20 octets (RFC 5280 4.1.2.2). */
export function serialFrom(bytes: Uint8Array): Uint8Array {
  if (bytes.length !== 20) throw new RangeError(`serial needs 20 random bytes, got ${bytes.length}`);
  const s = new Uint8Array(bytes);
  s[0] = s[0]! & 0x7f || 0x01;
  return s;
}

// --- parsing ----------------------------------------------------------------------------------

function bad(why: string): CertificateError {
  return new CertificateError('CERTIFICATE_MALFORMED', `certificate is malformed: ${why}`, { why });
}

/** Reads a DN as a flat list; a multi-valued RDN is refused. */
export function parseName(node: Der | undefined, what: string): NameAttribute[] {
  return expectChildren(node, 0x30, 0, 16, what).map((rdn) => {
    const [atv] = expectChildren(rdn, 0x31, 1, 1, `${what} RDN`);
    const [type, value] = expectChildren(atv, 0x30, 2, 2, `${what} attribute`);
    return {
      type: readOid(type, `${what} attribute type`),
      value: readString(value, `${what} attribute value`),
    };
  });
}

const KNOWN_EXTENSIONS = new Set<string>([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.subjectAltName,
  OID.swarmZone,
]);

/** Parses one DER certificate strictly. Errors are `CertificateError` with `CERTIFICATE_MALFORMED`. */
export function parseCertificate(der: Uint8Array): Certificate {
  try {
    return parse(der);
  } catch (err) {
    if (err instanceof CertificateError) throw err;
    throw bad((err as Error).message);
  }
}

/** Parses every certificate of a PEM bundle, in order. */
export function parseCertificates(pem: string, maxBytes = 256 * 1024): Certificate[] {
  return decodePemAll(pem, 'CERTIFICATE', { maxBytes }).map(parseCertificate);
}

/** PEM text of certificates, concatenated. */
export function certificatesToPem(certs: readonly (Certificate | Uint8Array)[]): string {
  return certs.map((c) => encodePem('CERTIFICATE', c instanceof Uint8Array ? c : c.der)).join('');
}

function parse(der: Uint8Array): Certificate {
  const top = readDer(der, 'certificate');
  const [tbsNode, algNode, sigNode] = expectChildren(top, 0x30, 3, 3, 'certificate');
  const tbsKids = expectChildren(tbsNode, 0x30, 7, 10, 'TBSCertificate');
  let i = 0;
  const v = tbsKids[0]!;
  if (v.tag === 0xa0) {
    const [ver] = expectChildren(v, 0xa0, 1, 1, 'version');
    if (readUnsigned(ver, 'version') !== 2n) throw bad('only X.509 v3 is supported');
    i = 1;
  } else throw bad('only X.509 v3 is supported');
  const serial = readUnsigned(tbsKids[i++], 'serial');
  const innerAlg = expectChildren(tbsKids[i++], 0x30, 1, 2, 'signature algorithm');
  const issuer = expectTag(tbsKids[i++], 0x30, 'issuer');
  parseName(issuer, 'issuer');
  const [nb, na] = expectChildren(tbsKids[i++], 0x30, 2, 2, 'validity');
  const subject = expectTag(tbsKids[i++], 0x30, 'subject');
  const subjectAttributes = parseName(subject, 'subject');
  const { curve, point } = parseSpki(tbsKids[i++]);
  let exts: Der[] = [];
  for (; i < tbsKids.length; i++) {
    const k = tbsKids[i]!;
    if (k.tag === 0xa3) {
      const [seq] = expectChildren(k, 0xa3, 1, 1, 'extensions');
      exts = expectChildren(seq, 0x30, 1, 64, 'extensions');
    } else if (k.tag !== 0x81 && k.tag !== 0x82 && k.tag !== 0xa1 && k.tag !== 0xa2)
      throw bad('unexpected TBS field');
  }
  const outerAlg = expectChildren(algNode, 0x30, 1, 2, 'signature algorithm');
  const sigAlg = readOid(outerAlg[0], 'signature algorithm');
  if (!bytesEqual(innerAlg[0]!.bytes, outerAlg[0]!.bytes)) throw bad('the two signature algorithms differ');
  const signature = readBitString(sigNode, 'signature');

  let isCA = false;
  let keyUsage: Set<number> | undefined;
  let extKeyUsage: string[] | undefined;
  let dnsNames: string[] = [];
  let ipAddresses: Uint8Array[] = [];
  let zone: string | undefined;
  let subjectKeyId: Uint8Array | undefined;
  let authorityKeyId: Uint8Array | undefined;
  const seen = new Set<string>();
  for (const ext of exts) {
    const parts = expectChildren(ext, 0x30, 2, 3, 'extension');
    const id = readOid(parts[0], 'extension id');
    if (seen.has(id)) throw bad(`extension ${id} appears twice`);
    seen.add(id);
    const critical = parts.length === 3 ? readBoolean(parts[1], 'critical') : false;
    const value = expectTag(parts[parts.length - 1], 0x04, 'extension value').contents;
    if (!KNOWN_EXTENSIONS.has(id)) {
      if (critical)
        throw new CertificateError('CERTIFICATE_UNSUPPORTED', `unknown critical extension ${id}`, { id });
      continue;
    }
    const inner = readDer(value, `extension ${id}`);
    switch (id) {
      case OID.basicConstraints: {
        const bc = children(expectTag(inner, 0x30, 'basicConstraints'), 'basicConstraints');
        isCA = bc[0]?.tag === 0x01 ? readBoolean(bc[0], 'cA') : false;
        break;
      }
      case OID.keyUsage:
        keyUsage = readBitFlags(inner, 'keyUsage');
        break;
      case OID.extKeyUsage:
        extKeyUsage = expectChildren(inner, 0x30, 1, 32, 'extKeyUsage').map((n) => readOid(n, 'extKeyUsage'));
        break;
      case OID.subjectKeyIdentifier:
        subjectKeyId = expectTag(inner, 0x04, 'subjectKeyIdentifier').contents;
        break;
      case OID.authorityKeyIdentifier: {
        const keyId = children(
          expectTag(inner, 0x30, 'authorityKeyIdentifier'),
          'authorityKeyIdentifier',
        ).find((n) => n.tag === 0x80);
        authorityKeyId = keyId?.contents;
        break;
      }
      case OID.subjectAltName:
        {
          const names = expectChildren(inner, 0x30, 1, 64, 'subjectAltName');
          dnsNames = names.filter((n) => n.tag === 0x82).map((n) => new TextDecoder().decode(n.contents));
          ipAddresses = names
            .filter((n) => n.tag === 0x87 && (n.contents.length === 4 || n.contents.length === 16))
            .map((n) => Uint8Array.from(n.contents));
        }
        break;
      case OID.swarmZone:
        zone = readString(inner, 'zone');
        break;
    }
  }
  return {
    der: top.bytes,
    tbs: tbsNode!.bytes,
    serial,
    issuer: issuer.bytes,
    subject: subject.bytes,
    subjectAttributes,
    notBefore: readTime(nb, 'notBefore'),
    notAfter: readTime(na, 'notAfter'),
    curve,
    publicKey: point,
    isCA,
    keyUsage,
    extKeyUsage,
    dnsNames,
    ipAddresses,
    zone,
    subjectKeyId,
    authorityKeyId,
    signatureAlgorithm: sigAlg,
    signature,
  };
}

/** Reads an EC SubjectPublicKeyInfo; other key types are `CERTIFICATE_UNSUPPORTED`. */
function parseSpki(node: Der | undefined): { curve: 'P-256' | 'P-384'; point: Uint8Array } {
  const [alg, key] = expectChildren(node, 0x30, 2, 2, 'subjectPublicKeyInfo');
  const algKids = expectChildren(alg, 0x30, 1, 2, 'key algorithm');
  if (readOid(algKids[0], 'key algorithm') !== OID.ecPublicKey)
    throw new CertificateError('CERTIFICATE_UNSUPPORTED', 'only EC keys are supported');
  const c = readOid(algKids[1], 'curve');
  const curve = c === OID.prime256v1 ? 'P-256' : c === OID.secp384r1 ? 'P-384' : undefined;
  if (curve === undefined) throw new CertificateError('CERTIFICATE_UNSUPPORTED', `unsupported curve ${c}`);
  return { curve, point: readBitString(key, 'public key') };
}

/** The value of the first subject attribute of `type`, if exactly one exists. */
export function subjectValue(cert: Certificate, type: string): string | undefined {
  const found = cert.subjectAttributes.filter((a) => a.type === type);
  return found.length === 1 ? found[0]!.value : undefined;
}
