/**
 * TLS credentials from the node's key and chain, for node:tls and @grpc/grpc-js, with hot swap:
 * after a renewal, `CredentialStore.update` hands the new key and chain to every server and channel
 * built from the store. New connections use them; existing connections keep their session (so
 * nothing is dropped); bound connection age so that old sessions end in time.
 */
import type { ConnectionOptions, SecureContextOptions, TlsOptions, Server as TlsServer } from 'node:tls';
import {
  type ChannelCredentials,
  type ChannelOptions,
  experimental,
  type ServerCredentials,
} from '@grpc/grpc-js';

/** What a node presents and trusts. */
export interface TlsMaterial {
  /** The node's private key, PEM. */
  readonly keyPem: string;
  /** The node's certificate followed by intermediates, PEM. */
  readonly chainPem: string;
  /** The trusted roots, PEM (two during a root rotation). */
  readonly rootsPem: string;
}

type Listener = (m: TlsMaterial) => void;
type CaListener = Parameters<experimental.CertificateProvider['addCaCertificateListener']>[0];
type IdentityListener = Parameters<experimental.CertificateProvider['addIdentityCertificateListener']>[0];

/**
 * The node's current TLS material, swappable at run time. It is also a grpc-js
 * `CertificateProvider` for both the identity and the CA side.
 */
export class CredentialStore implements experimental.CertificateProvider {
  #material: TlsMaterial;
  readonly #listeners = new Set<Listener>();
  readonly #ca = new Set<CaListener>();
  readonly #identity = new Set<IdentityListener>();

  constructor(material: TlsMaterial) {
    this.#material = check(material);
  }

  get current(): TlsMaterial {
    return this.#material;
  }

  /** Swaps in new material (after a renewal or a root rotation) and tells every user. */
  update(material: Partial<TlsMaterial>): void {
    this.#material = check({ ...this.#material, ...material });
    for (const l of this.#listeners) l(this.#material);
    for (const l of this.#ca) l(this.#caUpdate());
    for (const l of this.#identity) l(this.#identityUpdate());
  }

  /** Calls `listener` on every update; returns an unsubscribe function. */
  onUpdate(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // grpc-js drops connections if a provider answers synchronously inside add*Listener, so the
  // first value is delivered on a later turn of the event loop.
  /** grpc-js certificate provider: adds a listener for the trusted roots. */
  addCaCertificateListener(listener: CaListener): void {
    this.#ca.add(listener);
    setImmediate(() => this.#ca.has(listener) && listener(this.#caUpdate()));
  }

  /** grpc-js certificate provider: removes a roots listener. */
  removeCaCertificateListener(listener: CaListener): void {
    this.#ca.delete(listener);
  }

  /** grpc-js certificate provider: adds a listener for the node's key and chain. */
  addIdentityCertificateListener(listener: IdentityListener): void {
    this.#identity.add(listener);
    setImmediate(() => this.#identity.has(listener) && listener(this.#identityUpdate()));
  }

  /** grpc-js certificate provider: removes an identity listener. */
  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.#identity.delete(listener);
  }

  #caUpdate() {
    return { caCertificate: Buffer.from(this.#material.rootsPem) };
  }

  #identityUpdate() {
    return {
      certificate: Buffer.from(this.#material.chainPem),
      privateKey: Buffer.from(this.#material.keyPem),
    };
  }
}

function check(m: TlsMaterial): TlsMaterial {
  for (const k of ['keyPem', 'chainPem', 'rootsPem'] as const)
    if (typeof m[k] !== 'string' || !m[k].includes('-----BEGIN '))
      throw new TypeError(`TLS material ${k} must be PEM text`);
  return m;
}

/** Only TLS 1.2 and later. */
const MIN_VERSION = 'TLSv1.2';

/** SecureContext options for node:tls from the material. */
export function secureContextOptions(m: TlsMaterial): SecureContextOptions {
  return { key: m.keyPem, cert: m.chainPem, ca: m.rootsPem, minVersion: MIN_VERSION };
}

/**
 * node:tls server options. By default a client certificate is requested and required; with
 * `requireClientCertificate: false` joiners without one may connect (then check each RPC).
 */
export function tlsServerOptions(
  m: TlsMaterial,
  options: { requireClientCertificate?: boolean } = {},
): TlsOptions {
  const require = options.requireClientCertificate ?? true;
  return { ...secureContextOptions(m), requestCert: true, rejectUnauthorized: require };
}

/**
 * node:tls client options. The server must present a chain to our roots whose SANs include
 * `servername` (default `swarm-manager`: only managers serve the cluster's RPCs).
 */
export function tlsClientOptions(m: TlsMaterial, options: { servername?: string } = {}): ConnectionOptions {
  return {
    ...secureContextOptions(m),
    rejectUnauthorized: true,
    servername: options.servername ?? 'swarm-manager',
  };
}

/** Keeps a node:tls server's certificate in step with the store; returns a detach function. */
export function attachTlsServer(server: TlsServer, store: CredentialStore): () => void {
  return store.onUpdate((m) => server.setSecureContext(secureContextOptions(m)));
}

/**
 * gRPC server credentials that request a client certificate without requiring one (joiners
 * have none), verify presented ones against our roots, and follow the store's updates.
 * `call.getAuthContext().sslPeerCertificate` is set only for a verified client certificate.
 */
export function grpcServerCredentials(store: CredentialStore): ServerCredentials {
  // The declared parameter names of this function are swapped: the first is the server's own
  // identity provider, the second the CA provider (checked against grpc-js 1.14.7's source).
  return experimental.createCertificateProviderServerCredentials(store, store, false);
}

/**
 * gRPC channel credentials that present the node's chain and verify the server against our
 * roots, following the store's updates for new connections. Pass `grpcChannelOptions` too.
 */
export function grpcChannelCredentials(store: CredentialStore): ChannelCredentials {
  return experimental.createCertificateProviderChannelCredentials(store, store);
}

/** Channel options that make the client check the server's SAN for `servername` (default `swarm-manager`). */
export function grpcChannelOptions(servername = 'swarm-manager'): ChannelOptions {
  return { 'grpc.ssl_target_name_override': servername, 'grpc.default_authority': servername };
}
