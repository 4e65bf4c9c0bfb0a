/**
 * The CLI's side of the TCP rule (see tcp-guard.ts): reading the client certificate directory.
 * Kept apart from tcp-guard.ts so that the CLI does not load the CA code on every command.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ControlAccessError } from './errors.js';

/** The files of a client certificate directory (Docker's `DOCKER_CERT_PATH` layout). */
export interface ClientTls {
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
}

/**
 * Reads a client certificate directory (`ca.pem`, `cert.pem`, `key.pem`). The key must not be
 * readable by group or others.
 */
export function readClientTls(dir: string): ClientTls {
  const file = (name: string) => {
    const path = join(dir, name);
    try {
      return { text: readFileSync(path, 'utf8'), mode: statSync(path).mode };
    } catch {
      throw new ControlAccessError(
        'CONTROL_TLS_MISSING',
        `no ${name} in ${dir}: a TCP control API needs the client certificate its daemon wrote to DATA_DIR/control-tls/client; give --data-dir, or set SWARM_CERT_PATH to a copy of that directory`,
        { dir, file: name },
      );
    }
  };
  const key = file('key.pem');
  if ((key.mode & 0o077) !== 0)
    throw new ControlAccessError(
      'CONTROL_TLS_INSECURE',
      `${join(dir, 'key.pem')} is readable by other users (mode ${(key.mode & 0o777).toString(8)}): run "chmod 600 ${join(dir, 'key.pem')}"`,
      { dir },
    );
  return { caPem: file('ca.pem').text, certPem: file('cert.pem').text, keyPem: key.text };
}
