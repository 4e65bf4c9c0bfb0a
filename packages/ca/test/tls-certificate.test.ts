// Plain TLS certificates for services next to the swarm (the node's control API on TCP), on
// 127.0.1.204: node:tls verifies the IP address SAN and requires the client certificate.
import * as tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import {
  authorize,
  createKeyAndCSR,
  createRootCA,
  ipAddressBytes,
  issueTlsCertificate,
  parseCertificates,
} from '../src/index.js';
import { nativeBackend } from '../src/native.js';

describe('issueTlsCertificate', () => {
  it('encodes IPv4 and IPv6 addresses and refuses anything else', () => {
    expect([...ipAddressBytes('127.0.1.204')]).toEqual([127, 0, 1, 204]);
    expect([...ipAddressBytes('::1')]).toEqual([...new Array(15).fill(0), 1]);
    expect([...ipAddressBytes('fd00::5:6')].slice(0, 2)).toEqual([0xfd, 0]);
    for (const bad of ['256.0.0.1', '1.2.3', 'fd00::1::2', 'host', '1:2:3:4:5:6:7:8:9'])
      expect(() => ipAddressBytes(bad), bad).toThrow(TypeError);
  });

  it('issues a server certificate node:tls accepts for its IP, and a client certificate the server requires', async () => {
    const ca = await createRootCA({ backend: nativeBackend, commonName: 'control-ca' });
    const server = createKeyAndCSR({ commonName: 'swarm-control' });
    const client = createKeyAndCSR({ commonName: 'swarm-cli' });
    const serverCert = await issueTlsCertificate(ca, server.csrPem, {
      commonName: 'swarm-control',
      dnsNames: ['swarm-control'],
      ipAddresses: ['127.0.1.204'],
    });
    const clientCert = await issueTlsCertificate(ca, client.csrPem, { commonName: 'swarm-cli' });
    const leaf = parseCertificates(serverCert.certPem)[0]!;
    expect(leaf.dnsNames).toEqual(['swarm-control']);
    expect(leaf.ipAddresses.map((b) => [...b])).toEqual([[127, 0, 1, 204]]);
    // Never a swarm node identity: no OU, no O.
    expect(() =>
      authorize(clientCert.certPem, {
        allowedRoles: ['worker|manager'],
        clusterId: 'x'.repeat(25),
        denyList: [],
        roots: ca.certPem,
      }),
    ).toThrow(expect.objectContaining({ code: 'AUTH_BAD_SUBJECT' }));

    const srv = tls.createServer(
      {
        key: server.keyPem,
        cert: serverCert.certPem,
        ca: ca.certPem,
        requestCert: true,
        rejectUnauthorized: true,
      },
      (s) => s.end('hello'),
    );
    await new Promise<void>((r) => srv.listen(0, '127.0.1.204', r));
    const port = (srv.address() as { port: number }).port;
    const dial = (withCert: boolean) =>
      new Promise<string>((resolve) => {
        const s = tls.connect({
          host: '127.0.1.204',
          port,
          ca: ca.certPem,
          ...(withCert ? { key: client.keyPem, cert: clientCert.certPem } : {}),
        });
        let got = '';
        s.on('data', (d) => {
          got += d;
        });
        s.on('end', () => resolve(got));
        s.on('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code ?? e.message}`));
      });
    try {
      expect(await dial(true)).toBe('hello');
      expect(await dial(false)).toMatch(/^error /);
    } finally {
      srv.close();
    }
  });
});
