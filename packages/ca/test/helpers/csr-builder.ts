import { p256 } from '@noble/curves/nist.js';
import { seededRandom } from '@swarm/api';
import { encodeName } from '../../src/certificate.js';
import { bitString, bool, octetString, oid, sequence, set, smallInteger, tlv } from '../../src/der.js';
import { OID } from '../../src/oids.js';
import { generatePrivateKey } from '../../src/private-key.js';
import { encodeSpki, nobleSigner } from '../../src/signer.js';

export interface CsrParts {
  version?: number;
  subject?: Uint8Array;
  spki?: Uint8Array;
  /** Attribute DERs inside [0]; undefined means no [0] element at all. */
  attributes?: Uint8Array[] | undefined;
  sigAlg?: Uint8Array;
  /** Override the signature bytes. */
  signature?: (info: Uint8Array, real: Uint8Array) => Uint8Array;
  /** Sign with this key instead of the key in the SPKI. */
  signKey?: Uint8Array;
}

const random = seededRandom(99);
export const KEY = generatePrivateKey(random);
export const OTHER_KEY = generatePrivateKey(random);

export function extension(id: string, value: Uint8Array, critical = false): Uint8Array {
  return critical ? sequence(oid(id), bool(true), octetString(value)) : sequence(oid(id), octetString(value));
}

export function extensionRequest(...exts: Uint8Array[]): Uint8Array {
  return sequence(oid(OID.extensionRequest), set(sequence(...exts)));
}

/** A CSR built piece by piece, signed (by default correctly) with KEY. */
export function buildCsr(parts: CsrParts = {}): Uint8Array {
  const signer = nobleSigner(parts.signKey ?? KEY);
  const spki = parts.spki ?? encodeSpki('P-256', p256.getPublicKey(KEY, false));
  const attrs = 'attributes' in parts ? parts.attributes : [];
  const info = sequence(
    smallInteger(parts.version ?? 0),
    parts.subject ?? encodeName([{ type: OID.commonName, value: 'node' }]),
    spki,
    ...(attrs === undefined ? [] : [tlv(0xa0, ...attrs)]),
  );
  const real = signer.sign(info) as Uint8Array;
  const sig = parts.signature ? parts.signature(info, real) : real;
  return sequence(info, parts.sigAlg ?? sequence(oid(OID.ecdsaWithSha256)), bitString(sig));
}
