/**
 * The rules for the TCP listener, on top of mutual TLS (the TLS layer already refused clients
 * without a certificate from the configured CA): no `Origin` header (a browser page must never
 * drive the API, even through DNS rebinding), a `Host` that names this server (its bound address
 * or a name in its certificate, with the bound port), and `application/json` for every body.
 * The control API of `@swarm/node` applies the same rules to its own TCP listener.
 */
import { X509Certificate } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DockerForbiddenError, DockerInvalidParameterError } from './errors.js';

/** The names and port the TCP listener answers to, checked against each request's `Host` header. */
export interface TcpGuard {
  /** Host names and addresses this server answers to (without the port). */
  hosts: Set<string>;
  /** The bound port; set once listening. */
  port: number;
}

/** A guard that accepts the names of the server certificate (its DNS and IP subject alternative names). */
export function tcpGuard(certPem: string | Buffer): TcpGuard {
  const hosts = new Set<string>();
  try {
    const cert = new X509Certificate(certPem);
    for (const part of (cert.subjectAltName ?? '').split(',')) {
      const m = /^\s*(DNS|IP Address):(.+)$/.exec(part);
      if (m)
        hosts.add(
          m[1] === 'IP Address' && m[2]!.includes(':') ? `[${m[2]!.trim()}]` : m[2]!.trim().toLowerCase(),
        );
    }
  } catch {
    // A certificate node cannot parse still served TLS; only the bound address is then accepted.
  }
  return { hosts, port: 0 };
}

/**
 * Applies the TCP listener's rules to one request: throws `DockerForbiddenError` for an `Origin`
 * header or a `Host` that does not name this server (name and bound port), and
 * `DockerInvalidParameterError` for a body that is not `application/json`.
 */
export function checkTcpRequest(g: TcpGuard, req: IncomingMessage): void {
  if (req.headers.origin !== undefined)
    throw new DockerForbiddenError(
      'requests with an Origin header are refused: the Docker API is not for web pages',
    );
  const host = (req.headers.host ?? '').toLowerCase();
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  if (m === null || !g.hosts.has(m[1]!) || Number(m[2] ?? '443') !== g.port)
    throw new DockerForbiddenError(
      `the Host header ${JSON.stringify(req.headers.host ?? '')} does not name this server: use one of ${[...g.hosts].map((h) => `${h}:${g.port}`).join(', ')}`,
    );
  const hasBody =
    Number(req.headers['content-length'] ?? '0') > 0 || req.headers['transfer-encoding'] !== undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (hasBody && type !== 'application/json')
    throw new DockerInvalidParameterError(
      `unsupported Content-Type header (${req.headers['content-type'] ?? ''}): must be 'application/json'`,
    );
}
