/**
 * The TLS rule of the node's HTTP APIs on TCP. A TCP port is open to every local process (tasks
 * share the host network) and, through DNS rebinding, to web pages, so a TCP listener of the node
 * follows Docker's `--tlsverify` model and more:
 *
 * 1. **Mutual TLS.** The server presents a certificate from a control CA of its own (in
 *    `DIR/control-tls/`, created on first use) and requires a client certificate from that same
 *    CA. The CLI's certificate is written to `DIR/control-tls/client/` (`ca.pem`, `cert.pem`,
 *    `key.pem`, Docker's `DOCKER_CERT_PATH` layout), under the data directory (0700): only the
 *    daemon's owner can read it, never a task (which runs as another uid) or a web page.
 * 2. **No browsers.** A request with an `Origin` header is refused (browsers send it on every
 *    cross-origin and every POST request).
 * 3. **The right name.** The `Host` header must name the bound address (`HOST:PORT`), so a page
 *    that rebinds its own name to our address is refused even before TLS would stop it.
 * 4. **JSON only.** A request with a body must say `Content-Type: application/json` (a form or
 *    `text/plain` body is what a page can send without a CORS preflight).
 *
 * Another HTTP server of the node (for example a Docker Engine API endpoint on TCP) applies the
 * same rule: create its server with `tcpGuardServerOptions(await ensureControlTls(...))` and call
 * `checkTcpRequest(req, rule)` first in its handler, answering the returned error (`status`) and
 * nothing else.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket, TlsOptions } from 'node:tls';
import {
  createKeyAndCSR,
  createRootCA,
  ipAddressBytes,
  issueTlsCertificate,
  loadRootCA,
  parseCertificates,
} from '@swarm/ca';
import { nativeBackend } from '@swarm/ca/native';
import { ControlAccessError } from './errors.js';

export { type ClientTls, readClientTls } from './client-tls.js';

/** The control TLS material of a daemon (PEM text) and where it lives. */
export interface ControlTls {
  /** `DIR/control-tls`. */
  readonly dir: string;
  /** `DIR/control-tls/client`: what a CLI presents (`ca.pem`, `cert.pem`, `key.pem`). */
  readonly clientDir: string;
  readonly caPem: string;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;
/** Leaves are issued again when they have less than this left. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

function write(path: string, text: string, mode: number): void {
  writeFileSync(path, text, { mode });
}

function readIf(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The SANs a server certificate for `host` carries. */
function serverNames(host: string): { dnsNames: string[]; ipAddresses: string[] } {
  return isIP(host) !== 0
    ? { dnsNames: ['swarm-control'], ipAddresses: [host] }
    : { dnsNames: ['swarm-control', host], ipAddresses: [] };
}

function leafUsable(certPem: string | undefined, host: string | undefined): boolean {
  if (certPem === undefined) return false;
  try {
    const leaf = parseCertificates(certPem)[0];
    if (leaf === undefined || leaf.notAfter - Date.now() < RENEW_BEFORE_MS) return false;
    if (host === undefined) return true;
    if (isIP(host) === 0) return leaf.dnsNames.includes(host);
    const want = Buffer.from(ipAddressBytes(host));
    return leaf.ipAddresses.some((ip) => want.equals(ip));
  } catch {
    return false;
  }
}

/**
 * The control TLS material under `dataDir`, created when missing: a control CA (kept to issue new
 * leaves), a server certificate naming `host`, and the CLI's client certificate. Leaves are issued
 * again when they near their end or, for the server, when the host changes. Keys are 0600.
 */
export async function ensureControlTls(dataDir: string, host: string): Promise<ControlTls> {
  const dir = join(dataDir, 'control-tls');
  const clientDir = join(dir, 'client');
  mkdirSync(clientDir, { recursive: true, mode: 0o700 });
  const paths = {
    ca: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca-key.pem'),
    serverCert: join(dir, 'server-cert.pem'),
    serverKey: join(dir, 'server-key.pem'),
    clientCa: join(clientDir, 'ca.pem'),
    clientCert: join(clientDir, 'cert.pem'),
    clientKey: join(clientDir, 'key.pem'),
  };
  let caPem = readIf(paths.ca);
  let caKeyPem = readIf(paths.caKey);
  let fresh = false;
  if (caPem === undefined || caKeyPem === undefined || !leafUsable(caPem, undefined)) {
    const root = await createRootCA({
      backend: nativeBackend,
      commonName: 'swarm-control-ca',
      lifetimeMs: 10 * YEAR_MS,
    });
    caPem = root.certPem;
    caKeyPem = root.keyPem;
    write(paths.caKey, caKeyPem, 0o600);
    write(paths.ca, caPem, 0o644);
    fresh = true;
  }
  const ca = loadRootCA({ certPem: caPem, keyPem: caKeyPem, backend: nativeBackend });
  let serverCertPem = readIf(paths.serverCert);
  let serverKeyPem = readIf(paths.serverKey);
  if (fresh || serverKeyPem === undefined || !leafUsable(serverCertPem, host)) {
    const { keyPem, csrPem } = createKeyAndCSR({ commonName: 'swarm-control' });
    serverCertPem = (
      await issueTlsCertificate(ca, csrPem, {
        commonName: 'swarm-control',
        ...serverNames(host),
        expiryMs: YEAR_MS,
      })
    ).certPem;
    serverKeyPem = keyPem;
    write(paths.serverKey, keyPem, 0o600);
    write(paths.serverCert, serverCertPem, 0o644);
  }
  if (fresh || readIf(paths.clientKey) === undefined || !leafUsable(readIf(paths.clientCert), undefined)) {
    const { keyPem, csrPem } = createKeyAndCSR({ commonName: 'swarm-cli' });
    const { certPem } = await issueTlsCertificate(ca, csrPem, { commonName: 'swarm-cli', expiryMs: YEAR_MS });
    write(paths.clientKey, keyPem, 0o600);
    write(paths.clientCert, certPem, 0o644);
    write(paths.clientCa, caPem, 0o644);
  }
  return { dir, clientDir, caPem, serverCertPem: serverCertPem!, serverKeyPem };
}

/** node:tls / node:https server options for the rule: our server certificate, client certificates required. */
export function tcpGuardServerOptions(material: ControlTls): TlsOptions {
  return {
    key: material.serverKeyPem,
    cert: material.serverCertPem,
    ca: material.caPem,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
  };
}

export interface TcpGuardRule {
  /** The bound host (as given: an IP or a name). */
  host: string;
  /** The bound port. */
  port: number;
  /** Other `Host` header values to accept (e.g. `localhost:PORT`). Default none. */
  extraHosts?: readonly string[];
  /**
   * Whether a request without a body must declare JSON too. The control API: true (every call is a
   * JSON POST). A Docker API endpoint, whose bodiless POSTs carry no type: false.
   */
  jsonWithoutBody?: boolean;
}

/** `host:port` as a Host header names it (IPv6 in brackets), lowercased. */
export function hostHeaderOf(host: string, port: number): string {
  return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`.toLowerCase();
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Checks one request against the rule; returns the refusal (with the HTTP status to answer) or
 * undefined when the request may proceed. Call it before reading the body.
 */
export function checkTcpRequest(req: IncomingMessage, rule: TcpGuardRule): ControlAccessError | undefined {
  const socket = req.socket as Partial<TLSSocket>;
  if (socket.encrypted !== true || socket.authorized !== true)
    return new ControlAccessError(
      'CONTROL_CLIENT_CERT_REQUIRED',
      'this API needs mutual TLS with the client certificate of the daemon (DATA_DIR/control-tls/client)',
    );
  const allowed = [
    hostHeaderOf(rule.host, rule.port),
    ...(rule.extraHosts ?? []).map((h) => h.toLowerCase()),
  ];
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowed.includes(host))
    return new ControlAccessError(
      'CONTROL_HOST_REFUSED',
      `the Host header must name this API's address ${allowed[0]}, not ${JSON.stringify(host.slice(0, 200))}`,
      { host: host.slice(0, 200) },
    );
  return checkNotFromBrowser(req, rule.jsonWithoutBody ?? false);
}

/**
 * Rules 2 and 4 alone (no `Origin`, JSON bodies): what the unix socket applies too, where TLS and
 * the Host header mean nothing.
 */
export function checkNotFromBrowser(
  req: IncomingMessage,
  jsonWithoutBody: boolean,
): ControlAccessError | undefined {
  if (req.headers.origin !== undefined)
    return new ControlAccessError(
      'CONTROL_ORIGIN_REFUSED',
      `requests from web pages are refused (Origin ${JSON.stringify(String(req.headers.origin).slice(0, 200))})`,
    );
  if (hasBody(req) || jsonWithoutBody) {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== 'application/json')
      return new ControlAccessError(
        'CONTROL_CONTENT_TYPE_REFUSED',
        `request bodies must be JSON (Content-Type: application/json), not ${JSON.stringify(type.slice(0, 100))}`,
      );
  }
  return undefined;
}
