/**
 * API versions. The server speaks Docker Engine API 1.41 (Docker 20.10) and accepts requests for
 * any version from 1.12 on, as dockerd does: a newer client negotiates down after reading the
 * `API-Version` header of `/_ping`, and a request for a version above 1.41 is refused with 400.
 */
import { DockerInvalidParameterError } from './errors.js';

/** The newest Docker Engine API version served (Docker 20.10); requests above it are refused. */
export const API_VERSION = '1.41';
/** The oldest API version accepted in a `/vX.Y` path prefix, as dockerd's minimum. */
export const MIN_API_VERSION = '1.12';

/** Compares two `MAJOR.MINOR` versions: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Splits `/v1.41/services` into `1.41` and `/services`; an unprefixed path speaks the newest version. */
export function splitVersion(path: string): { version: string; path: string; prefixed: boolean } {
  const m = /^\/v(\d+\.\d+)(\/.*)?$/.exec(path);
  if (m === null) return { version: API_VERSION, path, prefixed: false };
  return { version: m[1]!, path: m[2] ?? '/', prefixed: true };
}

/** Docker's version check: too new and too old are 400s with Docker's wording. */
export function checkVersion(version: string): void {
  if (compareVersions(version, API_VERSION) > 0)
    throw new DockerInvalidParameterError(
      `client version ${version} is too new. Maximum supported API version is ${API_VERSION}`,
    );
  if (compareVersions(version, MIN_API_VERSION) < 0)
    throw new DockerInvalidParameterError(
      `client version ${version} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`,
    );
}
