// A fake "manager": a gRPC server that serves every swarm service path with a TLS certificate of
// the test's choosing, hands out the root bundle it is told to, and records every call that
// reaches it (method and decoded request). Used to prove what a joining node sends, and to whom.
import * as grpc from '@grpc/grpc-js';
import { SERVICE_NAMES, serviceDefinition, serviceMethods } from '@swarm/rpc';

export interface RecordedCall {
  path: string;
  /** The decoded request as JSON (bytes as base64). */
  request: string;
}

export interface FakeManager {
  readonly addr: string;
  readonly calls: RecordedCall[];
  close(): Promise<void>;
}

/**
 * Listens on `hostPort` with `keyPem`/`chainPem`. `GetRootCACertificate` answers `rootPem`; every
 * other unary call is recorded and answered UNAVAILABLE; streams are recorded and ended.
 */
export async function startFakeManager(
  hostPort: string,
  tls: { keyPem: string; chainPem: string },
  rootPem: string,
): Promise<FakeManager> {
  const calls: RecordedCall[] = [];
  const server = new grpc.Server();
  const record = (path: string, request: unknown) =>
    calls.push({
      path,
      request: JSON.stringify(request, (_k, v) =>
        v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v,
      ),
    });
  for (const name of SERVICE_NAMES) {
    const impl: grpc.UntypedServiceImplementation = {};
    for (const [key, m] of serviceMethods(name)) {
      if (m.kind === 'unary')
        impl[key] = (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
          record(m.path, call.request);
          if (m.path === '/swarm.CA/GetRootCACertificate') cb(null, { certificate: Buffer.from(rootPem) });
          else cb({ code: grpc.status.UNAVAILABLE, details: 'fake manager' });
        };
      else if (m.kind === 'serverStream')
        impl[key] = (call: grpc.ServerWritableStream<unknown, unknown>) => {
          record(m.path, call.request);
          call.end();
        };
      else
        impl[key] = (call: grpc.ServerReadableStream<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
          record(m.path, {});
          call.on('data', (d) => record(m.path, d));
          call.on('end', () => cb({ code: grpc.status.UNAVAILABLE, details: 'fake manager' }));
        };
    }
    server.addService(serviceDefinition(name), impl);
  }
  const creds = grpc.ServerCredentials.createSsl(
    null,
    [{ private_key: Buffer.from(tls.keyPem), cert_chain: Buffer.from(tls.chainPem) }],
    false,
  );
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(hostPort, creds, (err) => (err ? reject(err) : resolve())),
  );
  return {
    addr: hostPort,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 1000);
      }),
  };
}
