import { p256 } from '@noble/curves/nist.js';
import { seededRandom } from '@swarm/api';
import { afterAll, describe, expect, it } from 'vitest';
import { bitString, oid, sequence, set, smallInteger, tlv, unsignedInteger } from '../src/der.js';
import {
  type CsrErrorCode,
  createKeyAndCSR,
  encodePem,
  nobleVerifier,
  OID,
  validateCSR,
} from '../src/index.js';
import { nativeVerifier } from '../src/native.js';
import { encodeSpki } from '../src/signer.js';
import { buildCsr, extension, extensionRequest, KEY, OTHER_KEY } from './helpers/csr-builder.js';
import { openssl, scratch } from './helpers/openssl.js';

const tmp = scratch();
afterAll(() => tmp.cleanup());

const pem = (der: Uint8Array): string => encodePem('CERTIFICATE REQUEST', der);
const good = createKeyAndCSR({ random: seededRandom(7) }).csrPem;
const goodDer = buildCsr();

function opensslCsr(genArgs: string[], reqArgs: string[] = []): string {
  const key = tmp.write(`k${Math.random()}.pem`, '');
  const g = openssl(['genpkey', ...genArgs, '-out', key]);
  if (g.status !== 0) throw new Error(`openssl genpkey failed: ${g.output}`);
  const r = openssl(['req', '-new', '-key', key, '-subj', '/CN=test', ...reqArgs]);
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.output}`);
  return r.output;
}
const ec = (curve: string): string[] => [
  '-algorithm',
  'EC',
  '-pkeyopt',
  `ec_paramgen_curve:${curve}`,
  '-pkeyopt',
  'ec_param_enc:named_curve',
];

/** `der` with the byte at `index` (negative counts from the end) XORed with `mask`. */
function flip(der: Uint8Array, index: number, mask = 0x01): Uint8Array {
  const out = new Uint8Array(der);
  const i = index < 0 ? out.length + index : index;
  out[i] = out[i]! ^ mask;
  return out;
}

function pointBytes(der: Uint8Array): number {
  // offset of the 65-byte point: find 0x03 0x42 0x00 0x04
  for (let i = 0; i < der.length - 3; i++)
    if (der[i] === 0x03 && der[i + 1] === 0x42 && der[i + 2] === 0x00 && der[i + 3] === 0x04) return i + 3;
  throw new Error('no point');
}

const pub = p256.getPublicKey(KEY, false);
const N = p256.Point.CURVE().n;

/** Each case: a name, the input, and the code it must be refused with. */
const badCases: [string, () => unknown, CsrErrorCode][] = [
  ['empty input', () => '', 'CSR_EMPTY'],
  ['whitespace only', () => ' \n\t\n', 'CSR_EMPTY'],
  ['input over 16 KiB', () => good + ' '.repeat(16 * 1024), 'CSR_TOO_LARGE'],
  ['two PEM blocks', () => good + good, 'CSR_MULTIPLE_PEM_BLOCKS'],
  [
    'a CSR followed by a certificate block',
    () => good + encodePem('CERTIFICATE', goodDer),
    'CSR_MULTIPLE_PEM_BLOCKS',
  ],
  ['the wrong PEM label', () => encodePem('CERTIFICATE', goodDer), 'CSR_BAD_PEM'],
  [
    'the legacy NEW CERTIFICATE REQUEST label',
    () => encodePem('NEW CERTIFICATE REQUEST', goodDer),
    'CSR_BAD_PEM',
  ],
  ['text before the PEM block', () => `hello\n${good}`, 'CSR_BAD_PEM'],
  ['text after the PEM block', () => `${good}bye\n`, 'CSR_BAD_PEM'],
  ['invalid base64', () => good.replace(/\n[A-Za-z0-9]/, '\n*'), 'CSR_BAD_PEM'],
  [
    'mismatched BEGIN and END labels',
    () => good.replace('END CERTIFICATE REQUEST', 'END CERTIFICATE'),
    'CSR_BAD_PEM',
  ],
  ['raw DER instead of PEM text', () => Buffer.from(goodDer).toString('latin1'), 'CSR_BAD_PEM'],
  [
    'an empty PEM body',
    () => '-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n',
    'CSR_BAD_PEM',
  ],
  [
    'trailing bytes after the DER value',
    () => pem(Uint8Array.from([...goodDer, 0x00])),
    'CSR_TRAILING_BYTES',
  ],
  [
    'a second DER value after the request',
    () => pem(Uint8Array.from([...goodDer, ...goodDer])),
    'CSR_TRAILING_BYTES',
  ],
  ['truncated DER', () => pem(goodDer.subarray(0, goodDer.length - 10)), 'CSR_MALFORMED'],
  [
    'an indefinite (BER) length',
    () => pem(Uint8Array.from([0x30, 0x80, ...goodDer.subarray(2), 0, 0])),
    'CSR_MALFORMED',
  ],
  [
    'a non-minimal length',
    () => pem(Uint8Array.from([0x30, 0x82, 0x00, goodDer[1]!, ...goodDer.subarray(2)])),
    'CSR_MALFORMED',
  ],
  [
    'a request info with too few fields',
    () => pem(sequence(sequence(smallInteger(0)), sequence(), bitString(new Uint8Array(1)))),
    'CSR_MALFORMED',
  ],
  ['no attributes element', () => pem(buildCsr({ attributes: undefined })), 'CSR_MALFORMED'],
  ['version 2 (1)', () => pem(buildCsr({ version: 1 })), 'CSR_UNSUPPORTED_VERSION'],
  [
    'an RSA key (openssl)',
    () => opensslCsr(['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']),
    'CSR_UNSUPPORTED_KEY',
  ],
  ['an Ed25519 key (openssl)', () => opensslCsr(['-algorithm', 'ED25519']), 'CSR_UNSUPPORTED_KEY'],
  ['a P-384 key when P-384 is not allowed (openssl)', () => opensslCsr(ec('P-384')), 'CSR_UNSUPPORTED_CURVE'],
  ['a P-521 key (openssl)', () => opensslCsr(ec('P-521')), 'CSR_UNSUPPORTED_CURVE'],
  ['a secp256k1 key (openssl)', () => opensslCsr(ec('secp256k1')), 'CSR_UNSUPPORTED_CURVE'],
  ['a brainpoolP256r1 key (openssl)', () => opensslCsr(ec('brainpoolP256r1')), 'CSR_UNSUPPORTED_CURVE'],
  [
    'explicit curve parameters (openssl)',
    () =>
      opensslCsr([
        '-algorithm',
        'EC',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-pkeyopt',
        'ec_param_enc:explicit',
      ]),
    'CSR_UNSUPPORTED_CURVE',
  ],
  [
    'a SHA-1 signature (openssl)',
    () => opensslCsr(ec('P-256'), ['-sha1']),
    'CSR_UNSUPPORTED_SIGNATURE_ALGORITHM',
  ],
  [
    'a SHA-512 signature (openssl)',
    () => opensslCsr(ec('P-256'), ['-sha512']),
    'CSR_UNSUPPORTED_SIGNATURE_ALGORITHM',
  ],
  [
    'signature algorithm with NULL parameters',
    () => pem(buildCsr({ sigAlg: sequence(oid(OID.ecdsaWithSha256), Uint8Array.of(5, 0)) })),
    'CSR_UNSUPPORTED_SIGNATURE_ALGORITHM',
  ],
  [
    'a point that is not on the curve',
    () => pem(flip(goodDer, pointBytes(goodDer) + 64)),
    'CSR_POINT_NOT_ON_CURVE',
  ],
  [
    'the all-zero point',
    () => pem(buildCsr({ spki: encodeSpki('P-256', Uint8Array.from([4, ...new Uint8Array(64)])) })),
    'CSR_POINT_NOT_ON_CURVE',
  ],
  [
    'a point of the wrong length',
    () => pem(buildCsr({ spki: encodeSpki('P-256', pub.subarray(0, 64)) })),
    'CSR_POINT_NOT_ON_CURVE',
  ],
  [
    'an x coordinate above the field prime',
    () =>
      pem(buildCsr({ spki: encodeSpki('P-256', Uint8Array.from([4, ...new Uint8Array(64).fill(0xff)])) })),
    'CSR_POINT_NOT_ON_CURVE',
  ],
  ['a flipped signature byte', () => pem(flip(goodDer, -3)), 'CSR_BAD_SIGNATURE'],
  ['a signature by another key', () => pem(buildCsr({ signKey: OTHER_KEY })), 'CSR_BAD_SIGNATURE'],
  ['a subject changed after signing', () => pem(tamperSubject()), 'CSR_BAD_SIGNATURE'],
  ['an empty signature', () => pem(buildCsr({ signature: () => new Uint8Array(0) })), 'CSR_BAD_SIGNATURE'],
  [
    'a signature with r = 0',
    () =>
      pem(
        buildCsr({
          signature: () => sequence(unsignedInteger(Uint8Array.of(0)), unsignedInteger(Uint8Array.of(1))),
        }),
      ),
    'CSR_BAD_SIGNATURE',
  ],
  [
    'a signature BIT STRING with unused bits',
    () => pem(sequence(...splitTop(buildCsr()).slice(0, 2), tlv(0x03, Uint8Array.of(1), new Uint8Array(70)))),
    'CSR_MALFORMED',
  ],
  [
    'a duplicate extension in the extension request',
    () =>
      pem(
        buildCsr({
          attributes: [
            extensionRequest(
              extension(OID.subjectAltName, sequence(tlv(0x82, new TextEncoder().encode('a')))),
              extension(OID.subjectAltName, sequence(tlv(0x82, new TextEncoder().encode('b')))),
            ),
          ],
        }),
      ),
    'CSR_DUPLICATE_EXTENSION',
  ],
  [
    'two basicConstraints extensions (one CA:true)',
    () =>
      pem(
        buildCsr({
          attributes: [
            extensionRequest(
              extension(OID.basicConstraints, sequence(Uint8Array.of(1, 1, 0xff)), true),
              extension(OID.basicConstraints, sequence()),
            ),
          ],
        }),
      ),
    'CSR_DUPLICATE_EXTENSION',
  ],
  [
    'a duplicate extensionRequest attribute',
    () => pem(buildCsr({ attributes: [extensionRequest(), extensionRequest()] })),
    'CSR_DUPLICATE_ATTRIBUTE',
  ],
  [
    'an extensionRequest with two values',
    () => pem(buildCsr({ attributes: [sequence(oid(OID.extensionRequest), set(sequence(), sequence()))] })),
    'CSR_MALFORMED',
  ],
  [
    'an extension value that is not DER',
    () =>
      pem(
        buildCsr({
          attributes: [extensionRequest(extension(OID.basicConstraints, Uint8Array.of(0x30, 0x05)))],
        }),
      ),
    'CSR_MALFORMED',
  ],
];

function splitTop(der: Uint8Array): Uint8Array[] {
  // children of the outer SEQUENCE, re-encoded as-is
  const out: Uint8Array[] = [];
  let off = der[1]! & 0x80 ? 2 + (der[1]! & 0x7f) : 2;
  while (off < der.length) {
    const lenByte = der[off + 1]!;
    let len = lenByte;
    let hdr = 2;
    if (lenByte & 0x80) {
      const n = lenByte & 0x7f;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + der[off + 2 + i]!;
      hdr += n;
    }
    out.push(der.subarray(off, off + hdr + len));
    off += hdr + len;
  }
  return out;
}

function tamperSubject(): Uint8Array {
  const d = buildCsr();
  const s = Buffer.from(d);
  const i = s.indexOf(Buffer.from('node'));
  s[i] = 'm'.charCodeAt(0);
  return new Uint8Array(s);
}

describe('validateCSR (RFC 2986) refuses bad requests with a stable code', () => {
  it('has at least 30 named bad-CSR cases', () => {
    expect(badCases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(badCases.map((c) => c[0])).size).toBe(badCases.length);
  });

  for (const [name, make, code] of badCases) {
    it(`refuses ${name} with ${code}`, () => {
      const input = make();
      for (const verifier of [nobleVerifier, nativeVerifier]) {
        let caught: unknown;
        try {
          validateCSR(input, { verifier });
        } catch (err) {
          caught = err;
        }
        expect(caught, `${name} was accepted`).toBeDefined();
        expect(caught).toMatchObject({ name: 'CsrError', code });
        expect((caught as Error).message).toMatch(/^certificate signing request refused: /);
      }
    });
  }
});

describe('validateCSR accepts good requests', () => {
  it('accepts a request made by createKeyAndCSR, and openssl verifies it too', () => {
    expect(validateCSR(good).curve).toBe('P-256');
    expect(openssl(['req', '-verify', '-noout', '-in', tmp.write('good.csr', good)]).status).toBe(0);
  });

  it('makes a new key for every request, and the CSR carries that key (as openssl reads them)', () => {
    const a = createKeyAndCSR();
    const b = createKeyAndCSR();
    expect(a.keyPem).not.toBe(b.keyPem);
    const fromKey = openssl(['pkey', '-pubout', '-in', tmp.write('a.key', a.keyPem)]).output;
    const fromCsr = openssl(['req', '-noout', '-pubkey', '-in', tmp.write('a.csr', a.csrPem)]).output;
    expect(fromKey).toContain('BEGIN PUBLIC KEY');
    expect(fromCsr).toBe(fromKey);
  });

  it('accepts an openssl-made P-256 request with either verifier', () => {
    const csr = opensslCsr(ec('P-256'));
    expect(validateCSR(csr, { verifier: nobleVerifier }).publicKey).toHaveLength(65);
    expect(validateCSR(csr, { verifier: nativeVerifier }).publicKey).toHaveLength(65);
  });

  it('accepts P-384 only when allowed', () => {
    const csr = opensslCsr(ec('P-384'));
    expect(validateCSR(csr, { allowP384: true }).curve).toBe('P-384');
  });

  it('accepts a high-S signature, as OpenSSL makes them (noble needs lowS: false)', () => {
    const der = buildCsr({
      signature: (_info, real) => {
        const sig = p256.Signature.fromBytes(real, 'der');
        return p256.Signature.fromBytes(
          Uint8Array.from([...bigTo32(sig.r), ...bigTo32(N - sig.s)]),
          'compact',
        ).toBytes('der');
      },
    });
    expect(validateCSR(pem(der), { verifier: nobleVerifier }).curve).toBe('P-256');
    expect(validateCSR(pem(der), { verifier: nativeVerifier }).curve).toBe('P-256');
  });

  it('records but never honours a request for CA:true', () => {
    const csr = opensslCsr(ec('P-256'), ['-addext', 'basicConstraints=critical,CA:TRUE']);
    const v = validateCSR(csr);
    expect(v.requestedCA).toBe(true);
    expect(v.requestedExtensions).toContain(OID.basicConstraints);
  });

  it('accepts a compressed point and returns it uncompressed', () => {
    const der = buildCsr({ spki: encodeSpki('P-256', p256.getPublicKey(KEY, true)) });
    expect(validateCSR(pem(der)).publicKey).toEqual(pub);
  });
});

function bigTo32(n: bigint): Uint8Array {
  return Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'));
}
