import { p256 } from '@noble/curves/nist.js';
import { cryptoRandom, type Random } from '@swarm/api';
import { children, expectChildren, expectTag, readDer, readOid, readUnsigned } from './der.js';
import { CertificateError } from './errors.js';
import { OID } from './oids.js';

/** A new P-256 private scalar from `random` (keys must use `cryptoRandom`, the default). */
export function generatePrivateKey(random: Random = cryptoRandom): Uint8Array {
  // 48 bytes reduced modulo n gives a bias below 2^-128 (FIPS 186-5 A.2.1).
  return p256.utils.randomSecretKey(random.bytes(48));
}

/** The 32-byte scalar of a PKCS#8 (or SEC1) P-256 private key in DER. */
export function parsePrivateKey(der: Uint8Array): Uint8Array {
  try {
    const top = readDer(der, 'private key');
    const kids = children(top, 'private key');
    let ec = top;
    if (kids[0] && kids[0].tag === 0x02 && kids[1]?.tag === 0x30) {
      // PKCS#8: version, algorithm, OCTET STRING { ECPrivateKey }
      readUnsigned(kids[0], 'private key version');
      const alg = expectChildren(kids[1], 0x30, 1, 2, 'private key algorithm');
      if (readOid(alg[0], 'key algorithm') !== OID.ecPublicKey || readOid(alg[1], 'curve') !== OID.prime256v1)
        throw new CertificateError('CERTIFICATE_UNSUPPORTED', 'the private key is not an EC P-256 key');
      ec = readDer(expectTag(kids[2], 0x04, 'private key').contents, 'EC private key');
    }
    const parts = children(ec, 'EC private key');
    const d = expectTag(parts[1], 0x04, 'EC private key scalar').contents;
    if (d.length !== 32 || !p256.utils.isValidSecretKey(d))
      throw new CertificateError('CERTIFICATE_UNSUPPORTED', 'the private key is not a valid P-256 scalar');
    return new Uint8Array(d);
  } catch (err) {
    if (err instanceof CertificateError) throw err;
    throw new CertificateError(
      'CERTIFICATE_MALFORMED',
      `the private key cannot be parsed: ${(err as Error).message}`,
      {},
      { cause: err },
    );
  }
}
