// @swarm/ca/native: the node:crypto signing backend, signer and verifier (OpenSSL speed). Node.js only.
export { nativeBackend, nativeSigner, nativeVerifier } from './native-signer.js';
